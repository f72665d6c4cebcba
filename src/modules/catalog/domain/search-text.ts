import { pinyin } from 'pinyin-pro';

/**
 * What product search matches against: names and codes in lower case, plus the full pinyin and the pinyin
 * initials of the Chinese text, so `huawei`, `hw` and `hwsj` all find 华为手机.
 */
/** The product's words and codes that search and autocomplete look at. */
export interface SearchTextInput { name: string; subtitle?: string | null; brand?: string | null; category?: string | null; codes: string[]; barcodes: string[] }

export function buildSearchText(p: SearchTextInput): string {
  const words = [p.name, p.subtitle ?? '', p.brand ?? '', p.category ?? ''].filter(Boolean);
  const chinese = words.join(' ');
  const full = pinyin(chinese, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  const initials = pinyin(chinese, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
  return [...words, ...p.codes, ...p.barcodes, full, initials].join(' ').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The pinyin initials of one name (华为手机 → hwsj), for autocomplete display. */
export const initialsOf = (name: string) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('').toLowerCase();
