// The questionnaire flow's draft saver and subscriptions: SurveyJS events (draft saved on each
// change, flushed on each page), the flush when the page is hidden, and an immediate retry when
// back online.
import { type Dispatch, type RefObject, type SetStateAction, useEffect, useMemo } from 'react';
import type { Model } from '../../survey/survey-model.ts';
import { participantApi, type SurveyData } from './api.ts';
import { createDraftSaver, type DraftSaver, type DraftState } from './draft-saver.ts';
import type { LocalStore } from './local-store.ts';

export function useSurveyDrafts(
  model: Model,
  saver: DraftSaver<SurveyData>,
  store: LocalStore,
  send: (data: SurveyData) => Promise<void>,
  setNotice: Dispatch<SetStateAction<'restored' | 'invalid' | null>>,
): void {
  // Survey events: added and removed with the component, never piled up.
  useEffect(() => {
    const onValueChanged = (sender: Model) => {
      const data = sender.data as SurveyData;
      store.saveDraft(data, false);
      saver.schedule(data);
      setNotice((n) => (n === 'restored' ? null : n));
    };
    const onPageChanged = () => {
      void saver.flush();
      setNotice((n) => (n === 'restored' ? null : n));
    };
    const onComplete = (sender: Model) => {
      void send(sender.data as SurveyData);
    };
    model.onValueChanged.add(onValueChanged);
    model.onCurrentPageChanged.add(onPageChanged);
    model.onComplete.add(onComplete);
    return () => {
      model.onValueChanged.remove(onValueChanged);
      model.onCurrentPageChanged.remove(onPageChanged);
      model.onComplete.remove(onComplete);
    };
  }, [model, saver, store, send, setNotice]);

  // Save what is waiting when the page is hidden (phone locked, tab switched, closed).
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      void saver.flush();
    };
  }, [saver]);
}

/** Back online: do not wait for the countdown. */
export function useRetryWhenOnline(retryRef: RefObject<{ retryNow: () => void } | null>): void {
  useEffect(() => {
    const onOnline = () => retryRef.current?.retryNow();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [retryRef]);
}

/** Saves the draft on the server after 1 s of calm (this device keeps it at once). */
export function useDraftSaver(
  token: string,
  waveId: string,
  store: LocalStore,
  onState: (state: DraftState) => void,
): DraftSaver<SurveyData> {
  return useMemo(
    () =>
      createDraftSaver<SurveyData>({
        delayMs: 1000,
        onState,
        save: async (data) => {
          // A save while the page is being hidden must outlive it.
          const keepalive = typeof document !== 'undefined' && document.visibilityState === 'hidden';
          await participantApi.saveDraft(token, waveId, data, { keepalive });
          store.markDraftSynced(data);
        },
      }),
    [token, waveId, store, onState],
  );
}
