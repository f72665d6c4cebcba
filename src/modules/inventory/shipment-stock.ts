/**
 * Stock side of shipments (发货), in the caller's transaction: what a warehouse has free, topping up an order's
 * reservation there (a backorder whose stock has arrived, or a line moved to another warehouse), and consuming the
 * reservation when the parcel leaves. Rows are locked in the global order (SKU, then warehouse) like every other
 * stock change, and the table checks refuse anything negative even if this code were wrong.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { orderAllocations, stockLevels } from './inventory.tables.js';
import { emitThresholdCrossings } from './threshold-events.js';
import { recordMovements } from './stock-ledger.js';

interface Qty { skuId: string; qty: number }

/** Locks the warehouse's rows of these SKUs and returns what each has free (on hand − reserved − safety stock). */
export async function lockFreeStock(tx: Tx, tenantId: string, warehouseId: string, skuIds: string[]): Promise<Map<string, number>> {
  if (!skuIds.length) return new Map();
  const rows = await tx.select().from(stockLevels)
    .where(and(eq(stockLevels.tenantId, tenantId), inArray(stockLevels.skuId, [...new Set(skuIds)])))
    .orderBy(asc(stockLevels.skuId), asc(stockLevels.warehouseId)).for('update');
  return new Map(rows.filter((r) => r.warehouseId === warehouseId).map((r) => [r.skuId, r.onHand - r.reserved - r.safetyStock]));
}

/** The order's open reservation per SKU in one warehouse. */
export async function reservedFor(tx: Tx, tenantId: string, orderId: string, warehouseId: string): Promise<Map<string, number>> {
  const rows = await tx.select({ skuId: orderAllocations.skuId, reserved: orderAllocations.reserved }).from(orderAllocations)
    .where(and(eq(orderAllocations.tenantId, tenantId), eq(orderAllocations.orderId, orderId), eq(orderAllocations.warehouseId, warehouseId)));
  return new Map(rows.filter((r) => r.reserved > 0).map((r) => [r.skuId, r.reserved]));
}

/** Reserves more of a warehouse's free stock for an order (rows already locked by `lockFreeStock`). */
export async function reserveMore(tx: Tx, tenantId: string, actor: Actor, orderId: string, warehouseId: string, lines: Qty[]) {
  for (const l of lines) {
    const res = await tx.update(stockLevels).set({ reserved: sql`${stockLevels.reserved} + ${l.qty}`, updatedAt: new Date() })
      .where(and(eq(stockLevels.tenantId, tenantId), eq(stockLevels.skuId, l.skuId), eq(stockLevels.warehouseId, warehouseId),
        sql`${stockLevels.onHand} - ${stockLevels.reserved} - ${stockLevels.safetyStock} >= ${l.qty}`)).returning({ skuId: stockLevels.skuId });
    if (!res.length) throw new AppError('insufficient_stock', { message: 'stock changed while reserving; reload and try again' });
    await tx.insert(orderAllocations).values({ tenantId, orderId, skuId: l.skuId, warehouseId, reserved: l.qty })
      .onConflictDoUpdate({ target: [orderAllocations.tenantId, orderAllocations.orderId, orderAllocations.skuId, orderAllocations.warehouseId], set: { reserved: sql`${orderAllocations.reserved} + excluded.reserved` } });
  }
  await recordMovements(tx, tenantId, actor, lines.map((l) => ({ warehouseId, skuId: l.skuId, kind: 'reserve' as const, reservedDelta: l.qty, docType: 'order', docId: orderId })));
  await emitThresholdCrossings(tx, tenantId, lines.map((l) => ({ skuId: l.skuId, warehouseId, reservedDelta: l.qty })));
}

/** The parcel leaves: its quantities come off on-hand and off the order's reservation in that warehouse. */
export async function consumeForShipment(tx: Tx, tenantId: string, actor: Actor, s: { orderId: string; warehouseId: string; shipmentId: string; lines: Qty[] }) {
  await lockFreeStock(tx, tenantId, s.warehouseId, s.lines.map((l) => l.skuId));
  for (const l of s.lines) {
    const alloc = await tx.update(orderAllocations).set({ reserved: sql`${orderAllocations.reserved} - ${l.qty}`, shipped: sql`${orderAllocations.shipped} + ${l.qty}` })
      .where(and(eq(orderAllocations.tenantId, tenantId), eq(orderAllocations.orderId, s.orderId), eq(orderAllocations.skuId, l.skuId),
        eq(orderAllocations.warehouseId, s.warehouseId), sql`${orderAllocations.reserved} >= ${l.qty}`)).returning({ skuId: orderAllocations.skuId });
    if (!alloc.length) throw new AppError('insufficient_stock', { message: 'the order no longer holds this stock in the warehouse; reload' });
    await tx.update(stockLevels).set({ onHand: sql`${stockLevels.onHand} - ${l.qty}`, reserved: sql`${stockLevels.reserved} - ${l.qty}`, updatedAt: new Date() })
      .where(and(eq(stockLevels.tenantId, tenantId), eq(stockLevels.skuId, l.skuId), eq(stockLevels.warehouseId, s.warehouseId)));
  }
  await recordMovements(tx, tenantId, actor, s.lines.map((l) => ({
    warehouseId: s.warehouseId, skuId: l.skuId, kind: 'ship' as const, onHandDelta: -l.qty, reservedDelta: -l.qty, docType: 'shipment', docId: s.shipmentId,
  })));
  await emitThresholdCrossings(tx, tenantId, s.lines.map((l) => ({ skuId: l.skuId, warehouseId: s.warehouseId, onHandDelta: -l.qty, reservedDelta: -l.qty })));
}
