import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../shared/api/client';
import type { Page } from '../../shared/api/types';

/** Shapes of src/modules/catalog/mall-catalog.routes.ts (mall side only). Money is integer fen. */
export interface MallPrice {
  priceFen: number;
  listPriceFen: number;
}

export interface MallCategory {
  id: string;
  parentId: string | null;
  name: string;
  icon: string | null;
}

export interface ProductSummary {
  id: string;
  name: string;
  subtitle: string | null;
  brandName: string | null;
  imageId: string | null;
  salesCount: number;
  /** null: prices are hidden (a guest, by the tenant's setting). */
  price: MallPrice | null;
}

export interface Facet {
  id: string;
  count: number;
}

export interface SearchPage extends Page<ProductSummary> {
  facets: { categories: Facet[]; brands: Facet[] };
}

export type SortKey = 'relevance' | 'sales' | 'newest' | 'price_asc' | 'price_desc';

export interface SearchFilters {
  q?: string;
  categoryId?: string;
  brandId?: string;
  tagId?: string;
  minPriceFen?: number;
  maxPriceFen?: number;
  sort?: SortKey;
  /** only products with sellable stock (仅看有货); sent as `inStock=true`, left out otherwise */
  inStock?: boolean;
}

export interface MallUnit {
  id: string;
  name: string;
  conversion: number;
  barcode: string | null;
  minQty: number;
  multiple: number;
  price: (MallPrice & { source: 'customer' | 'special' | 'level' | 'list' }) | null;
  tiers: { minQty: number; priceFen: number }[];
}

export type StockStatus = 'in_stock' | 'out_of_stock' | 'untracked';
export type StockPolicy = 'block' | 'backorder' | 'preorder';

/**
 * What the customer may know of a SKU's stock. `untracked`: the company keeps no stock (nothing is shown);
 * `available` is a number (in base units) only when the company shows exact stock. `policy` says what happens
 * when stock is short: refuse (`block`), accept and ship later (`backorder`), or sell ahead (`preorder`, 预售).
 */
export interface MallStock {
  status: StockStatus;
  available: number | null;
  policy: StockPolicy;
}

export interface MallSku {
  id: string;
  code: string;
  barcode: string | null;
  specValues: string[];
  baseUnit: string;
  stock: MallStock;
  units: MallUnit[];
}

export interface MallProduct {
  id: string;
  name: string;
  subtitle: string | null;
  brandName: string | null;
  categoryId: string | null;
  categoryName: string | null;
  specs: { name: string; values: string[] }[];
  params: { name: string; value: string }[];
  descriptionHtml: string;
  instructions: string;
  images: { id: string; width: number; height: number }[];
  tagIds: string[];
  favourite: boolean;
  skus: MallSku[];
}

export const MALL_PRODUCTS = '/mall/products';
export const MALL_FAVOURITES = '/mall/favourites';

export const imageUrl = (id: string, size: 'thumb' | 'large' = 'thumb') => `/api/v1/images/${id}/${size}`;

export const catalogApi = {
  categories: () => api.get<{ items: MallCategory[] }>('/mall/categories'),
  search: ({ inStock, ...rest }: SearchFilters & { limit?: number; cursor?: string }) =>
    api.get<SearchPage>(MALL_PRODUCTS, { ...rest, inStock: inStock ? 'true' : undefined } as Query),
  product: (id: string) => api.get<MallProduct>(`${MALL_PRODUCTS}/${id}`),
  suggest: (q: string) => api.get<{ items: { id: string; name: string }[] }>('/mall/suggest', { q }),
  favourites: () => api.get<{ items: ProductSummary[] }>(MALL_FAVOURITES),
  setFavourite: ({ id, on }: { id: string; on: boolean }) => (on ? api.put<void>(`${MALL_FAVOURITES}/${id}`, {}) : api.delete(`${MALL_FAVOURITES}/${id}`)),
};

/** The whole category tree (small; cached for the session). */
export function useCategories() {
  return useQuery({ queryKey: ['/mall/categories'], queryFn: catalogApi.categories, staleTime: 5 * 60_000, select: (r) => r.items });
}

export function useProduct(id: string | undefined) {
  return useQuery({ queryKey: [MALL_PRODUCTS, id], queryFn: () => catalogApi.product(id!), enabled: Boolean(id) });
}

/**
 * Brand names for the brand facet: the mall has no public brand list, and facets carry only ids,
 * so each brand's name is read from its first product (a handful of small requests, cached).
 */
export function useBrandNames(ids: string[]) {
  return useQuery({
    queryKey: [MALL_PRODUCTS, 'brand-names', [...ids].sort()],
    enabled: ids.length > 0,
    staleTime: 10 * 60_000,
    queryFn: async () => {
      const pairs = await Promise.all(ids.map(async (id) => {
        const page = await catalogApi.search({ brandId: id, limit: 1 });
        return [id, page.items[0]?.brandName ?? null] as const;
      }));
      return Object.fromEntries(pairs.filter((p) => p[1])) as Record<string, string>;
    },
  });
}

/** Search results, page by page (`nextCursor` is an offset); the first page's facets come along. */
export function useProductSearch(filters: SearchFilters, limit = 20) {
  const query = useInfiniteQuery({
    queryKey: [MALL_PRODUCTS, 'search', filters, limit],
    queryFn: ({ pageParam }) => catalogApi.search({ ...filters, limit, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return {
    items: query.data?.pages.flatMap((p) => p.items) ?? [],
    facets: query.data?.pages[0]?.facets,
    isLoading: query.isLoading,
    error: query.error,
    hasMore: query.hasNextPage,
    loadMore: async () => { await query.fetchNextPage({ throwOnError: true }); },
  };
}
