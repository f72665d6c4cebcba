/**
 * Reads what invoicing needs of orders, in one query per call: the order header, its invoice request (the later
 * request row, else the checkout snapshot), what the ledger received and refunded, and what issued invoices hold.
 * Read-only across modules (orders, payments' ledger); the writes stay in this module's tables.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Operator } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { customerIdInScope } from '../customers/customer-scope.js';
import { invoiceableFen, orderInvoiceStatus, remainingFen, type OrderInvoiceFacts, type OrderInvoiceStatus } from './domain/invoicing.js';
import type { RequestedBuyer, RequestSource } from './invoices.tables.js';

export interface OrderInvoicing extends OrderInvoiceFacts {
  customerName: string;
  submittedAt: string;
  request: (RequestedBuyer & { source: 'checkout' | RequestSource; requestedAt: string }) | null;
  invoiceableFen: number;
  remainingFen: number;
  invoiceStatus: OrderInvoiceStatus;
}

interface Row {
  id: string; order_no: string; customer_id: string; customer_name: string; status: string; total_fen: string | number; submitted_at: string | Date;
  checkout_invoice: RequestedBuyer | null; has_request: boolean; request_buyer: RequestedBuyer | null; request_source: RequestSource | null;
  requested_at: string | Date | null; received_fen: string | number; refunded_fen: string | number; invoiced_fen: string | number;
}

const isObject = (v: unknown): v is RequestedBuyer => typeof v === 'object' && v !== null;
const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();

function toInvoicing(r: Row): OrderInvoicing {
  const request = r.has_request
    ? (isObject(r.request_buyer) ? { ...r.request_buyer, source: r.request_source!, requestedAt: iso(r.requested_at!) } : null)
    : (isObject(r.checkout_invoice) ? { ...r.checkout_invoice, source: 'checkout' as const, requestedAt: iso(r.submitted_at) } : null);
  const f: OrderInvoiceFacts = {
    orderId: r.id, orderNo: r.order_no, customerId: r.customer_id, status: r.status, totalFen: Number(r.total_fen),
    receivedFen: Number(r.received_fen), refundedFen: Number(r.refunded_fen), invoicedFen: Number(r.invoiced_fen), requested: request !== null,
  };
  return {
    ...f, customerName: r.customer_name, submittedAt: iso(r.submitted_at), request,
    invoiceableFen: invoiceableFen(f), remainingFen: remainingFen(f), invoiceStatus: orderInvoiceStatus(f),
  };
}

/** The facts as a derived table `f`, for the orders `where` picks (a condition on `o`, the orders table). */
const factsTable = (tenantId: string, where: SQL) => sql`(
  select o.id, o.order_no, o.customer_id, o.customer_name, o.status, o.total_fen, o.submitted_at, o.invoice as checkout_invoice,
         r.order_id is not null as has_request, r.buyer as request_buyer, r.source as request_source, r.updated_at as requested_at,
         coalesce(m.received, 0) as received_fen, coalesce(m.refunded, 0) as refunded_fen, coalesce(iv.invoiced, 0) as invoiced_fen
  from orders o
  left join invoice_requests r on r.tenant_id = o.tenant_id and r.order_id = o.id
  left join lateral (
    select sum(mm.amount_fen) filter (where mm.kind in ('receipt', 'balance_payment', 'credit_charge')) as received,
           sum(mm.amount_fen) filter (where mm.kind = 'refund') as refunded
    from money_movements mm where mm.tenant_id = o.tenant_id and mm.order_id = o.id) m on true
  left join lateral (
    select sum(l.amount_fen) as invoiced from invoice_lines l
    join invoices i on i.tenant_id = l.tenant_id and i.id = l.invoice_id and i.status = 'issued'
    where l.tenant_id = o.tenant_id and l.order_id = o.id) iv on true
  where o.tenant_id = ${tenantId} and ${where}) f`;

const rowsOf = (res: unknown) => (res as { rows: Row[] }).rows;

/** Facts of the given orders (no scope check: callers found the orders through `findOrder`). */
export async function loadInvoicing(tx: Tx, tenantId: string, orderIds: readonly string[]): Promise<Map<string, OrderInvoicing>> {
  if (!orderIds.length) return new Map();
  const res = await tx.execute(sql`select * from ${factsTable(tenantId, sql`o.id = any(${sql.param([...orderIds])}::text[])`)}`);
  return new Map(rowsOf(res).map((r) => [r.id, toInvoicing(r)]));
}

export interface QueueFilters { customerId?: string; scope: 'requested' | 'open'; q?: string; limit: number; cursor?: string }

/**
 * 待开票: orders with something left to invoice, newest first — those with an invoice request (`requested`), or
 * every open order (`open`, what the 开票 drawer offers for one customer). The remaining amount is the formula of
 * domain/invoicing.ts written in SQL so the page can filter and page on it; the API test checks both agree.
 */
export async function invoiceQueue(tx: Tx, tenantId: string, actor: Operator, f: QueueFilters) {
  const where = sql.join([
    sql`o.status not in ('cancelled', 'voided', 'rejected')`,
    f.customerId ? sql`o.customer_id = ${f.customerId}` : sql`true`,
    customerIdInScope(actor, sql`o.customer_id`) ?? sql`true`,
    f.q ? sql`(o.order_no ilike ${`%${f.q}%`} or o.customer_name ilike ${`%${f.q}%`})` : sql`true`,
    f.cursor ? sql`o.id < ${f.cursor}` : sql`true`,
  ], sql` and `);
  const requested = sql`(case when f.has_request then coalesce(jsonb_typeof(f.request_buyer), 'null') = 'object' else coalesce(jsonb_typeof(f.checkout_invoice), 'null') = 'object' end)`;
  const remaining = sql`greatest(0, f.total_fen - greatest(0, f.refunded_fen - greatest(0, f.received_fen - f.total_fen))) - f.invoiced_fen`;
  const res = await tx.execute(sql`select * from ${factsTable(tenantId, where)}
    where ${remaining} > 0 ${f.scope === 'requested' ? sql`and ${requested}` : sql``}
    order by f.id desc limit ${f.limit + 1}`);
  const rows = rowsOf(res).map(toInvoicing);
  const more = rows.length > f.limit;
  const items = more ? rows.slice(0, f.limit) : rows;
  return { items, nextCursor: more ? items[items.length - 1].orderId : null };
}
