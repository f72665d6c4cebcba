/**
 * 开票申请 after checkout: a customer asks for an invoice on one of their orders (choosing one of their invoice
 * profiles), staff set one for them or clear it. The request is this module's row; the order is only read.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor, Ctx } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { recordAudit } from '../audit/audit.js';
import { invoiceProfiles } from '../customers/customers.tables.js';
import { findOrder } from '../orders/orders.service.js';
import type { OrderRow } from '../orders/orders.repository.js';
import { CLOSED_ORDER_STATUSES } from './domain/invoicing.js';
import { loadInvoicing } from './invoicing-facts.js';
import { toOrderInvoicingOut } from './invoices.repository.js';
import { invoiceRequests, type RequestedBuyer } from './invoices.tables.js';

function assertOpen(o: OrderRow) {
  if (CLOSED_ORDER_STATUSES.includes(o.status)) {
    throw new AppError('invoice_order_closed', { message: `order ${o.orderNo} is ${o.status}: no invoice can be requested`, details: { orderId: o.id, orderNo: o.orderNo, orderStatus: o.status } });
  }
}

/** The order's invoicing summary (status, amounts, request) as the actor may see it. */
export async function orderInvoicing(tx: Tx, tenantId: string, o: OrderRow) {
  return toOrderInvoicingOut((await loadInvoicing(tx, tenantId, [o.id])).get(o.id)!);
}

async function write(tx: Tx, ctx: Ctx<Actor>, o: OrderRow, buyer: RequestedBuyer | null, profileId: string | null) {
  const { tenantId, actor } = ctx;
  const now = new Date();
  const values = { customerId: o.customerId, buyer, profileId, source: actor.kind === 'member' ? 'mall' as const : 'staff' as const,
    byKind: actor.kind, byId: actor.id, byName: actor.name, updatedAt: now };
  await tx.insert(invoiceRequests).values({ tenantId, orderId: o.id, ...values, createdAt: now })
    .onConflictDoUpdate({ target: [invoiceRequests.tenantId, invoiceRequests.orderId], set: values });
  const action = buyer ? 'invoice_request.set' : 'invoice_request.cleared';
  await emitEvent(tx, tenantId, { topic: action, aggregateType: 'order', aggregateId: o.id,
    payload: { orderNo: o.orderNo, customerId: o.customerId, kind: buyer?.kind ?? null, title: buyer?.title ?? null } });
  await recordAudit(tx, ctx, { action, entityType: 'order', entityId: o.id, after: { orderNo: o.orderNo, buyer, profileId } });
  return orderInvoicing(tx, tenantId, o);
}

/** Sets the request from one of the order's customer's invoice profiles (a member: only their own company's order). */
export async function setRequestTx(tx: Tx, ctx: Ctx<Actor>, orderId: string, profileId: string) {
  const o = await findOrder(tx, ctx.tenantId, ctx.actor, orderId);
  assertOpen(o);
  const [p] = await tx.select().from(invoiceProfiles)
    .where(and(eq(invoiceProfiles.tenantId, ctx.tenantId), eq(invoiceProfiles.customerId, o.customerId), eq(invoiceProfiles.id, profileId)));
  if (!p) throw notFound('invoice profile');
  const buyer: RequestedBuyer = { kind: p.kind, title: p.title, taxNo: p.taxNo, address: p.address, phone: p.phone, bankName: p.bankName, bankAccount: p.bankAccount };
  return write(tx, ctx, o, buyer, p.id);
}

/** Staff clear the request (the customer asked by mistake); invoices already issued stay. */
export async function clearRequestTx(tx: Tx, ctx: Ctx<Actor>, orderId: string) {
  const o = await findOrder(tx, ctx.tenantId, ctx.actor, orderId);
  return write(tx, ctx, o, null, null);
}
