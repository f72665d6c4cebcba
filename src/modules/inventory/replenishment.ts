import { sql } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { emitEvent } from '../../platform/outbox/outbox.js';

/**
 * "What to purchase" (补货建议): SKUs whose stock in active warehouses, minus what orders hold, is at or below their
 * safety stock, with the base units sold in the last 30 days and a suggested quantity: cover the next 30 days at that
 * pace and refill the safety stock, minus what is still free.
 */
export async function replenishmentList(database: Database, ctx: Ctx<Operator>, days = 30) {
  return database.tx(ctx.tenantId, async (tx) => {
    const res = (await tx.execute(sql`
      with stock as (
        select l.sku_id, sum(l.on_hand)::bigint as on_hand, sum(l.reserved)::bigint as reserved, sum(l.safety_stock)::bigint as safety
        from stock_levels l join warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id and w.active
        where l.tenant_id = ${ctx.tenantId} group by l.sku_id),
      sold as (
        select ol.sku_id, sum(ol.base_qty)::bigint as qty from order_lines ol join orders o on o.tenant_id = ol.tenant_id and o.id = ol.order_id
        where ol.tenant_id = ${ctx.tenantId} and o.submitted_at > now() - make_interval(days => ${days}) and o.status not in ('rejected', 'cancelled', 'voided')
        group by ol.sku_id)
      select s.sku_id, k.code as sku_code, p.name as product_name, k.base_unit, s.on_hand, s.reserved, s.safety, coalesce(d.qty, 0)::bigint as sold
      from stock s join skus k on k.tenant_id = ${ctx.tenantId} and k.id = s.sku_id join products p on p.tenant_id = k.tenant_id and p.id = k.product_id
      left join sold d on d.sku_id = s.sku_id
      where s.on_hand - s.reserved <= s.safety
      order by (s.on_hand - s.reserved - s.safety), k.code limit 500`)) as unknown as { rows: Record<string, string | number>[] };
    return {
      items: res.rows.map((r) => {
        const free = Number(r.on_hand) - Number(r.reserved);
        return {
          skuId: String(r.sku_id), skuCode: String(r.sku_code), productName: String(r.product_name), baseUnit: String(r.base_unit),
          onHand: Number(r.on_hand), reserved: Number(r.reserved), safetyStock: Number(r.safety), soldLast30Days: Number(r.sold),
          suggestedQty: Math.max(0, Number(r.sold) + Number(r.safety) - free),
        };
      }),
    };
  });
}

/**
 * After stock was taken (reserved or shipped), one `stock.low` event per SKU and warehouse that crossed its safety
 * stock with this change (it was above before, at or below now), in the same transaction.
 */
export async function emitLowStockCrossings(tx: Tx, tenantId: string, taken: { skuId: string; warehouseId: string; qty: number }[]) {
  if (!taken.length) return;
  const res = (await tx.execute(sql`
    select l.sku_id, l.warehouse_id, l.on_hand, l.reserved, l.safety_stock from stock_levels l
    join unnest(${sql.param(taken.map((t) => t.skuId))}::text[], ${sql.param(taken.map((t) => t.warehouseId))}::text[], ${sql.param(taken.map((t) => t.qty))}::bigint[]) as a(sku_id, warehouse_id, qty)
      on l.sku_id = a.sku_id and l.warehouse_id = a.warehouse_id
    where l.tenant_id = ${tenantId} and l.safety_stock > 0 and l.on_hand - l.reserved <= l.safety_stock and l.on_hand - l.reserved + a.qty > l.safety_stock`)) as unknown as { rows: Record<string, string | number>[] };
  for (const r of res.rows) {
    await emitEvent(tx, tenantId, { topic: 'stock.low', aggregateType: 'sku', aggregateId: String(r.sku_id),
      payload: { skuId: String(r.sku_id), warehouseId: String(r.warehouse_id), onHand: Number(r.on_hand), reserved: Number(r.reserved), safetyStock: Number(r.safety_stock) } });
  }
}
