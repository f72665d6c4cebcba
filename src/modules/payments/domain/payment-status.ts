/**
 * The order's payment status (GLOSSARY.md) from its amounts, as one pure function. The service sums the order's
 * ledger rows and its payments awaiting finance, then writes what this answers.
 */
import type { PaymentStatus } from '../../orders/domain/order-state.js';

export interface OrderMoney {
  totalFen: number;
  /** Everything received for the order (receipts, balance payments, credit charges), before refunds. */
  receivedFen: number;
  refundedFen: number;
  /** Declared payments awaiting finance (a transfer voucher, a credit charge under review). */
  pendingFen: number;
}

export function orderPaymentStatus(m: OrderMoney): PaymentStatus {
  const netFen = m.receivedFen - m.refundedFen;
  if (m.refundedFen > 0) return netFen <= 0 ? 'refunded' : 'partially_refunded';
  if (m.totalFen > 0 && netFen >= m.totalFen) return 'paid';
  // Finance has something to act on: that is what the customer and the console should see first.
  if (m.pendingFen > 0) return 'pending_confirmation';
  return netFen > 0 ? 'partially_paid' : 'unpaid';
}

/** What may still be paid or declared on an order: the total less what is paid and what awaits confirmation. */
export const amountOpenFen = (m: { totalFen: number; paidFen: number; pendingFen: number }) => Math.max(0, m.totalFen - m.paidFen - m.pendingFen);
