/**
 * The ONE price resolver: which unit price a customer pays for one SKU in one sell unit (瓶 or 箱) at a moment.
 * Pure (DESIGN.md §4 rule 3): the caller loads a snapshot, this function does no I/O and never reads the clock.
 *
 * Precedence:
 *   (1) a customer price (一客一价) for this customer always wins;
 *   (2) otherwise a special price (特价) valid at `at` (startsAt ≤ at < endsAt) whose levelIds is empty or contains
 *       the customer's level — the lowest if several; guests get no special price unless levelIds is empty;
 *   (3) otherwise the customer's level price (等级价; percent → percentOf(list, bp));
 *   (4) otherwise the list price (市场价).
 * Quantity tiers (阶梯价) apply to the winning source only (customer tiers for a customer price, the level entry's
 * tiers for a level price, listTiers for list; special prices have no tiers): the tier with the greatest
 * minQty ≤ qty, if its price is lower than the base price of that source (a tier never raises a price).
 */
import { percentOf } from './money.js';

export type PriceSource = 'customer' | 'special' | 'level' | 'list';
/** minQty ≥ 2 (a tier at 1 is just the base price); see validateTiers. */
export interface Tier { minQty: number; priceFen: number }
/** A snapshot loaded by the caller for one SKU in one sell unit; every amount is integer fen ≥ 0. */
export interface SkuUnitPricing {
  listPriceFen: number;
  listTiers: Tier[];
  /** mode 'price': value is fen; mode 'percent': value is basis points of the list price (9000 = 90 %). */
  levelPrices: { levelId: string; mode: 'price' | 'percent'; value: number; tiers: Tier[] }[];
  customerPrices: { customerId: string; priceFen: number; tiers: Tier[] }[];
  /** Valid in [startsAt, endsAt); levelIds empty = every level (and guests). */
  specialPrices: { priceFen: number; startsAt: Date; endsAt: Date; levelIds: string[] }[];
}
/** null customer = guest. */
export interface PriceCustomer { id: string; levelId: string | null }
export interface ResolvedPrice {
  unitPriceFen: number;
  source: PriceSource;
  tierMinQty: number | null;
  listPriceFen: number;
  reason: string;
}

export function resolvePrice(p: SkuUnitPricing, qty: number, customer: PriceCustomer | null, at: Date): ResolvedPrice {
  if (!Number.isSafeInteger(qty) || qty < 1) throw new RangeError(`qty must be a positive integer, got ${qty}`);
  assertSnapshot(p);
  const result = (source: PriceSource, base: number, tiers: Tier[], what: string): ResolvedPrice => {
    const tier = applicableTier(tiers, qty, base);
    const reason = tier ? `${what}, tier ≥ ${tier.minQty}` : what;
    const unitPriceFen = tier ? tier.priceFen : base;
    return { unitPriceFen, source, tierMinQty: tier ? tier.minQty : null, listPriceFen: p.listPriceFen, reason };
  };

  const own = customer && p.customerPrices.find((c) => c.customerId === customer.id);
  if (own) return result('customer', own.priceFen, own.tiers, 'customer price 一客一价');

  const levelId = customer?.levelId ?? null;
  const t = at.getTime();
  const specials = p.specialPrices.filter(
    (s) =>
      s.startsAt.getTime() <= t && t < s.endsAt.getTime() &&
      (s.levelIds.length === 0 || (levelId !== null && s.levelIds.includes(levelId))),
  );
  if (specials.length > 0) {
    const lowest = specials.reduce((a, b) => (b.priceFen < a.priceFen ? b : a));
    const forWhom = lowest.levelIds.length === 0 ? 'every level' : `level ${levelId}`;
    return result('special', lowest.priceFen, [], `special price 特价 for ${forWhom}, valid at this time`);
  }

  const level = levelId === null ? undefined : p.levelPrices.find((l) => l.levelId === levelId);
  if (level) {
    const base = level.mode === 'percent' ? percentOf(p.listPriceFen, level.value) : level.value;
    const how = level.mode === 'percent' ? ` (${level.value / 100} % of list)` : '';
    return result('level', base, level.tiers, `level price 等级价 of level ${level.levelId}${how}`);
  }

  const why = levelId === null ? (customer ? 'customer has no level' : 'guest') : `no price for level ${levelId}`;
  return result('list', p.listPriceFen, p.listTiers, `list price 市场价 (${why})`);
}

/** The tier with the greatest minQty ≤ qty, only if it lowers the base price. */
function applicableTier(tiers: Tier[], qty: number, base: number): Tier | null {
  let best: Tier | null = null;
  for (const t of tiers) {
    if (t.minQty > qty) continue;
    // Ties on minQty (invalid data) take the lower price so the result does not depend on array order.
    if (!best || t.minQty > best.minQty || (t.minQty === best.minQty && t.priceFen < best.priceFen)) best = t;
  }
  return best && best.priceFen < base ? best : null;
}

/**
 * Corrupt money must fail loudly rather than be priced. The whole snapshot is checked, not just the winning
 * entry, so whether a call throws never depends on which rule happens to win.
 */
function assertSnapshot(p: SkuUnitPricing): void {
  const fen = (x: number, what: string) => {
    if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`${what} must be a non-negative integer, got ${x}`);
  };
  const tiers = (ts: Tier[], what: string) => ts.forEach((t) => fen(t.priceFen, `${what} tier price`));
  fen(p.listPriceFen, 'list price');
  tiers(p.listTiers, 'list');
  for (const l of p.levelPrices) {
    fen(l.value, `level ${l.levelId} ${l.mode === 'percent' ? 'basis points' : 'price'}`);
    tiers(l.tiers, `level ${l.levelId}`);
  }
  for (const c of p.customerPrices) {
    fen(c.priceFen, 'customer price');
    tiers(c.tiers, 'customer');
  }
  for (const s of p.specialPrices) fen(s.priceFen, 'special price');
}
