// Sending a submission until the server acknowledges it. Pure: the request, the clock and the
// status callback are passed in, so tests drive it without a network or real time.
// Transient failures (no network, 408, 429, 5xx) are retried with a growing delay, counted down
// second by second for the page; `retryNow()` (the browser's `online` event, a button) skips the
// wait. Other refusals (422 validation, 404 link, 409 wave closed) end it: retrying cannot help.
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

/** 2, 4, 8, 16, 30, 30, … seconds. */
export const defaultDelaySeconds = (attempt: number) => Math.min(30, 2 ** attempt);

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
    /** Ends the current wait at once (back online, or the person asked). */
    retryNow() {
      wake?.();
    },
  };
}
