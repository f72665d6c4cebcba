import { sql } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { suggestedQty } from './domain/stock-thresholds.js';
import { emitThresholdCrossings } from './threshold-events.js';

/**
 * "What to purchase" (补货建议): SKUs whose stock in active warehouses, minus what orders hold, is at or below their
 * low mark — the SKU's own 低库存线, else the sum of its warehouses' (each one's low-stock quantity or safety stock) —
 * with the base units sold in the last 30 days and a suggested quantity: cover the next 30 days at that pace and
 * refill to the mark, minus what is still free, never above the SKU's overstock mark (see `suggestedQty`).
 */
export async function replenishmentList(database: Database, ctx: Ctx<Operator>, days = 30) {
  return database.tx(ctx.tenantId, async (tx) => {
    const res = (await tx.execute(sql`
      with stock as (
        select l.sku_id, sum(l.on_hand)::bigint as on_hand, sum(l.reserved)::bigint as reserved, sum(l.safety_stock)::bigint as safety,
          sum(coalesce(l.low_stock_qty, l.safety_stock))::bigint as low
        from stock_levels l join warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id and w.active
        where l.tenant_id = ${ctx.tenantId} group by l.sku_id),
      sold as (
        select ol.sku_id, sum(ol.base_qty)::bigint as qty from order_lines ol join orders o on o.tenant_id = ol.tenant_id and o.id = ol.order_id
        where ol.tenant_id = ${ctx.tenantId} and o.submitted_at > now() - make_interval(days => ${days}) and o.status not in ('rejected', 'cancelled', 'voided')
        group by ol.sku_id)
      select s.sku_id, k.code as sku_code, p.name as product_name, k.base_unit, s.on_hand, s.reserved, s.safety, coalesce(k.low_stock_qty, s.low) as low_mark,
        k.overstock_qty as over_mark, coalesce(d.qty, 0)::bigint as sold
      from stock s join skus k on k.tenant_id = ${ctx.tenantId} and k.id = s.sku_id join products p on p.tenant_id = k.tenant_id and p.id = k.product_id
      left join sold d on d.sku_id = s.sku_id
      where s.on_hand - s.reserved <= coalesce(k.low_stock_qty, s.low)
      order by (s.on_hand - s.reserved - coalesce(k.low_stock_qty, s.low)), k.code limit 500`)) as unknown as { rows: Record<string, string | number | null>[] };
    return {
      items: res.rows.map((r) => {
        const q = { sold: Number(r.sold), onHand: Number(r.on_hand), reserved: Number(r.reserved), safetyStock: Number(r.safety), low: Number(r.low_mark),
          over: r.over_mark === null ? null : Number(r.over_mark) };
        return {
          skuId: String(r.sku_id), skuCode: String(r.sku_code), productName: String(r.product_name), baseUnit: String(r.base_unit),
          onHand: q.onHand, reserved: q.reserved, safetyStock: q.safetyStock, lowMark: q.low, soldLast30Days: q.sold, suggestedQty: suggestedQty(q),
        };
      }),
    };
  });
}

/**
 * After stock was taken (reserved), the `stock.low` (and SKU-total) crossings of that change; kept for callers that
 * reserve outside this module. Every other change goes through `emitThresholdCrossings` with its deltas.
 */
export async function emitLowStockCrossings(tx: Tx, tenantId: string, taken: { skuId: string; warehouseId: string; qty: number }[]) {
  await emitThresholdCrossings(tx, tenantId, taken.map((t) => ({ skuId: t.skuId, warehouseId: t.warehouseId, reservedDelta: t.qty })));
}
