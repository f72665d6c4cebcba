/**
 * 运费: which shipping rule applies to a delivery region, and what it charges. Pure.
 * The rule naming the most specific region of the delivery address (the region itself, then its parents) wins;
 * otherwise the first rule naming no region; no rule at all → free.
 */
export interface ShippingRuleInput {
  name: string;
  regionIds: string[];
  basis: 'order' | 'weight' | 'quantity';
  firstFen: number;
  firstUnits: number;
  extraFen: number;
  extraUnits: number;
  freeAboveFen: number | null;
}

/** `regionPath`: the address's region id first, then its parent, grand-parent… */
export function pickRule(rules: readonly ShippingRuleInput[], regionPath: readonly string[]): ShippingRuleInput | null {
  for (const regionId of regionPath) {
    const named = rules.find((r) => r.regionIds.includes(regionId));
    if (named) return named;
  }
  return rules.find((r) => r.regionIds.length === 0) ?? null;
}

export function shippingFee(rule: ShippingRuleInput | null, goods: { goodsFen: number; weightGrams: number; baseQty: number }): number {
  if (!rule) return 0;
  if (rule.freeAboveFen !== null && goods.goodsFen >= rule.freeAboveFen) return 0;
  if (rule.basis === 'order') return rule.firstFen;
  const measure = rule.basis === 'weight' ? goods.weightGrams : goods.baseQty;
  const beyond = Math.max(0, measure - rule.firstUnits);
  return rule.firstFen + Math.ceil(beyond / rule.extraUnits) * rule.extraFen;
}
