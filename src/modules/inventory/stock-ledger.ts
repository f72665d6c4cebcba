/**
 * Reservation, release and shipment of an order's stock, inside the caller's transaction (DESIGN.md rule 5).
 * Stock rows are locked in one global order (SKU, then warehouse) so concurrent orders never deadlock; every
 * change of on-hand or reserved writes its movement row, and the table's checks refuse a negative or oversold
 * row even if this code were wrong.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { regions } from '../customers/customers.tables.js';
import { allocate, mergeNeeds, type Availability } from './domain/allocate.js';
import { orderAllocations, stockLevels, stockMovements, warehouses, type MovementKind } from './inventory.tables.js';
import { notifyArrivals } from './stock-alerts.js';
import { emitThresholdCrossings } from './threshold-events.js';
import { availableBySku } from './availability.js';

export interface StockLine { skuId: string; skuCode: string; baseQty: number; policy: 'block' | 'backorder' | 'preorder' }

export const activeWarehouses = (tx: Tx, tenantId: string) =>
  tx.select().from(warehouses).where(and(eq(warehouses.tenantId, tenantId), eq(warehouses.active, true))).orderBy(asc(warehouses.id));

async function regionPath(tx: Tx, tenantId: string, regionId: string | null): Promise<string[]> {
  if (!regionId) return [];
  const all = await tx.select({ id: regions.id, parentId: regions.parentId }).from(regions).where(eq(regions.tenantId, tenantId));
  const parent = new Map(all.map((r) => [r.id, r.parentId]));
  const path: string[] = [];
  for (let id: string | null = regionId; id && !path.includes(id); id = parent.get(id) ?? null) path.push(id);
  return path;
}

const lockLevels = (tx: Tx, tenantId: string, skuIds: string[]) =>
  tx.select().from(stockLevels).where(and(eq(stockLevels.tenantId, tenantId), inArray(stockLevels.skuId, skuIds)))
    .orderBy(asc(stockLevels.skuId), asc(stockLevels.warehouseId)).for('update');

interface MovementInput { warehouseId: string; skuId: string; kind: MovementKind; onHandDelta?: number; reservedDelta?: number; docType: string; docId: string; reason?: string | null }

export const recordMovement = (tx: Tx, tenantId: string, actor: Actor, m: MovementInput) => recordMovements(tx, tenantId, actor, [m]);

/** Ledger rows, many per statement. */
export async function recordMovements(tx: Tx, tenantId: string, actor: Actor, ms: MovementInput[]) {
  const rows = ms.map((m) => ({
    tenantId, id: newId(), warehouseId: m.warehouseId, skuId: m.skuId, kind: m.kind, onHandDelta: m.onHandDelta ?? 0, reservedDelta: m.reservedDelta ?? 0,
    docType: m.docType, docId: m.docId, reason: m.reason ?? null, actorKind: actor.kind, actorId: actor.id,
  }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(stockMovements).values(rows.slice(i, i + 500));
}

/**
 * Reserves an order's stock across warehouses (see `allocate`). Stock is tracked once the company has an active
 * warehouse; before that orders are not limited. A short SKU whose product blocks → 409 out_of_stock, nothing kept.
 */
export async function reserveOrderStock(tx: Tx, tenantId: string, actor: Actor, order: { id: string; regionId: string | null }, lines: StockLine[]) {
  const whs = await activeWarehouses(tx, tenantId);
  if (!whs.length || !lines.length) return;
  const needs = mergeNeeds(lines.map((l) => ({ skuId: l.skuId, qty: l.baseQty })));
  const levels = await lockLevels(tx, tenantId, needs.map((n) => n.skuId));
  const active = new Set(whs.map((w) => w.id));
  const availability: Availability = new Map();
  for (const l of levels.filter((x) => active.has(x.warehouseId))) {
    if (!availability.has(l.warehouseId)) availability.set(l.warehouseId, new Map());
    availability.get(l.warehouseId)!.set(l.skuId, l.onHand - l.reserved - l.safetyStock);
  }
  const path = await regionPath(tx, tenantId, order.regionId);
  const info = whs.map((w) => ({ id: w.id, priority: w.priority, servesRegion: w.regionIds.some((r) => path.includes(r)) }));
  const { allocations, shortfall } = allocate(info, needs, availability);
  const blocking = shortfall.filter((s) => lines.find((l) => l.skuId === s.skuId)!.policy === 'block');
  if (blocking.length) {
    throw new AppError('out_of_stock', {
      message: `not enough stock for ${blocking.map((s) => lines.find((l) => l.skuId === s.skuId)!.skuCode).join(', ')}`,
      details: { lines: blocking.map((s) => {
        const want = needs.find((n) => n.skuId === s.skuId)!.qty;
        return { skuId: s.skuId, skuCode: lines.find((l) => l.skuId === s.skuId)!.skuCode, wanted: want, available: want - s.qty };
      }) },
    });
  }
  if (!allocations.length) return;
  // Set-based: one guarded UPDATE for every row, one INSERT for the movements, one for the allocations (a 1,000-line
  // order is three statements, not three thousand). The rows are already locked above, in the global order.
  const col = <T>(pick: (a: (typeof allocations)[number]) => T) => sql.param(allocations.map(pick));
  const res = (await tx.execute(sql`
    update stock_levels l set reserved = l.reserved + a.qty, updated_at = now()
    from unnest(${col((a) => a.skuId)}::text[], ${col((a) => a.warehouseId)}::text[], ${col((a) => a.qty)}::bigint[]) as a(sku_id, warehouse_id, qty)
    where l.tenant_id = ${tenantId} and l.sku_id = a.sku_id and l.warehouse_id = a.warehouse_id and l.on_hand - l.reserved - l.safety_stock >= a.qty
    returning l.sku_id`)) as unknown as { rows: unknown[] };
  if (res.rows.length !== allocations.length) throw new AppError('out_of_stock', { message: 'stock changed while reserving; try again' });
  await recordMovements(tx, tenantId, actor, allocations.map((a) => ({ warehouseId: a.warehouseId, skuId: a.skuId, kind: 'reserve' as const, reservedDelta: a.qty, docType: 'order', docId: order.id })));
  await emitThresholdCrossings(tx, tenantId, allocations.map((a) => ({ skuId: a.skuId, warehouseId: a.warehouseId, reservedDelta: a.qty })));
  for (let i = 0; i < allocations.length; i += 500) {
    await tx.insert(orderAllocations).values(allocations.slice(i, i + 500).map((a) => ({ tenantId, orderId: order.id, skuId: a.skuId, warehouseId: a.warehouseId, reserved: a.qty })))
      .onConflictDoUpdate({ target: [orderAllocations.tenantId, orderAllocations.orderId, orderAllocations.skuId, orderAllocations.warehouseId], set: { reserved: sql`${orderAllocations.reserved} + excluded.reserved` } });
  }
}

async function openAllocations(tx: Tx, tenantId: string, orderId: string) {
  const rows = await tx.select().from(orderAllocations)
    .where(and(eq(orderAllocations.tenantId, tenantId), eq(orderAllocations.orderId, orderId), gt(orderAllocations.reserved, 0)));
  if (rows.length) await lockLevels(tx, tenantId, [...new Set(rows.map((r) => r.skuId))]);
  return rows;
}

/** Gives an order's reserved stock back (reject, cancel, void, before an edit re-reserves). */
export async function releaseOrderStock(tx: Tx, tenantId: string, actor: Actor, orderId: string) {
  for (const a of await openAllocations(tx, tenantId, orderId)) {
    await tx.update(stockLevels).set({ reserved: sql`${stockLevels.reserved} - ${a.reserved}`, updatedAt: new Date() })
      .where(and(eq(stockLevels.tenantId, tenantId), eq(stockLevels.skuId, a.skuId), eq(stockLevels.warehouseId, a.warehouseId)));
    await recordMovement(tx, tenantId, actor, { warehouseId: a.warehouseId, skuId: a.skuId, kind: 'release', reservedDelta: -a.reserved, docType: 'order', docId: orderId });
    await tx.update(orderAllocations).set({ reserved: 0 })
      .where(and(eq(orderAllocations.tenantId, tenantId), eq(orderAllocations.orderId, orderId), eq(orderAllocations.skuId, a.skuId), eq(orderAllocations.warehouseId, a.warehouseId)));
  }
}

/** Adds to (or takes from) on-hand stock: inbound receipts and manual adjustments. Never below what is reserved; threshold crossings become events. */
export async function changeOnHand(tx: Tx, tenantId: string, actor: Actor, c: { warehouseId: string; skuId: string; delta: number; kind: 'inbound' | 'adjust'; docType: string; docId: string; reason?: string | null }) {
  await tx.insert(stockLevels).values({ tenantId, warehouseId: c.warehouseId, skuId: c.skuId }).onConflictDoNothing();
  const [row] = await lockLevels(tx, tenantId, [c.skuId]).then((rows) => rows.filter((r) => r.warehouseId === c.warehouseId));
  if (row.onHand + c.delta < row.reserved) {
    throw new AppError('insufficient_stock', { message: `on hand ${row.onHand}, reserved ${row.reserved}: cannot take ${-c.delta}`, details: { onHand: row.onHand, reserved: row.reserved } });
  }
  await tx.update(stockLevels).set({ onHand: sql`${stockLevels.onHand} + ${c.delta}`, updatedAt: new Date() })
    .where(and(eq(stockLevels.tenantId, tenantId), eq(stockLevels.skuId, c.skuId), eq(stockLevels.warehouseId, c.warehouseId)));
  await recordMovement(tx, tenantId, actor, { warehouseId: c.warehouseId, skuId: c.skuId, kind: c.kind, onHandDelta: c.delta, docType: c.docType, docId: c.docId, reason: c.reason });
  await emitThresholdCrossings(tx, tenantId, [{ skuId: c.skuId, warehouseId: c.warehouseId, onHandDelta: c.delta }]);
  if (c.delta > 0) await notifyArrivals(tx, tenantId, c.skuId, actor);
}

/**
 * Available-to-promise without reserving (tenant setting: reserve at approval): refuses, like `reserveOrderStock`,
 * a short line whose product blocks, so customers are not taken orders for stock that is not there; the stock
 * itself is reserved when the order is approved.
 */
export async function checkOrderStock(tx: Tx, tenantId: string, lines: StockLine[]) {
  const needs = mergeNeeds(lines.map((l) => ({ skuId: l.skuId, qty: l.baseQty })));
  const available = await availableBySku(tx, tenantId, needs.map((n) => n.skuId));
  if (!available) return;
  const short = needs.filter((n) => (available.get(n.skuId) ?? 0) < n.qty && lines.find((l) => l.skuId === n.skuId)!.policy === 'block');
  if (short.length) {
    throw new AppError('out_of_stock', {
      message: `not enough stock for ${short.map((s) => lines.find((l) => l.skuId === s.skuId)!.skuCode).join(', ')}`,
      details: { lines: short.map((s) => ({ skuId: s.skuId, skuCode: lines.find((l) => l.skuId === s.skuId)!.skuCode, wanted: s.qty, available: available.get(s.skuId) ?? 0 })) },
    });
  }
}
