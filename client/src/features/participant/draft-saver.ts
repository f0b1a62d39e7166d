// Saving a draft while someone answers: the last data wins, saved `delayMs` after the last change,
// one request at a time (a change during a save is saved right after it). Pure: the save function
// and the timer are passed in.

export type DraftState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface DraftSaverOptions<D> {
  save: (data: D) => Promise<unknown>;
  delayMs?: number;
  /** After a failed save, the next attempt (without a newer change). */
  retryMs?: number;
  onState?: (state: DraftState) => void;
  timers?: Timers;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createDraftSaver<D>({
  save,
  delayMs = 1000,
  retryMs = 10_000,
  onState,
  timers = realTimers,
}: DraftSaverOptions<D>) {
  let next: { data: D } | null = null;
  let timer: unknown = null;
  let inFlight: Promise<void> | null = null;
  let stopped = false;
  let paused = false;

  const setState = (s: DraftState) => onState?.(s);

  async function saveNow(): Promise<void> {
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
    while (inFlight) await inFlight;
    if (!next || stopped) return;
    const { data } = next;
    next = null;
    setState('saving');
    inFlight = (async () => {
      try {
        await save(data);
        // A newer change may be waiting: its own timer or flush will save it.
        setState(next ? 'pending' : 'saved');
      } catch {
        // Keep the unsaved data and try again later (a newer change would replace it).
        if (paused || stopped) return;
        if (!next) next = { data };
        setState('error');
        if (timer === null)
          timer = timers.setTimeout(() => {
            timer = null;
            void saveNow();
          }, retryMs);
      } finally {
        inFlight = null;
      }
    })();
    await inFlight;
  }

  return {
    /** Records the latest data; it is saved `delayMs` after the last call. */
    schedule(data: D) {
      if (stopped) return;
      paused = false;
      next = { data };
      setState('pending');
      if (timer !== null) timers.clearTimeout(timer);
      timer = timers.setTimeout(() => {
        timer = null;
        void saveNow();
      }, delayMs);
    },
    /** Saves what is waiting now (page hidden, before submitting). */
    flush: saveNow,
    /**
     * Forgets what is waiting and resolves once no save is in flight (before a submission, so that
     * no late draft lands after it); a later change is saved again.
     */
    async cancel() {
      paused = true;
      next = null;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      while (inFlight) await inFlight;
    },
    /** Forgets what is waiting and ignores later calls (the page is going away). */
    stop() {
      stopped = true;
      next = null;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
    get hasPending() {
      return next !== null;
    },
  };
}

export type DraftSaver<D> = ReturnType<typeof createDraftSaver<D>>;
