import { api, newIdempotencyKey } from '../../shared/api/client';

export type InvoiceKind = 'normal' | 'special';
export type InvoiceState = 'issued' | 'voided';
export type OrderInvoiceStatus = 'none' | 'requested' | 'partially_invoiced' | 'invoiced';
export const TAX_RATES = [13, 9, 6, 3, 1, 0] as const;

export interface InvoiceBuyer { title: string; taxNo: string; address: string | null; phone: string | null; bankName: string | null; bankAccount: string | null }

export interface InvoiceLine {
  id: string; lineNo: number; orderId: string; orderNo: string; shipmentId: string | null; shipmentNo: string | null; description: string; amountFen: number; taxFen: number;
}

/** 发票: issued by finance over parts of one customer's orders; amounts tax-inclusive fen. */
export interface Invoice {
  id: string; kind: InvoiceKind; invoiceNo: string; invoiceCode: string | null; issueDate: string; customerId: string; customerName: string;
  buyer: InvoiceBuyer; taxRate: number; amountFen: number; taxFen: number; netFen: number; status: InvoiceState; remark: string | null;
  lines: InvoiceLine[]; issuedByName: string; createdAt: string; voidReason: string | null; voidedByName: string | null; voidedAt: string | null; version: number;
}

export interface InvoiceRequest extends InvoiceBuyer { kind: InvoiceKind; source: 'checkout' | 'mall' | 'staff'; requestedAt: string }

/** An order's 开票状态 and what is left to invoice (total less refunds, less issued invoices). */
export interface OrderInvoicing {
  orderId: string; orderNo: string; customerId: string; customerName: string; orderStatus: string; submittedAt: string;
  totalFen: number; invoiceableFen: number; invoicedFen: number; remainingFen: number; invoiceStatus: OrderInvoiceStatus; request: InvoiceRequest | null;
}

export interface IssueInput {
  customerId: string; kind?: InvoiceKind; buyer?: Partial<InvoiceBuyer> & { title: string; taxNo: string }; profileId?: string;
  invoiceNo: string; invoiceCode?: string | null; issueDate: string; taxRate: number; remark?: string | null;
  lines: { orderId: string; shipmentId?: string | null; amountFen: number; description?: string }[];
}

export const INVOICES = '/admin/invoices';
export const INVOICE_QUEUE = '/admin/invoice-queue';
export const orderInvoicingKey = (orderId: string) => ['/admin/orders', orderId, 'invoicing'];
/** The xlsx of the filtered invoices (a plain GET: the session cookie goes along). */
export const invoiceExportUrl = (filters: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  return `/api/v1${INVOICES}/export${q.toString() ? `?${q}` : ''}`;
};

export const invoicesApi = {
  /** 201 Invoice; more than is left of an order → 422 invoice_exceeds_remaining { orderNo, remainingFen }. */
  issue: ({ key, ...body }: IssueInput & { key?: string }) => api.postWith<Invoice>(INVOICES, body, { 'Idempotency-Key': key ?? newIdempotencyKey() }),
  void: ({ id, version, reason }: { id: string; version: number; reason: string }) => api.post<Invoice>(`${INVOICES}/${id}/void`, { version, reason }),
  openOrders: (customerId: string) => api.get<{ items: OrderInvoicing[]; nextCursor: string | null }>(INVOICE_QUEUE, { customerId, scope: 'open', limit: 200 }),
  forOrder: (orderId: string) => api.get<OrderInvoicing & { invoices: Invoice[] }>(`/admin/orders/${orderId}/invoicing`),
  setRequest: ({ orderId, profileId }: { orderId: string; profileId: string }) => api.put<OrderInvoicing & { invoices: Invoice[] }>(`/admin/orders/${orderId}/invoice-request`, { profileId }),
  clearRequest: (orderId: string) => api.delete<OrderInvoicing & { invoices: Invoice[] }>(`/admin/orders/${orderId}/invoice-request`),
};

/** The tax of a tax-inclusive amount at `rate` %, rounded half up per line — the server's rule (domain/invoice-tax.ts). */
export function taxOf(amountFen: number, rate: number): number {
  const num = 2 * amountFen * rate + (100 + rate);
  const den = 2 * (100 + rate);
  return (num - (num % den)) / den;
}
