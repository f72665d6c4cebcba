import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentOf, roundHalfUp } from './money.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('roundHalfUp', () => {
  const cases: [number, number, number][] = [
    [0, 3, 0], [1, 3, 0], [2, 3, 1], [1, 2, 1], [4, 10, 0], [5, 10, 1], [15, 10, 2], [25, 10, 3], [35, 10, 4],
    [9_999, 10_000, 1], [4_999, 10_000, 0], [5_000, 10_000, 1], [MAX, 1, MAX], [MAX, 2, 2 ** 52], [MAX - 1, 2, 2 ** 52 - 1],
  ];
  for (const [n, d, expected] of cases) {
    it(`rounds ${n} / ${d} to ${expected}`, () => expect(roundHalfUp(n, d)).toBe(expected));
  }

  it('rounds every half up, never to even', () => {
    expect([5, 15, 25, 35, 45].map((n) => roundHalfUp(n, 10))).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects negative, fractional, unsafe and zero inputs with a RangeError', () => {
    for (const [n, d] of [[-1, 2], [1.5, 2], [1, 0], [1, -2], [1, 2.5], [MAX + 1, 2], [Number.NaN, 1]]) {
      expect(() => roundHalfUp(n, d)).toThrow(RangeError);
    }
  });

  it('agrees with exact bigint arithmetic for any safe integers', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 1, max: MAX }), (n, d) => {
        const N = BigInt(n), D = BigInt(d);
        const expected = (2n * N + D) / (2n * D); // floor(n/d + 1/2)
        expect(BigInt(roundHalfUp(n, d))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('percentOf', () => {
  const cases: [number, number, number][] = [
    [1000, 9000, 900], [1000, 10_000, 1000], [1000, 0, 0], [0, 9000, 0], [1, 5000, 1], [1, 4999, 0],
    [1001, 5000, 501], [15, 3333, 5], [999, 8888, 888], [1000, 12_000, 1200],
    [MAX, 10_000, MAX], [MAX, 5000, 2 ** 52], [MAX, 1, 900_719_925_474],
  ];
  for (const [amount, bp, expected] of cases) {
    it(`takes ${bp} basis points of ${amount} fen as ${expected} fen`, () => expect(percentOf(amount, bp)).toBe(expected));
  }

  it('throws when the result would not be a safe integer', () => {
    expect(() => percentOf(MAX, 20_000)).toThrow(RangeError);
  });

  it('rejects negative or fractional inputs', () => {
    expect(() => percentOf(-1, 9000)).toThrow(RangeError);
    expect(() => percentOf(100, -1)).toThrow(RangeError);
    expect(() => percentOf(100.5, 9000)).toThrow(RangeError);
    expect(() => percentOf(100, 90.5)).toThrow(RangeError);
  });

  it('is within half a fen of the exact value, and an exact half goes up', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const result = percentOf(amount, bp);
        expect(Number.isSafeInteger(result)).toBe(true);
        // 10000 × (result − exact) in fen×10⁴, kept exact with bigint: must lie in (−5000, 5000].
        const diff = 10_000n * BigInt(result) - BigInt(amount) * BigInt(bp);
        expect(diff > -5000n && diff <= 5000n).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
