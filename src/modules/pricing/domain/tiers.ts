import type { Tier } from './resolve-price.js';

/** Why a tier list cannot be saved; checked in this order, the first problem found is reported. */
export type TierProblem = 'tier_min_qty' | 'negative_price' | 'tier_duplicate' | 'tier_not_decreasing';

/**
 * Checks a quantity-break list (阶梯价) before the service saves it; null when valid.
 * A tier at 1 would just be the base price, so tiers start at 2. Prices must not rise with quantity, so that
 * buying more never costs more per unit (the resolver relies on this). Equal neighbouring prices are allowed.
 */
export function validateTiers(tiers: Tier[]): TierProblem | null {
  for (const t of tiers) {
    if (!Number.isSafeInteger(t.minQty) || t.minQty < 2) return 'tier_min_qty';
    // A non-integer fen amount is not a valid price either; schemas normally reject it earlier.
    if (!Number.isSafeInteger(t.priceFen) || t.priceFen < 0) return 'negative_price';
  }
  const sorted = [...tiers].sort((a, b) => a.minQty - b.minQty);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].minQty === sorted[i - 1].minQty) return 'tier_duplicate';
  for (let i = 1; i < sorted.length; i++) if (sorted[i].priceFen > sorted[i - 1].priceFen) return 'tier_not_decreasing';
  return null;
}
