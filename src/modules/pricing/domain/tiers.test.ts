import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateTiers } from './tiers.js';
import type { Tier } from './resolve-price.js';

const cases: { name: string; tiers: Tier[]; expected: string | null }[] = [
  { name: 'accepts an empty list', tiers: [], expected: null },
  { name: 'accepts strictly falling prices', tiers: [{ minQty: 10, priceFen: 900 }, { minQty: 50, priceFen: 800 }], expected: null },
  { name: 'accepts equal neighbouring prices', tiers: [{ minQty: 10, priceFen: 900 }, { minQty: 50, priceFen: 900 }], expected: null },
  { name: 'judges order after sorting by minQty', tiers: [{ minQty: 50, priceFen: 800 }, { minQty: 10, priceFen: 900 }], expected: null },
  { name: 'accepts a free tier', tiers: [{ minQty: 2, priceFen: 0 }], expected: null },
  { name: 'rejects a tier at quantity 1', tiers: [{ minQty: 1, priceFen: 900 }], expected: 'tier_min_qty' },
  { name: 'rejects a tier at quantity 0', tiers: [{ minQty: 0, priceFen: 900 }], expected: 'tier_min_qty' },
  { name: 'rejects a fractional minQty', tiers: [{ minQty: 2.5, priceFen: 900 }], expected: 'tier_min_qty' },
  { name: 'rejects a negative price', tiers: [{ minQty: 10, priceFen: -1 }], expected: 'negative_price' },
  { name: 'rejects a fractional price', tiers: [{ minQty: 10, priceFen: 99.5 }], expected: 'negative_price' },
  {
    name: 'rejects the same minQty twice',
    tiers: [{ minQty: 10, priceFen: 900 }, { minQty: 10, priceFen: 800 }],
    expected: 'tier_duplicate',
  },
  {
    name: 'rejects a later tier priced above an earlier one',
    tiers: [{ minQty: 10, priceFen: 800 }, { minQty: 50, priceFen: 900 }],
    expected: 'tier_not_decreasing',
  },
  {
    name: 'reports a duplicate before a rising price',
    tiers: [{ minQty: 5, priceFen: 100 }, { minQty: 10, priceFen: 200 }, { minQty: 20, priceFen: 50 }, { minQty: 20, priceFen: 40 }],
    expected: 'tier_duplicate',
  },
];

describe('validateTiers', () => {
  for (const c of cases) it(c.name, () => expect(validateTiers(c.tiers)).toBe(c.expected));

  it('accepts any list with distinct minQty ≥ 2 and prices not rising, in any order', () => {
    const valid = fc
      .tuple(fc.uniqueArray(fc.integer({ min: 2, max: 10_000 }), { maxLength: 6 }), fc.array(fc.nat(1_000_000), { minLength: 6, maxLength: 6 }))
      .map(([qtys, prices]) => {
        const asc = [...qtys].sort((a, b) => a - b);
        const desc = [...prices].sort((a, b) => b - a);
        return asc.map((minQty, i) => ({ minQty, priceFen: desc[i] }));
      });
    fc.assert(
      fc.property(valid.chain((ts) => fc.shuffledSubarray(ts, { minLength: ts.length, maxLength: ts.length })), (ts) => {
        expect(validateTiers(ts)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
