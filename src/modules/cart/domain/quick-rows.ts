/**
 * Quick order (快速订货): rows typed, pasted from Excel or uploaded, matched to sell units. Pure.
 * A code is a SKU code, a SKU barcode or a unit barcode; the unit is the one named, else the unit whose barcode was
 * scanned, else the base unit.
 */
export interface QuickRow { row: number; code: string; unit?: string; qty: number }
export interface UnitMatch { skuUnitId: string; unitName: string; conversion: number; unitBarcode: string | null; skuCode: string; barcode: string | null }
export type RowMatch = { ok: true; skuUnitId: string } | { ok: false; code: 'code_not_found' | 'unit_not_found' | 'invalid_quantity'; message: string };

export function matchRow(row: QuickRow, units: readonly UnitMatch[]): RowMatch {
  if (!Number.isSafeInteger(row.qty) || row.qty < 1 || row.qty > 1_000_000) return { ok: false, code: 'invalid_quantity', message: 'the quantity must be a whole number from 1 to 1000000' };
  const code = row.code.trim();
  const byUnitBarcode = units.find((u) => u.unitBarcode === code);
  const skuCode = byUnitBarcode?.skuCode
    ?? units.find((u) => u.skuCode === code || u.skuCode === code.toUpperCase() || u.barcode === code)?.skuCode;
  if (!skuCode) return { ok: false, code: 'code_not_found', message: `no product has the code or barcode ${code}` };
  const ofSku = units.filter((u) => u.skuCode === skuCode);
  const wanted = row.unit?.trim();
  const unit = wanted ? ofSku.find((u) => u.unitName === wanted) : byUnitBarcode ?? ofSku.find((u) => u.conversion === 1);
  if (!unit) return { ok: false, code: 'unit_not_found', message: wanted ? `${skuCode} has no unit ${wanted}` : `${skuCode} has no base unit` };
  return { ok: true, skuUnitId: unit.skuUnitId };
}

const HEADERS = { code: ['sku编码', '编码', '商品编码', 'code', 'sku', 'sku code', '条码', 'barcode'], unit: ['单位', 'unit'], qty: ['数量', 'qty', 'quantity'] };

/** Rows of an uploaded sheet; the header row names the columns (Chinese or English), else columns are code, unit, qty. */
export function rowsFromSheet(headers: string[], rows: { row: number; cells: string[] }[]): QuickRow[] {
  const norm = headers.map((h) => h.trim().toLowerCase());
  const find = (names: string[], fallback: number) => { const i = norm.findIndex((h) => names.includes(h)); return i >= 0 ? i : fallback; };
  const named = norm.some((h) => HEADERS.code.includes(h));
  const [ci, ui, qi] = named ? [find(HEADERS.code, 0), find(HEADERS.unit, -1), find(HEADERS.qty, 2)] : [0, 1, 2];
  // Without a recognised header the first line is data too.
  const all = named ? rows : [{ row: 1, cells: headers }, ...rows];
  return all.filter((r) => r.cells.some((c) => c.trim())).map((r) => ({
    row: r.row, code: (r.cells[ci] ?? '').trim(), unit: ui >= 0 ? (r.cells[ui] ?? '').trim() || undefined : undefined, qty: toQty(r.cells[qi]),
  }));
}

const toQty = (cell: string | undefined) => { const n = Number((cell ?? '').trim()); return Number.isFinite(n) ? n : NaN; };
