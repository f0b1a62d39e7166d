// An XLSX download written as it is read: exceljs's streaming workbook writer (no styles, no
// shared strings), a batch of committed rows at a time. exceljs hands the sheet's XML to the zip
// writer without heeding backpressure: left alone, rows pile up there (500 MB for 200,000 rows).
// So after each batch we wait until the zip writer's input, and the download, have room again.
// exceljs is loaded on the first XLSX export only: imported at start it costs the server ~27 MB of
// RSS for as long as it runs.
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { Cell } from './columns.ts';

/** Excel's limits: rows per sheet (header included) and characters per cell. */
export const XLSX_MAX_ROWS = 1_048_576;
const MAX_CELL_CHARS = 32_767;

const cell = (v: Cell): Cell =>
  typeof v === 'string' && v.length > MAX_CELL_CHARS ? v.slice(0, MAX_CELL_CHARS) : v;

const PENDING_BYTES = 1 << 20;

/** Resolves once one of the streams drains, or closes. */
const room = (...streams: Writable[]) =>
  new Promise<void>((resolve) => {
    const done = () => {
      for (const s of streams) {
        s.off('drain', done);
        s.off('close', done);
      }
      resolve();
    };
    for (const s of streams) {
      s.once('drain', done);
      s.once('close', done);
    }
  });

/**
 * Bytes waiting in the stream exceljs's sheet writes into (exceljs and archiver internals: the
 * sheet's StreamBuf pipes into archiver's input, a readable-stream PassThrough), and that stream.
 */
function zipInput(sheet: unknown): { stream: Writable; pending: number } | null {
  const pipes = (sheet as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const s = pipes?.[0] as (Writable & { _writableState?: { length?: number } }) | undefined;
  const pending = s?._writableState?.length ?? s?.writableLength;
  return s && typeof pending === 'number' && typeof s.once === 'function' ? { stream: s, pending } : null;
}

export async function xlsxStream(
  sheetName: string,
  header: readonly string[],
  rows: AsyncIterableIterator<Cell[][]>,
): Promise<Readable> {
  let ExcelJS: typeof import('exceljs');
  try {
    ExcelJS = (await import('exceljs')).default;
  } catch (err) {
    await rows.return?.();
    throw err;
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  const write = async () => {
    sheet.addRow([...header]).commit();
    for await (const batch of rows) {
      for (const cells of batch) sheet.addRow(cells.map(cell)).commit();
      for (;;) {
        if (out.destroyed) return;
        const zip = zipInput(sheet);
        if (zip && zip.pending > PENDING_BYTES) await room(zip.stream, out);
        else if (out.writableNeedDrain) await room(out);
        else break;
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: Error) => out.destroy(err));
  out.on('close', () => void rows.return?.());
  return out;
}
