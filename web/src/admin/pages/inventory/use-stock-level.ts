import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { Page } from '../../../shared/api/types';
import { type SkuChoice, STOCK, type StockLevel } from '../../api/inventory';

/** The stock of one SKU in one warehouse (null: never stocked there), or undefined while unknown. */
export function useStockLevel(sku: SkuChoice | null | undefined, warehouseId: string | undefined) {
  const query = useQuery({
    queryKey: [STOCK, 'level', sku?.skuId, warehouseId],
    queryFn: async () => {
      const page = await api.get<Page<StockLevel>>(STOCK, { q: sku!.skuCode, warehouseId, limit: 200 });
      return page.items.find((s) => s.skuId === sku!.skuId) ?? null;
    },
    enabled: Boolean(sku && warehouseId),
  });
  return sku && warehouseId ? query.data : undefined;
}
