/**
 * The pricing pipeline of a cart or an order, pure (DESIGN.md §4 rule 3):
 *
 *   1. line amounts   = unit price (from the resolver, or a staff override) × quantity — exact integers;
 *   2. promotions     = the `promotions` slot: each step returns order-level adjustments (the marketing issue fills it);
 *                       discounts are spread over lines in proportion to their amounts (largest remainder, so the
 *                       shares add up to the discount exactly);
 *   3. shipping       = `shippingFee` over the goods total after discounts;
 *   4. tax            = prices are tax-inclusive; per rate, tax = round half up (net amount × rate / (10000 + rate))
 *                       computed once on the rate's sum, never per line (money.ts's one rounding rule).
 *                       Shipping is shown apart and is not part of the tax breakdown.
 */
import { roundHalfUp } from '../../pricing/domain/money.js';

export interface TotalsLine { key: string; amountFen: number; qty: number; baseQty: number; weightGrams: number; taxRateBp: number }
export interface Adjustment { kind: 'promotion'; label: string; amountFen: number }
export interface TaxLine { rateBp: number; amountFen: number; taxFen: number }
export interface Totals {
  goodsFen: number; discountFen: number; shippingFen: number; totalFen: number;
  lineCount: number; quantity: number; weightGrams: number;
  taxes: TaxLine[]; adjustments: Adjustment[];
}

/** A promotion step: given the lines, the discounts it grants (amountFen > 0 is taken off the goods). */
export type PromotionStep = (lines: readonly TotalsLine[]) => Adjustment[];

export interface TotalsInput {
  lines: readonly TotalsLine[];
  promotions?: readonly PromotionStep[];
  /** Computes the shipping fee from the discounted goods total; omitted = no shipping (e.g. no address yet). */
  shipping?: (goods: { goodsFen: number; weightGrams: number; baseQty: number }) => number;
}

export function computeTotals(input: TotalsInput): Totals {
  const { lines } = input;
  const goodsFen = sum(lines.map((l) => l.amountFen));
  const adjustments = (input.promotions ?? []).flatMap((step) => step(lines));
  const discountFen = Math.min(goodsFen, sum(adjustments.map((a) => a.amountFen)));
  const shares = allocate(discountFen, lines.map((l) => l.amountFen));
  const weightGrams = sum(lines.map((l) => l.weightGrams));
  const baseQty = sum(lines.map((l) => l.baseQty));
  const netGoods = goodsFen - discountFen;
  const shippingFen = lines.length && input.shipping ? input.shipping({ goodsFen: netGoods, weightGrams, baseQty }) : 0;

  const byRate = new Map<number, number>();
  lines.forEach((l, i) => byRate.set(l.taxRateBp, (byRate.get(l.taxRateBp) ?? 0) + l.amountFen - shares[i]));
  const taxes = [...byRate].sort(([a], [b]) => a - b)
    .map(([rateBp, amountFen]) => ({ rateBp, amountFen, taxFen: roundHalfUp(amountFen * rateBp, 10_000 + rateBp) }));

  return {
    goodsFen, discountFen, shippingFen, totalFen: netGoods + shippingFen,
    lineCount: lines.length, quantity: sum(lines.map((l) => l.qty)), weightGrams, taxes, adjustments,
  };
}

/**
 * Splits `total` over `weights` in proportion, in integers that add up to `total` exactly
 * (largest remainder; ties to the earlier line). All weights zero → nothing is allocated.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const whole = sum(weights);
  if (total === 0 || whole === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (BigInt(total) * BigInt(w)));
  const floors = exact.map((e) => Number(e / BigInt(whole)));
  let left = total - sum(floors);
  const order = exact.map((e, i) => ({ i, rem: Number(e % BigInt(whole)) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
