import { useQueries } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { Page } from '../../../shared/api/types';
import { type SkuChoice, STOCK, type StockLevel, type TransferStatus, useWarehouses } from '../../api/inventory';

const STATUS_COLORS: Record<TransferStatus, string> = { draft: 'default', in_transit: 'blue', received: 'green', cancelled: 'red' };

/** 草稿 · 在途 · 已收货 · 已取消 */
export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]} data-testid="transfer-status">{t(`inventory.transfer.status.${status}`)}</Tag>;
}

/** A warehouse's name by id, '—' while unknown. */
export function useWarehouseName() {
  const warehouses = useWarehouses();
  return (id: string) => warehouses.data?.find((w) => w.id === id)?.name ?? '—';
}

export interface SkuStock {
  /** null: no warehouse keeps this SKU (the stock list cannot name it) */
  sku: SkuChoice | null;
  /** its stock in every warehouse that keeps it */
  levels: StockLevel[];
  loading: boolean;
}

/**
 * The SKUs of a transfer, named through the stock list (GET /admin/stock?skuId=) as the inventory drawers do:
 * the transfer itself carries only SKU ids. Keyed under [STOCK], so shipping and receiving refresh the levels.
 */
export function useSkuStocks(skuIds: string[]): Map<string, SkuStock> {
  const unique = [...new Set(skuIds)];
  const queries = useQueries({
    queries: unique.map((skuId) => ({
      queryKey: [STOCK, 'of-sku', skuId],
      queryFn: () => api.get<Page<StockLevel>>(STOCK, { skuId, limit: 200 }),
      staleTime: 10_000,
    })),
  });
  const found = new Map<string, SkuStock>();
  unique.forEach((skuId, i) => {
    const q = queries[i];
    const levels = (q.data?.items ?? []).filter((s) => s.skuId === skuId);
    const s = levels[0];
    found.set(skuId, {
      sku: s ? { skuId, skuCode: s.skuCode, productName: s.productName, specText: s.specText, baseUnit: s.baseUnit } : null,
      levels,
      loading: q.isLoading,
    });
  });
  return found;
}
