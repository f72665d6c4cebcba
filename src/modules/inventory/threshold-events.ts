import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { crossings, levelLowMark, type Quantities } from './domain/stock-thresholds.js';

export interface StockChange { skuId: string; warehouseId: string; onHandDelta?: number; reservedDelta?: number }

type Row = Record<string, string | number | boolean | null>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const TOPIC = { low: 'stock.low', over: 'stock.overstock' } as const;

/**
 * After stock changed (already written, in the caller's transaction): one `stock.low` / `stock.overstock` outbox event
 * per SKU × warehouse whose change took it across its low or overstock mark, and per SKU whose total over the active
 * warehouses crossed the SKU's own marks (payload `scope: 'sku'`, `warehouseId: null`). Levels and SKUs without any
 * mark cost nothing beyond the one query.
 */
export async function emitThresholdCrossings(tx: Tx, tenantId: string, changes: StockChange[]) {
  const merged = new Map<string, StockChange & Quantities>();
  for (const c of changes) {
    const key = `${c.skuId}/${c.warehouseId}`;
    const m = merged.get(key) ?? { skuId: c.skuId, warehouseId: c.warehouseId, onHand: 0, reserved: 0 };
    m.onHand += c.onHandDelta ?? 0;
    m.reserved += c.reservedDelta ?? 0;
    merged.set(key, m);
  }
  const list = [...merged.values()].filter((c) => c.onHand !== 0 || c.reserved !== 0);
  if (!list.length) return;
  const col = <T>(pick: (c: (typeof list)[number]) => T) => sql.param(list.map(pick));
  const res = (await tx.execute(sql`
    select l.sku_id, l.warehouse_id, l.on_hand, l.reserved, l.safety_stock, l.low_stock_qty, l.overstock_qty, a.dh, a.dr,
      k.low_stock_qty as sku_low, k.overstock_qty as sku_over, w.active
    from unnest(${col((c) => c.skuId)}::text[], ${col((c) => c.warehouseId)}::text[], ${col((c) => c.onHand)}::bigint[], ${col((c) => c.reserved)}::bigint[]) as a(sku_id, warehouse_id, dh, dr)
    join stock_levels l on l.tenant_id = ${tenantId} and l.sku_id = a.sku_id and l.warehouse_id = a.warehouse_id
    join skus k on k.tenant_id = l.tenant_id and k.id = l.sku_id
    join warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id
    where l.safety_stock > 0 or l.low_stock_qty is not null or l.overstock_qty is not null or k.low_stock_qty is not null or k.overstock_qty is not null
    order by l.sku_id, l.warehouse_id`)) as unknown as { rows: Row[] };

  const skuDeltas = new Map<string, Quantities & { low: number | null; over: number | null }>();
  for (const r of res.rows) {
    const after = { onHand: Number(r.on_hand), reserved: Number(r.reserved) };
    const level = { safetyStock: Number(r.safety_stock), lowStockQty: num(r.low_stock_qty), overstockQty: num(r.overstock_qty) };
    const marks = { low: levelLowMark(level), over: level.overstockQty };
    for (const kind of crossings(after, { onHand: Number(r.dh), reserved: Number(r.dr) }, marks)) {
      await emitEvent(tx, tenantId, { topic: TOPIC[kind], aggregateType: 'sku', aggregateId: String(r.sku_id), payload: {
        scope: 'warehouse', skuId: String(r.sku_id), warehouseId: String(r.warehouse_id), ...after, safetyStock: level.safetyStock,
        lowStockQty: marks.low, overstockQty: marks.over,
      } });
    }
    if (r.active && (r.sku_low !== null || r.sku_over !== null)) {
      const d = skuDeltas.get(String(r.sku_id)) ?? { onHand: 0, reserved: 0, low: num(r.sku_low), over: num(r.sku_over) };
      d.onHand += Number(r.dh);
      d.reserved += Number(r.dr);
      skuDeltas.set(String(r.sku_id), d);
    }
  }
  if (!skuDeltas.size) return;
  const totals = (await tx.execute(sql`
    select l.sku_id, sum(l.on_hand)::bigint as on_hand, sum(l.reserved)::bigint as reserved from stock_levels l
    join warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id and w.active
    where l.tenant_id = ${tenantId} and l.sku_id = any(${sql.param([...skuDeltas.keys()])}::text[]) group by l.sku_id order by l.sku_id`)) as unknown as { rows: Row[] };
  for (const r of totals.rows) {
    const d = skuDeltas.get(String(r.sku_id))!;
    const after = { onHand: Number(r.on_hand), reserved: Number(r.reserved) };
    for (const kind of crossings(after, d, { low: d.low, over: d.over })) {
      await emitEvent(tx, tenantId, { topic: TOPIC[kind], aggregateType: 'sku', aggregateId: String(r.sku_id), payload: {
        scope: 'sku', skuId: String(r.sku_id), warehouseId: null, ...after, lowStockQty: d.low, overstockQty: d.over,
      } });
    }
  }
}
