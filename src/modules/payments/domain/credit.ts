/**
 * Credit terms (账期 / 赊销): whether a charge fits the limit, and what is overdue. Pure; the service loads the facts
 * under the account's row lock.
 */
export const CREDIT_POLICIES = ['block', 'review'] as const;
export type CreditPolicy = (typeof CREDIT_POLICIES)[number];
export const BALANCE_SHORT_POLICIES = ['block', 'partial'] as const;
export type BalanceShortPolicy = (typeof BALANCE_SHORT_POLICIES)[number];

export interface CreditFacts { limitFen: number; usedFen: number; overdueFen: number; policy: CreditPolicy }

export type CreditDecision =
  | { ok: true }
  | { ok: false; code: 'credit_overdue' | 'credit_limit_exceeded'; review: boolean; message: string; details: Record<string, number> };

export function decideCredit(f: CreditFacts, amountFen: number): CreditDecision {
  const availableFen = Math.max(0, f.limitFen - f.usedFen);
  const review = f.policy === 'review';
  if (f.overdueFen > 0) {
    return { ok: false, code: 'credit_overdue', review, message: `${f.overdueFen} fen of credit is overdue; pay it first`,
      details: { overdueFen: f.overdueFen, creditLimitFen: f.limitFen, creditUsedFen: f.usedFen, availableFen, amountFen } };
  }
  if (f.usedFen + amountFen > f.limitFen) {
    return { ok: false, code: 'credit_limit_exceeded', review, message: `the credit available is ${availableFen} fen, the charge is ${amountFen} fen`,
      details: { creditLimitFen: f.limitFen, creditUsedFen: f.usedFen, availableFen, amountFen } };
  }
  return { ok: true };
}

/**
 * Overdue credit, repayments applied to the earliest due charges first: the charges due before today form a
 * prefix of that order, so what is overdue is that prefix less everything repaid (never below zero).
 * `repaidFen` = all charges − credit still used.
 */
export const overdueFen = (dueBeforeTodayFen: number, repaidFen: number) => Math.max(0, dueBeforeTodayFen - repaidFen);

/** Calendar day in China Standard Time (the day the customer and finance see), `YYYY-MM-DD`. */
export const cstDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The last day to pay a charge made at `at` on `termDays` terms. */
export function dueOn(at: Date, termDays: number): string {
  const d = new Date(`${cstDay(at)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + termDays);
  return d.toISOString().slice(0, 10);
}

export type BalanceDecision = { ok: true; amountFen: number } | { ok: false; balanceFen: number; amountFen: number };

/** How much a balance payment takes: all of it, or (policy `partial`) what the balance holds when it is short. */
export function balanceTake(balanceFen: number, wantFen: number, policy: BalanceShortPolicy): BalanceDecision {
  if (balanceFen >= wantFen) return { ok: true, amountFen: wantFen };
  if (policy === 'partial' && balanceFen > 0) return { ok: true, amountFen: balanceFen };
  return { ok: false, balanceFen, amountFen: wantFen };
}
