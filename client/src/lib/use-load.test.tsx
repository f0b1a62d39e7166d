import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { useLoad } from './use-load.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useLoad', () => {
  it('loads, keeps the data while reloading, and reloads on demand', async () => {
    let n = 0;
    const { result } = renderHook(() => useLoad(async () => ++n, []));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.data).toBe(1));
    expect(result.current.loading).toBe(false);
    let reloaded!: Promise<void>;
    act(() => {
      reloaded = result.current.reload();
    });
    expect(result.current).toMatchObject({ data: 1, loading: true });
    await act(() => reloaded);
    expect(result.current).toMatchObject({ data: 2, loading: false });
  });

  it('aborts the request a dependency change replaces, and ignores its answer', async () => {
    const calls: { key: string; signal: AbortSignal; d: ReturnType<typeof deferred<string>> }[] = [];
    const { result, rerender, unmount } = renderHook(
      ({ key }) =>
        useLoad(
          (signal) => {
            const d = deferred<string>();
            calls.push({ key, signal, d });
            return d.promise;
          },
          [key],
          { keep: false },
        ),
      { initialProps: { key: 'a' } },
    );
    rerender({ key: 'b' });
    expect(calls[0]!.signal.aborted).toBe(true);
    await act(async () => calls[0]!.d.resolve('old'));
    expect(result.current.data).toBeUndefined();
    await act(async () => calls[1]!.d.resolve('new'));
    expect(result.current.data).toBe('new');
    unmount();
    expect(calls[1]!.signal.aborted).toBe(true);
  });

  it('reports a failure as an ApiError and fetches nothing when disabled', async () => {
    const { result, rerender } = renderHook(
      ({ on }) =>
        useLoad(
          async () => {
            throw new ApiError(500, 'INTERNAL', 'boom');
          },
          [],
          { enabled: on },
        ),
      { initialProps: { on: false } },
    );
    expect(result.current.loading).toBe(false);
    rerender({ on: true });
    await waitFor(() => expect(result.current.error?.status).toBe(500));
    expect(result.current.data).toBeUndefined();
  });
});
