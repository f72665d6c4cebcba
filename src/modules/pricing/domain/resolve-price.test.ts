import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePrice, type PriceCustomer, type PriceSource, type SkuUnitPricing, type Tier } from './resolve-price.js';
import { validateTiers } from './tiers.js';

const day = 86_400_000;
const t0 = Date.UTC(2026, 10, 1);
const d = (days: number) => new Date(t0 + days * day);
const at = d(5);

const snap = (over: Partial<SkuUnitPricing> = {}): SkuUnitPricing => ({
  listPriceFen: 1000, listTiers: [], levelPrices: [], customerPrices: [], specialPrices: [], ...over,
});
const gold: PriceCustomer = { id: 'c1', levelId: 'gold' };
const noLevel: PriceCustomer = { id: 'c2', levelId: null };
const special = (priceFen: number, levelIds: string[] = [], from = 0, to = 10) => ({ priceFen, startsAt: d(from), endsAt: d(to), levelIds });
const goldLevel = (value: number, mode: 'price' | 'percent' = 'price', tiers: Tier[] = []) => ({ levelId: 'gold', mode, value, tiers });
/** c1 has 一客一价 700 fen with the given tiers. */
const c1At700 = (tiers: Tier[], over: Partial<SkuUnitPricing> = {}) =>
  snap({ customerPrices: [{ customerId: 'c1', priceFen: 700, tiers }], ...over });
const everything = snap({
  listTiers: [{ minQty: 10, priceFen: 400 }],
  levelPrices: [goldLevel(800)],
  customerPrices: [{ customerId: 'c1', priceFen: 1200, tiers: [] }],
  specialPrices: [special(500)],
});

type Case = { name: string; p: SkuUnitPricing; qty?: number; who: PriceCustomer | null; when?: Date; price: number; source: PriceSource; tier?: number };
const cases: Case[] = [
  // (1) customer price
  { name: 'a customer price wins over special, level and list, even above list',
    p: everything, who: gold, price: 1200, source: 'customer' },
  { name: "another customer's price does not apply",
    p: everything, who: { id: 'c9', levelId: 'gold' }, price: 500, source: 'special' },
  { name: 'a customer tier applies at exactly its minQty',
    p: c1At700([{ minQty: 10, priceFen: 650 }]), qty: 10, who: gold, price: 650, source: 'customer', tier: 10 },
  { name: 'a customer tier does not apply one below its minQty',
    p: c1At700([{ minQty: 10, priceFen: 650 }]), qty: 9, who: gold, price: 700, source: 'customer' },
  { name: 'a tier priced above the base price is ignored',
    p: c1At700([{ minQty: 10, priceFen: 750 }]), qty: 10, who: gold, price: 700, source: 'customer' },
  { name: 'list tiers do not apply to a customer price',
    p: c1At700([], { listTiers: [{ minQty: 2, priceFen: 100 }] }), qty: 5, who: gold, price: 700, source: 'customer' },
  // (2) special price
  { name: 'a special price applies at exactly startsAt',
    p: snap({ specialPrices: [special(500, [], 5, 6)] }), who: gold, price: 500, source: 'special' },
  { name: 'a special price does not apply at exactly endsAt',
    p: snap({ specialPrices: [special(500, [], 4, 5)] }), who: gold, price: 1000, source: 'list' },
  { name: 'a special price does not apply before startsAt',
    p: snap({ specialPrices: [special(500, [], 6, 9)] }), who: gold, price: 1000, source: 'list' },
  { name: 'a special price applies one millisecond before endsAt',
    p: snap({ specialPrices: [special(500, [], 4, 5)] }), when: new Date(d(5).getTime() - 1), who: gold, price: 500, source: 'special' },
  { name: 'the lowest of several valid special prices wins',
    p: snap({ specialPrices: [special(600), special(450, ['gold']), special(300, [], 6, 9)] }), who: gold, price: 450, source: 'special' },
  { name: 'a special price for another level does not apply',
    p: snap({ levelPrices: [goldLevel(800)], specialPrices: [special(500, ['silver'])] }), who: gold, price: 800, source: 'level' },
  { name: 'a special price for every level applies to a guest',
    p: snap({ specialPrices: [special(500)] }), who: null, price: 500, source: 'special' },
  { name: 'a special price limited to levels does not apply to a guest',
    p: snap({ specialPrices: [special(500, ['gold'])] }), who: null, price: 1000, source: 'list' },
  { name: 'a special price limited to levels does not apply to a customer without level',
    p: snap({ specialPrices: [special(500, ['gold'])] }), who: noLevel, price: 1000, source: 'list' },
  { name: 'a special price wins over the level price even when higher',
    p: snap({ levelPrices: [goldLevel(800)], specialPrices: [special(900)] }), who: gold, price: 900, source: 'special' },
  { name: 'a special price has no quantity tiers',
    p: snap({ listTiers: [{ minQty: 10, priceFen: 400 }], specialPrices: [special(900)] }), qty: 100, who: gold, price: 900, source: 'special' },
  // (3) level price
  { name: 'a fixed level price applies',
    p: snap({ levelPrices: [goldLevel(850)] }), who: gold, price: 850, source: 'level' },
  { name: 'a percent level price takes basis points of list',
    p: snap({ levelPrices: [goldLevel(9000, 'percent')] }), who: gold, price: 900, source: 'level' },
  { name: 'a percent level price rounds a half fen up',
    p: snap({ listPriceFen: 1001, levelPrices: [goldLevel(5000, 'percent')] }), who: gold, price: 501, source: 'level' },
  { name: 'a percent level price rounds below a half fen down',
    p: snap({ listPriceFen: 1, levelPrices: [goldLevel(4999, 'percent')] }), who: gold, price: 0, source: 'level' },
  { name: 'a level tier applies from its minQty',
    p: snap({ levelPrices: [goldLevel(850, 'price', [{ minQty: 10, priceFen: 800 }])] }), qty: 12, who: gold, price: 800, source: 'level', tier: 10 },
  { name: 'list tiers do not apply to a level price',
    p: snap({ listTiers: [{ minQty: 10, priceFen: 400 }], levelPrices: [goldLevel(850)] }), qty: 50, who: gold, price: 850, source: 'level' },
  { name: 'a level without an entry falls back to the list price',
    p: snap({ levelPrices: [{ ...goldLevel(800), levelId: 'silver' }] }), who: gold, price: 1000, source: 'list' },
  // (4) list price
  { name: 'a guest pays the list price',
    p: snap({ levelPrices: [goldLevel(800)] }), who: null, price: 1000, source: 'list' },
  { name: 'the list tier with the greatest minQty not above qty applies',
    p: snap({ listTiers: [{ minQty: 50, priceFen: 800 }, { minQty: 10, priceFen: 900 }] }), qty: 60, who: null, price: 800, source: 'list', tier: 50 },
  { name: 'a list tier between two minQty uses the lower one',
    p: snap({ listTiers: [{ minQty: 50, priceFen: 800 }, { minQty: 10, priceFen: 900 }] }), qty: 49, who: null, price: 900, source: 'list', tier: 10 },
  { name: 'one unit pays the plain list price',
    p: snap({ listTiers: [{ minQty: 2, priceFen: 900 }] }), qty: 1, who: null, price: 1000, source: 'list' },
];

