import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';

/**
 * Sets levels' fixed prices on units inside the caller's transaction (the Excel import, a batch of products at a
 * time): one statement for any number of (unit, level) pairs, passed as one array per column; a pair given twice
 * keeps its last price.
 */
export async function upsertLevelPricesTx(tx: Tx, tenantId: string, prices: { skuUnitId: string; levelId: string; priceFen: number }[]) {
  const rows = [...new Map(prices.map((p) => [`${p.skuUnitId} ${p.levelId}`, p])).values()];
  if (!rows.length) return;
  await tx.execute(sql`insert into level_prices (tenant_id, sku_unit_id, level_id, mode, value)
    select ${tenantId}, a.sku_unit_id, a.level_id, 'price', a.value
    from unnest(${sql.param(rows.map((r) => r.skuUnitId))}::text[], ${sql.param(rows.map((r) => r.levelId))}::text[], ${sql.param(rows.map((r) => r.priceFen))}::bigint[])
      as a(sku_unit_id, level_id, value)
    on conflict (tenant_id, sku_unit_id, level_id) do update set mode = 'price', value = excluded.value`);
}
