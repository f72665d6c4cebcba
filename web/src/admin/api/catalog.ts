import { API_BASE, api, type Query } from '../../shared/api/client';
import { ApiError, toApiError } from '../../shared/api/api-error';
import { csrfToken } from '../../shared/api/csrf';
import type { CustomerType, Page } from '../../shared/api/types';
import { useList } from '../../shared/hooks/use-list';

/** Console-only shapes of docs/api.md "Catalog (console)" and "Prices (console)". Money is integer fen. */

export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  icon: string | null;
  sort: number;
  version: number;
  productCount: number;
}

export interface Brand {
  id: string;
  name: string;
  logo: string | null;
  sort: number;
  productCount: number;
}

export interface Tag {
  id: string;
  name: string;
  color: string | null;
  productCount: number;
}

export interface ProductSummary {
  id: string;
  name: string;
  subtitle: string | null;
  categoryId: string | null;
  categoryName: string | null;
  brandId: string | null;
  brandName: string | null;
  onShelf: boolean;
  skuCount: number;
  minListPriceFen: number | null;
  imageId: string | null;
  updatedAt: string;
  version: number;
}

export interface SkuUnit {
  id: string;
  name: string;
  conversion: number;
  barcode: string | null;
  listPriceFen: number;
  minQty: number;
  multiple: number;
  enabled: boolean;
}

export interface Sku {
  id: string;
  specValues: string[];
  code: string;
  barcode: string | null;
  costPriceFen: number;
  weightGrams: number;
  baseUnit: string;
  enabled: boolean;
  units: SkuUnit[];
}

export interface Spec {
  name: string;
  values: string[];
}

/** What happens when stock is short (缺货时): block the order (default), accept a backorder, or take a pre-order (预售). */
export const STOCK_POLICIES = ['block', 'backorder', 'preorder'] as const;
export type StockPolicy = (typeof STOCK_POLICIES)[number];

export interface ProductDetail extends ProductSummary {
  tagIds: string[];
  specs: Spec[];
  params: { name: string; value: string }[];
  descriptionHtml: string;
  instructions: string;
  visibleTypes: CustomerType[];
  visibleLevelIds: string[];
  stockPolicy: StockPolicy;
  skus: Sku[];
  images: { id: string; width: number; height: number }[];
}

export interface UnitIn {
  name: string;
  conversion: number;
  barcode?: string | null;
  listPriceFen: number;
  minQty: number;
  multiple: number;
  enabled?: boolean;
}

export interface SkuIn {
  specValues: string[];
  code: string;
  barcode?: string | null;
  costPriceFen: number;
  weightGrams: number;
  baseUnit: string;
  enabled?: boolean;
  units: UnitIn[];
}

export interface ProductIn {
  name: string;
  subtitle?: string | null;
  categoryId?: string | null;
  brandId?: string | null;
  tagIds?: string[];
  specs: Spec[];
  params: { name: string; value: string }[];
  descriptionHtml: string;
  instructions: string;
  onShelf: boolean;
  visibleTypes: CustomerType[];
  visibleLevelIds: string[];
  stockPolicy?: StockPolicy;
  skus: SkuIn[];
  version?: number;
}

export type BulkAction = 'shelf_on' | 'shelf_off' | 'set_category' | 'delete';

export interface Tier {
  minQty: number;
  priceFen: number;
}

export interface UnitPrices {
  skuUnitId: string;
  listPriceFen: number;
  listTiers: Tier[];
  levelPrices: { levelId: string; mode: 'price' | 'percent'; value: number; tiers: Tier[] }[];
  customerPrices: { customerId: string; priceFen: number; tiers: Tier[] }[];
  specialPrices: { priceFen: number; startsAt: string; endsAt: string; levelIds: string[] }[];
}

export type ImportMode = 'all_or_nothing' | 'valid_rows';
export type ImportStatus = 'queued' | 'validating' | 'importing' | 'done' | 'rejected' | 'failed';

export interface ImportJob {
  id: string;
  kind: string;
  mode: ImportMode;
  status: ImportStatus;
  fileName: string;
  totalRows: number;
  progress: { processed: number; total: number };
  errorCount: number;
  errors: { row: number; column: string; message: string }[];
  summary: Record<string, number>;
  createdAt: string;
  finishedAt: string | null;
}

