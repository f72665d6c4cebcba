import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overdueFen } from '../../payments/domain/credit.js';
import { MOVEMENT_KINDS } from '../../payments/domain/ledger-effect.js';
import { bucketize, bucketOf, outstandingCharges } from './aging.js';
import { addDays, cstDay, dayPeriod, daysBetween, isDay, monthDays, monthsBetween } from './periods.js';
import { decideVoid, monthlySummary } from './records.js';
import { movementEffect, orderEffect, position, receivableDelta, runLines } from './statement.js';

describe('China calendar days', () => {
  it('puts 23:59 Shanghai time in its day and 00:00 in the next', () => {
    expect(cstDay(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03-31');
    expect(cstDay(new Date('2026-03-31T16:00:00.000Z'))).toBe('2026-04-01');
  });

  it('makes a period of whole days, end exclusive, refusing bad ones', () => {
    const p = dayPeriod('2026-03-01', '2026-03-31');
    expect(p.ok && p.period.start.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(p.ok && p.period.end.toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(dayPeriod('2026-03-02', '2026-03-01')).toMatchObject({ ok: false, path: 'to' });
    expect(dayPeriod('2026-02-30', '2026-03-01')).toMatchObject({ ok: false, path: 'from' });
    expect(dayPeriod('2024-12-31', '2026-01-01')).toMatchObject({ ok: false, path: 'to' });
    expect(dayPeriod('2025-01-01', '2026-01-01').ok).toBe(true);
  });

  it('knows real days, month ends and month ranges', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(monthDays('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toBeNull();
    expect(monthsBetween('2020-01', '2026-01')).toBeNull();
  });

  it('adds days and counts them back', () => {
    fc.assert(fc.property(fc.integer({ min: -2000, max: 2000 }), (n) => daysBetween('2026-01-15', addDays('2026-01-15', n)) === n));
  });
});

describe('aging buckets', () => {
  it.each([[-5, 'd0_30'], [0, 'd0_30'], [30, 'd0_30'], [31, 'd31_60'], [60, 'd31_60'], [61, 'd61_90'], [90, 'd61_90'], [91, 'd90_plus'], [4000, 'd90_plus']] as const)(
    'age %i days → %s', (age, bucket) => expect(bucketOf(age)).toBe(bucket));

  it('keeps every fen: the buckets add up to what is owed', () => {
    fc.assert(fc.property(fc.array(fc.record({ amountFen: fc.integer({ min: 1, max: 1e9 }), ageDays: fc.integer({ min: -60, max: 500 })})), (items) => {
      const b = bucketize(items);
      return b.d0_30 + b.d31_60 + b.d61_90 + b.d90_plus === items.reduce((s, i) => s + i.amountFen, 0);
    }));
  });
});

describe('outstanding credit charges', () => {
  const charge = fc.record({ id: fc.string({ minLength: 4, maxLength: 4 }), amountFen: fc.integer({ min: 1, max: 1e6 }), dueOn: fc.integer({ min: 0, max: 120 }).map((n) => addDays('2026-01-01', n)) });
  const charges = fc.uniqueArray(charge, { selector: (c) => c.id, maxLength: 12 });

  it('leaves the latest-due charges outstanding, together exactly the credit used', () => {
    const out = outstandingCharges([
      { id: 'A', amountFen: 300, dueOn: '2026-01-10' }, { id: 'B', amountFen: 500, dueOn: '2026-02-10' }, { id: 'C', amountFen: 200, dueOn: '2026-03-10' },
    ], 600);
    expect(out.map((c) => c.outstandingFen)).toEqual([0, 400, 200]);
  });

  it('sums to the credit used (never more than was charged), and what is past due agrees with overdueOf', () => {
    fc.assert(fc.property(charges, fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 130 }), (cs, used0, todayN) => {
      const total = cs.reduce((s, c) => s + c.amountFen, 0);
      const used = Math.min(used0, total);
      const out = outstandingCharges(cs, used);
      const today = addDays('2026-01-01', todayN);
      const pastDue = out.filter((c) => c.dueOn < today).reduce((s, c) => s + c.outstandingFen, 0);
      const dueBefore = cs.filter((c) => c.dueOn < today).reduce((s, c) => s + c.amountFen, 0);
      return out.reduce((s, c) => s + c.outstandingFen, 0) === used && out.every((c) => c.outstandingFen >= 0 && c.outstandingFen <= c.amountFen)
        && pastDue === overdueFen(dueBefore, total - used);
    }));
  });
});

describe('statement arithmetic', () => {
  const move = (kind: (typeof MOVEMENT_KINDS)[number], amountFen: number, balanceDeltaFen = 0, creditDeltaFen = 0, orderId: string | null = 'o1') =>
    movementEffect({ kind, amountFen, balanceDeltaFen, creditDeltaFen, orderId });

  it.each([
    ['an order placed', orderEffect(1000), 1000, 0],
    ['a receipt', move('receipt', 1000), 0, 1000],
    ['a balance payment', move('balance_payment', 1000, -1000), 0, 0],
    ['a credit charge', move('credit_charge', 1000, 0, 1000), 0, 0],
    ['a credit repayment', move('credit_repayment', 1000, 0, -1000, null), 0, 1000],
    ['a recharge', move('recharge', 1000, 1000, 0, null), 0, 1000],
    ['a rebate', move('adjustment', 1000, 1000, 0, null), 0, 1000],
    ['a debit adjustment', move('adjustment', 1000, -1000, 0, null), 1000, 0],
    ['a refund to the balance', move('refund', 1000, 1000), 0, 0],
    ['a refund back to credit', move('refund', 1000, 0, -1000), 0, 0],
    ['a refund paid out', move('refund', 1000), 1000, 0],
    ['an order closed', orderEffect(-1000), 0, 1000],
  ] as const)('%s: debit %i, credit %i', (_, effect, debit, credit) => {
    const { lines } = runLines(position(0, 0, 0), [effect]);
    expect([lines[0].debitFen, lines[0].creditFen]).toEqual([debit, credit]);
  });

  const effect = fc.oneof(
    fc.integer({ min: -1e6, max: 1e6 }).map(orderEffect),
    fc.tuple(fc.constantFrom(...MOVEMENT_KINDS), fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(-1, 0, 1), fc.constantFrom(-1, 0, 1), fc.boolean())
      .map(([kind, a, b, c, o]) => move(kind, a, b * a, c * a, o ? 'o' : null)),
  );

  it('closes at the opening plus every line, part by part, and the receivable is always ordersDue + credit − balance', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: -1e7, max: 1e7 }), fc.array(effect, { maxLength: 40 }), (b, c, o, effects) => {
      const opening = position(b, c, o);
      const { lines, closing } = runLines(opening, effects);
      const sum = (f: (e: (typeof effects)[number]) => number) => effects.reduce((s, e) => s + f(e), 0);
      const debit = lines.reduce((s, l) => s + l.debitFen, 0);
      const credit = lines.reduce((s, l) => s + l.creditFen, 0);
      return closing.balanceFen === b + sum((e) => e.balanceDeltaFen) && closing.creditUsedFen === c + sum((e) => e.creditDeltaFen)
        && closing.ordersDueFen === o + sum((e) => e.ordersDueDeltaFen) && closing.receivableFen === opening.receivableFen + debit - credit
        && lines.every((l) => l.after.receivableFen === l.after.ordersDueFen + l.after.creditUsedFen - l.after.balanceFen && l.debitFen * l.creditFen === 0
          && l.debitFen - l.creditFen === receivableDelta(l));
    }));
  });
});

