import { describe, expect, it } from 'vitest';
import { crossings, levelLowMark, suggestedQty, thresholdProblem } from './stock-thresholds.js';

describe('stock thresholds', () => {
  it.each([
    [{ safetyStock: 0, lowStockQty: null }, null],
    [{ safetyStock: 5, lowStockQty: null }, 5],
    [{ safetyStock: 5, lowStockQty: 8 }, 8],
    [{ safetyStock: 5, lowStockQty: 0 }, 0],
  ])('the low mark of %o is %s', (level, mark) => expect(levelLowMark(level)).toBe(mark));

  it.each([
    // after, delta, marks, crossed
    [{ onHand: 10, reserved: 5 }, { onHand: 0, reserved: 2 }, { low: 5, over: null }, ['low']],
    [{ onHand: 10, reserved: 4 }, { onHand: 0, reserved: 2 }, { low: 5, over: null }, []],
    [{ onHand: 10, reserved: 6 }, { onHand: 0, reserved: 1 }, { low: 5, over: null }, []], // already low before
    [{ onHand: 3, reserved: 0 }, { onHand: -4, reserved: 0 }, { low: 5, over: 20 }, ['low']],
    [{ onHand: 21, reserved: 0 }, { onHand: 5, reserved: 0 }, { low: 5, over: 20 }, ['over']],
    [{ onHand: 20, reserved: 0 }, { onHand: 5, reserved: 0 }, { low: 5, over: 20 }, []], // at the mark is not above it
    [{ onHand: 30, reserved: 0 }, { onHand: 5, reserved: 0 }, { low: null, over: 20 }, []], // already over before
    [{ onHand: 0, reserved: 0 }, { onHand: -1, reserved: 0 }, { low: 0, over: null }, ['low']], // low mark 0: sold out
    [{ onHand: 0, reserved: 0 }, { onHand: -1, reserved: 0 }, { low: null, over: null }, []],
  ])('after %o by %o with marks %o crosses %o', (after, delta, marks, crossed) => expect(crossings(after, delta, marks)).toEqual(crossed));

  it.each([
    [{ sold: 7, onHand: 12, reserved: 7, safetyStock: 5, low: 5, over: null }, 7], // the replenishment list's rule
    [{ sold: 0, onHand: 2, reserved: 0, safetyStock: 0, low: 10, over: null }, 8],
    [{ sold: 7, onHand: 12, reserved: 7, safetyStock: 5, low: 3, over: null }, 7], // never below the safety stock
    [{ sold: 100, onHand: 12, reserved: 7, safetyStock: 5, low: 5, over: 50 }, 38], // capped by the overstock mark
    [{ sold: 0, onHand: 60, reserved: 58, safetyStock: 5, low: 5, over: 50 }, 0],
  ])('suggests buying for %o: %s', (s, qty) => expect(suggestedQty(s)).toBe(qty));

  it.each([
    [{ lowStockQty: 5, overstockQty: 6 }, null],
    [{ lowStockQty: 5, overstockQty: 5 }, 'body.overstockQty'],
    [{ lowStockQty: null, overstockQty: 0 }, null],
    [{ safetyStock: 10, lowStockQty: null, overstockQty: 10 }, 'body.overstockQty'],
    [{ safetyStock: 10, lowStockQty: 2, overstockQty: 5 }, null],
    [{ safetyStock: 10, lowStockQty: null, overstockQty: null }, null],
  ])('thresholds %o are refused at %s', (t, path) => expect(thresholdProblem(t)?.path ?? null).toBe(path));
});
