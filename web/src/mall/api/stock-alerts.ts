import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

/** 缺货登记: "tell me when it is back"; `notifiedAt` is set when stock of that SKU arrived. */
export interface StockAlert { id: string; skuId: string; skuCode: string; productId: string; productName: string; createdAt: string; notifiedAt: string | null }

export const STOCK_ALERTS = '/mall/stock-alerts';

export const stockAlertsApi = {
  list: () => api.get<{ items: StockAlert[] }>(STOCK_ALERTS),
  register: (skuId: string) => api.post<StockAlert>(STOCK_ALERTS, { skuId }),
  remove: (id: string) => api.delete(`${STOCK_ALERTS}/${id}`),
};

export const useStockAlerts = (enabled = true) => useQuery({ queryKey: [STOCK_ALERTS], queryFn: stockAlertsApi.list, enabled, staleTime: 30_000 });
