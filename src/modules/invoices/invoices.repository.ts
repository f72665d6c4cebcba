import { and, asc, desc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { customerIdInScope } from '../customers/customer-scope.js';
import type { OrderInvoicing } from './invoicing-facts.js';
import type { ListFilters } from './invoices.schemas.js';
import { invoiceLines, invoices } from './invoices.tables.js';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

export const toInvoiceOut = (i: InvoiceRow, lines: InvoiceLineRow[]) => ({
  id: i.id, kind: i.kind, invoiceNo: i.invoiceNo, invoiceCode: i.invoiceCode, issueDate: i.issueDate, customerId: i.customerId, customerName: i.customerName,
  buyer: i.buyer, taxRate: i.taxRate, amountFen: i.amountFen, taxFen: i.taxFen, netFen: i.amountFen - i.taxFen, status: i.status, remark: i.remark,
  lines: lines.map((l) => ({
    id: l.id, lineNo: l.lineNo, orderId: l.orderId, orderNo: l.orderNo, shipmentId: l.shipmentId, shipmentNo: l.shipmentNo,
    description: l.description, amountFen: l.amountFen, taxFen: l.taxFen,
  })),
  issuedByName: i.issuedByName, createdAt: i.createdAt.toISOString(), voidReason: i.voidReason, voidedByName: i.voidedByName,
  voidedAt: i.voidedAt?.toISOString() ?? null, version: i.version,
});
export type InvoiceOut = ReturnType<typeof toInvoiceOut>;

export const toOrderInvoicingOut = (o: OrderInvoicing) => ({
  orderId: o.orderId, orderNo: o.orderNo, customerId: o.customerId, customerName: o.customerName, orderStatus: o.status, submittedAt: o.submittedAt,
  totalFen: o.totalFen, invoiceableFen: o.invoiceableFen, invoicedFen: o.invoicedFen, remainingFen: o.remainingFen, invoiceStatus: o.invoiceStatus,
  request: o.request && {
    kind: o.request.kind, title: o.request.title, taxNo: o.request.taxNo, address: o.request.address ?? null, phone: o.request.phone ?? null,
    bankName: o.request.bankName ?? null, bankAccount: o.request.bankAccount ?? null, source: o.request.source, requestedAt: o.request.requestedAt,
  },
});

/** The invoices' lines, grouped by invoice, in line order. */
export async function linesOf(tx: Tx, tenantId: string, ids: readonly string[]): Promise<Map<string, InvoiceLineRow[]>> {
  const out = new Map<string, InvoiceLineRow[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await tx.select().from(invoiceLines).where(and(eq(invoiceLines.tenantId, tenantId), inArray(invoiceLines.invoiceId, [...ids])))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.lineNo));
  for (const r of rows) out.get(r.invoiceId)!.push(r);
  return out;
}

export async function withLines(tx: Tx, tenantId: string, rows: InvoiceRow[]): Promise<InvoiceOut[]> {
  const lines = await linesOf(tx, tenantId, rows.map((r) => r.id));
  return rows.map((r) => toInvoiceOut(r, lines.get(r.id)!));
}

/** Who may see which invoices: staff within their data scope, a member only their own company's. */
export function invoicesVisibleTo(actor: Actor): SQL | undefined {
  if (actor.kind === 'member') return eq(invoices.customerId, actor.customerId);
  return customerIdInScope(actor, invoices.customerId);
}

/** The list's conditions (console filters, and what the export takes). */
export function invoiceWhere(tenantId: string, actor: Actor, f: Omit<ListFilters, 'limit' | 'cursor'> & { cursor?: string }): SQL | undefined {
  return and(
    eq(invoices.tenantId, tenantId), invoicesVisibleTo(actor),
    f.customerId ? eq(invoices.customerId, f.customerId) : undefined,
    f.status ? eq(invoices.status, f.status) : undefined,
    f.kind ? eq(invoices.kind, f.kind) : undefined,
    f.from ? gte(invoices.issueDate, f.from) : undefined,
    f.to ? lte(invoices.issueDate, f.to) : undefined,
    f.q ? or(eq(invoices.invoiceNo, f.q), ilike(invoices.customerName, `%${f.q}%`)) : undefined,
    f.orderId ? sql`exists (select 1 from invoice_lines l where l.tenant_id = ${invoices.tenantId} and l.invoice_id = ${invoices.id} and l.order_id = ${f.orderId})` : undefined,
    f.cursor ? lt(invoices.id, f.cursor) : undefined,
  );
}

export async function listInvoices(tx: Tx, tenantId: string, actor: Actor, f: ListFilters) {
  const rows = await tx.select().from(invoices).where(invoiceWhere(tenantId, actor, f)).orderBy(desc(invoices.id)).limit(f.limit + 1);
  const more = rows.length > f.limit;
  const kept = more ? rows.slice(0, f.limit) : rows;
  return { items: await withLines(tx, tenantId, kept), nextCursor: more ? kept[kept.length - 1].id : null };
}
