import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkShipment, defaultLines, fulfilmentOf, sumBySku, uncovered, type ShipmentQty } from './shipment-plan.js';

const m = (o: Record<string, number>) => new Map(Object.entries(o));
const ship = (status: ShipmentQty['status'], warehouseId: string, lines: Record<string, number>): ShipmentQty =>
  ({ status, warehouseId, lines: Object.entries(lines).map(([skuId, qty]) => ({ skuId, qty })) });

describe('shipment plan', () => {
  it('counts what no live shipment covers; a cancelled one gives its lines back', () => {
    const list = [ship('shipped', 'W1', { a: 3 }), ship('picking', 'W2', { a: 2, b: 1 }), ship('cancelled', 'W1', { b: 4 })];
    expect(uncovered(m({ a: 6, b: 4 }), list)).toEqual(m({ a: 1, b: 3 }));
  });

  it('defaults a warehouse shipment to its reservation not yet in an open shipment', () => {
    expect(defaultLines(m({ b: 5, a: 4 }), m({ a: 4, b: 1 }), m({ a: 0, b: 4 }))).toEqual([{ skuId: 'b', qty: 4 }]);
  });

  it('refuses a line beyond the order, one not in it, and one beyond reserved plus free stock', () => {
    const p = { left: m({ a: 5, b: 2 }), reservedHere: m({ a: 3 }), openHere: m({}), freeHere: m({ a: 1 }), tracked: true };
    expect(checkShipment([{ skuId: 'a', qty: 4 }], p)).toEqual({ problems: [], toReserve: [{ skuId: 'a', qty: 1 }] });
    expect(checkShipment([{ skuId: 'a', qty: 5 }], p).problems).toEqual([{ index: 0, skuId: 'a', code: 'insufficient_stock', reservedFree: 3, free: 1 }]);
    expect(checkShipment([{ skuId: 'b', qty: 3 }], p).problems).toEqual([{ index: 0, skuId: 'b', code: 'exceeds_ordered', left: 2 }]);
    expect(checkShipment([{ skuId: 'z', qty: 1 }], p).problems[0].code).toBe('not_in_order');
    // The same SKU twice counts together.
    expect(checkShipment([{ skuId: 'b', qty: 2 }, { skuId: 'b', qty: 1 }], { ...p, freeHere: m({ b: 9 }) }).problems).toEqual([{ index: 1, skuId: 'b', code: 'exceeds_ordered', left: 0 }]);
  });

  it('names the fulfilment status after the shipments', () => {
    const ordered = m({ a: 4 });
    expect(fulfilmentOf(ordered, [])).toBe('unfulfilled');
    expect(fulfilmentOf(ordered, [ship('picking', 'W1', { a: 4 })])).toBe('partially_picked');
    expect(fulfilmentOf(ordered, [ship('packed', 'W1', { a: 4 })])).toBe('picked');
    expect(fulfilmentOf(ordered, [ship('shipped', 'W1', { a: 1 }), ship('picking', 'W2', { a: 3 })])).toBe('partially_shipped');
    expect(fulfilmentOf(ordered, [ship('shipped', 'W1', { a: 1 }), ship('delivered', 'W2', { a: 3 })])).toBe('shipped');
    expect(fulfilmentOf(ordered, [ship('delivered', 'W1', { a: 1 }), ship('delivered', 'W2', { a: 3 })])).toBe('delivered');
  });

  it('never lets the shipments of an order exceed what was ordered (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ sku: fc.constantFrom('a', 'b', 'c'), qty: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.record({ sku: fc.constantFrom('a', 'b', 'c', 'd'), qty: fc.integer({ min: 1, max: 30 }) }), { maxLength: 12 }),
      (orderLines, attempts) => {
        const ordered = sumBySku(orderLines.map((l) => ({ skuId: l.sku, qty: l.qty })));
        const list: ShipmentQty[] = [];
        for (const a of attempts) {
          const want = [{ skuId: a.sku, qty: a.qty }];
          const res = checkShipment(want, { left: uncovered(ordered, list), reservedHere: ordered, openHere: new Map(), freeHere: new Map(), tracked: false });
          if (!res.problems.length) list.push({ status: 'shipped', warehouseId: 'W', lines: want });
        }
        const shipped = sumBySku(list.flatMap((s) => s.lines));
        for (const [sku, q] of shipped) expect(q).toBeLessThanOrEqual(ordered.get(sku) ?? 0);
      },
    ));
  });
});
