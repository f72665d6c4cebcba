/**
 * Money is integer fen (DESIGN.md §4 rule 7). This file holds the ONE rounding rule:
 *
 *   **Round half up, once, on the exact quotient.** `roundHalfUp(n, d)` is the integer nearest to n / d, and an
 *   exact half (x.5 fen) goes up. Compute the exact numerator first (e.g. amount × basis points) and round once per
 *   line; never round an intermediate result and then compute with it.
 *
 * Inputs are non-negative safe integers; anything else is a programming error and throws a RangeError.
 */

const assertNonNegativeInt = (name: string, x: number) => {
  if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`${name} must be a non-negative safe integer, got ${x}`);
};

/** n / d rounded to the nearest integer, halves up. Exact for every safe integer n ≥ 0 and d ≥ 1. */
export function roundHalfUp(numerator: number, denominator: number): number {
  assertNonNegativeInt('numerator', numerator);
  assertNonNegativeInt('denominator', denominator);
  if (denominator === 0) throw new RangeError('denominator must be positive');
  // `%` on integers is exact, and (n - r) / d divides an exact multiple, so no float error creeps in;
  // 2r < 2^54 is still exact, so this needs no BigInt.
  const r = numerator % denominator;
  const q = (numerator - r) / denominator;
  return 2 * r >= denominator ? q + 1 : q;
}

/** The same rule on bigints, for numerators beyond 2^53 (amount × basis points of a large amount). */
function roundHalfUpBig(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  return 2n * (numerator % denominator) >= denominator ? q + 1n : q;
}

/** amountFen × basisPoints / 10000, rounded half up (9000 bp = 90 %). Throws if the result is not a safe integer. */
export function percentOf(amountFen: number, basisPoints: number): number {
  assertNonNegativeInt('amountFen', amountFen);
  assertNonNegativeInt('basisPoints', basisPoints);
  const product = amountFen * basisPoints;
  if (Number.isSafeInteger(product)) return roundHalfUp(product, 10_000);
  const result = roundHalfUpBig(BigInt(amountFen) * BigInt(basisPoints), 10_000n);
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`percentOf result exceeds a safe integer`);
  return Number(result);
}
