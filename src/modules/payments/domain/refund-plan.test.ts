import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRefund, refundableFen, refundEffect } from './refund-plan.js';

describe('refund plan', () => {
  it('takes back the credit part first, never below the debt owed now, the rest where finance chose', () => {
    expect(planRefund({ amountFen: 1000, creditNetFen: 600, creditUsedFen: 5000, destination: 'balance' })).toEqual([{ destination: 'credit', amountFen: 600 }, { destination: 'balance', amountFen: 400 }]);
    expect(planRefund({ amountFen: 1000, creditNetFen: 600, creditUsedFen: 200, destination: 'original' })).toEqual([{ destination: 'credit', amountFen: 200 }, { destination: 'original', amountFen: 800 }]);
    expect(planRefund({ amountFen: 300, creditNetFen: 0, creditUsedFen: 900, destination: 'balance' })).toEqual([{ destination: 'balance', amountFen: 300 }]);
    expect(refundableFen(1000, 300)).toBe(700);
    expect(refundableFen(100, 300)).toBe(0);
  });

  it('parts always add up to the amount, and each effect moves money only one way (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: -10, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.constantFrom('balance', 'original') as fc.Arbitrary<'balance' | 'original'>,
      (amountFen, creditNetFen, creditUsedFen, destination) => {
        const parts = planRefund({ amountFen, creditNetFen, creditUsedFen, destination });
        expect(parts.reduce((a, p) => a + p.amountFen, 0)).toBe(amountFen);
        for (const p of parts) {
          expect(p.amountFen).toBeGreaterThan(0);
          const e = refundEffect(p.destination, p.amountFen);
          expect(e.balanceDeltaFen >= 0 && e.creditDeltaFen <= 0).toBe(true);
        }
        const credit = parts.find((p) => p.destination === 'credit')?.amountFen ?? 0;
        expect(credit).toBeLessThanOrEqual(Math.max(0, Math.min(creditNetFen, creditUsedFen)));
      }));
  });
});
