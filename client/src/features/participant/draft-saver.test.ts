import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver, type DraftState } from './draft-saver.ts';

describe('draft saver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the last data once, 1 s after the last change', async () => {
    const save = vi.fn(async (_: { n: number }) => {});
    const states: DraftState[] = [];
    const s = createDraftSaver({ save, onState: (x) => states.push(x) });
    s.schedule({ n: 1 });
    await vi.advanceTimersByTimeAsync(600);
    s.schedule({ n: 2 });
    await vi.advanceTimersByTimeAsync(600);
    s.schedule({ n: 3 });
    await vi.advanceTimersByTimeAsync(999);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ n: 3 });
    expect(states.at(-1)).toBe('saved');
  });

  it('never runs two saves at once; a change during a save is saved after it', async () => {
    let release!: () => void;
    let running = 0;
    let maxRunning = 0;
    const save = vi.fn(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((r) => {
        release = r;
      });
      running--;
    });
    const s = createDraftSaver<number>({ save });
    s.schedule(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
    s.schedule(2);
    await vi.advanceTimersByTimeAsync(1000); // timer fires while the first save still runs
    expect(save).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith(2);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(maxRunning).toBe(1);
  });

  it('flush() saves at once; nothing waiting means no request', async () => {
    const save = vi.fn(async () => {});
    const s = createDraftSaver<number>({ save });
    await s.flush();
    expect(save).not.toHaveBeenCalled();
    s.schedule(7);
    await s.flush();
    expect(save).toHaveBeenCalledWith(7);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('keeps unsaved data after a failure and tries again later', async () => {
    const save = vi
      .fn<(n: number) => Promise<void>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue();
    const states: DraftState[] = [];
    const s = createDraftSaver<number>({ save, retryMs: 10_000, onState: (x) => states.push(x) });
    s.schedule(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('error');
    expect(s.hasPending).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith(1);
    expect(states.at(-1)).toBe('saved');
  });

  it('cancel() drops what waits and resolves once no save is in flight (before submitting)', async () => {
    let release!: () => void;
    const save = vi.fn(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    const s = createDraftSaver<number>({ save });
    s.schedule(1);
    await vi.advanceTimersByTimeAsync(1000);
    s.schedule(2);
    let cancelled = false;
    const c = s.cancel().then(() => {
      cancelled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(cancelled).toBe(false);
    release();
    await c;
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
