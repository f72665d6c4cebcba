import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchKeys, CJK, MAX_KEY_LENGTH } from './search-keys.js';
import { buildSearchText } from './search-text.js';

const startsAKey = (keys: string[], typed: string) => keys.some((k) => k.startsWith(typed));

describe('buildSearchKeys', () => {
  const ksf = buildSearchKeys({ name: '康师傅 冰红茶 500ml', brand: '康师傅', category: '饮料', codes: ['KSF-BHC-500'], barcodes: ['6920202888883'] });
  const milk = buildSearchKeys({ name: '伊利纯牛奶 250ml×24盒', brand: '伊利', codes: [], barcodes: [] });
  const phone = buildSearchKeys({ name: '华为手机 Mate60 Pro', brand: '华为', codes: ['HW-M60P-BK-512'], barcodes: [] });

  it.each([
    ['a word of the name', ksf, '冰红'], ['the brand', ksf, '康师'], ['Chinese from the middle of a word', milk, '牛奶'],
    ['full pinyin', ksf, 'kangshi'], ['pinyin across the words', ksf, 'kangshifubing'], ['pinyin from a later syllable', ksf, 'binghong'],
    ['initials', phone, 'hwsj'], ['initials from a later syllable', ksf, 'bhc'], ['a Latin word in the name', phone, 'mate6'],
    ['a SKU code, in lower case', phone, 'hw-m60p'], ['a barcode', ksf, '692020'], ['the category', ksf, '饮料'], ['numbers with a unit', ksf, '500m'],
  ])('lets the start of %s find the product', (_, keys, typed) => {
    expect(startsAKey(keys, typed)).toBe(true);
  });

  it('does not match what is not there', () => {
    expect(startsAKey(ksf, '牛奶')).toBe(false);
    expect(startsAKey(phone, 'xiaomi')).toBe(false);
  });

  it('gives distinct, non-empty, lower-case keys of bounded length for any name (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.option(fc.string({ maxLength: 30 })), fc.array(fc.string({ maxLength: 80 }), { maxLength: 4 }), (name, brand, codes) => {
      const keys = buildSearchKeys({ name, brand, codes, barcodes: [] });
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of keys) {
        expect(k.length).toBeGreaterThan(0);
        expect([...k].length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
        expect(k).toBe(k.toLowerCase());
      }
    }), { numRuns: 300 });
  });

  it('starts a key with every run of Chinese characters in the search text, so they can stand in for LIKE (property)', () => {
    const piece = fc.constantFrom('伊利', '纯牛奶', '康师傅', '饮', '料', ' ', '（', '）', 'ml', '250', '×', '-', '·', 'A', '𠀀', '乳品');
    const text = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(fc.property(text, fc.option(text), fc.option(text), fc.option(text), fc.array(text, { maxLength: 2 }), (name, brand, subtitle, category, codes) => {
      const input = { name, brand, subtitle, category, codes, barcodes: [] };
      const keys = buildSearchKeys(input);
      const searchText = buildSearchText(input);
      for (const run of searchText.match(new RegExp(`(?:${CJK.source})+`, 'gu')) ?? []) {
        const chars = [...run];
        for (let i = 0; i < chars.length; i++) for (let j = i + 1; j <= Math.min(chars.length, i + MAX_KEY_LENGTH); j++) {
          expect(startsAKey(keys, chars.slice(i, j).join(''))).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });

  it('keeps a long Chinese name to a bounded number of keys', () => {
    const keys = buildSearchKeys({ name: '超长名称'.repeat(50), codes: [], barcodes: [] });
    expect(keys.length).toBeLessThan(400);
  });
});
