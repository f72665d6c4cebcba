import { describe, expect, it } from 'vitest';
import { lineProblems, priceChange, visibleFor, type LineFacts } from './line-checks.js';
import { matchRow, rowsFromSheet, type UnitMatch } from './quick-rows.js';

const ok: LineFacts = { onShelf: true, visible: true, skuEnabled: true, unitEnabled: true, minQty: 6, multiple: 3 };

describe('cart line checks', () => {
  it('flags each broken rule with a code', () => {
    expect(lineProblems(ok, 6)).toEqual([]);
    expect(lineProblems(ok, 3).map((p) => p.code)).toEqual(['below_minimum']);
    expect(lineProblems(ok, 7).map((p) => p.code)).toEqual(['not_multiple']);
    expect(lineProblems({ ...ok, onShelf: false }, 6).map((p) => p.code)).toEqual(['off_shelf']);
    expect(lineProblems({ ...ok, visible: false, onShelf: false }, 6).map((p) => p.code)).toEqual(['not_visible']);
    expect(lineProblems({ ...ok, unitEnabled: false }, 6).map((p) => p.code)).toEqual(['unit_disabled']);
    expect(lineProblems(ok, 4).every((p) => p.blocking)).toBe(true);
    expect(lineProblems(ok, 4).map((p) => p.data)).toEqual([{ minQty: 6 }, { multiple: 3 }]);
  });
  it('reports a price change as not blocking', () => {
    expect(priceChange(100, 100)).toBeNull();
    expect(priceChange(100, 120)).toMatchObject({ code: 'price_changed', blocking: false });
  });
  it('shows a product to the listed customer types and levels only', () => {
    expect(visibleFor({ visibleTypes: [], visibleLevelIds: [] }, { type: 'consumer', levelId: null })).toBe(true);
    expect(visibleFor({ visibleTypes: ['dealer'], visibleLevelIds: [] }, { type: 'retailer', levelId: null })).toBe(false);
    expect(visibleFor({ visibleTypes: [], visibleLevelIds: ['gold'] }, { type: 'dealer', levelId: 'gold' })).toBe(true);
    expect(visibleFor({ visibleTypes: [], visibleLevelIds: ['gold'] }, { type: 'dealer', levelId: null })).toBe(false);
  });
});

describe('quick-order rows', () => {
  const units: UnitMatch[] = [
    { skuUnitId: 'u1', unitName: '瓶', conversion: 1, unitBarcode: null, skuCode: 'NFSQ-550', barcode: '6921168509256' },
    { skuUnitId: 'u2', unitName: '箱', conversion: 24, unitBarcode: '16921168509253', skuCode: 'NFSQ-550', barcode: '6921168509256' },
  ];
  it('matches a SKU code (any case), a SKU barcode or a unit barcode, and picks the unit', () => {
    expect(matchRow({ row: 1, code: 'nfsq-550', qty: 1 }, units)).toEqual({ ok: true, skuUnitId: 'u1' });
    expect(matchRow({ row: 1, code: '6921168509256', unit: '箱', qty: 1 }, units)).toEqual({ ok: true, skuUnitId: 'u2' });
    expect(matchRow({ row: 1, code: '16921168509253', qty: 1 }, units)).toEqual({ ok: true, skuUnitId: 'u2' });
    expect(matchRow({ row: 1, code: 'X', qty: 1 }, units)).toMatchObject({ ok: false, code: 'code_not_found' });
    expect(matchRow({ row: 1, code: 'NFSQ-550', unit: '托', qty: 1 }, units)).toMatchObject({ ok: false, code: 'unit_not_found' });
    expect(matchRow({ row: 1, code: 'NFSQ-550', qty: 1.5 }, units)).toMatchObject({ ok: false, code: 'invalid_quantity' });
  });
  it('reads sheets with Chinese or English headers, or none', () => {
    expect(rowsFromSheet(['数量', 'SKU编码', '单位'], [{ row: 2, cells: ['3', 'A', '箱'] }])).toEqual([{ row: 2, code: 'A', unit: '箱', qty: 3 }]);
    expect(rowsFromSheet(['A', '瓶', '2'], [{ row: 2, cells: ['B', '', '5'] }])).toEqual([{ row: 1, code: 'A', unit: '瓶', qty: 2 }, { row: 2, code: 'B', unit: undefined, qty: 5 }]);
  });
});
