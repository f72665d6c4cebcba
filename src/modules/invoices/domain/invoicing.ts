/**
 * How much of an order may be invoiced, its invoice status (开票状态), and the check of a new invoice's lines against
 * it — facts in, answer or refusal out; no I/O. The service loads the facts under the orders' row locks.
 */
export const ORDER_INVOICE_STATUSES = ['none', 'requested', 'partially_invoiced', 'invoiced'] as const;
export type OrderInvoiceStatus = (typeof ORDER_INVOICE_STATUSES)[number];

/** Orders in these review statuses are never invoiced (nor may an invoice be requested for them). */
export const CLOSED_ORDER_STATUSES: readonly string[] = ['cancelled', 'voided', 'rejected'];

export interface OrderInvoiceFacts {
  orderId: string;
  orderNo: string;
  customerId: string;
  status: string;
  totalFen: number;
  /** Received for the order (receipts, balance payments, credit charges) and refunded (approved refunds), from the ledger. */
  receivedFen: number;
  refundedFen: number;
  /** On issued (not voided) invoices. */
  invoicedFen: number;
  requested: boolean;
}

/**
 * What the customer finally pays for: the order total less approved refunds — except the part of the refunds that
 * only gave back an overpayment (paid beyond a total an edit lowered), which never was part of the total.
 */
export function invoiceableFen(o: Pick<OrderInvoiceFacts, 'totalFen' | 'receivedFen' | 'refundedFen'>): number {
  const overpaid = Math.max(0, o.receivedFen - o.totalFen);
  return Math.max(0, o.totalFen - Math.max(0, o.refundedFen - overpaid));
}

export const remainingFen = (o: Omit<OrderInvoiceFacts, 'orderId' | 'orderNo' | 'customerId' | 'status' | 'requested'>) =>
  Math.max(0, invoiceableFen(o) - o.invoicedFen);

/** 未开票 (none, or requested) · 部分开票 · 已开票. A refund after invoicing leaves an order 已开票 (a red invoice is finance's call). */
export function orderInvoiceStatus(o: Omit<OrderInvoiceFacts, 'orderId' | 'orderNo' | 'customerId' | 'status'>): OrderInvoiceStatus {
  if (o.invoicedFen > 0) return o.invoicedFen >= invoiceableFen(o) ? 'invoiced' : 'partially_invoiced';
  return o.requested ? 'requested' : 'none';
}

export type LineRefusal =
  | { code: 'invoice_order_closed'; orderId: string; orderNo: string; orderStatus: string }
  | { code: 'invoice_customer_mismatch'; orderId: string; orderNo: string }
  | { code: 'invoice_exceeds_remaining'; orderId: string; orderNo: string; remainingFen: number; amountFen: number };

/**
 * Checks an invoice's lines (amounts summed per order) against its orders: each order must be open, of the invoice's
 * customer, and have at least the amount left to invoice. The first refusal, in the order of the lines, or null.
 */
export function checkInvoiceLines(customerId: string, lines: readonly { orderId: string; amountFen: number }[], facts: ReadonlyMap<string, OrderInvoiceFacts>): LineRefusal | null {
  const asked = new Map<string, number>();
  for (const l of lines) asked.set(l.orderId, (asked.get(l.orderId) ?? 0) + l.amountFen);
  for (const [orderId, amountFen] of asked) {
    const o = facts.get(orderId);
    if (!o) throw new Error(`facts of order ${orderId} were not loaded`);
    if (CLOSED_ORDER_STATUSES.includes(o.status)) return { code: 'invoice_order_closed', orderId, orderNo: o.orderNo, orderStatus: o.status };
    if (o.customerId !== customerId) return { code: 'invoice_customer_mismatch', orderId, orderNo: o.orderNo };
    const left = remainingFen(o);
    if (amountFen > left) return { code: 'invoice_exceeds_remaining', orderId, orderNo: o.orderNo, remainingFen: left, amountFen };
  }
  return null;
}
