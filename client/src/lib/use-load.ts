// The one data-loading hook of the screens: runs `fetcher` when the screen mounts and whenever a
// dependency changes, aborting the request it replaces (and the last one on unmount).
//   const { data, error, loading, reload } = useLoad((signal) => wavesApi.list(caisseId, signal), [caisseId]);
// `data` stays on screen while a reload or a dependency change fetches again (unless `keep: false`);
// a failure clears it and sets `error` (always an ApiError); `reload()` tries again; `set(data)`
// replaces the data with what a write answered.
// `await reload()` waits for the new data (e.g. a button stays busy until the list shows the change).
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';

export interface LoadOptions {
  /** False: nothing is fetched (e.g. no caisse chosen yet); data and error are cleared. */
  enabled?: boolean;
  /** False: the data is cleared as soon as a new fetch starts. */
  keep?: boolean;
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  /** A fetch is under way (with `data` still the previous one, if any). */
  loading: boolean;
  /** Fetches again; resolves once that fetch has settled (its data or its error in place). */
  reload: () => Promise<void>;
  set: (data: T) => void;
}

interface State<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
}

/** The code of a failure that did not come from the server (e.g. a bug in a fetcher). */
export const CLIENT_ERROR = 'CLIENT_ERROR';

/** Any failure as an ApiError (one not from the server is not a network error: status -1). */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(-1, CLIENT_ERROR, err instanceof Error ? err.message : String(err));
}

export function useLoad<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  { enabled = true, keep = true }: LoadOptions = {},
): Loaded<T> {
  const [state, setState] = useState<State<T>>({ data: undefined, error: null, loading: enabled });
  const [attempt, setAttempt] = useState(0);
  // Callers of reload() waiting for the fetch it started (or a later one) to settle.
  const waiting = useRef<(() => void)[]>([]);
  const settle = () => {
    for (const resolve of waiting.current.splice(0)) resolve();
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` are what `fetcher` depends on
  useEffect(() => {
    if (!enabled) {
      setState({ data: undefined, error: null, loading: false });
      settle();
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ data: keep ? s.data : undefined, error: null, loading: true }));
    fetcher(ctrl.signal).then(
      (data) => {
        if (ctrl.signal.aborted) return;
        setState({ data, error: null, loading: false });
        settle();
      },
      (err: unknown) => {
        if (ctrl.signal.aborted || (err as Error)?.name === 'AbortError') return;
        setState({ data: undefined, error: asApiError(err), loading: false });
        settle();
      },
    );
    return () => ctrl.abort();
  }, [...deps, enabled, attempt]);
  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        setAttempt((a) => a + 1);
      }),
    [],
  );
  const set = useCallback((data: T) => setState({ data, error: null, loading: false }), []);
  return { ...state, reload, set };
}
