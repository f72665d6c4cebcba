/**
 * 对账单 arithmetic. A customer's position with the company has three parts, and one net figure:
 *
 *   balance    预存款余额  — the customer's prepaid money we hold (sum of the ledger's balance deltas)
 *   creditUsed 账期欠款    — what the customer owes on credit (sum of the ledger's credit deltas)
 *   ordersDue  未付订单    — Σ over the customer's orders of (what the order asks − what was paid for it), where an
 *                            order asks its total from submission (as edited at the time) until it is rejected,
 *                            cancelled or voided (then 0), and "paid" is its receipts, balance payments and credit
 *                            charges less refunds; an order paid on credit is paid — its debt is in creditUsed
 *   receivable 应收净额    = ordersDue + creditUsed − balance: positive, the customer owes us; negative, we hold theirs
 *
 * Every statement line moves these by its effect; debit (借方, the customer owes more) and credit (贷方, owes less)
 * are the line's effect on the receivable. Paying an order from the balance or on credit moves money between parts
 * and leaves the receivable unchanged. Pure: the statement service loads the rows and runs them through `runLines`.
 */
import { orderPaidDelta, type MovementKind } from '../../payments/domain/ledger-effect.js';

export const ORDER_LINE_KINDS = ['order_placed', 'order_changed', 'order_closed'] as const;
export type OrderLineKind = (typeof ORDER_LINE_KINDS)[number];
export type LineKind = MovementKind | OrderLineKind;

/** What the customer and finance read in the 类型 column (the mall's words for the ledger kinds). */
export const KIND_NAMES: Record<LineKind, string> = {
  order_placed: '订单', order_changed: '订单修改', order_closed: '订单关闭',
  receipt: '订单收款', balance_payment: '余额支付', credit_charge: '账期支付', credit_repayment: '账期还款',
  recharge: '充值', adjustment: '余额调整', refund: '退款',
};

export interface Position { balanceFen: number; creditUsedFen: number; ordersDueFen: number; receivableFen: number }
export interface Effect { balanceDeltaFen: number; creditDeltaFen: number; ordersDueDeltaFen: number }

export const position = (balanceFen: number, creditUsedFen: number, ordersDueFen: number): Position =>
  ({ balanceFen, creditUsedFen, ordersDueFen, receivableFen: ordersDueFen + creditUsedFen - balanceFen });

/** A ledger row's effect: its own balance and credit deltas, and on orders the opposite of what it pays. */
export function movementEffect(m: { kind: MovementKind; amountFen: number; balanceDeltaFen: number; creditDeltaFen: number; orderId: string | null }): Effect {
  return { balanceDeltaFen: m.balanceDeltaFen, creditDeltaFen: m.creditDeltaFen, ordersDueDeltaFen: m.orderId ? -orderPaidDelta(m.kind, m.amountFen) : 0 };
}

/** An order document's effect: placed (its first total), changed (the edit's difference), closed (what it still asked). */
export const orderEffect = (deltaFen: number): Effect => ({ balanceDeltaFen: 0, creditDeltaFen: 0, ordersDueDeltaFen: deltaFen });

export const receivableDelta = (e: Effect) => e.ordersDueDeltaFen + e.creditDeltaFen - e.balanceDeltaFen;

export interface RunLine extends Effect { debitFen: number; creditFen: number; after: Position }

/** The lines with their debit/credit and the position after each; the closing is the last position (or the opening). */
export function runLines<T extends Effect>(opening: Position, lines: readonly T[]): { lines: (T & RunLine)[]; closing: Position } {
  let p = opening;
  const out = lines.map((l) => {
    p = position(p.balanceFen + l.balanceDeltaFen, p.creditUsedFen + l.creditDeltaFen, p.ordersDueFen + l.ordersDueDeltaFen);
    const d = receivableDelta(l);
    return { ...l, debitFen: Math.max(d, 0), creditFen: Math.max(-d, 0), after: p };
  });
  return { lines: out, closing: p };
}

/** Lines at the same instant: order documents first (an order exists before it is paid), then by id. */
export function lineOrder(a: { at: Date; seq: number; id: string }, b: { at: Date; seq: number; id: string }): number {
  return a.at.getTime() - b.at.getTime() || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
