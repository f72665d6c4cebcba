/**
 * 在线支付: the customer pays an order (or tops up the balance) through WeChat Pay, Alipay or UnionPay. Starting a
 * payment asks the gateway for a cashier inside the transaction, before any number counter is taken, so a gateway
 * that is down leaves nothing behind (503, the key can be retried). The payment waits as `pending` until the gateway's
 * signed callback — or our query when the callback is late — says it was paid; only then is its ledger row booked.
 *
 * Money that really arrived is always booked: a callback for a payment that was superseded, expired, or whose order
 * was cancelled meanwhile still succeeds, and what the order then holds beyond its due goes to a refund request.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Actor, Ctx, MemberActor } from '../../platform/auth/actor.js';
import { systemActor } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { oncePerKey } from '../../platform/http/idempotency.js';
import { newId } from '../../platform/ids.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { recordAudit } from '../audit/audit.js';
import { customerIdInScope } from '../customers/customer-scope.js';
import { findOrder } from '../orders/orders.service.js';
import { readSettings } from '../settings/settings.service.js';
import { METHOD_NAMES, enabledMethods, type OnlineMethod } from './domain/payment-methods.js';
import { amountOpenFen } from './domain/payment-status.js';
import type { GatewayName, GatewayTrade, PaymentGateway } from './gateways/payment-gateway.js';
import { orderMoney, readAccount } from './ledger.js';
import { gatewayFor, notifyUrlOf, PAY_WINDOW_MS, type OnlineDeps } from './online-gateways.js';
import { assertPayable, exceedsDue, orderPaymentsView } from './order-payments.service.js';
import { bookPayment, createPayment, findPayment, syncOrderPayment, type PaymentRow } from './payments.repository.js';
import { payments } from './payments.tables.js';
import { toPaymentView } from './payment-view.js';
import { requestRefundsTx } from './refund-request.js';

export interface TenantRef { id: string; slug: string }

/** The payer's way back to the mall after the cashier: the order page, or the account page for a recharge. */
const returnUrlOf = (deps: OnlineDeps, orderId: string | null) => `${deps.publicUrl}/m/${orderId ? `orders/${orderId}` : 'me/finance'}?paid=1`;

/** Marks the order's other pending online payments as superseded; their trades are closed after commit. */
async function supersedePending(tx: Tx, tenantId: string, where: { orderId: string } | { customerId: string; recharge: true }) {
  const cond = 'orderId' in where ? eq(payments.orderId, where.orderId) : and(eq(payments.customerId, where.customerId), eq(payments.purpose, 'recharge'));
  return tx.update(payments).set({ status: 'failed', failReason: 'superseded', updatedAt: new Date() })
    .where(and(eq(payments.tenantId, tenantId), cond, eq(payments.status, 'pending'), isNotNull(payments.gateway)))
    .returning({ id: payments.id, gateway: payments.gateway });
}

async function assertMethodEnabled(tx: Tx, tenantId: string, customerId: string, method: string) {
  const { settings } = await readSettings(tx, tenantId);
  const enabled = enabledMethods(settings.payments.methods, await readAccount(tx, tenantId, customerId));
  if (!(enabled as string[]).includes(method)) {
    throw new AppError('payment_method_unavailable', { message: `${method} is not a payment method you can use`, details: { method, enabled } });
  }
}

/** Asks the gateway for a cashier for a payment not yet written (its id is the trade number). */
async function startTrade(deps: OnlineDeps, gw: PaymentGateway, t: { id: string; tenantSlug: string; amountFen: number; description: string; orderId: string | null }) {
  const expiresAt = new Date(Date.now() + PAY_WINDOW_MS);
  const started = await gw.start({
    outTradeNo: t.id, amountFen: t.amountFen, description: t.description.slice(0, 127),
    notifyUrl: notifyUrlOf(deps, gw.name, t.tenantSlug), returnUrl: returnUrlOf(deps, t.orderId), expiresAt,
  });
  return { payKind: started.kind, payUrl: started.url, expiresAt };
}

const gatewayActor = (name: GatewayName) => systemActor([], METHOD_NAMES[name]);

/**
 * What a trade the gateway reported does to our payment, in one transaction: paid → succeeded and booked (once:
 * a duplicate finds it succeeded); closed or failed → a pending payment fails; anything older than what we know
 * (an out-of-order callback) changes nothing. Locks in the house order: order, payment, account, counter.
 */
