import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { qcol } from '../../platform/db/qualified.js';
import type { Tx } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/rows.js';
import { brands, categories, productImages, products, productTags, skus, skuUnits } from './catalog.tables.js';

type ProductRow = typeof products.$inferSelect;

export const summaryColumns = {
  p: products,
  categoryName: categories.name,
  brandName: brands.name,
  skuCount: sql<number>`(select count(*)::int from skus s where s.tenant_id = ${qcol(products.tenantId)} and s.product_id = ${qcol(products.id)} and s.enabled)`,
  minListPriceFen: sql<number | null>`(select min(u.list_price_fen)::bigint from skus s join sku_units u on u.tenant_id = s.tenant_id and u.sku_id = s.id
    where s.tenant_id = ${products.tenantId} and s.product_id = ${products.id} and s.enabled and u.enabled and u.conversion = 1)`,
  imageId: sql<string | null>`(select i.id from product_images i where i.tenant_id = ${qcol(products.tenantId)} and i.product_id = ${qcol(products.id)} order by i.sort, i.id limit 1)`,
};

export function selectSummaries(tx: Tx, where: SQL | undefined) {
  return tx.select(summaryColumns).from(products)
    .leftJoin(categories, and(eq(categories.tenantId, products.tenantId), eq(categories.id, products.categoryId)))
    .leftJoin(brands, and(eq(brands.tenantId, products.tenantId), eq(brands.id, products.brandId)))
    .where(where);
}

export function toSummary(r: { p: ProductRow; categoryName: string | null; brandName: string | null; skuCount: number; minListPriceFen: number | null; imageId: string | null }) {
  return {
    id: r.p.id, name: r.p.name, subtitle: r.p.subtitle, categoryId: r.p.categoryId, categoryName: r.categoryName, brandId: r.p.brandId,
    brandName: r.brandName, onShelf: r.p.onShelf, skuCount: Number(r.skuCount), minListPriceFen: r.minListPriceFen === null ? null : Number(r.minListPriceFen),
    imageId: r.imageId, updatedAt: r.p.updatedAt.toISOString(), version: r.p.version,
  };
}

/** SKUs of products with their units, enabled or not, in display order. */
export async function loadSkus(tx: Tx, tenantId: string, productIds: string[]) {
  if (!productIds.length) return [];
  const rows = await tx.select().from(skus).where(and(eq(skus.tenantId, tenantId), inArray(skus.productId, productIds))).orderBy(asc(skus.sort), asc(skus.id));
  const units = rows.length
    ? await tx.select().from(skuUnits).where(and(eq(skuUnits.tenantId, tenantId), inArray(skuUnits.skuId, rows.map((r) => r.id)))).orderBy(asc(skuUnits.conversion))
    : [];
  return rows.map((s) => ({
    ...s,
    units: units.filter((u) => u.skuId === s.id).map((u) => ({ id: u.id, name: u.name, conversion: u.conversion, barcode: u.barcode, listPriceFen: Number(u.listPriceFen), minQty: u.minQty, multiple: u.multiple, enabled: u.enabled })),
  }));
}

export async function loadDetail(tx: Tx, tenantId: string, id: string, extra?: SQL) {
  const [row] = await selectSummaries(tx, and(eq(products.tenantId, tenantId), eq(products.id, id), extra));
  if (!row) return null;
  const skuRows = await loadSkus(tx, tenantId, [id]);
  const tagRows = await tx.select({ tagId: productTags.tagId }).from(productTags).where(and(eq(productTags.tenantId, tenantId), eq(productTags.productId, id)));
  const images = await tx.select({ id: productImages.id, width: productImages.width, height: productImages.height }).from(productImages)
    .where(and(eq(productImages.tenantId, tenantId), eq(productImages.productId, id))).orderBy(asc(productImages.sort), asc(productImages.id));
  return {
    ...toSummary(row),
    tagIds: tagRows.map((t) => t.tagId), specs: row.p.specs, params: row.p.params, descriptionHtml: row.p.descriptionHtml,
    instructions: row.p.instructions, visibleTypes: row.p.visibleTypes, visibleLevelIds: row.p.visibleLevelIds, taxRateBp: row.p.taxRateBp, stockPolicy: row.p.stockPolicy, images,
    skus: skuRows.map((s) => ({
      id: s.id, specValues: s.specValues, code: s.code, barcode: s.barcode, costPriceFen: Number(s.costPriceFen), weightGrams: s.weightGrams,
      baseUnit: s.baseUnit, enabled: s.enabled, units: s.units,
    })),
  };
}

/** A SKU code, SKU barcode or unit barcode in use, and the product holding it. */
export interface Claim { kind: 'code' | 'sku_barcode' | 'unit_barcode'; value: string; productId: string }
const CLAIM_ORDER = { code: 0, sku_barcode: 1, unit_barcode: 2 };
/** Codes first, then SKU barcodes, then unit barcodes: the order validation reports them in. */
export const byClaimKind = (a: Claim, b: Claim) => CLAIM_ORDER[a.kind] - CLAIM_ORDER[b.kind];

/** Which of these codes and barcodes products already hold (barcodes on SKUs and on units): one round trip for any number. */
export async function loadClaims(tx: Tx, tenantId: string, codes: string[], barcodes: string[]): Promise<Claim[]> {
  if (!codes.length && !barcodes.length) return [];
  const rows = rowsOf<Claim>(await tx.execute(sql`
    select 'code' as kind, s.code as value, s.product_id as "productId" from skus s
      where s.tenant_id = ${tenantId} and s.code = any(${sql.param(codes)}::text[])
    union all
    select 'sku_barcode', s.barcode, s.product_id from skus s
      where s.tenant_id = ${tenantId} and s.barcode = any(${sql.param(barcodes)}::text[])
    union all
    select 'unit_barcode', u.barcode, s.product_id from sku_units u join skus s on s.tenant_id = u.tenant_id and s.id = u.sku_id
      where u.tenant_id = ${tenantId} and u.barcode = any(${sql.param(barcodes)}::text[])`));
  return rows.sort(byClaimKind);
}
