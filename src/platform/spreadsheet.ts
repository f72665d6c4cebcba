import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from './errors/app-error.js';

export interface Sheet { headers: string[]; rows: { row: number; cells: string[] }[] }

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
}

/** The first worksheet of an .xlsx or .csv file as text cells; row numbers are the spreadsheet's own (header = 1). */
export async function readSheet(data: Buffer, fileName: string, maxRows = 50_000): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  try {
    if (/\.csv$/i.test(fileName)) await wb.csv.read(Readable.from(data.toString('utf8').replace(/^\uFEFF/, '')));
    else await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('unsupported_media_type', { message: 'the file is not a readable .xlsx or .csv spreadsheet' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('validation_failed', { message: 'the spreadsheet has no sheet', errors: [{ path: 'body.file', message: 'empty' }] });
  if (ws.rowCount - 1 > maxRows) throw new AppError('payload_too_large', { message: `at most ${maxRows} rows per import` });
  const headers = ((ws.getRow(1).values as ExcelJS.CellValue[]) ?? []).slice(1).map(cellText);
  const rows: Sheet['rows'] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells = headers.map((_, i) => cellText(r.getCell(i + 1).value));
    if (cells.some((c) => c !== '')) rows.push({ row: n, cells });
  });
  return { headers, rows };
}

/** A one-sheet workbook with a bold, frozen header row. */
export async function writeSheet(name: string, headers: string[], rows: (string | number | null)[][], widths?: number[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  headers.forEach((_, i) => { ws.getColumn(i + 1).width = widths?.[i] ?? 14; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
