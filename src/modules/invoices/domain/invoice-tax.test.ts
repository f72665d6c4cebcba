import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceTotals, TAX_RATES, taxOf } from './invoice-tax.js';

describe('invoice tax', () => {
  it.each([
    [11300, 13, 1300], [10000, 13, 1150], [1, 13, 0], [5, 13, 1], [4, 13, 0], [10600, 6, 600], [10900, 9, 900],
    [10300, 3, 300], [10100, 1, 100], [12345, 0, 0], [0, 13, 0], [113, 13, 13], [100, 6, 6],
  ])('taxes %i fen at %i%% as %i fen', (amount, rate, tax) => {
    expect(taxOf(amount, rate)).toBe(tax);
  });

  it('rounds a half fen up (四舍五入)', () => {
    expect(taxOf(51, 1)).toBe(1); // 0.504… → 1
    expect(taxOf(50, 1)).toBe(0); // 0.495… → 0
    // An exact half fen never occurs at the VAT rates (2·a·r = odd·(100 + r) has no whole solution for them); at 100% it does: 9 / 2 = 4.5 → 5.
    expect(taxOf(9, 100)).toBe(5);
    expect(taxOf(7, 100)).toBe(4);
  });

  it('is the exact rational value rounded half up, never more than half a fen off, for every rate', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.constantFrom(...TAX_RATES), (amount, rate) => {
      const tax = taxOf(amount, rate);
      // |tax − amount·rate/(100+rate)| ≤ ½  ⇔  |2·tax·(100+rate) − 2·amount·rate| ≤ 100+rate, in integers
      const diff = 2n * BigInt(tax) * BigInt(100 + rate) - 2n * BigInt(amount) * BigInt(rate);
      expect(diff <= BigInt(100 + rate) && diff > -BigInt(100 + rate)).toBe(true);
      expect(Number.isInteger(tax)).toBe(true);
      expect(tax).toBeGreaterThanOrEqual(0);
      expect(tax).toBeLessThanOrEqual(amount);
    }));
  });

  it('grows with the amount and is 0 at 0%', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(...TAX_RATES), (a, d, rate) => {
      expect(taxOf(a + d, rate)).toBeGreaterThanOrEqual(taxOf(a, rate));
      expect(taxOf(a, 0)).toBe(0);
    }));
  });

  it('adds lines up exactly: amount = net + tax, tax = Σ line taxes', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 20 }), fc.constantFrom(...TAX_RATES), (lines, rate) => {
      const t = invoiceTotals(lines, rate);
      expect(t.amountFen).toBe(lines.reduce((s, x) => s + x, 0));
      expect(t.netFen + t.taxFen).toBe(t.amountFen);
      expect(t.taxFen).toBe(t.taxes.reduce((s, x) => s + x, 0));
    }));
  });

  it('refuses fractions and negative amounts', () => {
    expect(() => taxOf(1.5, 13)).toThrow(RangeError);
    expect(() => taxOf(-1, 13)).toThrow(RangeError);
    expect(() => taxOf(100, 2.5)).toThrow(RangeError);
  });
});
