import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { STOCK, type StockFilters, type StockLevel } from '../../api/inventory';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { SafetyStockModal } from './safety-stock.modal';
import { StockChangeDrawer, type StockChangeStart } from './stock-change.drawer';
import { StockFilterBar } from './stock-filters';
import { StockTable } from './stock-table';

/** 库存: every SKU in every warehouse, filtered, a page at a time; 入库 and 调整 open the same drawer. */
function StockOverview() {
  const { t } = useTranslation();
  const me = useStaff();
  const canWrite = me.can('inventory.write');
  // A user limited to one warehouse starts there (the server only shows their warehouses anyway).
  const [filters, setFilters] = useState<StockFilters>(() => (me.warehouseIds?.length === 1 ? { warehouseId: me.warehouseIds[0] } : {}));
  const list = useCursorList<StockLevel>(STOCK, filters);
  const [change, setChange] = useState<StockChangeStart | null>(null);
  const [safety, setSafety] = useState<StockLevel | null>(null);
  return (
    <PageCard
      title={t('menu.stock')}
      extra={
        canWrite && (
          <Space>
            <Button data-testid="stock-adjust" onClick={() => setChange({ kind: 'adjust', warehouseId: filters.warehouseId })}>{t('inventory.kind.adjust')}</Button>
            <Button type="primary" data-testid="stock-inbound" onClick={() => setChange({ kind: 'inbound', warehouseId: filters.warehouseId })}>{t('inventory.kind.inbound')}</Button>
          </Space>
        )
      }
    >
      <StockFilterBar value={filters} onChange={setFilters} />
      <StockTable rows={list.items} loading={list.isLoading} canWrite={canWrite} onChange={setChange} onSafety={setSafety} />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <StockChangeDrawer start={change} onClose={() => setChange(null)} />
      <SafetyStockModal row={safety} onClose={() => setSafety(null)} />
    </PageCard>
  );
}

export default function StockPage() {
  return <RequirePermission permission="inventory.read"><StockOverview /></RequirePermission>;
}
