import { api } from '../../shared/api/client';

export type OrderInvoiceStatus = 'none' | 'requested' | 'partially_invoiced' | 'invoiced';

/** 发票 as the member sees it: number, date, amounts (tax-inclusive fen), status and the orders it covers. */
export interface MyInvoice {
  id: string; kind: 'normal' | 'special'; invoiceNo: string; invoiceCode: string | null; issueDate: string;
  buyer: { title: string; taxNo: string }; taxRate: number; amountFen: number; taxFen: number; netFen: number; status: 'issued' | 'voided';
  lines: { id: string; orderId: string; orderNo: string; shipmentNo: string | null; amountFen: number; taxFen: number }[];
}

export interface MyOrderInvoicing {
  orderId: string; orderStatus: string; totalFen: number; invoiceableFen: number; invoicedFen: number; remainingFen: number; invoiceStatus: OrderInvoiceStatus;
  request: { kind: 'normal' | 'special'; title: string; taxNo: string; source: string } | null;
  invoices: MyInvoice[];
}

export const MY_INVOICES = '/mall/invoices';
export const orderInvoicingKey = (orderId: string) => ['/mall/orders', orderId, 'invoicing'];

export const invoicesApi = {
  forOrder: (orderId: string) => api.get<MyOrderInvoicing>(`/mall/orders/${orderId}/invoicing`),
  /** 申请开票 with one of my company's invoice profiles; a closed order → 409 invoice_order_closed. */
  request: ({ orderId, profileId }: { orderId: string; profileId: string }) => api.put<MyOrderInvoicing>(`/mall/orders/${orderId}/invoice-request`, { profileId }),
};
