import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { createSubmitRetry, defaultDelaySeconds, type SubmitStatus } from './submit-retry.ts';

const offline = () => new ApiError(0, 'NETWORK_ERROR', 'Failed to fetch');

describe('submit retry', () => {
  it('sends once when the server answers', async () => {
    const statuses: SubmitStatus[] = [];
    const send = vi.fn(async () => 'ok');
    const r = createSubmitRetry({ send, onStatus: (s) => statuses.push(s), sleep: async () => {} });
    expect(await r.run()).toBe('ok');
    expect(send).toHaveBeenCalledTimes(1);
    expect(statuses).toEqual([{ kind: 'sending', attempt: 1 }]);
  });

  it('retries transient failures with a growing delay, counted down second by second', async () => {
    const statuses: SubmitStatus[] = [];
    const sleeps: number[] = [];
    const send = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(offline())
      .mockRejectedValueOnce(new ApiError(503, 'HTTP_503', 'Unavailable'))
      .mockResolvedValueOnce('ok');
    const r = createSubmitRetry({
      send,
      onStatus: (s) => statuses.push(s),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    expect(await r.run()).toBe('ok');
    expect(send).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([1000, 1000, 1000, 1000, 1000, 1000]); // 2 s, then 4 s
    expect(statuses).toEqual([
      { kind: 'sending', attempt: 1 },
      { kind: 'waiting', attempt: 1, seconds: 2, offline: true },
      { kind: 'waiting', attempt: 1, seconds: 1, offline: true },
      { kind: 'sending', attempt: 2 },
      { kind: 'waiting', attempt: 2, seconds: 4, offline: false },
      { kind: 'waiting', attempt: 2, seconds: 3, offline: false },
      { kind: 'waiting', attempt: 2, seconds: 2, offline: false },
      { kind: 'waiting', attempt: 2, seconds: 1, offline: false },
      { kind: 'sending', attempt: 3 },
    ]);
  });

  it('caps the delay at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(defaultDelaySeconds)).toEqual([2, 4, 8, 16, 30, 30, 30]);
  });

  it('does not retry what a retry cannot fix (422, 404, 409)', async () => {
    for (const status of [422, 404, 409, 400]) {
      const send = vi.fn(async () => {
        throw new ApiError(status, 'X', 'no');
      });
      const r = createSubmitRetry({ send, onStatus: () => {}, sleep: async () => {} });
      await expect(r.run()).rejects.toMatchObject({ status });
      expect(send).toHaveBeenCalledTimes(1);
    }
  });

  it('retryNow() ends the wait at once (back online)', async () => {
    vi.useFakeTimers();
    try {
      const statuses: SubmitStatus[] = [];
      const send = vi
        .fn<() => Promise<string>>()
        .mockRejectedValueOnce(offline())
        .mockResolvedValueOnce('ok');
      const r = createSubmitRetry({ send, onStatus: (s) => statuses.push(s), delaySeconds: () => 30 });
      const done = r.run();
      await vi.advanceTimersByTimeAsync(2000);
      expect(statuses.at(-1)).toEqual({ kind: 'waiting', attempt: 1, seconds: 28, offline: true });
      r.retryNow();
      expect(await done).toBe('ok');
      expect(send).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
