import { and, desc, eq } from 'drizzle-orm';
import type { Actor, Ctx, MemberActor, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { oncePerKey } from '../../platform/http/idempotency.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { recordAudit } from '../audit/audit.js';
import { findOrder } from '../orders/orders.service.js';
import { exportInvoices } from './invoice-export.js';
import { clearRequestTx, orderInvoicing, setRequestTx } from './invoice-requests.js';
import { invoiceQueue, type QueueFilters } from './invoicing-facts.js';
import { invoicesVisibleTo, invoiceWhere, linesOf, listInvoices, toInvoiceOut, toOrderInvoicingOut, withLines } from './invoices.repository.js';
import type { IssueInput, ListFilters } from './invoices.schemas.js';
import { invoices } from './invoices.tables.js';
import { issueInvoiceTx } from './issue-invoice.js';

async function findInvoice(tx: Tx, ctx: Ctx<Actor>, id: string, lock = false) {
  const q = tx.select().from(invoices).where(and(eq(invoices.tenantId, ctx.tenantId), eq(invoices.id, id), invoicesVisibleTo(ctx.actor)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('invoice');
  return row;
}

/** An order's invoicing summary and every invoice (issued or voided) with a line of it. */
async function orderDetail(tx: Tx, ctx: Ctx<Actor>, orderId: string) {
  const o = await findOrder(tx, ctx.tenantId, ctx.actor, orderId);
  const rows = await tx.select().from(invoices).where(invoiceWhere(ctx.tenantId, ctx.actor, { orderId: o.id })).orderBy(desc(invoices.id));
  return { ...(await orderInvoicing(tx, ctx.tenantId, o)), invoices: await withLines(tx, ctx.tenantId, rows) };
}

export function createInvoicesService(database: Database) {
  return {
    /** 开票, once per Idempotency-Key: a replay answers the first invoice, never a second one. */
    issue: (ctx: Ctx<Operator>, key: string, input: IssueInput) => database.tx(ctx.tenantId, (tx) =>
      oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'issue-invoice', key, body: input }, async () =>
        ({ status: 201, body: await issueInvoiceTx(tx, ctx, input) }))),

    /** 作废: the invoice stays (its number stays used) and its amounts are free to invoice again. */
    void: (ctx: Ctx<Operator>, id: string, input: { reason: string; version?: number }) => database.tx(ctx.tenantId, async (tx) => {
      const i = await findInvoice(tx, ctx, id, true);
      if (input.version !== undefined && input.version !== i.version) {
        throw new AppError('version_conflict', { message: 'the invoice was changed by someone else; reload it', details: { currentVersion: i.version } });
      }
      if (i.status !== 'issued') throw new AppError('invoice_state_conflict', { message: `invoice ${i.invoiceNo} is already ${i.status}`, details: { invoiceStatus: i.status } });
      const now = new Date();
      const [row] = await tx.update(invoices).set({ status: 'voided', voidReason: input.reason.trim(), voidedById: ctx.actor.id, voidedByName: ctx.actor.name,
        voidedAt: now, updatedAt: now, version: i.version + 1 }).where(and(eq(invoices.tenantId, ctx.tenantId), eq(invoices.id, i.id))).returning();
      const lines = (await linesOf(tx, ctx.tenantId, [i.id])).get(i.id)!;
      const payload = { invoiceNo: i.invoiceNo, kind: i.kind, customerId: i.customerId, amountFen: i.amountFen, reason: row.voidReason,
        orders: lines.map((l) => ({ orderId: l.orderId, orderNo: l.orderNo, amountFen: l.amountFen })) };
      await emitEvent(tx, ctx.tenantId, { topic: 'invoice.voided', aggregateType: 'invoice', aggregateId: i.id, payload });
      await recordAudit(tx, ctx, { action: 'invoice.voided', entityType: 'invoice', entityId: i.id, before: { status: i.status }, after: { status: 'voided', ...payload } });
      return toInvoiceOut(row, lines);
    }),

    list: (ctx: Ctx<Operator>, f: ListFilters) => database.tx(ctx.tenantId, (tx) => listInvoices(tx, ctx.tenantId, ctx.actor, f)),

    detail: (ctx: Ctx<Actor>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const row = await findInvoice(tx, ctx, id);
      return toInvoiceOut(row, (await linesOf(tx, ctx.tenantId, [id])).get(id)!);
    }),

    queue: (ctx: Ctx<Operator>, f: QueueFilters) => database.tx(ctx.tenantId, async (tx) => {
      const page = await invoiceQueue(tx, ctx.tenantId, ctx.actor, f);
      return { items: page.items.map(toOrderInvoicingOut), nextCursor: page.nextCursor };
    }),

    forOrder: (ctx: Ctx<Actor>, orderId: string) => database.tx(ctx.tenantId, (tx) => orderDetail(tx, ctx, orderId)),

    setRequest: (ctx: Ctx<Actor>, orderId: string, profileId: string) => database.tx(ctx.tenantId, async (tx) => {
      await setRequestTx(tx, ctx, orderId, profileId);
      return orderDetail(tx, ctx, orderId);
    }),

    clearRequest: (ctx: Ctx<Operator>, orderId: string) => database.tx(ctx.tenantId, async (tx) => {
      await clearRequestTx(tx, ctx, orderId);
      return orderDetail(tx, ctx, orderId);
    }),

    /** 我的发票: the member's company's invoices, newest first. */
    mine: (ctx: Ctx<MemberActor>, page: { limit: number; cursor?: string }) => database.tx(ctx.tenantId, (tx) => listInvoices(tx, ctx.tenantId, ctx.actor, page)),

    export: (ctx: Ctx<Operator>, f: Omit<ListFilters, 'limit' | 'cursor'>) => database.tx(ctx.tenantId, (tx) => exportInvoices(tx, ctx.tenantId, ctx.actor, f)),
  };
}

export type InvoicesService = ReturnType<typeof createInvoicesService>;
