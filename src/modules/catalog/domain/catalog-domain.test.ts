import { describe, expect, it } from 'vitest';
import { descendantsOf, wouldCycle } from './category-tree.js';
import { buildSearchText, initialsOf } from './search-text.js';
import { isCombination, specCombinations, specsProblem } from './sku-matrix.js';
import { quantityProblem, unitProblems } from './units.js';

describe('sku matrix', () => {
  const specs = [{ name: '颜色', values: ['黑', '白'] }, { name: '容量', values: ['128G', '256G', '512G'] }];
  it('generates every combination in spec order', () => {
    expect(specCombinations(specs)).toEqual([['黑', '128G'], ['黑', '256G'], ['黑', '512G'], ['白', '128G'], ['白', '256G'], ['白', '512G']]);
  });
  it('gives one empty combination without specs', () => {
    expect(specCombinations([])).toEqual([[]]);
  });
  it('knows a combination from a stranger', () => {
    expect(isCombination(specs, ['白', '512G'])).toBe(true);
    expect(isCombination(specs, ['红', '512G'])).toBe(false);
    expect(isCombination(specs, ['白'])).toBe(false);
  });
  it.each([
    [[{ name: '颜色', values: ['黑', '黑'] }], 'values must differ'],
    [[{ name: '颜色', values: [] }], 'needs at least one value'],
    [[{ name: 'a', values: ['1'] }, { name: 'a', values: ['2'] }], 'names must differ'],
    [[1, 2, 3, 4].map((i) => ({ name: `s${i}`, values: ['x'] })), 'at most 3 specs'],
  ])('refuses %j', (bad, msg) => {
    expect(specsProblem(bad)).toContain(msg);
  });
});

describe('units', () => {
  const u = (name: string, conversion: number, extra = {}) => ({ name, conversion, listPriceFen: 100, minQty: 1, multiple: 1, ...extra });
  it('accepts a bottle with a 12-bottle carton', () => {
    expect(unitProblems('瓶', [u('瓶', 1), u('箱', 12)])).toEqual([]);
  });
  it('needs exactly one base unit named like the SKU base unit', () => {
    expect(unitProblems('瓶', [u('箱', 12)])[0][1]).toContain('exactly one');
    expect(unitProblems('瓶', [u('个', 1)])[0][1]).toContain('base unit 瓶');
  });
  it('refuses duplicate names and conversions', () => {
    expect(unitProblems('瓶', [u('瓶', 1), u('箱', 12), u('箱', 24)]).map((p) => p[0])).toContain('units.2.name');
    expect(unitProblems('瓶', [u('瓶', 1), u('箱', 12), u('件', 12)]).map((p) => p[0])).toContain('units.2.conversion');
  });
  it('checks minimum and multiple of an ordered quantity', () => {
    expect(quantityProblem({ minQty: 6, multiple: 6 }, 3)).toBe('below_min_qty');
    expect(quantityProblem({ minQty: 6, multiple: 6 }, 8)).toBe('not_multiple');
    expect(quantityProblem({ minQty: 6, multiple: 6 }, 12)).toBeNull();
  });
});

describe('search text', () => {
  it('holds the name, codes, full pinyin and initials', () => {
    const text = buildSearchText({ name: '华为手机 Mate60', brand: '华为', codes: ['HW-M60-BK'], barcodes: ['6901234567890'] });
    expect(text).toContain('华为手机 mate60');
    expect(text).toContain('hw-m60-bk');
    expect(text).toContain('6901234567890');
    expect(text).toContain('huaweishouji');
    expect(text).toContain('hwsj');
  });
  it('gives initials of a Chinese name', () => {
    expect(initialsOf('华为手机')).toBe('hwsj');
  });
});

describe('category tree', () => {
  const parents = new Map<string, string | null>([['food', null], ['drinks', 'food'], ['tea', 'drinks'], ['tools', null]]);
  it('refuses to put a category below itself or its descendants', () => {
    expect(wouldCycle(parents, 'food', 'tea')).toBe(true);
    expect(wouldCycle(parents, 'food', 'food')).toBe(true);
    expect(wouldCycle(parents, 'tea', 'tools')).toBe(false);
    expect(wouldCycle(parents, 'tea', null)).toBe(false);
  });
  it('lists a category with all its descendants', () => {
    expect(descendantsOf(parents, 'food').sort()).toEqual(['drinks', 'food', 'tea']);
  });
});
