// The link's submission queue, shared by the questionnaire flow (which fills and sends it) and the
// receipt log (which shows it): one queue per token, its state re-read whenever it changes.
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { participantApi } from './api.ts';
import {
  createSubmissionQueue,
  type QueuedSubmission,
  type Receipt,
  type SubmissionQueue,
} from './submission-queue.ts';

const QueueContext = createContext<SubmissionQueue | null>(null);

export function QueueProvider({ token, children }: { token: string; children: ReactNode }) {
  const queue = useMemo(
    () =>
      createSubmissionQueue({
        token,
        send: (e) => participantApi.submit(token, { waveId: e.waveId, clientId: e.clientId, data: e.data }),
      }),
    [token],
  );
  return <QueueContext.Provider value={queue}>{children}</QueueContext.Provider>;
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
