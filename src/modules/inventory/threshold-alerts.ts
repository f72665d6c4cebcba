import { sql, type SQL } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { suggestedQty } from './domain/stock-thresholds.js';
import { allowedWarehouseIds, assertWarehouseAllowed } from './warehouse-scope.js';

export type AlertKind = 'low' | 'over';
export type AlertScope = 'warehouse' | 'sku';
export interface AlertQuery { kind: AlertKind; warehouseId?: string; scope?: AlertScope }

type Row = Record<string, string | number | null>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const SOLD_DAYS = 30;
const MAX_ROWS = 500;
const LIVE_ORDER = sql`o.status not in ('rejected', 'cancelled', 'voided') and o.submitted_at > now() - make_interval(days => ${SOLD_DAYS})`;

/** Per SKU × active warehouse: levels past their own marks; sales counted from what orders took from that warehouse. */
function levelRows(tenantId: string, kind: AlertKind, warehouseIds: string[] | null) {
  const hit = kind === 'low'
    ? sql`coalesce(l.low_stock_qty, nullif(l.safety_stock, 0)) is not null and l.on_hand - l.reserved <= coalesce(l.low_stock_qty, nullif(l.safety_stock, 0))`
    : sql`l.overstock_qty is not null and l.on_hand > l.overstock_qty`;
  const within: SQL = warehouseIds ? sql`and l.warehouse_id = any(${sql.param(warehouseIds)}::text[])` : sql``;
  return sql`
    with hits as (
      select l.* from stock_levels l join warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id and w.active
      where l.tenant_id = ${tenantId} ${within} and ${hit}),
    sold as (
      select a.sku_id, a.warehouse_id, sum(a.reserved + a.shipped)::bigint as qty from order_allocations a
      join orders o on o.tenant_id = a.tenant_id and o.id = a.order_id
      where a.tenant_id = ${tenantId} and ${LIVE_ORDER} and (a.sku_id, a.warehouse_id) in (select sku_id, warehouse_id from hits)
      group by a.sku_id, a.warehouse_id)
    select 'warehouse' as scope, h.sku_id, h.warehouse_id, w.name as warehouse_name, k.code as sku_code, p.name as product_name, k.spec_values, k.base_unit,
      h.on_hand, h.reserved, h.safety_stock, coalesce(h.low_stock_qty, nullif(h.safety_stock, 0)) as low_mark, h.overstock_qty as over_mark, coalesce(d.qty, 0)::bigint as sold
    from hits h join skus k on k.tenant_id = h.tenant_id and k.id = h.sku_id join products p on p.tenant_id = k.tenant_id and p.id = k.product_id
    join warehouses w on w.tenant_id = h.tenant_id and w.id = h.warehouse_id
    left join sold d on d.sku_id = h.sku_id and d.warehouse_id = h.warehouse_id
    order by ${kind === 'low' ? sql`h.on_hand - h.reserved - coalesce(h.low_stock_qty, nullif(h.safety_stock, 0))` : sql`h.overstock_qty - h.on_hand`}, k.code, w.name
    limit ${MAX_ROWS}`;
}

