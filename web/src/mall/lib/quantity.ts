/**
 * Order quantities of one unit: at least `minQty`, and a whole number of `multiple`s
 * (起订量 and 倍数 of the GLOSSARY). The server re-checks; these keep the stepper on valid values.
 */
export interface QtyRule {
  minQty: number;
  multiple: number;
}

const step = (rule: QtyRule) => Math.max(1, rule.multiple || 1);

/** The smallest quantity that can be ordered: minQty rounded up to the multiple. */
export function firstValidQty(rule: QtyRule): number {
  const m = step(rule);
  return Math.max(m, Math.ceil(Math.max(1, rule.minQty) / m) * m);
}

export function isValidQty(qty: number, rule: QtyRule): boolean {
  return Number.isInteger(qty) && qty >= Math.max(1, rule.minQty) && qty % step(rule) === 0;
}

/** The valid quantity nearest above `qty` (or equal, when it is valid already). */
export function validQtyAtLeast(qty: number, rule: QtyRule): number {
  const m = step(rule);
  return Math.max(firstValidQty(rule), Math.ceil(qty / m) * m);
}

/** One step up from any quantity, landing on a valid one. */
export function nextQty(qty: number, rule: QtyRule): number {
  return validQtyAtLeast(Math.floor(qty) + 1, rule);
}

/** One step down, never below the first valid quantity. */
export function prevQty(qty: number, rule: QtyRule): number {
  const m = step(rule);
  const below = Math.floor((Math.ceil(qty) - 1) / m) * m;
  return Math.max(firstValidQty(rule), below);
}

/** The largest valid quantity not above `qty`; 0 when even the first valid quantity is too many. */
export function validQtyAtMost(qty: number, rule: QtyRule): number {
  const below = Math.floor(Math.max(0, qty) / step(rule)) * step(rule);
  return below >= firstValidQty(rule) ? below : 0;
}
