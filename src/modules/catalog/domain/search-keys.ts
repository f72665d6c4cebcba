import { pinyin } from 'pinyin-pro';
import type { SearchTextInput } from './search-text.js';

/** Longest key kept: the suggest box takes at most 50 characters, and a prefix of a longer key is still found. */
export const MAX_KEY_LENGTH = 64;
/** Syllables of a name's pinyin that get keys of their own (names are short; this bounds a pathological one). */
const MAX_SYLLABLES = 32;

/** Chinese characters (CJK unified ideographs, extensions and compatibility ideographs). */
export const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u;
const WORD_SPLIT = /[\s,，、;；:：/|()（）[\]【】{}<>《》"'“”‘’·•!！?？]+/u;
const words = (text: string | null | undefined) => (text ?? '').toLowerCase().split(WORD_SPLIT).filter(Boolean);

/** Every tail of an array, joined: [a, b, c] → abc, bc, c (the starts of a pinyin string at each syllable). */
const tails = (parts: string[]) => parts.map((_, i) => parts.slice(i).join(''));

/** The word itself, and for Chinese text every tail that starts at a Chinese character or right after one (伊利纯牛奶 → 牛奶…). */
function wordKeys(word: string): string[] {
  const chars = [...word];
  if (!chars.some((c) => CJK.test(c))) return [word];
  return chars.flatMap((c, i) => (i === 0 || CJK.test(c) || CJK.test(chars[i - 1]) ? [chars.slice(i).join('')] : []));
}

/**
 * What autocomplete matches the start of, in lower case: each word of the name, brand, subtitle and category and
 * every tail of their Chinese text (so 牛奶 finds 伊利纯牛奶), the full pinyin and the initials of name and brand from
 * every syllable on (kang, shifu, ksf, sf … for 康师傅), every SKU code and barcode.
 * The same inputs as buildSearchText. Every run of Chinese characters in that text is the start of some key, so a
 * term made only of Chinese characters is in the search text exactly when it starts a key: the search page uses
 * that for such terms, which the trigram index cannot serve (two characters make no trigram).
 */
export function buildSearchKeys(p: SearchTextInput): string[] {
  const keys = new Set<string>();
  const add = (k: string) => { if (k) keys.add([...k].slice(0, MAX_KEY_LENGTH).join('')); };
  const named = [p.brand ?? '', p.name].filter(Boolean);
  for (const w of named.flatMap(words)) wordKeys(w).forEach(add);
  for (const w of [p.subtitle, p.category].flatMap(words)) wordKeys(w).forEach(add);
  for (const c of [...p.codes, ...p.barcodes]) wordKeys(c.toLowerCase()).forEach(add);
  for (const text of named) {
    const chinese = text.replace(/\s+/g, '');
    if (!CJK.test(chinese)) continue;
    const full = pinyin(chinese, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).slice(0, MAX_SYLLABLES).map((s) => s.toLowerCase());
    const initials = pinyin(chinese, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).slice(0, MAX_SYLLABLES).map((s) => s.toLowerCase());
    tails(full).forEach(add);
    tails(initials).filter((k) => k.length > 1).forEach(add);
  }
  return [...keys];
}