describe('resolvePrice precedence', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = resolvePrice(c.p, c.qty ?? 1, c.who, c.when ?? at);
      expect(r).toMatchObject({ unitPriceFen: c.price, source: c.source, tierMinQty: c.tier ?? null, listPriceFen: c.p.listPriceFen });
    });
  }

  it('explains which rule won in the reason', () => {
    const p = c1At700([{ minQty: 10, priceFen: 650 }]);
    expect(resolvePrice(p, 10, gold, at).reason).toBe('customer price 一客一价, tier ≥ 10');
    expect(resolvePrice(snap({ levelPrices: [goldLevel(9000, 'percent')] }), 1, gold, at).reason).toBe('level price 等级价 of level gold (90 % of list)');
    expect(resolvePrice(snap(), 1, null, at).reason).toBe('list price 市场价 (guest)');
  });

  it('throws a RangeError for a quantity that is not a positive integer', () => {
    for (const qty of [0, -1, 1.5, Number.NaN, Infinity]) expect(() => resolvePrice(snap(), qty, null, at)).toThrow(RangeError);
  });

  it('throws a RangeError for a negative or fractional price anywhere in the snapshot', () => {
    const bad: SkuUnitPricing[] = [
      snap({ listPriceFen: -1 }),
      snap({ listPriceFen: 99.5 }),
      snap({ listTiers: [{ minQty: 10, priceFen: -5 }] }),
      snap({ levelPrices: [goldLevel(-1)] }),
      snap({ levelPrices: [goldLevel(-9000, 'percent')] }),
      snap({ customerPrices: [{ customerId: 'c9', priceFen: -1, tiers: [] }] }),
      snap({ specialPrices: [special(-1)] }),
    ];
    for (const p of bad) expect(() => resolvePrice(p, 1, gold, at)).toThrow(RangeError);
  });
});

// ---- property tests ----------------------------------------------------------------------------------------------

