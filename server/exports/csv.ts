// CSV (RFC 4180) written as it is read, a batch of rows per chunk, the pipe's backpressure reaching
// back to the database reader. Encoded here rather than by csv-stringify's stream: at a million
// rows of ~60 columns its per-field work cost ~10 s more than this (bench/exports).
import { Readable } from 'node:stream';
import type { Cell } from './columns.ts';
import { textChunks } from './source.ts';

export interface CsvOptions {
  /** UTF-8 byte order mark, for Excel. */
  bom: boolean;
  delimiter: ',' | ';';
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first: "CSV injection")
 * gets a leading apostrophe; free-text answers come from participants.
 */
export function neutraliseFormula(v: string): string {
  const c = v.charCodeAt(0);
  const risky =
    c === 61 || c === 43 || c === 64 || c === 9 || c === 13 || (c === 45 && !PLAIN_NUMBER.test(v));
  return risky ? `'${v}` : v;
}

const SPECIAL = { ',': /[",\r\n]/, ';': /[";\r\n]/ } as const;

/** One CSV line (CRLF-terminated): a field is quoted when it holds the delimiter, a quote or a line break. */
export function csvLine(cells: readonly Cell[], delimiter: ',' | ';'): string {
  const special = SPECIAL[delimiter];
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (i > 0) line += delimiter;
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') {
      line += String(v);
      continue;
    }
    const s = neutraliseFormula(v);
    line += special.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  }
  return `${line}\r\n`;
}

export function csvStream(
  header: readonly string[],
  rows: AsyncIterableIterator<Cell[][]>,
  opts: CsvOptions,
): Readable {
  const head = `${opts.bom ? '\uFEFF' : ''}${csvLine(header, opts.delimiter)}`;
  const encode = (batch: Cell[][]) => {
    let out = '';
    for (const cells of batch) out += csvLine(cells, opts.delimiter);
    return out;
  };
  return Readable.from(textChunks(rows, encode, head), { objectMode: false });
}
