// The link's submission queue, shared by the questionnaire flow (which fills and sends it) and the
// receipt log (which shows it): one queue per token, its state re-read whenever it changes, and
// sent in the background whatever page is shown.
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { participantApi } from './api.ts';
import {
  createSubmissionQueue,
  type QueuedSubmission,
  type Receipt,
  type SubmissionQueue,
} from './submission-queue.ts';
import { backoffSeconds } from './submit-retry.ts';

const QueueContext = createContext<SubmissionQueue | null>(null);

export function QueueProvider({
  token,
  onSent,
  children,
}: {
  token: string;
  /** The background flush delivered something: the link's data is out of date. */
  onSent: () => void;
  children: ReactNode;
}) {
  const queue = useMemo(
    () =>
      createSubmissionQueue({
        token,
        send: (e) => participantApi.submit(token, { waveId: e.waveId, clientId: e.clientId, data: e.data }),
      }),
    [token],
  );
  useBackgroundFlush(queue, onSent);
  return <QueueContext.Provider value={queue}>{children}</QueueContext.Provider>;
}

/**
 * Whatever page is shown (another wave, one's answers), the link's queue is sent on page load, when
 * back online, when the page becomes visible again, and after a capped, jittered backoff while the
 * network or server fails. Entries marked with a problem (conflict, other hash) wait for the person;
 * a refusal (422…) is left to the questionnaire, which shows it on the questions.
 */
function useBackgroundFlush(queue: SubmissionQueue, onSent: () => void): void {
  useEffect(() => {
    let stopped = false;
    let busy = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = async () => {
      if (busy || stopped) return;
      busy = true;
      clearTimeout(timer);
      let transient = false;
      let sent = false;
      try {
        for (const e of await queue.pending()) {
          if (e.problem) continue;
          try {
            await queue.sendOne(e);
            sent = true;
          } catch (err) {
            if (err instanceof ApiError && err.isTransient) {
              transient = true;
              break;
            }
          }
        }
      } catch {
        // No IndexedDB: nothing queued.
      } finally {
        busy = false;
      }
      if (sent && !stopped) onSent();
      if (transient && !stopped) {
        attempt++;
        timer = setTimeout(() => void flush(), backoffSeconds(attempt) * 1000);
      } else attempt = 0;
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void flush();
    };
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    void flush();
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [queue, onSent]);
}

export function useQueue(): SubmissionQueue {
  const q = useContext(QueueContext);
  if (!q) throw new Error('useQueue() outside <QueueProvider>');
  return q;
}

export interface QueueState {
  pending: QueuedSubmission[];
  receipts: Receipt[];
}

/** What the queue holds for this link, kept up to date; null until first read (or without IndexedDB). */
export function useQueueState(): QueueState | null {
  const queue = useQueue();
  const [state, setState] = useState<QueueState | null>(null);
  useEffect(() => {
    let live = true;
    const read = () => {
      Promise.all([queue.pending(), queue.receipts()]).then(
        ([pending, receipts]) => {
          if (live) setState({ pending, receipts });
        },
        () => {},
      );
    };
    read();
    const off = queue.subscribe(read);
    return () => {
      live = false;
      off();
    };
  }, [queue]);
  return state;
}

/** The browser's own idea of the network: `navigator.onLine` and its events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** Asks once that the browser not evict this site's storage (the queue) under pressure. */
export function requestPersistentStorage(): void {
  try {
    void navigator.storage?.persist?.().catch(() => {});
  } catch {
    // not offered: the queue still works, only less protected
  }
}
