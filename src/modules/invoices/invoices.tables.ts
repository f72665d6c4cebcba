import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts, updatedAt, version } from '../../platform/db/columns.js';
import { customers } from '../customers/customers.tables.js';
import { orders } from '../orders/orders.tables.js';

export const INVOICE_KINDS = ['normal', 'special'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
export const INVOICE_STATES = ['issued', 'voided'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];
export const REQUEST_SOURCES = ['mall', 'staff'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];

/** Who the invoice is made out to (购买方), copied from an invoice profile or typed by finance. */
export interface InvoiceBuyer { title: string; taxNo: string; address: string | null; phone: string | null; bankName: string | null; bankAccount: string | null }
/** A request's buyer: the kind the customer asked for and the details (the shape of the order's checkout snapshot). */
export interface RequestedBuyer extends InvoiceBuyer { kind: InvoiceKind }

/**
 * 开票申请 made after checkout: the customer (mall) or staff set — or staff clear — the invoice request of an order.
 * Without a row the order's checkout snapshot (`orders.invoice`) is the request; with one, the row wins, and a row
 * whose `buyer` is null means staff cleared the request.
 */
export const invoiceRequests = pgTable('invoice_requests', {
  tenantId: tenantId(),
  orderId: text('order_id').notNull(),
  customerId: text('customer_id').notNull(),
  buyer: jsonb('buyer').$type<RequestedBuyer | null>(),
  profileId: text('profile_id'),
  source: text('source').$type<RequestSource>().notNull(),
  byKind: text('by_kind').notNull(),
  byId: text('by_id').notNull(),
  byName: text('by_name').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.orderId] }),
  foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
]);

/**
 * 发票: one invoice issued by finance to one customer, with the number the tax software gave it (unique per type,
 * voided ones included: a voided number stays used). Amounts are tax-inclusive fen; `taxFen` is the sum of the
 * lines' taxes, each rounded once (domain/invoice-tax.ts). Voiding (作废) frees the amounts of its lines.
 */
export const invoices = pgTable('invoices', {
  tenantId: tenantId(),
  id: id(),
  kind: text('kind').$type<InvoiceKind>().notNull(),
  invoiceNo: text('invoice_no').notNull(),
  invoiceCode: text('invoice_code'),
  issueDate: date('issue_date', { mode: 'string' }).notNull(),
  customerId: text('customer_id').notNull(),
  customerName: text('customer_name').notNull(),
  buyer: jsonb('buyer').$type<InvoiceBuyer>().notNull(),
  /** Percent: 0, 1, 3, 6, 9 or 13. */
  taxRate: integer('tax_rate').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  taxFen: bigint('tax_fen', { mode: 'number' }).notNull(),
  status: text('status').$type<InvoiceState>().notNull().default('issued'),
  remark: text('remark'),
  issuedById: text('issued_by_id').notNull(),
  issuedByName: text('issued_by_name').notNull(),
  voidReason: text('void_reason'),
  voidedById: text('voided_by_id'),
  voidedByName: text('voided_by_name'),
  voidedAt: ts('voided_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('invoices_no_uq').on(t.tenantId, t.kind, t.invoiceNo),
  index('invoices_customer_idx').on(t.tenantId, t.customerId, t.id),
  index('invoices_date_idx').on(t.tenantId, t.issueDate, t.id),
  index('invoices_status_idx').on(t.tenantId, t.status, t.id),
  check('invoices_amounts', sql`${t.amountFen} > 0 and ${t.taxFen} >= 0 and ${t.taxFen} <= ${t.amountFen}`),
  check('invoices_tax_rate', sql`${t.taxRate} in (0, 1, 3, 6, 9, 13)`),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
]);

/** 发票明细: part of one order (optionally of one of its shipments) on an invoice, tax-inclusive, with its tax. */
export const invoiceLines = pgTable('invoice_lines', {
  tenantId: tenantId(),
  id: id(),
  invoiceId: text('invoice_id').notNull(),
  lineNo: integer('line_no').notNull(),
  orderId: text('order_id').notNull(),
  orderNo: text('order_no').notNull(),
  shipmentId: text('shipment_id'),
  shipmentNo: text('shipment_no'),
  /** 货物或应税劳务名称 as it goes to the tax software. */
  description: text('description').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  taxFen: bigint('tax_fen', { mode: 'number' }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('invoice_lines_invoice_idx').on(t.tenantId, t.invoiceId, t.lineNo),
  index('invoice_lines_order_idx').on(t.tenantId, t.orderId),
  check('invoice_lines_amounts', sql`${t.amountFen} > 0 and ${t.taxFen} >= 0 and ${t.taxFen} <= ${t.amountFen}`),
  foreignKey({ columns: [t.tenantId, t.invoiceId], foreignColumns: [invoices.tenantId, invoices.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
]);
