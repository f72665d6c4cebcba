import { describe, expect, it } from 'vitest';
import { parseSheet, parseSpecs, yuanToFen, type SheetRow } from './import-sheet.js';

const row = (n: number, values: SheetRow['values'], levelPrices: Record<string, string> = {}): SheetRow => ({ row: n, values, levelPrices });
const base = { name: '可口可乐 330ml', code: 'KO-330', baseUnit: '罐', unit: '罐', conversion: '1', listPrice: '3.5' };

describe('amounts in yuan', () => {
  it.each([['12', 1200], ['12.5', 1250], ['1,299.00', 129900], ['¥0.01', 1], ['0', 0]])('%s yuan is %i fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });
  it.each(['-1', '1.234', 'abc', '', '1e5'])('refuses %j', (text) => {
    expect(yuanToFen(text)).toBeNull();
  });
});

describe('spec text', () => {
  it('reads name:value pairs with ASCII or full-width separators', () => {
    expect(parseSpecs('颜色：黑色；容量:256G')).toEqual([['颜色', '黑色'], ['容量', '256G']]);
    expect(parseSpecs('颜色')).toBeNull();
  });
});

describe('product sheet', () => {
  it('groups unit rows into SKUs and SKUs into products, with level prices', () => {
    const { products, errors } = parseSheet([
      row(2, { ...base, specs: '口味:原味' }, { 金牌: '3.2' }),
      row(3, { ...base, specs: '口味:原味', unit: '箱', conversion: '24', listPrice: '80' }, { 金牌: '76' }),
      row(4, { ...base, code: 'KO-330-Z', specs: '口味:零度' }),
    ]);
    expect(errors).toEqual([]);
    expect(products).toHaveLength(1);
    expect(products[0].specs).toEqual([{ name: '口味', values: ['原味', '零度'] }]);
    expect(products[0].skus.map((s) => [s.code, s.units.map((u) => [u.name, u.conversion, u.listPriceFen, u.levelPricesFen])])).toEqual([
      ['KO-330', [['罐', 1, 350, { 金牌: 320 }], ['箱', 24, 8000, { 金牌: 7600 }]]],
      ['KO-330-Z', [['罐', 1, 350, {}]]],
    ]);
    expect(products[0].rows).toEqual([2, 3, 4]);
  });

  it('reports every bad cell with its row and column', () => {
    const { errors } = parseSheet([
      row(2, { ...base, listPrice: '3.555' }),
      row(3, { ...base, code: '', conversion: '0' }),
      row(4, { ...base, name: '另一个商品' }),
      row(5, { ...base, code: 'KO-9', conversion: 'x', minQty: '-2', specs: '坏' }),
    ]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '市场价'], [3, 'SKU编码'], [5, '换算'], [5, '起订量'], [5, '规格'],
    ]);
  });

  it('refuses a SKU code shared by two products', () => {
    const { errors } = parseSheet([row(2, base), row(3, { ...base, name: '别的商品' })]);
    expect(errors).toEqual([expect.objectContaining({ row: 3, column: 'SKU编码' })]);
  });
});
