import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { products, skus, skuUnits } from '../catalog/catalog.tables.js';
import { visibleTo } from '../catalog/search/pg-trigram-search.js';
import { imageUrl, loadSellables, priceLine, type Buyer } from './sellables.js';

export interface SkuPick {
  skuId: string; skuCode: string; barcode: string | null; productId: string; productName: string; specText: string; imageUrl: string | null;
  units: { skuUnitId: string; name: string; conversion: number; minQty: number; multiple: number; barcode: string | null; unitPriceFen: number }[];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * SKUs a customer can order matching what was typed: a code prefix, an exact barcode, or a name / pinyin substring.
 * Used by the quick-order form (mall) and the 代客下单 grid (console), priced for that customer.
 */
export async function lookupSkus(tx: Tx, tenantId: string, buyer: Buyer, q: string, limit = 10): Promise<SkuPick[]> {
  const term = q.trim();
  const prefix = `${escapeLike(term.toUpperCase())}%`;
  const inText = `%${escapeLike(term.toLowerCase())}%`;
  const found = await tx.select({ skuId: skus.id }).from(skus)
    .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId)))
    .where(and(eq(skus.tenantId, tenantId), eq(skus.enabled, true), visibleTo({ customer: buyer, pricesShown: true }),
      or(sql`${skus.code} like ${prefix}`, eq(skus.barcode, term), sql`${products.searchText} like ${inText}`)))
    .orderBy(skus.code).limit(limit);
  if (!found.length) return [];
  const units = await tx.select({ id: skuUnits.id, skuId: skuUnits.skuId }).from(skuUnits)
    .where(and(eq(skuUnits.tenantId, tenantId), inArray(skuUnits.skuId, found.map((f) => f.skuId)), eq(skuUnits.enabled, true)));
  const sellables = await loadSellables(tx, tenantId, units.map((u) => u.id), buyer);
  const now = new Date();
  return found.flatMap(({ skuId }) => {
    const mine = [...sellables.values()].filter((s) => s.skuId === skuId).sort((a, b) => a.conversion - b.conversion);
    const s = mine[0];
    if (!s) return [];
    return [{
      skuId, skuCode: s.skuCode, barcode: s.barcode, productId: s.productId, productName: s.productName, specText: s.specText, imageUrl: imageUrl(s.imageId),
      units: mine.map((u) => ({ skuUnitId: u.skuUnitId, name: u.unitName, conversion: u.conversion, minQty: u.minQty, multiple: u.multiple, barcode: u.unitBarcode,
        unitPriceFen: priceLine(u, u.minQty, buyer, now).price.unitPriceFen })),
    }];
  });
}
