import { useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import type { Page } from '../../../shared/api/types';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { type SkuChoice, skuLabel, STOCK, STOCK_MOVEMENTS, type StockLevel, type StockMovement } from '../../api/inventory';
import { useMyWarehouses } from './use-my-warehouses';
import { RequirePermission } from '../../auth/require-permission';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { MovementTable } from './movement-table';
import { SkuPicker } from './sku-picker';

/** The SKU of `?skuId=&sku=<code>`, named through the stock list (the ledger itself carries only ids). */
function useSkuOfUrl(skuId: string | undefined, code: string | undefined): SkuChoice | null {
  const found = useQuery({
    queryKey: [STOCK, 'sku-of', skuId, code],
    queryFn: async () => (await api.get<Page<StockLevel>>(STOCK, { q: code, limit: 200 })).items.find((s) => s.skuId === skuId) ?? null,
    enabled: Boolean(skuId && code),
    staleTime: 60_000,
  });
  if (!skuId) return null;
  const s = found.data;
  if (s) return { skuId, skuCode: s.skuCode, productName: s.productName, specText: s.specText, baseUnit: s.baseUnit };
  return { skuId, skuCode: code ?? skuId, productName: '', specText: '', baseUnit: '' };
}

/** 库存流水: every change of on hand and reserved, newest first, for one SKU and/or warehouse. */
function Ledger() {
  const { t } = useTranslation();
  const warehouses = useMyWarehouses();
  const [params, setParams] = useSearchParams();
  const skuId = params.get('skuId') ?? undefined;
  const warehouseId = params.get('warehouseId') ?? undefined;
  const sku = useSkuOfUrl(skuId, params.get('sku') ?? undefined);
  const list = useCursorList<StockMovement>(STOCK_MOVEMENTS, { skuId, warehouseId });
  const setFilter = (next: { sku?: SkuChoice | null; warehouseId?: string }) => {
    const chosen = next.sku === undefined ? sku : next.sku;
    const where = 'warehouseId' in next ? next.warehouseId : warehouseId;
    const p: Record<string, string> = {};
    if (chosen) Object.assign(p, { skuId: chosen.skuId, sku: chosen.skuCode });
    if (where) p.warehouseId = where;
    setParams(p, { replace: true });
  };
  return (
    <PageCard title={t('menu.movements')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <SkuPicker testId="ledger-sku" width={260} value={sku} onChange={(s) => setFilter({ sku: s })} />
        <Select
          allowClear
          data-testid="ledger-warehouse"
          placeholder={t('inventory.stock.allWarehouses')}
          style={{ width: 180 }}
          value={warehouseId}
          options={warehouses.warehouses.map((w) => ({ value: w.id, label: w.name }))}
          onChange={(id?: string) => setFilter({ warehouseId: id })}
        />
        <Typography.Text type="secondary" data-testid="ledger-sku-label">
          {sku?.productName ? skuLabel(sku) : t('inventory.ledger.allSkus')}
        </Typography.Text>
      </Space>
      <MovementTable rows={list.items} loading={list.isLoading} sku={sku} />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
    </PageCard>
  );
}

export default function LedgerPage() {
  return <RequirePermission permission="inventory.read"><Ledger /></RequirePermission>;
}