/** Per SKU over all active warehouses, against the SKU's own marks (a SKU without stock rows has 0 of everything). */
function skuRows(tenantId: string, kind: AlertKind) {
  const hit = kind === 'low'
    ? sql`k.low_stock_qty is not null and coalesce(t.on_hand, 0) - coalesce(t.reserved, 0) <= k.low_stock_qty`
    : sql`k.overstock_qty is not null and coalesce(t.on_hand, 0) > k.overstock_qty`;
  return sql`
    with t as (
      select l.sku_id, sum(l.on_hand)::bigint as on_hand, sum(l.reserved)::bigint as reserved, sum(l.safety_stock)::bigint as safety_stock
      from stock_levels l join warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id and w.active
      where l.tenant_id = ${tenantId} group by l.sku_id),
    hits as (
      select k.id as sku_id, coalesce(t.on_hand, 0)::bigint as on_hand, coalesce(t.reserved, 0)::bigint as reserved, coalesce(t.safety_stock, 0)::bigint as safety_stock,
        k.low_stock_qty as low_mark, k.overstock_qty as over_mark
      from skus k left join t on t.sku_id = k.id
      where k.tenant_id = ${tenantId} and (k.low_stock_qty is not null or k.overstock_qty is not null) and ${hit}),
    sold as (
      select ol.sku_id, sum(ol.base_qty)::bigint as qty from order_lines ol join orders o on o.tenant_id = ol.tenant_id and o.id = ol.order_id
      where ol.tenant_id = ${tenantId} and ${LIVE_ORDER} and ol.sku_id in (select sku_id from hits)
      group by ol.sku_id)
    select 'sku' as scope, h.sku_id, null as warehouse_id, null as warehouse_name, k.code as sku_code, p.name as product_name, k.spec_values, k.base_unit,
      h.on_hand, h.reserved, h.safety_stock, h.low_mark, h.over_mark, coalesce(d.qty, 0)::bigint as sold
    from hits h join skus k on k.tenant_id = ${tenantId} and k.id = h.sku_id join products p on p.tenant_id = k.tenant_id and p.id = k.product_id
    left join sold d on d.sku_id = h.sku_id
    order by ${kind === 'low' ? sql`h.on_hand - h.reserved - h.low_mark` : sql`h.over_mark - h.on_hand`}, k.code
    limit ${MAX_ROWS}`;
}

function toItem(kind: AlertKind, r: Row) {
  const onHand = Number(r.on_hand);
  const reserved = Number(r.reserved);
  const safetyStock = Number(r.safety_stock);
  const lowMark = num(r.low_mark);
  const overstockMark = num(r.over_mark);
  const sold = Number(r.sold);
  return {
    scope: r.scope as AlertScope, skuId: String(r.sku_id), skuCode: String(r.sku_code), productName: String(r.product_name),
    specText: ((r.spec_values as unknown as string[] | null) ?? []).join(' / '), baseUnit: String(r.base_unit),
    warehouseId: r.warehouse_id === null ? null : String(r.warehouse_id), warehouseName: r.warehouse_name === null ? null : String(r.warehouse_name),
    onHand, reserved, free: onHand - reserved, safetyStock, lowMark, overstockMark, soldLast30Days: sold,
    suggestedQty: kind === 'low' ? suggestedQty({ sold, onHand, reserved, safetyStock, low: lowMark, over: overstockMark }) : null,
    excessQty: kind === 'over' && overstockMark !== null ? onHand - overstockMark : null,
  };
}

/**
 * 库存预警: what is at or below its low mark (缺货预警, with a suggested purchase quantity) or above its overstock mark
 * (积压预警), per SKU × warehouse and per SKU over all active warehouses, worst first. A staff user limited to some
 * warehouses sees the rows of those warehouses; the SKU totals stay company-wide, as in the replenishment list.
 * Naming a warehouse leaves the SKU totals out (they are not about one warehouse).
 */
export function thresholdAlerts(database: Database, ctx: Ctx<Operator>, q: AlertQuery) {
  if (q.warehouseId) assertWarehouseAllowed(ctx.actor, q.warehouseId);
  const allowed = q.warehouseId ? [q.warehouseId] : allowedWarehouseIds(ctx.actor);
  return database.tx(ctx.tenantId, async (tx) => {
    const items: ReturnType<typeof toItem>[] = [];
    if (q.scope !== 'sku') {
      const res = (await tx.execute(levelRows(ctx.tenantId, q.kind, allowed))) as unknown as { rows: Row[] };
      items.push(...res.rows.map((r) => toItem(q.kind, r)));
    }
    if (q.scope !== 'warehouse' && !q.warehouseId) {
      const res = (await tx.execute(skuRows(ctx.tenantId, q.kind))) as unknown as { rows: Row[] };
      items.push(...res.rows.map((r) => toItem(q.kind, r)));
    }
    return { kind: q.kind, items };
  });
}
