// Batches of export rows on their way out: primed before the answer starts, mapped, and turned into
// text chunks. The rows themselves come from server/db/read-snapshot.ts (streamRows).

/**
 * Starts reading before the answer is sent, so that a database failure is still a JSON error
 * rather than a truncated download. The result replays the first batch, maps every row (a null
 * skips it), and passes `return()` on (a download abandoned early still closes the query).
 */
export async function primed<R, T>(
  batches: AsyncGenerator<R[]>,
  map: (row: R) => T | null,
): Promise<AsyncIterableIterator<T[]>> {
  let pending: IteratorResult<R[]> | null = await batches.next();
  const it: AsyncIterableIterator<T[]> = {
    async next(): Promise<IteratorResult<T[]>> {
      const r = pending ?? (await batches.next());
      pending = null;
      if (r.done) return { done: true, value: undefined };
      const out: T[] = [];
      for (const row of r.value) {
        const v = map(row);
        if (v !== null) out.push(v);
      }
      return { done: false, value: out };
    },
    async return(): Promise<IteratorResult<T[]>> {
      pending = null;
      await batches.return(undefined);
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}

/** No rows at all. */
export async function* noRows<R>(): AsyncGenerator<R[]> {}

/** Text chunks from batches of rows (a header first, when given); `return()` passed on. */
export function textChunks<T>(
  batches: AsyncIterableIterator<T[]>,
  encode: (rows: T[]) => string,
  head: string,
  tail = '',
): AsyncIterableIterator<string> {
  let state: 'head' | 'rows' | 'done' = 'head';
  const it: AsyncIterableIterator<string> = {
    async next(): Promise<IteratorResult<string>> {
      if (state === 'head') {
        state = 'rows';
        return { done: false, value: head };
      }
      while (state === 'rows') {
        const r = await batches.next();
        if (r.done) {
          state = 'done';
          return tail === '' ? { done: true, value: undefined } : { done: false, value: tail };
        }
        const text = encode(r.value);
        if (text !== '') return { done: false, value: text };
      }
      return { done: true, value: undefined };
    },
    async return(): Promise<IteratorResult<string>> {
      state = 'done';
      await batches.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => it,
  };
  return it;
}
