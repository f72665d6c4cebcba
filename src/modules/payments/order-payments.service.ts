/**
 * Paying orders: the customer pays from the balance, declares a bank transfer with a voucher, or charges credit;
 * finance records money that arrived (transfer, COD) and confirms or rejects what awaits confirmation. One
 * transaction per use-case; the order is locked first, so two payments of one order run one after the other, and
 * the account row is locked before it is read, so two payments racing for the last fen of a balance cannot both win.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor, Ctx, MemberActor, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { pgError } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { oncePerKey } from '../../platform/http/idempotency.js';
import { recordAudit } from '../audit/audit.js';
import { customerIdInScope } from '../customers/customer-scope.js';
import { customers as customersTable } from '../customers/customers.tables.js';
import { orders as ordersTable } from '../orders/orders.tables.js';
import { findOrder } from '../orders/orders.service.js';
import type { OrderRow } from '../orders/orders.repository.js';
import { readSettings } from '../settings/settings.service.js';
import { balanceTake, decideCredit } from './domain/credit.js';
import { enabledMethods } from './domain/payment-methods.js';
import { amountOpenFen } from './domain/payment-status.js';
import { lockAccount, orderMoney, overdueOf, readAccount } from './ledger.js';
import { assertAwaiting, createPayment, decidePayment, findPayment, syncOrderPayment, type PaymentRow } from './payments.repository.js';
import { payments, paymentVouchers } from './payments.tables.js';
import { toOrderMoneyView, toPaymentView, type Realm } from './payment-view.js';

export interface MallPayInput { method: 'balance' | 'bank_transfer' | 'credit'; amountFen?: number; voucherIds?: string[]; remark?: string }
export interface RecordReceiptInput { method: 'bank_transfer' | 'cod'; amountFen: number; reference?: string; remark?: string }

const CLOSED = ['rejected', 'cancelled', 'voided'];

export function assertPayable(o: OrderRow) {
  if (CLOSED.includes(o.status)) throw new AppError('order_state_conflict', { message: `an order that is ${o.status} cannot be paid`, details: { orderStatus: o.status } });
}

export function exceedsDue(amountFen: number, openFen: number): AppError {
  return new AppError('payment_exceeds_due', {
    message: openFen === 0 ? 'nothing is due on this order' : `at most ${openFen} fen is due; ${amountFen} fen is more`,
    details: { amountDueFen: openFen, amountFen },
  });
}

/** What the order's payments answer: the order's money and its payments, oldest first. */
export async function orderPaymentsView(tx: Tx, tenantId: string, o: OrderRow, realm: Realm) {
  const rows = await tx.select().from(payments).where(and(eq(payments.tenantId, tenantId), eq(payments.orderId, o.id))).orderBy(asc(payments.id));
  const m = await orderMoney(tx, tenantId, o.id);
  return { order: toOrderMoneyView(o, m.awaitingFen), items: rows.map((p) => toPaymentView({ ...p, orderNo: o.orderNo, customerName: o.customerName }, realm)) };
}

/** Vouchers named by a payment must be the customer's own and not yet attached to another payment. */
export async function checkVouchers(tx: Tx, tenantId: string, customerId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = await tx.select({ id: paymentVouchers.id, paymentId: paymentVouchers.paymentId }).from(paymentVouchers)
    .where(and(eq(paymentVouchers.tenantId, tenantId), eq(paymentVouchers.customerId, customerId), inArray(paymentVouchers.id, unique)));
  const errors = ids.flatMap((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [{ path: `body.voucherIds.${i}`, message: 'no such voucher' }];
    if (row.paymentId) return [{ path: `body.voucherIds.${i}`, message: 'this voucher belongs to another payment' }];
    return ids.indexOf(id) !== i ? [{ path: `body.voucherIds.${i}`, message: 'named twice' }] : [];
  });
  if (errors.length) throw new AppError('validation_failed', { message: 'some vouchers cannot be used', errors });
}

const audit = (tx: Tx, ctx: Ctx<Actor>, action: string, p: PaymentRow) => recordAudit(tx, ctx, {
  action, entityType: 'payment', entityId: p.id,
  after: { paymentNo: p.paymentNo, orderId: p.orderId, method: p.method, amountFen: p.amountFen, status: p.status, reason: p.rejectReason },
});

