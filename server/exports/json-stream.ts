// A JSON document whose last member is a long array, written as it is read, a batch per chunk:
// `{ …head, "<key>": [row, row, …] }`.
import { Readable } from 'node:stream';
import { textChunks } from './source.ts';

export function jsonStream<T>(
  head: Record<string, unknown>,
  key: string,
  rows: AsyncIterableIterator<T[]>,
): Readable {
  const members = JSON.stringify(head).slice(1, -1);
  const opening = `{${members}${members === '' ? '' : ','}${JSON.stringify(key)}:[`;
  let first = true;
  const encode = (batch: T[]) => {
    let out = '';
    for (const row of batch) {
      out += first ? JSON.stringify(row) : `,${JSON.stringify(row)}`;
      first = false;
    }
    return out;
  };
  return Readable.from(textChunks(rows, encode, opening, ']}'), { objectMode: false });
}
