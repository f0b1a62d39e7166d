// The translation table as an Excel workbook and back (exceljs, loaded on first use like the
// exports'). One sheet: clé, contexte, fr, then one column per locale.
import { CONTEXT_HEADER, FRENCH, KEY_HEADER, type SheetCells, type TranslationTable } from './strings.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = 'Traductions';

const loadExcel = async () => (await import('exceljs')).default;

export async function tableToXlsx(table: TranslationTable): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.addRow([KEY_HEADER, CONTEXT_HEADER, FRENCH, ...table.locales]);
  sheet.getRow(1).font = { bold: true };
  for (const r of table.rows) {
    sheet.addRow([r.key, r.context, r.texts[FRENCH] ?? '', ...table.locales.map((l) => r.texts[l] ?? '')]);
  }
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 40 : i === 1 ? 24 : 50;
    if (i >= 2) c.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// biome-ignore lint/suspicious/noExplicitAny: exceljs cell values (rich text, formulas, numbers…)
function text(value: any): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value.richText)) return value.richText.map((t: { text: string }) => t.text).join('');
  if ('result' in value) return text(value.result);
  if ('text' in value) return text(value.text);
  return '';
}

/** The first sheet's cells as strings, or null when the bytes are not a readable workbook. */
export async function xlsxToSheet(bytes: Buffer): Promise<SheetCells | null> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets[0];
  if (!sheet) return null;
  const rowCells = (n: number) => {
    const cells: string[] = [];
    sheet.getRow(n).eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = text(cell.value);
    });
    return Array.from(cells, (c) => c ?? '');
  };
  const rows: SheetCells['rows'] = [];
  for (let n = 2; n <= sheet.rowCount; n++) rows.push({ row: n, cells: rowCells(n) });
  return { header: rowCells(1), rows };
}