/** The table's balance check is the backstop of the row lock: should it ever fire, it is still a clean 409. */
async function backstop<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (pgError(err)?.constraint === 'customer_accounts_balance_nonneg') throw new AppError('insufficient_balance', { message: 'the balance does not cover this payment' });
    throw err;
  }
}

export function createOrderPaymentsService(database: Database) {
  return {
    /** The payments of one order, for whoever may see the order (a member: their company's; staff: their scope). */
    listForOrder: (ctx: Ctx<Actor>, orderId: string) => database.tx(ctx.tenantId, async (tx) =>
      orderPaymentsView(tx, ctx.tenantId, await findOrder(tx, ctx.tenantId, ctx.actor, orderId), ctx.actor.kind === 'member' ? 'mall' : 'admin')),

    /** The customer pays (part of) an order: balance and credit settle at once, a transfer waits for finance. */
    pay: (ctx: Ctx<MemberActor>, orderId: string, key: string, input: MallPayInput) => backstop(database.tx(ctx.tenantId, (tx) =>
      oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'pay-order', key, body: { orderId, ...input } }, async () => {
        const { tenantId, actor } = ctx;
        const o = await findOrder(tx, tenantId, actor, orderId, true);
        assertPayable(o);
        const { settings } = await readSettings(tx, tenantId);
        const enabled = enabledMethods(settings.payments.methods, await readAccount(tx, tenantId, o.customerId));
        if (!enabled.includes(input.method)) {
          throw new AppError('payment_method_unavailable', { message: `${input.method} is not a payment method you can use`, details: { method: input.method, enabled } });
        }
        const m = await orderMoney(tx, tenantId, o.id);
        const open = amountOpenFen({ totalFen: o.totalFen, paidFen: m.paidFen, pendingFen: m.inFlightFen });
        const want = input.amountFen ?? open;
        if (want > open || want === 0) throw exceedsDue(want, open);
        const base = { purpose: 'order' as const, customerId: o.customerId, orderId: o.id, method: input.method, remark: input.remark || null };
        let p: PaymentRow;
        if (input.method === 'balance') {
          const acc = await lockAccount(tx, tenantId, o.customerId);
          const take = balanceTake(acc.balanceFen, want, acc.balanceShortPolicy);
          if (!take.ok) {
            throw new AppError('insufficient_balance', { message: `the balance is ${take.balanceFen} fen, the payment ${take.amountFen} fen`, details: { balanceFen: take.balanceFen, amountFen: take.amountFen } });
          }
          p = await createPayment(tx, tenantId, actor, { ...base, amountFen: take.amountFen, status: 'succeeded' });
        } else if (input.method === 'credit') {
          const acc = await lockAccount(tx, tenantId, o.customerId);
          const d = decideCredit({ limitFen: acc.creditLimitFen, usedFen: acc.creditUsedFen, overdueFen: await overdueOf(tx, tenantId, acc), policy: acc.creditPolicy }, want);
          if (!d.ok && !d.review) throw new AppError(d.code, { message: d.message, details: d.details });
          p = await createPayment(tx, tenantId, actor, { ...base, amountFen: want, status: d.ok ? 'succeeded' : 'pending_confirmation', reviewReason: d.ok ? null : d.code });
        } else {
          await checkVouchers(tx, tenantId, o.customerId, input.voucherIds ?? []);
          p = await createPayment(tx, tenantId, actor, { ...base, amountFen: want, status: 'pending_confirmation', voucherIds: input.voucherIds });
        }
        const after = await syncOrderPayment(tx, tenantId, o, actor, p.status === 'succeeded' ? 'payment_received' : 'payment_declared', p);
        await audit(tx, ctx, 'payment.pay', p);
        return { status: 201, body: { payment: toPaymentView({ ...p, orderNo: o.orderNo, customerName: o.customerName }, 'mall'), order: (await orderPaymentsView(tx, tenantId, after, 'mall')).order } };
      }))),

    /** Finance records money that arrived for an order (a transfer seen on the bank statement, cash on delivery). */
    recordReceipt: (ctx: Ctx<Operator>, orderId: string, key: string, input: RecordReceiptInput) => database.tx(ctx.tenantId, (tx) =>
      oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'record-receipt', key, body: { orderId, ...input } }, async () => {
        const { tenantId, actor } = ctx;
        const o = await findOrder(tx, tenantId, actor, orderId, true);
        assertPayable(o);
        const m = await orderMoney(tx, tenantId, o.id);
        const open = amountOpenFen({ totalFen: o.totalFen, paidFen: m.paidFen, pendingFen: m.inFlightFen });
        if (input.amountFen > open) throw exceedsDue(input.amountFen, open);
        const p = await createPayment(tx, tenantId, actor, {
          purpose: 'order', customerId: o.customerId, orderId: o.id, method: input.method, amountFen: input.amountFen, status: 'succeeded',
          reference: input.reference || null, remark: input.remark || null,
        });
        const after = await syncOrderPayment(tx, tenantId, o, actor, 'payment_received', p);
        await audit(tx, ctx, 'payment.record', p);
        return { status: 201, body: { payment: toPaymentView({ ...p, orderNo: o.orderNo, customerName: o.customerName }, 'admin'), order: (await orderPaymentsView(tx, tenantId, after, 'admin')).order } };
      })),

    /** Finance confirms a declared transfer (the money is on the account) or approves a credit charge under review. */
    confirm: (ctx: Ctx<Operator>, id: string, input: { version?: number; reference?: string }) => database.tx(ctx.tenantId, async (tx) => {
      const { p, o } = await lockForDecision(tx, ctx, id);
      assertAwaiting(p, input.version);
      if (o) {
        if (p.method === 'credit') assertPayable(o);
        const m = await orderMoney(tx, ctx.tenantId, o.id);
        // Amounts awaiting confirmation were held open when declared; only an order edited down meanwhile can refuse here.
        if (m.paidFen + p.amountFen > o.totalFen) throw exceedsDue(p.amountFen, Math.max(0, o.totalFen - m.paidFen));
      }
      const done = await decidePayment(tx, ctx.tenantId, ctx.actor, p, 'succeeded', { reference: input.reference || null });
      if (o) await syncOrderPayment(tx, ctx.tenantId, o, ctx.actor, 'payment_received', done);
      await audit(tx, ctx, 'payment.confirm', done);
      return paymentDetail(tx, ctx, done.id);
    }),

    /** Finance refuses a declared payment (the money never arrived, the voucher is wrong), with a reason. */
    reject: (ctx: Ctx<Operator>, id: string, input: { version?: number; reason: string }) => database.tx(ctx.tenantId, async (tx) => {
      const { p, o } = await lockForDecision(tx, ctx, id);
      assertAwaiting(p, input.version);
      const done = await decidePayment(tx, ctx.tenantId, ctx.actor, p, 'rejected', { reason: input.reason });
      if (o) await syncOrderPayment(tx, ctx.tenantId, o, ctx.actor, 'payment_rejected', done);
      await audit(tx, ctx, 'payment.reject', done);
      return paymentDetail(tx, ctx, done.id);
    }),

    detail: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, (tx) => paymentDetail(tx, ctx, id)),
  };
}

