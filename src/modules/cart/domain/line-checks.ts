/**
 * Whether a customer may order `qty` of one sell unit right now. Pure; the facts come from `loadSellables`.
 * Blocking problems stop checkout; `price_changed` only asks the customer to look again.
 */
export type LineProblemCode = 'off_shelf' | 'not_visible' | 'unit_disabled' | 'below_minimum' | 'not_multiple' | 'price_changed' | 'out_of_stock' | 'backorder';
/** `data` carries the numbers a screen shows in its own words (minQty, multiple, available and needed base units). */
export interface LineProblem { code: LineProblemCode; message: string; blocking: boolean; data?: Record<string, number> }

export interface LineFacts {
  onShelf: boolean;
  visible: boolean;
  skuEnabled: boolean;
  unitEnabled: boolean;
  minQty: number;
  multiple: number;
}

export function lineProblems(f: LineFacts, qty: number): LineProblem[] {
  const out: LineProblem[] = [];
  const block = (code: LineProblemCode, message: string, data?: Record<string, number>) => out.push({ code, message, blocking: true, ...(data ? { data } : {}) });
  if (!f.visible) block('not_visible', 'this product is not available to your company');
  else if (!f.onShelf) block('off_shelf', 'this product is off the shelf');
  else if (!f.skuEnabled || !f.unitEnabled) block('unit_disabled', 'this variant or unit can no longer be ordered');
  if (qty < f.minQty) block('below_minimum', `the minimum order quantity is ${f.minQty}`, { minQty: f.minQty });
  if (qty % f.multiple !== 0) block('not_multiple', `the quantity must be a multiple of ${f.multiple}`, { multiple: f.multiple });
  return out;
}

export function priceChange(seenPriceFen: number, unitPriceFen: number): LineProblem | null {
  return seenPriceFen === unitPriceFen ? null
    : { code: 'price_changed', message: `the price changed from ${seenPriceFen} to ${unitPriceFen} fen`, blocking: false };
}

/** Visibility rule of products (same as the search's `visibleTo`): empty lists mean everyone. */
export function visibleFor(p: { visibleTypes: string[]; visibleLevelIds: string[] }, c: { type: string; levelId: string | null }): boolean {
  return (p.visibleTypes.length === 0 || p.visibleTypes.includes(c.type))
    && (p.visibleLevelIds.length === 0 || (c.levelId !== null && p.visibleLevelIds.includes(c.levelId)));
}

/**
 * Stock for one SKU across the cart (several lines may hold it in different units): short of a blocking product →
 * `out_of_stock` (blocking); short of a backorder / pre-order product → `backorder` (a notice only).
 */
export function stockProblem(policy: 'block' | 'backorder' | 'preorder', neededBase: number, availableBase: number, baseUnit: string): LineProblem | null {
  if (neededBase <= availableBase) return null;
  const data = { available: availableBase, needed: neededBase };
  if (policy === 'block') return { code: 'out_of_stock', message: `only ${availableBase} ${baseUnit} available`, blocking: true, data };
  return { code: 'backorder', message: `${neededBase - availableBase} ${baseUnit} will follow when stock arrives${policy === 'preorder' ? ' (pre-order)' : ''}`, blocking: false, data };
}
