import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

/** Shapes of docs/api.md "Cart, checkout and orders — mall". Money is integer fen. */
/** `out_of_stock` blocks checkout (its message carries the base units left); `backorder` is a notice only. */
export type CartProblemCode = 'off_shelf' | 'not_visible' | 'unit_disabled' | 'below_minimum' | 'not_multiple' | 'price_changed' | 'out_of_stock' | 'backorder';

export interface CartProblem {
  code: CartProblemCode | string;
  message: string;
  blocking: boolean;
}

export interface CartLine {
  id: string;
  skuUnitId: string;
  skuId: string;
  productId: string;
  productName: string;
  skuCode: string;
  specText: string;
  unitName: string;
  conversion: number;
  baseUnit: string;
  imageUrl: string | null;
  qty: number;
  minQty: number;
  multiple: number;
  listPriceFen: number;
  unitPriceFen: number;
  priceSource: string;
  seenPriceFen: number;
  amountFen: number;
  taxRateBp: number;
  problems: CartProblem[];
}

export interface Totals {
  goodsFen: number;
  discountFen: number;
  shippingFen: number;
  totalFen: number;
  lineCount: number;
  quantity: number;
  weightGrams: number;
  taxes: { rateBp: number; amountFen: number; taxFen: number }[];
  adjustments: { kind: string; label: string; amountFen: number }[];
}

export interface CartView {
  lines: CartLine[];
  totals: Totals;
  /** a line has a blocking problem: checkout is not possible until it is fixed */
  blocking: boolean;
}

export interface RowReport {
  row: number;
  code: string;
  unit: string | null;
  qty: number;
  ok: boolean;
  error?: { code: string; message: string };
  lineId?: string;
}

export interface ReportAndCart {
  report: RowReport[];
  cart: CartView;
}

export interface SkuPickUnit {
  skuUnitId: string;
  name: string;
  conversion: number;
  minQty: number;
  multiple: number;
  barcode: string | null;
  unitPriceFen: number;
}

export interface SkuPick {
  skuId: string;
  skuCode: string;
  barcode: string | null;
  productId: string;
  productName: string;
  specText: string;
  imageUrl: string | null;
  units: SkuPickUnit[];
}

export interface QuickRow {
  code: string;
  unit?: string;
  qty: number;
}

export const CART = '/mall/cart';
export const CART_KEY = [CART] as const;
/** Most rows one quick-order request takes (docs/api.md). */
export const QUICK_ROWS_MAX = 500;

export const cartApi = {
  get: () => api.get<CartView>(CART),
  add: (body: { skuUnitId: string; qty: number }) => api.post<CartView>(`${CART}/lines`, body),
  setQty: ({ id, qty }: { id: string; qty: number }) => api.patch<CartView>(`${CART}/lines/${id}`, { qty }),
  remove: (id: string) => api.delete<CartView>(`${CART}/lines/${id}`),
  clear: () => api.delete(CART),
  quick: (rows: QuickRow[]) => api.post<ReportAndCart>(`${CART}/quick`, { rows }),
  upload: (file: File) => {
    const body = new FormData();
    body.append('file', file);
    return api.postWith<ReportAndCart>(`${CART}/upload`, body);
  },
  acknowledgePrices: () => api.post<CartView>(`${CART}/acknowledge-prices`),
  lookup: (q: string) => api.get<{ items: SkuPick[] }>(`${CART}/lookup`, { q }),
};

/** The member's cart, re-validated by the server on every read. */
export function useCart(enabled = true) {
  return useQuery({ queryKey: CART_KEY, queryFn: cartApi.get, enabled, staleTime: 0 });
}

/** Every cart write answers the whole cart: show it at once, and let the checkout page read again. */
export function showCart(qc: QueryClient, cart: CartView): void {
  qc.setQueryData(CART_KEY, cart);
  void qc.invalidateQueries({ queryKey: ['/mall/checkout'] });
}
