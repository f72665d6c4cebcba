import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, computeTotals, type TotalsLine } from './order-totals.js';
import { pickRule, shippingFee, type ShippingRuleInput } from './shipping-fee.js';
import { formatOrderNo, orderDay } from './order-number.js';
import { lineChanges } from './order-diff.js';

const line = (key: string, amountFen: number, taxRateBp = 1300, qty = 1): TotalsLine => ({ key, amountFen, qty, baseQty: qty, weightGrams: 100 * qty, taxRateBp });

describe('order totals', () => {
  it('adds lines, shipping and a tax breakdown per rate (tax-inclusive, rounded once per rate)', () => {
    const t = computeTotals({ lines: [line('a', 1000), line('b', 2001), line('c', 500, 900)], shipping: () => 800 });
    expect(t).toMatchObject({ goodsFen: 3501, discountFen: 0, shippingFen: 800, totalFen: 4301, lineCount: 3, quantity: 3, weightGrams: 300 });
    // 3001 × 1300 / 11300 = 345.24… → 345; 500 × 900 / 10900 = 41.28… → 41
    expect(t.taxes).toEqual([{ rateBp: 900, amountFen: 500, taxFen: 41 }, { rateBp: 1300, amountFen: 3001, taxFen: 345 }]);
  });

  it('runs the promotion slot and spreads the discount over lines exactly', () => {
    const t = computeTotals({ lines: [line('a', 1000), line('b', 2000, 900)], promotions: [() => [{ kind: 'promotion', label: '满30减3', amountFen: 300 }]] });
    expect(t.discountFen).toBe(300);
    expect(t.totalFen).toBe(2700);
    expect(t.taxes.map((x) => x.amountFen)).toEqual([1800, 900]);
  });

  it('an empty cart has no shipping', () => {
    expect(computeTotals({ lines: [], shipping: () => 800 }).totalFen).toBe(0);
  });

  it('allocates shares that always add up to the total and never exceed a line', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 0, max: 10_000_000 }), (weights, want) => {
      const whole = weights.reduce((a, b) => a + b, 0);
      const total = Math.min(want, whole);
      const shares = allocate(total, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(whole === 0 ? 0 : total);
      shares.forEach((s, i) => { expect(s).toBeGreaterThanOrEqual(0); expect(s).toBeLessThanOrEqual(weights[i]); });
    }));
  });

  it('never produces a negative or fractional amount', () => {
    fc.assert(fc.property(fc.array(fc.record({ amount: fc.integer({ min: 0, max: 1e9 }), rate: fc.constantFrom(0, 600, 900, 1300) }), { maxLength: 30 }), (ls) => {
      const t = computeTotals({ lines: ls.map((l, i) => line(String(i), l.amount, l.rate)) });
      for (const x of [t.goodsFen, t.totalFen, ...t.taxes.map((v) => v.taxFen)]) expect(Number.isSafeInteger(x) && x >= 0).toBe(true);
      t.taxes.forEach((v) => expect(v.taxFen).toBeLessThanOrEqual(v.amountFen));
    }));
  });
});

describe('shipping fee', () => {
  const rules: ShippingRuleInput[] = [
    { name: '默认', regionIds: [], basis: 'order', firstFen: 1000, firstUnits: 0, extraFen: 0, extraUnits: 1, freeAboveFen: 100_000 },
    { name: '广东', regionIds: ['gd'], basis: 'weight', firstFen: 800, firstUnits: 1000, extraFen: 200, extraUnits: 500, freeAboveFen: null },
    { name: '深圳', regionIds: ['sz'], basis: 'quantity', firstFen: 500, firstUnits: 10, extraFen: 50, extraUnits: 5, freeAboveFen: 50_000 },
  ];
  it('picks the rule of the most specific region, then the default', () => {
    expect(pickRule(rules, ['sz', 'gd', 'cn'])?.name).toBe('深圳');
    expect(pickRule(rules, ['gz', 'gd', 'cn'])?.name).toBe('广东');
    expect(pickRule(rules, ['bj'])?.name).toBe('默认');
    expect(pickRule(rules.slice(1), ['bj'])).toBeNull();
  });
  it('charges flat, per weight step or per quantity step, and nothing above the free threshold', () => {
    expect(shippingFee(rules[0], { goodsFen: 99_999, weightGrams: 0, baseQty: 1 })).toBe(1000);
    expect(shippingFee(rules[0], { goodsFen: 100_000, weightGrams: 0, baseQty: 1 })).toBe(0);
    expect(shippingFee(rules[1], { goodsFen: 1, weightGrams: 1000, baseQty: 1 })).toBe(800);
    expect(shippingFee(rules[1], { goodsFen: 1, weightGrams: 1001, baseQty: 1 })).toBe(1000);
    expect(shippingFee(rules[1], { goodsFen: 1, weightGrams: 2600, baseQty: 1 })).toBe(800 + 4 * 200);
    expect(shippingFee(rules[2], { goodsFen: 1, weightGrams: 0, baseQty: 16 })).toBe(500 + 2 * 50);
    expect(shippingFee(null, { goodsFen: 1, weightGrams: 0, baseQty: 1 })).toBe(0);
  });
});

describe('order number', () => {
  it('uses the China Standard Time day and six digits', () => {
    expect(orderDay(new Date('2026-11-22T16:00:00Z'))).toBe('20261123');
    expect(orderDay(new Date('2026-11-22T15:59:59Z'))).toBe('20261122');
    expect(formatOrderNo('20261123', 123)).toBe('DH20261123-000123');
  });
});

describe('order diff', () => {
  it('lists removed, added and changed lines', () => {
    const before = [{ id: '1', skuCode: 'A', productName: 'a', unitName: '瓶', qty: 2, unitPriceFen: 100 }, { id: '2', skuCode: 'B', productName: 'b', unitName: '箱', qty: 1, unitPriceFen: 900 }];
    const after = [{ id: '1', skuCode: 'A', productName: 'a', unitName: '瓶', qty: 3, unitPriceFen: 90 }, { skuCode: 'C', productName: 'c', unitName: '个', qty: 5, unitPriceFen: 10 }];
    expect(lineChanges(before, after).map((c) => `${c.skuCode}:${c.kind}:${c.before}→${c.after}`)).toEqual(['A:qty:2→3', 'A:price:100→90', 'B:removed:1→null', 'C:added:null→5']);
  });
});