describe('income and expense records', () => {
  it('voids an active record once, at its current version', () => {
    expect(decideVoid({ status: 'active', version: 1, recordNo: 'SZ000001' })).toEqual({ ok: true });
    expect(decideVoid({ status: 'active', version: 2, recordNo: 'SZ000001' }, 1)).toMatchObject({ ok: false, code: 'version_conflict' });
    expect(decideVoid({ status: 'voided', version: 2, recordNo: 'SZ000001' })).toMatchObject({ ok: false, code: 'finance_record_voided' });
  });

  it('sums months with zeros where nothing happened and nets refunds and expenses', () => {
    const s = monthlySummary(['2026-01', '2026-02'], [
      { month: '2026-01', receivedFen: 5000, refundedFen: 1000 }, { month: '2026-01', otherIncomeFen: 300, expenseFen: 2000 }, { month: '2025-12', expenseFen: 99 },
    ]);
    expect(s.months[0]).toEqual({ month: '2026-01', receivedFen: 5000, refundedFen: 1000, otherIncomeFen: 300, expenseFen: 2000, netReceiptsFen: 4000, incomeFen: 4300, netFen: 2300 });
    expect(s.months[1]).toMatchObject({ month: '2026-02', netFen: 0 });
    expect(s.totals).toMatchObject({ expenseFen: 2000, netFen: 2300 });
  });
});