/** A payment in the staff member's scope, by id (404 otherwise), with its order number and customer name. */
export async function paymentDetail(tx: Tx, ctx: Ctx<Operator>, id: string) {
  const p = await scopedPayment(tx, ctx, id);
  const [o] = p.orderId ? await tx.select({ orderNo: ordersTable.orderNo }).from(ordersTable).where(and(eq(ordersTable.tenantId, ctx.tenantId), eq(ordersTable.id, p.orderId))) : [];
  const [c] = await tx.select({ name: customersTable.name }).from(customersTable).where(and(eq(customersTable.tenantId, ctx.tenantId), eq(customersTable.id, p.customerId)));
  return toPaymentView({ ...p, orderNo: o?.orderNo ?? null, customerName: c?.name ?? null }, 'admin');
}

async function scopedPayment(tx: Tx, ctx: Ctx<Operator>, id: string): Promise<PaymentRow> {
  const [p] = await tx.select().from(payments).where(and(eq(payments.tenantId, ctx.tenantId), eq(payments.id, id), customerIdInScope(ctx.actor, payments.customerId)));
  if (!p) throw notFound('payment');
  return p;
}

/** The global lock order: the order first (if the payment has one), then the payment. */
async function lockForDecision(tx: Tx, ctx: Ctx<Operator>, id: string): Promise<{ p: PaymentRow; o: OrderRow | null }> {
  const seen = await scopedPayment(tx, ctx, id);
  const o = seen.orderId ? await findOrder(tx, ctx.tenantId, ctx.actor, seen.orderId, true) : null;
  const p = (await findPayment(tx, ctx.tenantId, id, true))!;
  return { p, o };
}

export type OrderPaymentsService = ReturnType<typeof createOrderPaymentsService>;
