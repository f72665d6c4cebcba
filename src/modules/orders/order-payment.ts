import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import type { PaymentStatus } from './domain/order-state.js';
import { recordOrderEvent, type OrderRow } from './orders.repository.js';
import { orders } from './orders.tables.js';

export interface OrderPaymentChange {
  paidFen: number;
  paymentStatus: PaymentStatus;
  /** The timeline entry: `payment_received`, `payment_declared`, `payment_rejected`, `refund_succeeded`. */
  action: string;
  /** What the entry shows: the payment (paymentNo, method, amountFen) or the refund (refundNo, destination, amountFen). */
  payment: Record<string, string | number>;
}

/**
 * The payment dimension of an order (paid amount and 付款状态), written by the payments module on a locked order
 * in its transaction. The review status is untouched; the version moves on, so an edit made against the amounts
 * seen before the payment is refused (409 version_conflict) and re-read.
 */
export async function setOrderPayment(tx: Tx, tenantId: string, o: OrderRow, actor: Actor, c: OrderPaymentChange): Promise<OrderRow> {
  const [updated] = await tx.update(orders).set({ paidFen: c.paidFen, paymentStatus: c.paymentStatus, version: o.version + 1, updatedAt: new Date() })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, o.id))).returning();
  await recordOrderEvent(tx, tenantId, o, actor, { action: c.action, from: o.status, to: o.status, revision: o.revision, changes: c.payment });
  return updated;
}
