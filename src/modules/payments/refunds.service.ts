/**
 * 退款单 decisions: finance approves (the one ledger row is booked and the order's paid amount and 付款状态 follow)
 * or rejects. Locks in the house order — order, refund, account — like every payment use-case.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Ctx, MemberActor, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { oncePerKey } from '../../platform/http/idempotency.js';
import { toPage } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { recordAudit } from '../audit/audit.js';
import { setOrderPayment } from '../orders/order-payment.js';
import { findOrder } from '../orders/orders.service.js';
import { orders } from '../orders/orders.tables.js';
import { orderPaymentStatus } from './domain/payment-status.js';
import { refundEffect } from './domain/refund-plan.js';
import { lockAccount, orderMoney, postMovement } from './ledger.js';
import { requestRefundsTx, type RefundRow } from './refund-request.js';
import { refunds, type RefundStatus } from './refunds.tables.js';
import { refundThroughGateways } from './gateway-refunds.js';
import type { GatewayRegistry } from './online-gateways.js';

export const toRefundOut = (r: RefundRow, o?: { orderNo: string; customerName: string }) => ({
  id: r.id, refundNo: r.refundNo, orderId: r.orderId, orderNo: o?.orderNo ?? null, customerId: r.customerId, customerName: o?.customerName ?? null,
  amountFen: r.amountFen, destination: r.destination, status: r.status, trigger: r.trigger, reason: r.reason, requestedByName: r.requestedByName,
  decidedByName: r.decidedByName, decidedAt: r.decidedAt?.toISOString() ?? null, rejectReason: r.rejectReason, createdAt: r.createdAt.toISOString(), version: r.version,
  gatewayRefunds: r.gatewayRefunds,
});

async function lockRefund(tx: Tx, ctx: Ctx<Operator>, id: string, version: number | undefined) {
  const [r] = await tx.select().from(refunds).where(and(eq(refunds.tenantId, ctx.tenantId), eq(refunds.id, id)));
  if (!r) throw notFound('refund');
  const o = await findOrder(tx, ctx.tenantId, ctx.actor, r.orderId, true);
  const [locked] = await tx.select().from(refunds).where(and(eq(refunds.tenantId, ctx.tenantId), eq(refunds.id, id))).for('update');
  if (version !== undefined && version !== locked.version) throw new AppError('version_conflict', { message: 'the refund was changed by someone else; reload it', details: { currentVersion: locked.version } });
  if (locked.status !== 'pending_approval') throw new AppError('refund_state_conflict', { message: `refund ${locked.refundNo} is already ${locked.status}`, details: { refundStatus: locked.status } });
  return { o, r: locked };
}

async function decide(tx: Tx, ctx: Ctx<Operator>, r: RefundRow, to: RefundStatus, rejectReason: string | null) {
  const now = new Date();
  const [row] = await tx.update(refunds).set({ status: to, decidedById: ctx.actor.id, decidedByName: ctx.actor.name, decidedAt: now, rejectReason, updatedAt: now, version: r.version + 1 })
    .where(and(eq(refunds.tenantId, ctx.tenantId), eq(refunds.id, r.id))).returning();
  await emitEvent(tx, ctx.tenantId, { topic: `refund.${to}`, aggregateType: 'refund', aggregateId: r.id,
    payload: { refundNo: r.refundNo, orderId: r.orderId, customerId: r.customerId, amountFen: r.amountFen, destination: r.destination } });
  await recordAudit(tx, ctx, { action: `refund.${to}`, entityType: 'refund', entityId: r.id, after: { refundNo: r.refundNo, amountFen: r.amountFen, destination: r.destination, rejectReason } });
  return row;
}

export function createRefundsService(database: Database, gateways: GatewayRegistry) {
  return {
    list: (ctx: Ctx<Operator>, q: { status?: RefundStatus; orderId?: string; limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) => {
      const rows = await tx.select({ r: refunds, orderNo: orders.orderNo, customerName: orders.customerName }).from(refunds)
        .innerJoin(orders, and(eq(orders.tenantId, refunds.tenantId), eq(orders.id, refunds.orderId)))
        .where(and(eq(refunds.tenantId, ctx.tenantId), q.status ? eq(refunds.status, q.status) : undefined, q.orderId ? eq(refunds.orderId, q.orderId) : undefined,
          q.cursor ? lt(refunds.id, q.cursor) : undefined))
        .orderBy(desc(refunds.id)).limit(q.limit + 1);
      return toPage(rows.map((x) => ({ ...x, id: x.r.id })), q.limit, (x) => toRefundOut(x.r, x));
    }),

    /** Finance refunds part of what an order holds (after an edit lowered it, a goodwill refund); Idempotency-Key. */
    request: (ctx: Ctx<Operator>, orderId: string, key: string, input: { amountFen: number; destination: 'balance' | 'original'; reason: string }) => database.tx(ctx.tenantId, (tx) =>
      oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'request-refund', key, body: { orderId, ...input } }, async () => {
        const o = await findOrder(tx, ctx.tenantId, ctx.actor, orderId, true);
        const rows = await requestRefundsTx(tx, ctx.tenantId, ctx.actor, o, { ...input, trigger: 'manual' });
        return { status: 201, body: { items: rows.map((r) => toRefundOut(r, o)) } };
      })),

    /** Finance may send a balance/original refund the other way when approving (a cancelled online order back to WeChat, say). */
    approve: (ctx: Ctx<Operator>, id: string, input: { version?: number; destination?: 'balance' | 'original' }) => database.tx(ctx.tenantId, async (tx) => {
      const locked = await lockRefund(tx, ctx, id, input.version);
      const o = locked.o;
      let r = locked.r;
      const money = await orderMoney(tx, ctx.tenantId, o.id);
      if (money.paidFen < r.amountFen) throw new AppError('refund_state_conflict', { message: `the order now holds ${money.paidFen} fen, less than this refund; reject it`, details: { paidFen: money.paidFen, amountFen: r.amountFen } });
      if (input.destination && r.destination !== 'credit' && input.destination !== r.destination) {
        [r] = await tx.update(refunds).set({ destination: input.destination }).where(and(eq(refunds.tenantId, ctx.tenantId), eq(refunds.id, r.id))).returning();
      }
      const viaGateways = await refundThroughGateways(tx, ctx.tenantId, gateways, r);
      if (viaGateways.length) [r] = await tx.update(refunds).set({ gatewayRefunds: viaGateways }).where(and(eq(refunds.tenantId, ctx.tenantId), eq(refunds.id, r.id))).returning();
      const acc = await lockAccount(tx, ctx.tenantId, o.customerId);
      if (r.destination === 'credit' && acc.creditUsedFen < r.amountFen) {
        throw new AppError('refund_state_conflict', { message: `the customer now owes ${acc.creditUsedFen} fen on credit, less than this refund; reject it and refund to the balance`, details: { creditUsedFen: acc.creditUsedFen, amountFen: r.amountFen } });
      }
      await postMovement(tx, ctx.tenantId, ctx.actor, acc, { ...refundEffect(r.destination, r.amountFen), amountFen: r.amountFen, orderId: o.id, method: r.destination, docType: 'refund', docId: r.id, reason: r.reason });
      const row = await decide(tx, ctx, r, 'succeeded', null);
      const after = await orderMoney(tx, ctx.tenantId, o.id);
      await setOrderPayment(tx, ctx.tenantId, o, ctx.actor, {
        paidFen: after.paidFen, paymentStatus: orderPaymentStatus({ totalFen: o.totalFen, receivedFen: after.receivedFen, refundedFen: after.refundedFen, pendingFen: after.awaitingFen }),
        action: 'refund_succeeded', payment: { refundNo: r.refundNo, destination: r.destination, amountFen: r.amountFen },
      });
      return toRefundOut(row, o);
    }),

    reject: (ctx: Ctx<Operator>, id: string, input: { version?: number; rejectReason: string }) => database.tx(ctx.tenantId, async (tx) => {
      const { o, r } = await lockRefund(tx, ctx, id, input.version);
      return toRefundOut(await decide(tx, ctx, r, 'rejected', input.rejectReason.trim()), o);
    }),

    mine: (ctx: Ctx<MemberActor>, orderId: string) => database.tx(ctx.tenantId, async (tx) => {
      const o = await findOrder(tx, ctx.tenantId, ctx.actor, orderId);
      const rows = await tx.select().from(refunds).where(and(eq(refunds.tenantId, ctx.tenantId), eq(refunds.orderId, o.id))).orderBy(desc(refunds.id));
      return { items: rows.map((r) => toRefundOut(r, o)) };
    }),
  };
}

export type RefundsService = ReturnType<typeof createRefundsService>;
