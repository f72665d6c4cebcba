import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceTake, decideCredit, dueOn, overdueFen } from './credit.js';
import { MOVEMENT_KINDS, orderPaidDelta, paymentEffect } from './ledger-effect.js';
import { enabledMethods } from './payment-methods.js';
import { amountOpenFen, orderPaymentStatus } from './payment-status.js';

describe('order payment status', () => {
  it.each([
    // total, received, refunded, pending → status
    [10000, 0, 0, 0, 'unpaid'],
    [10000, 0, 0, 10000, 'pending_confirmation'],
    [10000, 4000, 0, 0, 'partially_paid'],
    [10000, 4000, 0, 6000, 'pending_confirmation'],
    [10000, 10000, 0, 0, 'paid'],
    [10000, 12000, 0, 0, 'paid'],
    [10000, 10000, 3000, 0, 'partially_refunded'],
    [10000, 10000, 10000, 0, 'refunded'],
    [0, 0, 0, 0, 'unpaid'],
  ] as const)('total %i, received %i, refunded %i, pending %i → %s', (totalFen, receivedFen, refundedFen, pendingFen, status) => {
    expect(orderPaymentStatus({ totalFen, receivedFen, refundedFen, pendingFen })).toBe(status);
  });

  it('leaves open what is neither paid nor awaiting confirmation, never below zero', () => {
    expect(amountOpenFen({ totalFen: 10000, paidFen: 3000, pendingFen: 2000 })).toBe(5000);
    expect(amountOpenFen({ totalFen: 10000, paidFen: 12000, pendingFen: 0 })).toBe(0);
  });
});

describe('ledger effects', () => {
  it.each([
    ['order', 'balance', 'balance_payment', -500, 0, 500],
    ['order', 'credit', 'credit_charge', 0, 500, 500],
    ['order', 'bank_transfer', 'receipt', 0, 0, 500],
    ['order', 'cod', 'receipt', 0, 0, 500],
    ['recharge', 'bank_transfer', 'recharge', 500, 0, 0],
    ['credit_repayment', 'bank_transfer', 'credit_repayment', 0, -500, 0],
  ] as const)('%s paid by %s is a %s (balance %i, credit %i, order paid %i)', (purpose, method, kind, balance, credit, paid) => {
    const e = paymentEffect(purpose, method, 500);
    expect(e).toEqual({ kind, balanceDeltaFen: balance, creditDeltaFen: credit });
    expect(orderPaidDelta(e.kind, 500)).toBe(paid);
  });

  it('counts refunds down and account-only movements not at all', () => {
    expect(MOVEMENT_KINDS.map((k) => orderPaidDelta(k, 100))).toEqual([100, -100, 0, 100, 100, 0, 0]);
  });
});

describe('credit terms', () => {
  const facts = { limitFen: 100_000, usedFen: 60_000, overdueFen: 0, policy: 'block' as const };
  it('allows a charge up to the limit, refuses one beyond it with the numbers', () => {
    expect(decideCredit(facts, 40_000)).toEqual({ ok: true });
    const d = decideCredit(facts, 40_001);
    expect(d).toMatchObject({ ok: false, code: 'credit_limit_exceeded', review: false, details: { creditLimitFen: 100_000, creditUsedFen: 60_000, availableFen: 40_000, amountFen: 40_001 } });
  });
  it('refuses while anything is overdue, and marks both for review under the review policy', () => {
    expect(decideCredit({ ...facts, overdueFen: 1 }, 1)).toMatchObject({ ok: false, code: 'credit_overdue', details: { overdueFen: 1 } });
    expect(decideCredit({ ...facts, policy: 'review' }, 50_000)).toMatchObject({ ok: false, review: true });
  });
  it('applies repayments to the earliest due charges first', () => {
    // charges 300 (due), 200 (due), 500 (not yet due); 350 repaid → 150 of the second is overdue
    expect(overdueFen(500, 350)).toBe(150);
    expect(overdueFen(500, 900)).toBe(0);
  });
  it('dates a charge by the China calendar day', () => {
    expect(dueOn(new Date('2026-11-30T17:00:00Z'), 30)).toBe('2026-12-31'); // 01:00 on 1 December in Beijing
    expect(dueOn(new Date('2026-11-30T15:00:00Z'), 0)).toBe('2026-11-30');
  });
  it('takes what the balance holds only when the customer allows partial payment', () => {
    expect(balanceTake(1000, 800, 'block')).toEqual({ ok: true, amountFen: 800 });
    expect(balanceTake(500, 800, 'block')).toEqual({ ok: false, balanceFen: 500, amountFen: 800 });
    expect(balanceTake(500, 800, 'partial')).toEqual({ ok: true, amountFen: 500 });
    expect(balanceTake(0, 800, 'partial')).toEqual({ ok: false, balanceFen: 0, amountFen: 800 });
  });
  it('never takes more than wanted nor more than held (property)', () => {
    fc.assert(fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom('block' as const, 'partial' as const), (bal, want, policy) => {
      const d = balanceTake(bal, want, policy);
      if (d.ok) expect(d.amountFen).toBeLessThanOrEqual(Math.min(bal, want));
      if (d.ok) expect(d.amountFen).toBeGreaterThan(0);
    }));
  });
});

describe('enabled methods', () => {
  const all = ['offline', 'balance', 'bank_transfer', 'cod', 'credit'];
  it('narrows the tenant list by the customer list, and offers credit only with a limit', () => {
    expect(enabledMethods(all, { methods: null, creditLimitFen: 0 })).toEqual(['offline', 'balance', 'bank_transfer', 'cod']);
    expect(enabledMethods(all, { methods: null, creditLimitFen: 1 })).toEqual(all);
    expect(enabledMethods(['balance', 'cod'], { methods: ['cod', 'credit', 'bank_transfer'], creditLimitFen: 1 })).toEqual(['cod']);
  });
});
