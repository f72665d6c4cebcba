import { newId } from '../../platform/ids.js';
import type { ProductCreate, SkuIn } from './catalog.schemas.js';
import type { skus, skuUnits } from './catalog.tables.js';
import type { SearchTextInput } from './domain/search-text.js';
import type { UnitDetail, WrittenSku } from './product-detail.js';
import type { ProductNames } from './product-validation.js';

type UnitIn = SkuIn['units'][number];
export type SkuRow = typeof skus.$inferInsert;
export type UnitRow = typeof skuUnits.$inferInsert;

/** The product row's columns from a body; `descriptionHtml` already sanitized. */
export const productValues = (input: ProductCreate, descriptionHtml: string, searchText: string) => ({
  name: input.name, subtitle: input.subtitle ?? null, categoryId: input.categoryId ?? null, brandId: input.brandId ?? null,
  specs: input.specs, params: input.params, descriptionHtml, instructions: input.instructions,
  onShelf: input.onShelf, visibleTypes: input.visibleTypes, visibleLevelIds: input.visibleLevelIds, taxRateBp: input.taxRateBp ?? null, stockPolicy: input.stockPolicy ?? 'block', searchText,
});

/** What search and autocomplete index of a product being written: its words, its brand's and category's names, its codes. */
export const searchInputOf = (input: ProductCreate, names: ProductNames): SearchTextInput => ({
  name: input.name, subtitle: input.subtitle, brand: input.brandId ? names.brand ?? undefined : undefined, category: input.categoryId ? names.category ?? undefined : undefined,
  codes: input.skus.map((s) => s.code),
  barcodes: input.skus.flatMap((s) => [s.barcode, ...s.units.map((u) => u.barcode)]).filter((b): b is string => !!b),
});

export const skuValues = (s: SkuIn, sort: number) => ({
  specValues: s.specValues, barcode: s.barcode ?? null, costPriceFen: s.costPriceFen, weightGrams: s.weightGrams, baseUnit: s.baseUnit, enabled: s.enabled, sort,
});
export const unitValues = (u: UnitIn) => ({ conversion: u.conversion, barcode: u.barcode ?? null, listPriceFen: u.listPriceFen, minQty: u.minQty, multiple: u.multiple, enabled: u.enabled });

/** A new unit's row, and how it reads back. */
export function newUnit(tenantId: string, skuId: string, u: UnitIn): { row: UnitRow; written: UnitDetail } {
  const id = newId();
  const v = unitValues(u);
  return { row: { tenantId, id, skuId, name: u.name, ...v }, written: { id, name: u.name, ...v } };
}

/** A new SKU's row and its units' rows, and how they read back. */
export function newSku(tenantId: string, productId: string, s: SkuIn, sort: number): { row: SkuRow; unitRows: UnitRow[]; written: WrittenSku } {
  const id = newId();
  const v = skuValues(s, sort);
  const units = s.units.map((u) => newUnit(tenantId, id, u));
  return {
    row: { tenantId, id, productId, code: s.code, ...v },
    unitRows: units.map((u) => u.row),
    written: { id, code: s.code, ...v, units: units.map((u) => u.written) },
  };
}
