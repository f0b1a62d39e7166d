// Loads data for a screen: re-run when `key` changes, aborting the previous request.
import { useEffect, useState } from 'react';
import { ApiError } from './api.ts';

export type Load<T> =
  | { kind: 'loading'; data?: T }
  | { kind: 'error'; error: ApiError }
  | { kind: 'ready'; data: T };

export function useLoad<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` says when to reload
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({
      kind: 'loading',
      data: s.kind === 'ready' ? s.data : s.kind === 'loading' ? s.data : undefined,
    }));
    fetcher(ctrl.signal).then(
      (data) => setState({ kind: 'ready', data }),
      (err: unknown) => {
        if ((err as Error)?.name === 'AbortError') return;
        setState({
          kind: 'error',
          error: err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', String(err)),
        });
      },
    );
    return () => ctrl.abort();
  }, [key, attempt]);
  return [state, () => setAttempt((a) => a + 1)];
}
