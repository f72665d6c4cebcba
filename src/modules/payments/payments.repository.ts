import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import type { OrderRow } from '../orders/orders.repository.js';
import { setOrderPayment } from '../orders/order-payment.js';
import { dueOn } from './domain/credit.js';
import { paymentEffect, type PaymentPurpose } from './domain/ledger-effect.js';
import { orderPaymentStatus } from './domain/payment-status.js';
import { lockAccount, orderMoney, postMovement } from './ledger.js';
import { payments, paymentVouchers, type PaymentState } from './payments.tables.js';

export type PaymentRow = typeof payments.$inferSelect;

export const formatPaymentNo = (seq: number) => `SK${String(seq).padStart(6, '0')}`;

export interface NewPayment {
  purpose: PaymentPurpose;
  customerId: string;
  orderId: string | null;
  method: string;
  amountFen: number;
  status: PaymentState;
  reviewReason?: string | null;
  voucherIds?: string[];
  remark?: string | null;
  reference?: string | null;
  /** An online payment: its id is the gateway's trade number, so it is chosen before the gateway is asked. */
  id?: string;
  gateway?: string;
  payKind?: string;
  payUrl?: string;
  expiresAt?: Date;
}

/**
 * Inserts a 收款单 and, when it succeeded at once, books its movement. The number's counter row stays locked until
 * commit, so it is taken after the order and account locks: a use-case holding the counter never waits for an account.
 */
export async function createPayment(tx: Tx, tenantId: string, actor: Actor, p: NewPayment): Promise<PaymentRow> {
  const id = p.id ?? newId();
  const now = new Date();
  // Global lock order: order, payment, account, then the number's counter (held until commit by every payment).
  if (p.status === 'succeeded') await lockAccount(tx, tenantId, p.customerId);
  const paymentNo = formatPaymentNo(await nextSequence(tx, tenantId, 'payment'));
  const [row] = await tx.insert(payments).values({
    tenantId, id, paymentNo, purpose: p.purpose, customerId: p.customerId, orderId: p.orderId, method: p.method, amountFen: p.amountFen,
    status: p.status, reviewReason: p.reviewReason ?? null, voucherIds: p.voucherIds ?? [], remark: p.remark ?? null, reference: p.reference ?? null,
    gateway: p.gateway ?? null, payKind: p.payKind ?? null, payUrl: p.payUrl ?? null, expiresAt: p.expiresAt ?? null,
    createdByKind: actor.kind, createdById: actor.id, createdByName: actor.name, succeededAt: p.status === 'succeeded' ? now : null, createdAt: now, updatedAt: now,
  }).returning();
  if (p.voucherIds?.length) {
    await tx.update(paymentVouchers).set({ paymentId: id })
      .where(and(eq(paymentVouchers.tenantId, tenantId), inArray(paymentVouchers.id, p.voucherIds), isNull(paymentVouchers.paymentId)));
  }
  if (p.status === 'succeeded') await bookPayment(tx, tenantId, actor, row);
  await emitEvent(tx, tenantId, { topic: `payment.${p.status}`, aggregateType: 'payment', aggregateId: id,
    payload: { paymentNo, purpose: p.purpose, customerId: p.customerId, orderId: p.orderId, method: p.method, amountFen: p.amountFen } });
  return row;
}

/** The ledger row of a payment that has succeeded (locks the customer's account). */
export async function bookPayment(tx: Tx, tenantId: string, actor: Actor, p: PaymentRow, at = new Date()) {
  const effect = paymentEffect(p.purpose, p.method, p.amountFen);
  const acc = await lockAccount(tx, tenantId, p.customerId);
  return postMovement(tx, tenantId, actor, acc, {
    ...effect, amountFen: p.amountFen, orderId: p.orderId, method: p.method, docType: 'payment', docId: p.id,
    dueOn: effect.kind === 'credit_charge' ? dueOn(at, acc.creditTermDays) : null, note: p.reference ?? p.remark,
  });
}

/** Moves a payment awaiting an answer to `succeeded` or `rejected` (the caller holds the row lock and checked the state). */
export async function decidePayment(tx: Tx, tenantId: string, actor: Actor, p: PaymentRow, to: 'succeeded' | 'rejected', extra: { reason?: string | null; reference?: string | null }): Promise<PaymentRow> {
  const now = new Date();
  const [row] = await tx.update(payments).set({
    status: to, decidedById: actor.id, decidedByName: actor.name, decidedAt: now, updatedAt: now, version: p.version + 1,
    ...(to === 'succeeded' ? { succeededAt: now, reference: extra.reference ?? p.reference } : { rejectReason: extra.reason ?? null }),
  }).where(and(eq(payments.tenantId, tenantId), eq(payments.id, p.id))).returning();
  if (to === 'succeeded') await bookPayment(tx, tenantId, actor, row, now);
  await emitEvent(tx, tenantId, { topic: `payment.${to}`, aggregateType: 'payment', aggregateId: p.id,
    payload: { paymentNo: p.paymentNo, purpose: p.purpose, customerId: p.customerId, orderId: p.orderId, method: p.method, amountFen: p.amountFen } });
  return row;
}

/** Recomputes the order's paid amount and 付款状态 from the ledger and its open payments, with a timeline entry. */
export async function syncOrderPayment(tx: Tx, tenantId: string, o: OrderRow, actor: Actor, action: string, p: PaymentRow): Promise<OrderRow> {
  const m = await orderMoney(tx, tenantId, o.id);
  const paymentStatus = orderPaymentStatus({ totalFen: o.totalFen, receivedFen: m.receivedFen, refundedFen: m.refundedFen, pendingFen: m.awaitingFen });
  return setOrderPayment(tx, tenantId, o, actor, { paidFen: m.paidFen, paymentStatus, action, payment: { paymentNo: p.paymentNo, method: p.method, amountFen: p.amountFen } });
}

export async function findPayment(tx: Tx, tenantId: string, id: string, lock = false): Promise<PaymentRow | undefined> {
  const q = tx.select().from(payments).where(and(eq(payments.tenantId, tenantId), eq(payments.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A payment must still await an answer to be confirmed or rejected; a second answer is a conflict. */
export function assertAwaiting(p: PaymentRow, version?: number) {
  if (version !== undefined && version !== p.version) {
    throw new AppError('version_conflict', { message: 'the payment was changed by someone else; reload it', details: { currentVersion: p.version, paymentStatus: p.status } });
  }
  if (p.status !== 'pending_confirmation') {
    throw new AppError('payment_state_conflict', { message: `payment ${p.paymentNo} is ${p.status}; only a payment awaiting confirmation can be confirmed or rejected`, details: { paymentStatus: p.status } });
  }
}

/**
 * The order closed (cancelled, voided, rejected) while an online payment waited at the cashier: it fails as
 * `order_closed`. Should the payer still pay it, the callback books the money and a refund is requested for it.
 */
export async function failPendingOnlinePayments(tx: Tx, tenantId: string, orderId: string): Promise<void> {
  await tx.update(payments).set({ status: 'failed', failReason: 'order_closed', updatedAt: new Date() })
    .where(and(eq(payments.tenantId, tenantId), eq(payments.orderId, orderId), eq(payments.status, 'pending')));
}
