import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { anyOf } from '../../platform/db/qualified.js';
import { stockLevels, warehouses } from './inventory.tables.js';

/**
 * Base units each SKU can still be sold from, summed over active warehouses (on hand − reserved − safety stock).
 * `null` when the company keeps no stock yet (no active warehouse): then nothing is limited.
 */
export async function availableBySku(tx: Tx, tenantId: string, skuIds: string[]): Promise<Map<string, number> | null> {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(warehouses).where(and(eq(warehouses.tenantId, tenantId), eq(warehouses.active, true)));
  if (!n) return null;
  const out = new Map(skuIds.map((id) => [id, 0]));
  if (!skuIds.length) return out;
  const rows = await tx.select({ skuId: stockLevels.skuId, available: sql<number>`sum(greatest(${stockLevels.onHand} - ${stockLevels.reserved} - ${stockLevels.safetyStock}, 0))::bigint` })
    .from(stockLevels).innerJoin(warehouses, and(eq(warehouses.tenantId, stockLevels.tenantId), eq(warehouses.id, stockLevels.warehouseId), eq(warehouses.active, true)))
    .where(and(eq(stockLevels.tenantId, tenantId), anyOf(stockLevels.skuId, [...new Set(skuIds)]))).groupBy(stockLevels.skuId);
  for (const r of rows) out.set(r.skuId, Number(r.available));
  return out;
}

export type StockStatus = 'in_stock' | 'out_of_stock' | 'untracked';
/** What a customer is shown: the status always, the number only when the tenant shows exact stock. */
export function stockView(available: number | undefined, tracked: boolean, exact: boolean): { status: StockStatus; available: number | null } {
  if (!tracked) return { status: 'untracked', available: null };
  const n = available ?? 0;
  return { status: n > 0 ? 'in_stock' : 'out_of_stock', available: exact ? n : null };
}

/** SQL: the product has sellable stock in an active warehouse (or the company keeps no stock at all). */
export const inStockSql = (productId: unknown) => sql`(
  not exists (select 1 from warehouses w where w.active)
  or exists (select 1 from skus s join stock_levels sl on sl.tenant_id = s.tenant_id and sl.sku_id = s.id
             join warehouses w on w.tenant_id = sl.tenant_id and w.id = sl.warehouse_id and w.active
             where s.product_id = ${productId} and s.enabled and sl.on_hand - sl.reserved - sl.safety_stock > 0))`;
