import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.js';
import { idParam, phoneField, textField, versionField } from '../../platform/http/schemas.js';
import { TAX_RATES } from './domain/invoice-tax.js';
import { ORDER_INVOICE_STATUSES } from './domain/invoicing.js';
import { INVOICE_KINDS, INVOICE_STATES } from './invoices.tables.js';

const MAX_FEN = 1_000_000_000_00;
const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s) && s >= '2000-01-01', 'not a date');
const taxRateField = z.number().int().refine((r) => (TAX_RATES as readonly number[]).includes(r), `one of ${TAX_RATES.join(', ')}`);

export const buyerIn = z.strictObject({
  title: textField(100).min(1),
  taxNo: z.string().trim().regex(/^[0-9A-Z]{15,20}$/, 'tax number: 15–20 digits or capital letters'),
  address: textField(200).nullable().optional(),
  phone: phoneField.nullable().optional(),
  bankName: textField(100).nullable().optional(),
  bankAccount: z.string().trim().regex(/^[0-9 -]{6,40}$/, 'bank account number').nullable().optional(),
});
export const buyerOut = z.object({
  title: z.string(), taxNo: z.string(), address: z.string().nullable(), phone: z.string().nullable(), bankName: z.string().nullable(), bankAccount: z.string().nullable(),
}).meta({ id: 'InvoiceBuyer' });

export const issueBody = z.strictObject({
  customerId: idParam,
  /** Default: the kind of the buyer's profile or request. */
  kind: z.enum(INVOICE_KINDS).optional(),
  /** Exactly one of: the buyer typed in, one of the customer's invoice profiles; neither → the first order's request. */
  buyer: buyerIn.optional(),
  profileId: idParam.optional(),
  invoiceNo: z.string().trim().regex(/^[0-9]{8,20}$/, '发票号码: 8–20 digits'),
  invoiceCode: z.string().trim().regex(/^[0-9]{10,12}$/, '发票代码: 10–12 digits').nullable().optional(),
  issueDate: dateField,
  taxRate: taxRateField.default(13),
  remark: textField(200).nullable().optional(),
  lines: z.array(z.strictObject({
    orderId: idParam,
    shipmentId: idParam.nullable().optional(),
    amountFen: z.number().int().min(1).max(MAX_FEN),
    description: textField(100).min(1).optional(),
  })).min(1).max(100),
}).refine((v) => !(v.buyer && v.profileId), { message: 'give either buyer or profileId, not both', path: ['profileId'] });
export type IssueInput = z.infer<typeof issueBody>;

export const voidBody = z.strictObject({ reason: z.string().trim().min(1).max(200), version: versionField.optional() });

export const invoiceLineOut = z.object({
  id: z.string(), lineNo: z.number(), orderId: z.string(), orderNo: z.string(), shipmentId: z.string().nullable(), shipmentNo: z.string().nullable(),
  description: z.string(), amountFen: z.number(), taxFen: z.number(),
});
export const invoiceOut = z.object({
  id: z.string(), kind: z.enum(INVOICE_KINDS), invoiceNo: z.string(), invoiceCode: z.string().nullable(), issueDate: z.string(),
  customerId: z.string(), customerName: z.string(), buyer: buyerOut, taxRate: z.number(), amountFen: z.number(), taxFen: z.number(), netFen: z.number(),
  status: z.enum(INVOICE_STATES), remark: z.string().nullable(), lines: z.array(invoiceLineOut), issuedByName: z.string(), createdAt: z.string(),
  voidReason: z.string().nullable(), voidedByName: z.string().nullable(), voidedAt: z.string().nullable(), version: z.number(),
}).meta({ id: 'Invoice' });
export const invoicePage = z.object({ items: z.array(invoiceOut), nextCursor: z.string().nullable() });

export const requestOut = buyerOut.extend({
  kind: z.enum(INVOICE_KINDS), source: z.enum(['checkout', 'mall', 'staff']), requestedAt: z.string(),
}).meta({ id: 'InvoiceRequest' });
export const orderInvoicingOut = z.object({
  orderId: z.string(), orderNo: z.string(), customerId: z.string(), customerName: z.string(), orderStatus: z.string(), submittedAt: z.string(),
  totalFen: z.number(), invoiceableFen: z.number(), invoicedFen: z.number(), remainingFen: z.number(),
  invoiceStatus: z.enum(ORDER_INVOICE_STATUSES), request: requestOut.nullable(),
}).meta({ id: 'OrderInvoicing' });
export const orderInvoicingDetail = orderInvoicingOut.extend({ invoices: z.array(invoiceOut) });
export const queuePage = z.object({ items: z.array(orderInvoicingOut), nextCursor: z.string().nullable() });

export const listQuery = z.strictObject({
  ...pageQuery,
  customerId: idParam.optional(),
  status: z.enum(INVOICE_STATES).optional(),
  kind: z.enum(INVOICE_KINDS).optional(),
  from: dateField.optional(),
  to: dateField.optional(),
  /** 发票号码, or part of the customer's name. */
  q: z.string().trim().min(1).max(64).optional(),
  orderId: idParam.optional(),
});
export type ListFilters = z.infer<typeof listQuery>;
export const exportQuery = listQuery.omit({ limit: true, cursor: true });
export const queueQuery = z.strictObject({
  ...pageQuery, customerId: idParam.optional(), scope: z.enum(['requested', 'open']).default('requested'), q: z.string().trim().min(1).max(64).optional(),
});
export const setRequestBody = z.strictObject({ profileId: idParam });
export const mallListQuery = z.strictObject({ ...pageQuery });