export const CATEGORIES = '/admin/categories';
export const BRANDS = '/admin/brands';
export const TAGS = '/admin/tags';
export const PRODUCTS = '/admin/products';

/** Reference lists of the catalog pages (cached; invalidate the path after a change). */
export const useCategories = () => useList<Category>(CATEGORIES);
export const useBrands = () => useList<Brand>(BRANDS);
export const useTags = () => useList<Tag>(TAGS);

export const imageThumb = (id: string) => `${API_BASE}/images/${id}/thumb`;
export const imageLarge = (id: string) => `${API_BASE}/images/${id}/large`;

/** Yuan as typed ("12", "12.5", "1299.00") to integer fen, by the string (no float drift); null when not such an amount. */
export function yuanToFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const s = String(text).replace(/[,，\s¥￥]/g, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Integer fen to the yuan string with 2 decimals ("12.50"), exact. */
export function fenToYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** ¥12.50, or — */
export function formatFen(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `¥${fenToYuan(fen)}`;
}

/** A multipart POST with the session's CSRF header (the JSON client cannot send files). */
export async function postMultipart<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error');
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

/** The URL of a download under /api/v1 with a query (empty values left out). */
export function downloadUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** Starts a browser download of a GET (the session cookie goes along; the server names the file). */
export function triggerDownload(path: string, query: Query = {}): void {
  const a = document.createElement('a');
  a.href = downloadUrl(path, query);
  a.download = '';
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Categories as a TreeSelect/Tree tree, children sorted by `sort` then name. */
export interface CategoryNode {
  value: string;
  key: string;
  title: string;
  category: Category;
  children: CategoryNode[];
}

export function categoryTree(items: Category[], exclude?: string): CategoryNode[] {
  const byParent = new Map<string | null, Category[]>();
  for (const c of items) {
    const list = byParent.get(c.parentId) ?? [];
    list.push(c);
    byParent.set(c.parentId, list);
  }
  const ids = new Set(items.map((c) => c.id));
  const build = (parent: string | null): CategoryNode[] =>
    (byParent.get(parent) ?? [])
      .filter((c) => c.id !== exclude)
      .sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'))
      .map((c) => ({ value: c.id, key: c.id, title: c.name, category: c, children: build(c.id) }));
  // orphans (parent not visible) are shown at the top level
  const roots = build(null);
  for (const [parent] of byParent) if (parent !== null && !ids.has(parent)) roots.push(...build(parent));
  return roots;
}

/** 批量调价: POST /admin/prices/bulk-level — one level's price = list or cost price × basisPoints / 10000 (half up). */
export type RepriceBase = 'list' | 'cost';
export interface BulkLevelPricesIn {
  levelId: string;
  base: RepriceBase;
  basisPoints: number;
  productIds?: string[];
  categoryId?: string;
}
export const BULK_LEVEL_PRICES = '/admin/prices/bulk-level';
/** The server's limits (src/modules/pricing/pricing.schemas.ts bulkLevelPricesIn). */
export const MAX_BASIS_POINTS = 100_000;
export const MAX_REPRICE_PRODUCTS = 5000;

/** Percent as typed ("90", "92.5", "87.25") to basis points (9000, 9250, 8725), by the string; null when not such a number or above 1000 %. */
export function percentToBasisPoints(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const s = String(text).replace(/[\s%％]/g, '');
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  const bp = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return bp <= MAX_BASIS_POINTS ? bp : null;
}

/** Basis points back to the percent text ("90", "92.5"). */
export function basisPointsToPercent(bp: number): string {
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return `${Math.floor(bp / 100)}${frac ? `.${frac}` : ''}`;
}

/**
 * The ids of the products in a category and its subcategories, as the product list filters them.
 * (bulk-level's own categoryId matches the category itself only; sending the ids keeps 「饮料」 meaning 饮料 and everything under it.)
 */
export async function productIdsInCategory(categoryId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<ProductSummary>>(PRODUCTS, { categoryId, limit: 200, cursor });
    ids.push(...page.items.map((p) => p.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && ids.length <= MAX_REPRICE_PRODUCTS);
  return ids;
}
