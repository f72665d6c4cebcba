import type { Tx } from '../../../platform/db/database.js';

/** Who searches: their company's type and level decide visibility, their own price decides price filters and sorts. */
export interface SearchViewer {
  customer: { id: string; levelId: string | null; type: string } | null;
  /** Guests see list prices only when the tenant allows it. */
  pricesShown: boolean;
}

export interface SearchRequest {
  term?: string;
  /** A category and all its descendants, already expanded. */
  categoryIds?: string[];
  brandId?: string;
  tagId?: string;
  minPriceFen?: number;
  maxPriceFen?: number;
  inStock?: boolean;
  sort: 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'sales';
  offset: number;
  limit: number;
}

export interface SearchResult {
  /** Product ids in result order. */
  ids: string[];
  more: boolean;
  facets: { categories: { id: string; count: number }[]; brands: { id: string; count: number }[] };
}

/**
 * The search port (DESIGN.md §7): the mall asks it for product ids; the default adapter is PostgreSQL trigram
 * search, and an external engine (OpenSearch, Meilisearch) can take its place without touching the mall.
 */
export interface ProductSearchEngine {
  search(tx: Tx, tenantId: string, viewer: SearchViewer, req: SearchRequest): Promise<SearchResult>;
  suggest(tx: Tx, tenantId: string, viewer: SearchViewer, term: string, limit: number): Promise<{ id: string; name: string }[]>;
}
