/**
 * Requesting refunds (退款单) in the caller's transaction, with the order row already locked: by finance for part of
 * what was paid, or automatically for everything when a paid order is cancelled or voided. Nothing moves until
 * finance approves (refunds.service.ts). Imports no order service, so the order lifecycle can call it.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { recordOrderEvent, type OrderRow } from '../orders/orders.repository.js';
import { planRefund, refundableFen } from './domain/refund-plan.js';
import { orderMoney, readAccount } from './ledger.js';
import { orderPaymentStatus } from './domain/payment-status.js';
import { payments } from './payments.tables.js';
import { setOrderPayment } from '../orders/order-payment.js';
import { refunds, type RefundTrigger } from './refunds.tables.js';

export type RefundRow = typeof refunds.$inferSelect;
const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** Refunds of the order requested and not yet decided. */
export async function pendingRefundsFen(tx: Tx, tenantId: string, orderId: string): Promise<number> {
  const [r] = await tx.select({ n: sql<string>`coalesce(sum(${refunds.amountFen}), 0)` }).from(refunds)
    .where(and(eq(refunds.tenantId, tenantId), eq(refunds.orderId, orderId), eq(refunds.status, 'pending_approval')));
  return Number(r.n);
}

/** What the order still holds on credit: its credit charges less refunds already given back as credit. */
async function creditNetFen(tx: Tx, tenantId: string, orderId: string): Promise<number> {
  const [r] = rowsOf<{ net: string | number }>(await tx.execute(sql`
    select coalesce(sum(case when kind = 'credit_charge' then amount_fen when kind = 'refund' and credit_delta_fen < 0 then -amount_fen else 0 end), 0) as net
    from money_movements where tenant_id = ${tenantId} and order_id = ${orderId}`));
  return Number(r.net);
}

const CLOSED: string[] = ['cancelled', 'voided', 'rejected'];

/**
 * What an order may give back: everything paid once it is closed (cancelled, voided, rejected); while it is open,
 * only what was paid beyond its total (an edit lowered it) — otherwise a refund would just make the order due again.
 */
export const refundBaseFen = (o: { status: string; paidFen: number; totalFen: number }) =>
  CLOSED.includes(o.status) ? o.paidFen : Math.max(0, o.paidFen - o.totalFen);

export interface RefundRequest { amountFen?: number; destination: 'balance' | 'original'; reason?: string | null; trigger: RefundTrigger }

export async function requestRefundsTx(tx: Tx, tenantId: string, actor: Actor, o: OrderRow, r: RefundRequest): Promise<RefundRow[]> {
  const refundable = refundableFen(refundBaseFen(o), await pendingRefundsFen(tx, tenantId, o.id));
  const amountFen = r.amountFen ?? refundable;
  if (amountFen <= 0 && r.amountFen === undefined) return [];
  if (amountFen > refundable) {
    const why = CLOSED.includes(o.status) ? '' : ' (an open order refunds only what was paid beyond its total, e.g. after an edit lowered it; cancel or void it to refund everything)';
    throw new AppError('refund_exceeds_paid', { message: `at most ${refundable} fen can be refunded on this order${why}`, details: { refundableFen: refundable, amountFen } });
  }
  const acc = await readAccount(tx, tenantId, o.customerId);
  const parts = planRefund({ amountFen, creditNetFen: await creditNetFen(tx, tenantId, o.id), creditUsedFen: acc.creditUsedFen, destination: r.destination });
  const out: RefundRow[] = [];
  for (const part of parts) {
    const n = await nextSequence(tx, tenantId, 'refund');
    const [row] = await tx.insert(refunds).values({
      tenantId, id: newId(), refundNo: `TK${String(n).padStart(6, '0')}`, orderId: o.id, customerId: o.customerId, amountFen: part.amountFen,
      destination: part.destination, trigger: r.trigger, reason: r.reason?.trim() || null, requestedByKind: actor.kind, requestedById: actor.id, requestedByName: actor.name,
    }).returning();
    await recordOrderEvent(tx, tenantId, o, actor, { action: 'refund_requested', from: o.status, to: o.status, revision: o.revision,
      changes: { refundNo: row.refundNo, amountFen: row.amountFen, destination: row.destination } });
    await emitEvent(tx, tenantId, { topic: 'refund.requested', aggregateType: 'refund', aggregateId: row.id,
      payload: { refundNo: row.refundNo, orderId: o.id, customerId: o.customerId, amountFen: row.amountFen, destination: row.destination, trigger: r.trigger } });
    out.push(row);
  }
  return out;
}

/**
 * Where money the company gives back unasked goes by default: back through the gateway when the order was paid
 * online, else to the prepaid balance. Finance may send it the other way when approving.
 */
export async function defaultRefundDestination(tx: Tx, tenantId: string, orderId: string): Promise<'balance' | 'original'> {
  const [r] = await tx.select({ n: sql<string>`count(*)` }).from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.orderId, orderId), eq(payments.status, 'succeeded'), isNotNull(payments.gateway)));
  return Number(r.n) > 0 ? 'original' : 'balance';
}

/**
 * After an edit changed a locked order's total: its 付款状态 is derived again (a paid order edited up is partly paid
 * again), and what it now holds beyond its total is requested back (退款单, trigger `edit`). Returns the order as stored.
 */
export async function settleAfterEdit(tx: Tx, tenantId: string, actor: Actor, o: OrderRow): Promise<OrderRow> {
  const m = await orderMoney(tx, tenantId, o.id);
  if (m.receivedFen === 0 && m.awaitingFen === 0) return o;
  const paymentStatus = orderPaymentStatus({ totalFen: o.totalFen, receivedFen: m.receivedFen, refundedFen: m.refundedFen, pendingFen: m.awaitingFen });
  const after = paymentStatus === o.paymentStatus ? o
    : await setOrderPayment(tx, tenantId, o, actor, { paidFen: m.paidFen, paymentStatus, action: 'payment_recomputed', payment: { totalFen: o.totalFen, paidFen: m.paidFen } });
  await requestRefundsTx(tx, tenantId, actor, after, { destination: await defaultRefundDestination(tx, tenantId, o.id), reason: '改单后订单金额减少，多付部分退回', trigger: 'edit' });
  return after;
}
