// Sending a queued submission until the server acknowledges it (submission-queue.ts keeps it
// durably meanwhile). Pure: the request, the clock, the randomness and the status callback are
// passed in, so tests drive it without a network or real time.
// Transient failures (no network, 408, 429, 5xx) are retried after a growing, capped delay with
// jitter (so that a caisse's phones coming back online together do not all call at once), counted
// down second by second for the page; `retryNow()` (the browser's `online` event, the page becoming
// visible again, a button) skips the wait. Other refusals (422 validation, 404 link, 409 wave closed
// or clientId conflict, a receipt whose hash differs) end it: retrying cannot help.
import { ApiError } from '../../lib/api.ts';

export type SubmitStatus =
  | { kind: 'sending'; attempt: number }
  | { kind: 'waiting'; attempt: number; seconds: number; offline: boolean };

export interface SubmitRetryOptions<T> {
  send: () => Promise<T>;
  onStatus: (status: SubmitStatus) => void;
  /** Resolves after `ms`; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Delay before retry n (1-based), in seconds. */
  delaySeconds?: (attempt: number) => number;
  signal?: AbortSignal;
}

export const MAX_DELAY_SECONDS = 60;

/**
 * Full backoff 2, 4, 8, 16, 32, 60, 60 … seconds, each drawn between half and all of it
 * ("equal jitter"), never below 1 s.
 */
export function backoffSeconds(attempt: number, random: () => number = Math.random): number {
  const full = Math.min(MAX_DELAY_SECONDS, 2 ** attempt);
  return Math.max(1, Math.round(full / 2 + (random() * full) / 2));
}

export const defaultDelaySeconds = (attempt: number) => backoffSeconds(attempt);

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSubmitRetry<T>(opts: SubmitRetryOptions<T>) {
  const sleep = opts.sleep ?? realSleep;
  const delaySeconds = opts.delaySeconds ?? defaultDelaySeconds;
  let wake: (() => void) | null = null;

  async function wait(attempt: number, offline: boolean): Promise<void> {
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    let done = false;
    void woken.then(() => {
      done = true;
    });
    for (let s = delaySeconds(attempt); s > 0 && !done; s--) {
      opts.onStatus({ kind: 'waiting', attempt, seconds: s, offline });
      await Promise.race([sleep(1000), woken]);
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
    }
    wake = null;
  }

  return {
    async run(): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
        opts.onStatus({ kind: 'sending', attempt });
        try {
          return await opts.send();
        } catch (err) {
          if (!(err instanceof ApiError) || !err.isTransient) throw err;
          await wait(attempt, err.isNetwork);
        }
      }
    },
    /** Ends the current wait at once (back online, page visible again, or the person asked). */
    retryNow() {
      wake?.();
    },
  };
}