export async function applyTrade(tx: Tx, tenantId: string, gateway: GatewayName, trade: GatewayTrade): Promise<'booked' | 'failed' | 'unchanged'> {
  const [seen] = await tx.select().from(payments).where(and(eq(payments.tenantId, tenantId), eq(payments.id, trade.outTradeNo)));
  if (!seen || seen.gateway !== gateway) throw new AppError('payment_not_found', { message: `no ${gateway} payment ${trade.outTradeNo} here`, details: { outTradeNo: trade.outTradeNo } });
  const actor = gatewayActor(gateway);
  const o = seen.orderId ? await findOrder(tx, tenantId, actor, seen.orderId, true) : null;
  const p = (await findPayment(tx, tenantId, seen.id, true))!;
  if (trade.state === 'succeeded') {
    if (p.status === 'succeeded') return 'unchanged';
    if (trade.amountFen !== p.amountFen) {
      throw new AppError('payment_amount_mismatch', { message: `the gateway reports ${trade.amountFen} fen paid for a payment of ${p.amountFen} fen`, details: { amountFen: p.amountFen, paidFen: trade.amountFen } });
    }
    const now = new Date();
    const [done] = await tx.update(payments).set({ status: 'succeeded', gatewayTradeNo: trade.tradeNo, succeededAt: trade.paidAt ?? now, failReason: null, updatedAt: now, version: p.version + 1 })
      .where(and(eq(payments.tenantId, tenantId), eq(payments.id, p.id))).returning();
    await bookPayment(tx, tenantId, actor, done, now);
    await emitEvent(tx, tenantId, { topic: 'payment.succeeded', aggregateType: 'payment', aggregateId: p.id,
      payload: { paymentNo: p.paymentNo, purpose: p.purpose, customerId: p.customerId, orderId: p.orderId, method: p.method, amountFen: p.amountFen } });
    await recordAudit(tx, { tenantId, actor }, { action: 'payment.online_succeeded', entityType: 'payment', entityId: p.id,
      after: { paymentNo: p.paymentNo, orderId: p.orderId, method: p.method, amountFen: p.amountFen, gatewayTradeNo: trade.tradeNo, was: p.status } });
    if (o) {
      const after = await syncOrderPayment(tx, tenantId, o, actor, 'payment_received', done);
      // Paid after the order closed, or beyond what it owed: the surplus goes back the way it came (finance approves).
      await requestRefundsTx(tx, tenantId, actor, after, { destination: 'original', reason: '在线支付到账时订单已无应付金额，多付部分退回', trigger: 'overpaid' });
    }
    return 'booked';
  }
  if ((trade.state === 'closed' || trade.state === 'failed') && p.status === 'pending') {
    await tx.update(payments).set({ status: 'failed', failReason: 'closed', updatedAt: new Date(), version: p.version + 1 })
      .where(and(eq(payments.tenantId, tenantId), eq(payments.id, p.id)));
    return 'failed';
  }
  return 'unchanged';
}

