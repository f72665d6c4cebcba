import type { AppError } from '../platform/errors/app-error.js';
import type { Sheet } from '../platform/spreadsheet.js';
import type { ProductCreate } from '../modules/catalog/catalog.schemas.js';
import { COLUMNS, LEVEL_PREFIX, type ColumnKey, type ParsedProduct, type RowError, type SheetRow } from '../modules/catalog/domain/import-sheet.js';
import type { ProductDetail } from '../modules/catalog/product-detail.js';

/** Header titles → column keys and level columns; a missing required column is an error on row 1. */
export function toSheetRows(sheet: Sheet): { rows: SheetRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const index = new Map(sheet.headers.map((h, i) => [h.replace(/\*$/, '').trim(), i]));
  for (const c of COLUMNS) if ('required' in c && c.required && !index.has(c.title)) errors.push({ row: 1, column: c.title, message: '缺少必需的列 / required column missing' });
  const levelCols = sheet.headers.map((h, i) => [h.trim(), i] as const).filter(([h]) => h.startsWith(LEVEL_PREFIX));
  const rows = sheet.rows.map((r) => ({
    row: r.row,
    values: Object.fromEntries(COLUMNS.filter((c) => index.has(c.title)).map((c) => [c.key, r.cells[index.get(c.title)!]])) as Partial<Record<ColumnKey, string>>,
    levelPrices: Object.fromEntries(levelCols.map(([h, i]) => [h.slice(LEVEL_PREFIX.length), r.cells[i]])),
  }));
  return { rows, errors };
}

export function bodyOf(p: ParsedProduct, categoryId: string | null, brandId: string | null): ProductCreate {
  return {
    name: p.name, subtitle: p.subtitle, categoryId, brandId, specs: p.specs, params: [], descriptionHtml: '', instructions: '', onShelf: p.onShelf,
    visibleTypes: [], visibleLevelIds: [],
    skus: p.skus.map((s) => ({
      code: s.code, barcode: s.barcode, specValues: s.specValues, baseUnit: s.baseUnit, costPriceFen: s.costPriceFen, weightGrams: s.weightGrams, enabled: true,
      units: s.units.map((u) => ({ name: u.name, conversion: u.conversion, barcode: u.barcode, listPriceFen: u.listPriceFen, minQty: u.minQty, multiple: u.multiple, enabled: true })),
    })),
  };
}

/** Service errors of one product, pinned to its sheet rows (the SKU's row when the path names a SKU). */
export function rowErrorsOf(err: AppError, p: ParsedProduct): RowError[] {
  const list = err.errors?.length ? err.errors : [{ path: 'body', message: err.message }];
  return list.map((e) => {
    const m = /^body\.skus\.(\d+)/.exec(e.path);
    const sku = m ? p.skus[Number(m[1])] : undefined;
    const row = sku ? p.rows[p.skus.slice(0, Number(m![1])).reduce((n, s) => n + s.units.length, 0)] ?? p.rows[0] : p.rows[0];
    return { row, column: e.path.replace(/^body\./, ''), message: e.message };
  });
}

/** The sheet's level prices of a written product, by the unit ids it got (a SKU by code, a unit by name). */
export function levelPriceRows(p: ParsedProduct, saved: ProductDetail, levels: Map<string, string>) {
  return p.skus.flatMap((s) => {
    const units = saved.skus.find((x) => x.code === s.code)!.units;
    return s.units.flatMap((u) => {
      const skuUnitId = units.find((x) => x.name === u.name)!.id;
      return Object.entries(u.levelPricesFen).map(([level, priceFen]) => ({ skuUnitId, levelId: levels.get(level)!, priceFen }));
    });
  });
}

export function mergeSpecs(a: { name: string; values: string[] }[], b: { name: string; values: string[] }[]) {
  const out = a.map((s) => ({ name: s.name, values: [...s.values] }));
  for (const s of b) {
    const hit = out.find((o) => o.name === s.name);
    if (hit) for (const v of s.values) { if (!hit.values.includes(v)) hit.values.push(v); }
    else out.push({ name: s.name, values: [...s.values] });
  }
  return out;
}
