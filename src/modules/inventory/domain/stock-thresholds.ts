/**
 * 库存预警 rules, pure. A stock level (or a SKU over all active warehouses) is
 * - low (缺货预警) when what is free (on hand − reserved) is at or below its low mark: `lowStockQty`, or for a level
 *   without one its safety stock when that is above 0 (the mark the console had before thresholds existed);
 * - overstock (积压预警) when on hand is above `overstockQty`.
 * A change "crosses" a mark when the state was not low (not overstock) before it and is after it.
 */
export interface Marks { low: number | null; over: number | null }
export interface Quantities { onHand: number; reserved: number }

/** The low mark of one SKU in one warehouse. */
export const levelLowMark = (l: { safetyStock: number; lowStockQty: number | null }): number | null =>
  l.lowStockQty ?? (l.safetyStock > 0 ? l.safetyStock : null);

export const isLow = (q: Quantities, m: Marks) => m.low !== null && q.onHand - q.reserved <= m.low;
export const isOver = (q: Quantities, m: Marks) => m.over !== null && q.onHand > m.over;

/** Which marks the change `delta` took `after` across (compared with the quantities before it). */
export function crossings(after: Quantities, delta: Quantities, m: Marks): ('low' | 'over')[] {
  const before = { onHand: after.onHand - delta.onHand, reserved: after.reserved - delta.reserved };
  const out: ('low' | 'over')[] = [];
  if (isLow(after, m) && !isLow(before, m)) out.push('low');
  if (isOver(after, m) && !isOver(before, m)) out.push('over');
  return out;
}

/**
 * 建议采购量: cover the next period's sales at the last period's pace and refill to the low mark (never below the
 * safety stock), minus what is still free; never so much that on hand would go above the overstock mark.
 */
export function suggestedQty(s: { sold: number; onHand: number; reserved: number; safetyStock: number; low: number | null; over: number | null }): number {
  const target = s.sold + Math.max(s.safetyStock, s.low ?? 0);
  let qty = Math.max(0, target - (s.onHand - s.reserved));
  if (s.over !== null) qty = Math.min(qty, Math.max(0, s.over - s.onHand));
  return qty;
}

/**
 * Why a set of thresholds is refused, or null: the overstock mark must be above the low mark (for a level, the
 * safety stock when it has no low mark of its own), or there would be no quantity that is neither.
 */
export function thresholdProblem(t: { safetyStock?: number; lowStockQty: number | null; overstockQty: number | null }): { path: string; message: string } | null {
  if (t.overstockQty === null) return null;
  const low = t.safetyStock === undefined ? t.lowStockQty : levelLowMark({ safetyStock: t.safetyStock, lowStockQty: t.lowStockQty });
  if (low !== null && t.overstockQty <= low) {
    return { path: 'body.overstockQty', message: `must be above the low-stock mark (${low})` };
  }
  return null;
}
