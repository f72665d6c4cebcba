/**
 * What one money movement does to the customer's account and to an order. Every movement is one ledger row; the
 * table's checks repeat these sign rules so a wrong caller cannot write a row that breaks them.
 */
import type { PaymentMethod } from './payment-methods.js';

export const MOVEMENT_KINDS = ['receipt', 'refund', 'recharge', 'balance_payment', 'credit_charge', 'credit_repayment', 'adjustment'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** What a payment (收款单) is for. */
export const PAYMENT_PURPOSES = ['order', 'recharge', 'credit_repayment'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

export interface Effect { kind: MovementKind; balanceDeltaFen: number; creditDeltaFen: number }

/** The ledger row a succeeded payment writes. */
export function paymentEffect(purpose: PaymentPurpose, method: PaymentMethod | string, amountFen: number): Effect {
  if (purpose === 'recharge') return { kind: 'recharge', balanceDeltaFen: amountFen, creditDeltaFen: 0 };
  if (purpose === 'credit_repayment') return { kind: 'credit_repayment', balanceDeltaFen: 0, creditDeltaFen: -amountFen };
  if (method === 'balance') return { kind: 'balance_payment', balanceDeltaFen: -amountFen, creditDeltaFen: 0 };
  if (method === 'credit') return { kind: 'credit_charge', balanceDeltaFen: 0, creditDeltaFen: amountFen };
  return { kind: 'receipt', balanceDeltaFen: 0, creditDeltaFen: 0 };
}

/** How a movement changes its order's paid amount: money for the order counts up, a refund counts down. */
export function orderPaidDelta(kind: MovementKind, amountFen: number): number {
  if (kind === 'receipt' || kind === 'balance_payment' || kind === 'credit_charge') return amountFen;
  if (kind === 'refund') return -amountFen;
  return 0;
}
