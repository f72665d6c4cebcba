import { rng } from './generate.mjs';
import { PREFIXES, SEARCH_WORDS } from './words.mjs';

const q = (params) => new URLSearchParams(params).toString();

/** A weighted mix: [[weight, kind, () => path]] → next() giving { kind, path }. */
function mix(entries, seed) {
  const r = rng(seed);
  const total = entries.reduce((s, [w]) => s + w, 0);
  return () => {
    let x = r() * total;
    for (const [w, kind, path] of entries) if ((x -= w) < 0) return { kind, path: path(r) };
    const [, kind, path] = entries[entries.length - 1];
    return { kind, path: path(r) };
  };
}

const SEARCH = '/api/v1/mall/products';

/**
 * Mall search as shoppers use it: typed words (Chinese, pinyin, initials), a SKU code read off a shelf label,
 * browsing a brand or a category, sorting by their own price, and the default page (best sellers).
 */
export const searchKinds = (refs) => [
  [25, 'q_chinese', (r) => `${SEARCH}?${q({ q: r.pick(SEARCH_WORDS.chinese) })}`],
  [20, 'q_pinyin', (r) => `${SEARCH}?${q({ q: r.pick(SEARCH_WORDS.pinyin) })}`],
  [10, 'q_sku_code', (r) => `${SEARCH}?${q({ q: r.pick(refs.skuCodes) })}`],
  [15, 'brand', (r) => `${SEARCH}?${q({ brandId: r.pick(refs.brandIds) })}`],
  [15, 'category', (r) => `${SEARCH}?${q({ categoryId: r() < 0.3 ? r.pick(refs.topIds) : r.pick(refs.leafIds) })}`],
  [5, 'price_sort_category', (r) => `${SEARCH}?${q({ categoryId: r.pick(refs.leafIds), sort: 'price_asc' })}`],
  [5, 'price_sort_q', (r) => `${SEARCH}?${q({ q: r.pick(SEARCH_WORDS.chinese), sort: 'price_desc' })}`],
  [5, 'browse', () => SEARCH],
];
export const searchMix = (refs) => mix(searchKinds(refs), 1);

/** Autocomplete while typing: short prefixes, one to four characters. */
const suggestKind = [1, 'suggest', (r) => `/api/v1/mall/suggest?${q({ q: r.pick(PREFIXES) })}`];
export const suggestMix = () => mix([suggestKind], 2);

/** Product pages of random products on the shelf. */
const productKind = (refs) => [1, 'product', (r) => `/api/v1/mall/products/${r.pick(refs.productIds)}`];
export const productMix = (refs) => mix([productKind(refs)], 3);

/** Every kind of request once per sample, for the one-at-a-time latencies: [kind, () => path]. */
export function soloKinds(refs) {
  const r = rng(5);
  return [...searchKinds(refs), suggestKind, productKind(refs)].map(([, kind, path]) => [kind, () => path(r)]);
}

/** Reference, no target: the cheapest logged-in mall GET (session check + one tiny query), the floor under the others. */
export function floorMix() {
  return mix([[1, 'categories', () => '/api/v1/mall/categories']], 4);
}
