import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type Availability, type WarehouseInfo } from './allocate.js';

const avail = (rows: Record<string, Record<string, number>>): Availability => new Map(Object.entries(rows).map(([w, m]) => [w, new Map(Object.entries(m))]));
const W = (id: string, priority = 100, servesRegion = false): WarehouseInfo => ({ id, priority, servesRegion });

describe('allocation', () => {
  it('ships from the warehouse serving the region when it can fill the whole order', () => {
    const r = allocate([W('sh', 1), W('gz', 2, true)], [{ skuId: 'a', qty: 5 }, { skuId: 'b', qty: 1 }], avail({ sh: { a: 100, b: 100 }, gz: { a: 5, b: 1 } }));
    expect(r).toEqual({ allocations: [{ warehouseId: 'gz', skuId: 'a', qty: 5 }, { warehouseId: 'gz', skuId: 'b', qty: 1 }], shortfall: [] });
  });
  it('prefers one parcel from a lower-ranked warehouse over splitting', () => {
    const r = allocate([W('sh', 1), W('gz', 2)], [{ skuId: 'a', qty: 5 }, { skuId: 'b', qty: 5 }], avail({ sh: { a: 5, b: 1 }, gz: { a: 5, b: 5 } }));
    expect(r.allocations.map((x) => x.warehouseId)).toEqual(['gz', 'gz']);
  });
  it('splits across warehouses when none can fill it, and reports the shortfall', () => {
    const r = allocate([W('sh', 1), W('gz', 2)], [{ skuId: 'a', qty: 8 }, { skuId: 'a', qty: 4 }], avail({ sh: { a: 5 }, gz: { a: 4 } }));
    expect(r).toEqual({ allocations: [{ warehouseId: 'sh', skuId: 'a', qty: 5 }, { warehouseId: 'gz', skuId: 'a', qty: 4 }], shortfall: [{ skuId: 'a', qty: 3 }] });
  });

  const arb = fc.record({
    warehouses: fc.uniqueArray(fc.record({ id: fc.constantFrom('w1', 'w2', 'w3', 'w4'), priority: fc.integer({ min: 0, max: 3 }), servesRegion: fc.boolean() }), { selector: (w) => w.id, minLength: 1 }),
    needs: fc.array(fc.record({ skuId: fc.constantFrom('a', 'b', 'c'), qty: fc.integer({ min: 0, max: 20 }) }), { maxLength: 6 }),
    stock: fc.dictionary(fc.constantFrom('w1', 'w2', 'w3', 'w4'), fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: -3, max: 15 }))),
  });

  it('never takes more than a warehouse has, and allocated + shortfall = ordered, per SKU', () => {
    fc.assert(fc.property(arb, ({ warehouses, needs, stock }) => {
      const a = avail(stock);
      const r = allocate(warehouses, needs, a);
      const taken = new Map<string, number>();
      for (const x of r.allocations) {
        expect(x.qty).toBeGreaterThan(0);
        expect(warehouses.some((w) => w.id === x.warehouseId)).toBe(true);
        const k = `${x.warehouseId}/${x.skuId}`;
        taken.set(k, (taken.get(k) ?? 0) + x.qty);
      }
      for (const [k, q] of taken) { const [w, s] = k.split('/'); expect(q).toBeLessThanOrEqual(Math.max(0, a.get(w)?.get(s) ?? 0)); }
      for (const sku of ['a', 'b', 'c']) {
        const want = needs.filter((n) => n.skuId === sku).reduce((s, n) => s + n.qty, 0);
        const got = r.allocations.filter((x) => x.skuId === sku).reduce((s, x) => s + x.qty, 0) + r.shortfall.filter((x) => x.skuId === sku).reduce((s, x) => s + x.qty, 0);
        expect(got).toBe(want);
        const total = warehouses.reduce((s, w) => s + Math.max(0, a.get(w.id)?.get(sku) ?? 0), 0);
        if (r.shortfall.some((x) => x.skuId === sku)) expect(total).toBeLessThan(want);
      }
    }));
  });

  it('uses a single warehouse whenever one can fill the whole order', () => {
    fc.assert(fc.property(arb, ({ warehouses, needs, stock }) => {
      const a = avail(stock);
      const canOne = warehouses.some((w) => needs.every((n) => (a.get(w.id)?.get(n.skuId) ?? 0) >= needs.filter((m) => m.skuId === n.skuId).reduce((s, m) => s + m.qty, 0)));
      const r = allocate(warehouses, needs, a);
      if (canOne) expect(new Set(r.allocations.map((x) => x.warehouseId)).size).toBeLessThanOrEqual(1);
    }));
  });
});
