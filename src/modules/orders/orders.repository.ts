import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { newId } from '../../platform/ids.js';
import { products } from '../catalog/catalog.tables.js';
import type { StockLine } from '../inventory/stock-ledger.js';
import { orderEvents, orderLines, orders } from './orders.tables.js';
import type { OrderStatus } from './domain/order-state.js';

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;

/** The order row, locked for the rest of the transaction: concurrent actions on one order run one after the other. */
export async function lockOrder(tx: Tx, tenantId: string, id: string): Promise<OrderRow | undefined> {
  const [row] = await tx.select().from(orders).where(and(eq(orders.tenantId, tenantId), eq(orders.id, id))).for('update');
  return row;
}

export const loadLines = (tx: Tx, tenantId: string, orderId: string) =>
  tx.select().from(orderLines).where(and(eq(orderLines.tenantId, tenantId), eq(orderLines.orderId, orderId))).orderBy(asc(orderLines.lineNo));

export const loadEvents = (tx: Tx, tenantId: string, orderId: string) =>
  tx.select().from(orderEvents).where(and(eq(orderEvents.tenantId, tenantId), eq(orderEvents.orderId, orderId))).orderBy(asc(orderEvents.id));

export interface EventInput { action: string; from: OrderStatus | null; to: OrderStatus | null; reason?: string | null; changes?: unknown; revision: number }

/** One timeline entry and its outbox event, in the caller's transaction. */
export async function recordOrderEvent(tx: Tx, tenantId: string, order: { id: string; orderNo: string; customerId: string }, actor: Actor, e: EventInput) {
  await tx.insert(orderEvents).values({
    tenantId, id: newId(), orderId: order.id, action: e.action, fromStatus: e.from, toStatus: e.to, actorKind: actor.kind, actorId: actor.id,
    actorName: actor.name, reason: e.reason ?? null, revision: e.revision, changes: e.changes ?? null,
  });
  await emitEvent(tx, tenantId, {
    topic: `order.${e.action}`, aggregateType: 'order', aggregateId: order.id,
    payload: { orderNo: order.orderNo, customerId: order.customerId, from: e.from, to: e.to, revision: e.revision, actor: { kind: actor.kind, id: actor.id } },
  });
}

/** An order's lines as stock needs (base units, the product's out-of-stock policy), for a reservation made later. */
export async function orderStockLines(tx: Tx, tenantId: string, orderId: string): Promise<StockLine[]> {
  return tx.select({ skuId: orderLines.skuId, skuCode: orderLines.skuCode, baseQty: orderLines.baseQty, policy: products.stockPolicy }).from(orderLines)
    .innerJoin(products, and(eq(products.tenantId, orderLines.tenantId), eq(products.id, orderLines.productId)))
    .where(and(eq(orderLines.tenantId, tenantId), eq(orderLines.orderId, orderId)));
}