export function createOnlinePaymentsService(database: Database, deps: OnlineDeps) {
  const closeQuietly = (rows: { id: string; gateway: string | null }[]) => {
    for (const r of rows) deps.gateways[r.gateway as GatewayName]?.close(r.id).catch(() => undefined);
  };

  return {
    /** Starts paying (part of) an order online; the answer's payment carries the cashier (`payKind`, `payUrl`). */
    payOrder: async (ctx: Ctx<MemberActor>, tenant: TenantRef, orderId: string, key: string, input: { method: OnlineMethod; amountFen?: number }) => {
      let superseded: { id: string; gateway: string | null }[] = [];
      const res = await database.tx(ctx.tenantId, (tx) =>
        oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'pay-order', key, body: { orderId, ...input } }, async () => {
          const { tenantId, actor } = ctx;
          const o = await findOrder(tx, tenantId, actor, orderId, true);
          assertPayable(o);
          await assertMethodEnabled(tx, tenantId, o.customerId, input.method);
          const gw = gatewayFor(deps.gateways, input.method);
          superseded = await supersedePending(tx, tenantId, { orderId: o.id });
          const m = await orderMoney(tx, tenantId, o.id);
          const open = amountOpenFen({ totalFen: o.totalFen, paidFen: m.paidFen, pendingFen: m.inFlightFen });
          const want = input.amountFen ?? open;
          if (want > open || want === 0) throw exceedsDue(want, open);
          const id = newId();
          const cashier = await startTrade(deps, gw, { id, tenantSlug: tenant.slug, amountFen: want, description: `订单 ${o.orderNo}`, orderId: o.id });
          const p = await createPayment(tx, tenantId, actor, { id, purpose: 'order', customerId: o.customerId, orderId: o.id, method: input.method, amountFen: want, status: 'pending', gateway: gw.name, ...cashier });
          await recordAudit(tx, ctx, { action: 'payment.online_start', entityType: 'payment', entityId: p.id, after: { paymentNo: p.paymentNo, orderId: o.id, method: p.method, amountFen: p.amountFen } });
          return { status: 201, body: { payment: toPaymentView({ ...p, orderNo: o.orderNo, customerName: o.customerName }, 'mall'), order: (await orderPaymentsView(tx, tenantId, o, 'mall')).order } };
        }));
      closeQuietly(superseded);
      return res;
    },

    /** 充值: tops up the balance online (booked when the gateway says paid) or by transfer with vouchers (finance confirms). */
    startRecharge: async (ctx: Ctx<MemberActor>, tenant: TenantRef, key: string, input: { method: OnlineMethod; amountFen: number }) => {
      let superseded: { id: string; gateway: string | null }[] = [];
      const res = await database.tx(ctx.tenantId, (tx) =>
        oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'recharge', key, body: input }, async () => {
          const { tenantId, actor } = ctx;
          await assertMethodEnabled(tx, tenantId, actor.customerId, input.method);
          const gw = gatewayFor(deps.gateways, input.method);
          superseded = await supersedePending(tx, tenantId, { customerId: actor.customerId, recharge: true });
          const id = newId();
          const cashier = await startTrade(deps, gw, { id, tenantSlug: tenant.slug, amountFen: input.amountFen, description: '预存款充值', orderId: null });
          const p = await createPayment(tx, tenantId, actor, { id, purpose: 'recharge', customerId: actor.customerId, orderId: null, method: input.method, amountFen: input.amountFen, status: 'pending', gateway: gw.name, ...cashier });
          await recordAudit(tx, ctx, { action: 'payment.online_start', entityType: 'payment', entityId: p.id, after: { paymentNo: p.paymentNo, purpose: 'recharge', method: p.method, amountFen: p.amountFen } });
          return { status: 201, body: { payment: toPaymentView(p, 'mall') } };
        }));
      closeQuietly(superseded);
      return res;
    },

    /** A gateway's callback, already verified and read by its adapter. */
    applyCallback: (tenantId: string, gateway: GatewayName, trade: GatewayTrade) => database.tx(tenantId, (tx) => applyTrade(tx, tenantId, gateway, trade)),

    /**
     * Asks the gateway about a pending online payment (the payer is back from the cashier, or a callback is late) and
     * applies the answer; a payment past its window that was never paid is closed at the gateway and fails as expired.
     */
    refresh: async (ctx: Ctx<Actor>, id: string): Promise<PaymentRow> => {
      const p = await database.tx(ctx.tenantId, (tx) => visiblePayment(tx, ctx, id));
      const gw = p.gateway ? deps.gateways[p.gateway as GatewayName] : undefined;
      if (p.status !== 'pending' || !gw) return p;
      const trade = await gw.query(p.id);
      if (trade && trade.state !== 'pending') await database.tx(ctx.tenantId, (tx) => applyTrade(tx, ctx.tenantId, gw.name, trade));
      else if (p.expiresAt && p.expiresAt.getTime() < Date.now()) {
        await gw.close(p.id);
        await database.tx(ctx.tenantId, (tx) => tx.update(payments).set({ status: 'failed', failReason: 'expired', updatedAt: new Date(), version: p.version + 1 })
          .where(and(eq(payments.tenantId, ctx.tenantId), eq(payments.id, p.id), eq(payments.status, 'pending'))));
      }
      return database.tx(ctx.tenantId, (tx) => visiblePayment(tx, ctx, id));
    },
  };
}

/** A payment the actor may see: a member's own company's, staff's within their customer scope. */
async function visiblePayment(tx: Tx, ctx: Ctx<Actor>, id: string): Promise<PaymentRow> {
  const scope = ctx.actor.kind === 'member' ? eq(payments.customerId, ctx.actor.customerId) : customerIdInScope(ctx.actor, payments.customerId);
  const [p] = await tx.select().from(payments).where(and(eq(payments.tenantId, ctx.tenantId), eq(payments.id, id), scope));
  if (!p) throw notFound('payment');
  return p;
}

export type OnlinePaymentsService = ReturnType<typeof createOnlinePaymentsService>;
