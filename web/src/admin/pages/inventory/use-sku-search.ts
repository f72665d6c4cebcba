import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api/client';
import type { Page } from '../../../shared/api/types';
import { PRODUCTS, type ProductDetail, type ProductSummary } from '../../api/catalog';
import { type SkuChoice, STOCK, type StockLevel } from '../../api/inventory';
import { useStaff } from '../../auth/use-staff';

const MAX = 20;
const PRODUCTS_LOOKED_INTO = 5;

/** Exact code first, then codes starting with the text, then the rest (name matches). */
function rank(text: string) {
  const s = text.toLowerCase();
  return (c: SkuChoice) => {
    const code = c.skuCode.toLowerCase();
    return code === s ? 0 : code.startsWith(s) ? 1 : 2;
  };
}

/**
 * SKUs matching a typed code or product name. The stock list (GET /admin/stock?q=) names every SKU already kept in a
 * warehouse; SKUs never stocked come from the catalogue (GET /admin/products?q=, then each product's SKUs).
 */
export function useSkuSearch(text: string) {
  const me = useStaff();
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim().slice(0, 64)), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const stock = useQuery({
    queryKey: [STOCK, 'sku-search', q],
    queryFn: () => api.get<Page<StockLevel>>(STOCK, { q, limit: 50 }),
    enabled: Boolean(q),
    staleTime: 30_000,
  });
  const canCatalog = me.can('catalog.read');
  const products = useQuery({
    queryKey: [PRODUCTS, 'sku-search', q],
    queryFn: () => api.get<Page<ProductSummary>>(PRODUCTS, { q, limit: PRODUCTS_LOOKED_INTO }),
    enabled: Boolean(q) && canCatalog,
    staleTime: 30_000,
  });
  const details = useQueries({
    queries: (products.data?.items ?? []).map((p) => ({
      queryKey: [PRODUCTS, p.id],
      queryFn: () => api.get<ProductDetail>(`${PRODUCTS}/${p.id}`),
      staleTime: 60_000,
    })),
  });

  const found = new Map<string, SkuChoice>();
  for (const s of stock.data?.items ?? []) {
    if (!found.has(s.skuId)) found.set(s.skuId, { skuId: s.skuId, skuCode: s.skuCode, productName: s.productName, specText: s.specText, baseUnit: s.baseUnit });
  }
  for (const d of details) {
    for (const sku of d.data?.skus ?? []) {
      if (!found.has(sku.id)) {
        found.set(sku.id, { skuId: sku.id, skuCode: sku.code, productName: d.data!.name, specText: sku.specValues.join(' / '), baseUnit: sku.baseUnit });
      }
    }
  }
  const order = rank(q);
  const items = [...found.values()].sort((a, b) => order(a) - order(b) || a.skuCode.localeCompare(b.skuCode)).slice(0, MAX);
  const fetching = stock.isFetching || products.isFetching || details.some((d) => d.isFetching);
  return { q, items, searched: Boolean(q) && !fetching && stock.isFetched };
}
