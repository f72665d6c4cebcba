/**
 * How a refund is given back, as pure arithmetic. What the order had on credit is taken back from the credit first
 * (the customer's debt goes down; never below what they owe now), the rest goes where finance chose: the prepaid
 * balance, or back outside the system (the original transfer). Each part is one 退款单 with one ledger row.
 */
import type { Effect } from './ledger-effect.js';

export type RefundDestination = 'balance' | 'credit' | 'original';

export interface RefundPart { destination: RefundDestination; amountFen: number }

export function planRefund(p: { amountFen: number; creditNetFen: number; creditUsedFen: number; destination: 'balance' | 'original' }): RefundPart[] {
  const credit = Math.max(0, Math.min(p.amountFen, p.creditNetFen, p.creditUsedFen));
  const rest = p.amountFen - credit;
  return [
    ...(credit > 0 ? [{ destination: 'credit' as const, amountFen: credit }] : []),
    ...(rest > 0 ? [{ destination: p.destination, amountFen: rest }] : []),
  ];
}

/** The ledger row of an approved refund (the table's sign check allows exactly these). */
export function refundEffect(destination: RefundDestination, amountFen: number): Effect {
  return { kind: 'refund', balanceDeltaFen: destination === 'balance' ? amountFen : 0, creditDeltaFen: destination === 'credit' ? -amountFen : 0 };
}

/** What may still be refunded: what the order holds, less refunds already requested and not yet decided. */
export const refundableFen = (paidFen: number, pendingRefundsFen: number) => Math.max(0, paidFen - pendingRefundsFen);
