import type { ProductCreate } from './catalog.schemas.js';
import type { ProductNames } from './product-validation.js';
import type { loadDetail } from './products.repository.js';

export type ProductDetail = NonNullable<Awaited<ReturnType<typeof loadDetail>>>;
export type UnitDetail = ProductDetail['skus'][number]['units'][number];
/** A SKU as written, with its display position (loadSkus orders by sort, then id). */
export type WrittenSku = ProductDetail['skus'][number] & { sort: number };

export interface WrittenProduct {
  id: string; version: number; updatedAt: Date; input: ProductCreate; descriptionHtml: string; names: ProductNames;
  /** Every SKU of the product after the write, the ones disabled by it too. */
  skus: WrittenSku[];
  tagIds: string[];
  images: ProductDetail['images'];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A product's detail as loadDetail would read it back, built from what the write itself sent (values, ids, the
 * RETURNING version and time), so a write need not reload the product for its answer or audit row.
 */
export function writtenDetail(w: WrittenProduct): ProductDetail {
  const skus = [...w.skus].sort((a, b) => a.sort - b.sort || byId(a.id, b.id));
  const enabled = skus.filter((s) => s.enabled);
  const basePrices = enabled.flatMap((s) => s.units.filter((u) => u.enabled && u.conversion === 1).map((u) => u.listPriceFen));
  const { input } = w;
  return {
    id: w.id, name: input.name, subtitle: input.subtitle ?? null, categoryId: input.categoryId ?? null, categoryName: input.categoryId ? w.names.category : null,
    brandId: input.brandId ?? null, brandName: input.brandId ? w.names.brand : null, onShelf: input.onShelf, skuCount: enabled.length,
    minListPriceFen: basePrices.length ? Math.min(...basePrices) : null, imageId: w.images[0]?.id ?? null, updatedAt: w.updatedAt.toISOString(), version: w.version,
    tagIds: w.tagIds, specs: input.specs, params: input.params, descriptionHtml: w.descriptionHtml, instructions: input.instructions,
    visibleTypes: input.visibleTypes, visibleLevelIds: input.visibleLevelIds, taxRateBp: input.taxRateBp ?? null, stockPolicy: input.stockPolicy ?? 'block', images: w.images,
    skus: skus.map(({ sort: _sort, ...s }) => ({ ...s, units: [...s.units].sort((a, b) => a.conversion - b.conversion) })),
  };
}
