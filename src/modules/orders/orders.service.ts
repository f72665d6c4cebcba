import { and, eq } from 'drizzle-orm';
import type { Actor, Ctx, MemberActor, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/http/pagination.js';
import { customerIdInScope } from '../customers/customer-scope.js';
import { customers } from '../customers/customers.tables.js';
import { readSettings } from '../settings/settings.service.js';
import { chainFacts, decide, staffPermission, TERMINAL, type OrderAction, type OrderStatus } from './domain/order-state.js';
import { adminWhere, CLOSED, latestOrder, listPage, mallTabWhere, statusCounts, sumOf, type AdminFilters } from './order-queries.js';
import { toOrderDetail, toOrderSummary } from './order-view.js';
import { loadEvents, loadLines, orderStockLines, recordOrderEvent, type OrderRow } from './orders.repository.js';
import { orders } from './orders.tables.js';
import { actionableStatuses } from './domain/order-state.js';
import { releaseOrderStock, reserveOrderStock } from '../inventory/stock-ledger.js';
import { cancelOpenShipments, deliverShippedParcels, loadShipments } from '../fulfilment/shipments.repository.js';
import { deferReservation } from './order-create.js';
import { defaultRefundDestination, requestRefundsTx } from '../payments/refund-request.js';
import { failPendingOnlinePayments } from '../payments/payments.repository.js';
import type { mallTabs } from './orders.schemas.js';

export interface ActionInput { version?: number; reason?: string; carrier?: string; trackingNo?: string }

/** Who may see an order: staff within their data scope, a member only their own company's. */
function visibleTo(actor: Actor) {
  if (actor.kind === 'member') return eq(orders.customerId, actor.customerId);
  return customerIdInScope(actor, orders.customerId);
}

export async function findOrder(tx: Tx, tenantId: string, actor: Actor, id: string, lock = false): Promise<OrderRow> {
  const q = tx.select().from(orders).where(and(eq(orders.tenantId, tenantId), eq(orders.id, id), visibleTo(actor)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('order');
  return row;
}

export async function orderDetail(tx: Tx, tenantId: string, actor: Actor, o: OrderRow) {
  return toOrderDetail(o, await loadLines(tx, tenantId, o.id), await loadEvents(tx, tenantId, o.id), actor, await loadShipments(tx, tenantId, o.id));
}

export function checkVersion(o: OrderRow, version: number | undefined) {
  if (version !== undefined && version !== o.version) {
    throw new AppError('version_conflict', { message: 'the order was changed by someone else; reload it', details: { currentVersion: o.version, status: o.status } });
  }
}

/** Applies one action to a locked order: checks the table, the permission, writes status, timeline and outbox. */
export async function applyAction(tx: Tx, ctx: Ctx<Actor>, o: OrderRow, action: OrderAction, input: ActionInput): Promise<OrderRow> {
  checkVersion(o, input.version);
  const { settings } = await readSettings(tx, ctx.tenantId);
  const [c] = await tx.select({ trusted: customers.trusted }).from(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, o.customerId)));
  const facts = chainFacts(settings.orders, { totalFen: o.totalFen, trustedCustomer: !!c?.trusted, memberApproval: true });
  const decision = decide(o.status, action, facts);
  if (!decision.ok) throw new AppError('order_state_conflict', { message: decision.reason, details: { status: o.status } });
  if (action === 'void' && (o.fulfilmentStatus === 'partially_shipped' || o.fulfilmentStatus === 'shipped')) {
    throw new AppError('order_state_conflict', { message: 'part of the order has shipped; it can no longer be voided', details: { status: o.status, fulfilmentStatus: o.fulfilmentStatus } });
  }
  if (ctx.actor.kind !== 'member' && ctx.actor.kind !== 'system') {
    const permission = staffPermission(o.status, action);
    if (!permission || !ctx.actor.permissions.has(permission)) throw forbidden(permission ?? undefined);
  }
  const to = decision.to;
  const now = new Date();
  const reason = input.reason?.trim() || null;
  const [updated] = await tx.update(orders).set({
    status: to, version: o.version + 1, updatedAt: now,
    ...(to === 'rejected' ? { rejectReason: reason } : {}),
    ...(to === 'cancelled' || to === 'voided' ? { cancelReason: reason } : {}),
    ...(action === 'ship' ? { shippedAt: now, carrier: input.carrier || null, trackingNo: input.trackingNo || null, fulfilmentStatus: 'shipped' as const } : {}),
    ...(to === 'completed' ? { completedAt: now, fulfilmentStatus: 'delivered' as const } : {}),
  }).where(and(eq(orders.tenantId, ctx.tenantId), eq(orders.id, o.id))).returning();
  if (to === 'rejected' || to === 'cancelled' || to === 'voided') {
    await releaseOrderStock(tx, ctx.tenantId, ctx.actor, o.id);
    await failPendingOnlinePayments(tx, ctx.tenantId, o.id);
  }
  if (to === 'voided') await cancelOpenShipments(tx, ctx.tenantId, o.id, now);
  // Money the order holds goes back: a refund of all of it waits for finance (退款单, approved in the console).
  if ((to === 'cancelled' || to === 'voided') && updated.paidFen > 0) {
    await requestRefundsTx(tx, ctx.tenantId, ctx.actor, updated, { destination: await defaultRefundDestination(tx, ctx.tenantId, o.id), reason: reason ?? (to === 'cancelled' ? '订单取消' : '订单作废'), trigger: to === 'cancelled' ? 'cancel' : 'void' });
  }
  // Shipments consumed the stock as each parcel left; what is still held (lines sent from another warehouse) goes back.
  if (action === 'ship') await releaseOrderStock(tx, ctx.tenantId, ctx.actor, o.id);
  if (to === 'completed') await deliverShippedParcels(tx, ctx.tenantId, o.id, now);
  if (!o.stockReserved && !TERMINAL.includes(to) && !deferReservation(settings.orders.reserveAt, to)) {
    await reserveOrderStock(tx, ctx.tenantId, ctx.actor, { id: o.id, regionId: o.address.regionId }, await orderStockLines(tx, ctx.tenantId, o.id));
    await tx.update(orders).set({ stockReserved: true }).where(and(eq(orders.tenantId, ctx.tenantId), eq(orders.id, o.id)));
  }
  await recordOrderEvent(tx, ctx.tenantId, o, ctx.actor, { action, from: o.status, to, reason, revision: o.revision });
  return updated;
}

const MEMBER_ACTIONS: Record<'cancel' | 'receive' | 'approve' | 'reject', OrderAction> = { cancel: 'cancel', receive: 'receive', approve: 'member_approve', reject: 'member_reject' };

export function createOrdersService(database: Database) {
  return {
    adminList: (ctx: Ctx<Operator>, f: AdminFilters & { limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) => {
      const rows = await listPage(tx, await adminWhere(tx, ctx.tenantId, ctx.actor, f), f.limit, f.cursor);
      return toPage(rows, f.limit, toOrderSummary);
    }),

    adminCounts: (ctx: Ctx<Operator>) => database.tx(ctx.tenantId, async (tx) => {
      const where = await adminWhere(tx, ctx.tenantId, ctx.actor, { tab: 'all' });
      const counts = await statusCounts(tx, where);
      return {
        todo: sumOf(counts, actionableStatuses(ctx.actor.permissions)), open: sumOf(counts, null, TERMINAL), completed: sumOf(counts, ['completed']),
        closed: sumOf(counts, CLOSED), all: sumOf(counts, null), ...(await latestOrder(tx, where)),
      };
    }),

    mallList: (ctx: Ctx<MemberActor>, q: { tab: (typeof mallTabs)[number]; q?: string; limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) => {
      const own = and(eq(orders.tenantId, ctx.tenantId), eq(orders.customerId, ctx.actor.customerId))!;
      const search = q.q ? and(own, eq(orders.orderNo, q.q.toUpperCase()))! : own;
      const rows = await listPage(tx, and(search, mallTabWhere(q.tab))!, q.limit, q.cursor);
      const counts = await statusCounts(tx, own);
      return {
        ...toPage(rows, q.limit, toOrderSummary),
        counts: {
          all: sumOf(counts, null), approval: sumOf(counts, ['pending_approval']), review: sumOf(counts, ['pending_review', 'pending_finance', 'pending_release']),
          shipping: sumOf(counts, ['pending_shipment']), receiving: sumOf(counts, ['pending_receipt']), completed: sumOf(counts, ['completed']), closed: sumOf(counts, CLOSED),
        },
      };
    }),

    detail: (ctx: Ctx<Actor>, id: string) => database.tx(ctx.tenantId, async (tx) => orderDetail(tx, ctx.tenantId, ctx.actor, await findOrder(tx, ctx.tenantId, ctx.actor, id))),

    /** A staff action (approve, reject, void, ship, receive) on one order. */
    act: (ctx: Ctx<Operator>, id: string, action: OrderAction, input: ActionInput) => database.tx(ctx.tenantId, async (tx) => {
      const o = await findOrder(tx, ctx.tenantId, ctx.actor, id, true);
      return orderDetail(tx, ctx.tenantId, ctx.actor, await applyAction(tx, ctx, o, action, input));
    }),

    /** A member action: cancel, confirm receipt, or the company's internal approval. */
    memberAct: (ctx: Ctx<MemberActor>, id: string, action: keyof typeof MEMBER_ACTIONS, input: ActionInput) => database.tx(ctx.tenantId, async (tx) => {
      const o = await findOrder(tx, ctx.tenantId, ctx.actor, id, true);
      if ((action === 'approve' || action === 'reject') && ctx.actor.memberRole !== 'approver' && !ctx.actor.isAdmin) {
        throw new AppError('forbidden', { message: "only your company's approver or admin can approve orders" });
      }
      return orderDetail(tx, ctx.tenantId, ctx.actor, await applyAction(tx, ctx, o, MEMBER_ACTIONS[action], input));
    }),

    /** Approves many orders, each in its own transaction at its current step; one failure does not stop the others. */
    async bulkApprove(ctx: Ctx<Operator>, ids: string[]) {
      const results: { id: string; ok: boolean; status?: OrderStatus; code?: string }[] = [];
      for (const id of [...new Set(ids)]) {
        try {
          const o = await database.tx(ctx.tenantId, async (tx) => applyAction(tx, ctx, await findOrder(tx, ctx.tenantId, ctx.actor, id, true), 'approve', {}));
          results.push({ id, ok: true, status: o.status });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          results.push({ id, ok: false, code: e.code });
        }
      }
      return { results };
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