const levels = ['gold', 'silver', 'bronze'];
const customerIds = ['c1', 'c2', 'c3'];
/** Valid tier lists (pass validateTiers) with prices in [0, max]. */
const validTiers = (max: number) =>
  fc
    .tuple(fc.uniqueArray(fc.integer({ min: 2, max: 200 }), { maxLength: 4 }), fc.array(fc.nat(max), { minLength: 4, maxLength: 4 }))
    .map(([qtys, prices]) => {
      const desc = [...prices].sort((a, b) => b - a);
      return [...qtys].sort((a, b) => a - b).map((minQty, i) => ({ minQty, priceFen: desc[i] }));
    });
/** Snapshots whose every configured amount lies in [0, max] (percent ≤ 100 %), so nothing exceeds the list price when max = list. */
const snapshot = (list: fc.Arbitrary<number>, capAtList: boolean) =>
  list.chain((listPriceFen) => {
    const max = capAtList ? listPriceFen : 2_000_000;
    return fc.record({
      listPriceFen: fc.constant(listPriceFen),
      listTiers: validTiers(max),
      levelPrices: fc.uniqueArray(
        fc.record({
          levelId: fc.constantFrom(...levels),
          mode: fc.constantFrom('price' as const, 'percent' as const),
          value: fc.nat(max),
          tiers: validTiers(max),
        }).map((l) => (l.mode === 'percent' ? { ...l, value: l.value % 10_001 } : l)),
        { selector: (l) => l.levelId },
      ),
      customerPrices: fc.uniqueArray(
        fc.record({ customerId: fc.constantFrom(...customerIds), priceFen: fc.nat(max), tiers: validTiers(max) }),
        { selector: (c) => c.customerId },
      ),
      specialPrices: fc.array(
        fc.record({
          priceFen: fc.nat(max),
          startsAt: fc.integer({ min: 0, max: 10 }).map(d),
          endsAt: fc.integer({ min: 0, max: 10 }).map(d),
          levelIds: fc.subarray(levels),
        }),
        { maxLength: 3 },
      ),
    });
  });
const anySnapshot = snapshot(fc.nat(2_000_000), false);
const customer = fc.option(fc.record({ id: fc.constantFrom(...customerIds, 'c-none'), levelId: fc.option(fc.constantFrom(...levels, 'unpriced')) }));
const when = fc.integer({ min: -1, max: 11 }).map(d);
const qty = fc.integer({ min: 1, max: 300 });
const runs = { numRuns: 300 };

describe('resolvePrice properties', () => {
  it('always returns a non-negative integer price', () => {
    fc.assert(
      fc.property(anySnapshot, qty, customer, when, (p, q, c, w) => {
        const { unitPriceFen } = resolvePrice(p, q, c, w);
        expect(Number.isSafeInteger(unitPriceFen) && unitPriceFen >= 0).toBe(true);
      }),
      runs,
    );
  });

  it("always lets the customer's own price win", () => {
    const mine = fc.record({ priceFen: fc.nat(2_000_000), tiers: validTiers(2_000_000) });
    fc.assert(
      fc.property(anySnapshot, qty, fc.constantFrom(...customerIds), fc.option(fc.constantFrom(...levels)), mine, when, (p, q, id, levelId, own, w) => {
        const withMine = { ...p, customerPrices: [{ customerId: id, ...own }, ...p.customerPrices.filter((c) => c.customerId !== id)] };
        const r = resolvePrice(withMine, q, { id, levelId }, w);
        expect(r.source).toBe('customer');
        expect(r.unitPriceFen).toBeLessThanOrEqual(own.priceFen);
      }),
      runs,
    );
  });

  it('never charges above the list price when every configured price is at most the list price', () => {
    fc.assert(
      fc.property(snapshot(fc.nat(2_000_000), true), qty, customer, when, (p, q, c, w) => {
        expect(resolvePrice(p, q, c, w).unitPriceFen).toBeLessThanOrEqual(p.listPriceFen);
      }),
      runs,
    );
  });

  it('never charges more per unit for a larger quantity when tiers are valid', () => {
    fc.assert(
      fc.property(anySnapshot, qty, qty, customer, when, (p, a, b, c, w) => {
        const all = [p.listTiers, ...p.levelPrices.map((l) => l.tiers), ...p.customerPrices.map((x) => x.tiers)];
        expect(all.every((ts) => validateTiers(ts) === null)).toBe(true);
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(resolvePrice(p, large, c, w).unitPriceFen).toBeLessThanOrEqual(resolvePrice(p, small, c, w).unitPriceFen);
      }),
      runs,
    );
  });

  it('is deterministic and leaves its input untouched', () => {
    fc.assert(
      fc.property(anySnapshot, qty, customer, when, (p, q, c, w) => {
        const before = structuredClone(p);
        const first = resolvePrice(p, q, c, w);
        expect(resolvePrice(structuredClone(p), q, c, new Date(w.getTime()))).toEqual(first);
        expect(p).toEqual(before);
      }),
      runs,
    );
  });
});
