import { api } from '../../shared/api/client';
import type { ReportAndCart } from './cart';

/** 常购清单: named lists of SKU units and quantities a member puts into the cart again and again. */
export interface SavedListLine {
  skuUnitId: string;
  qty: number;
  productName: string;
  skuCode: string;
  specText: string;
  unitName: string;
}

export interface SavedList {
  id: string;
  name: string;
  createdAt: string;
  lines: SavedListLine[];
}

export const SAVED_LISTS = '/mall/saved-lists';

export const savedListsApi = {
  list: () => api.get<{ items: SavedList[] }>(SAVED_LISTS),
  get: (id: string) => api.get<SavedList>(`${SAVED_LISTS}/${id}`),
  /** Without lines the server copies the cart. */
  create: (body: { name: string; lines?: { skuUnitId: string; qty: number }[] }) => api.post<SavedList>(SAVED_LISTS, body),
  remove: (id: string) => api.delete(`${SAVED_LISTS}/${id}`),
  toCart: (id: string) => api.post<ReportAndCart>(`${SAVED_LISTS}/${id}/to-cart`),
};
