import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { STOCKTAKES, type Stocktake, STOCKTAKE_STATUSES, type StocktakeStatus } from '../../api/inventory';
import { StatusTabs, useStatusTab } from './document-tabs';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { StocktakeCreateDrawer } from './stocktake-create.drawer';
import { StocktakeStatusTag } from './receipt-parts';
import { useWarehouseName } from './transfer-parts';

/** 盘点单: stocktakes by status, newest first, a page at a time. */
function Stocktakes() {
  const { t } = useTranslation();
  const me = useStaff();
  const navigate = useNavigate();
  const canWrite = me.can('inventory.write');
  const { tab, status, setTab } = useStatusTab(STOCKTAKE_STATUSES);
  const list = useCursorList<Stocktake>(STOCKTAKES, { status });
  const warehouseName = useWarehouseName();
  const [creating, setCreating] = useState(false);
  return (
    <PageCard
      title={t('menu.stocktakes')}
      extra={canWrite && <Button type="primary" data-testid="stocktake-create" onClick={() => setCreating(true)}>{t('inventory.stocktake.create')}</Button>}
    >
      <StatusTabs kind="stocktake" statuses={STOCKTAKE_STATUSES} tab={tab} onChange={setTab} />
      <Table<Stocktake>
        size="middle"
        rowKey="id"
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('inventory.stocktake.empty') }}
        onRow={(x) => ({ 'data-testid': 'stocktake-row', 'data-no': x.stocktakeNo, 'data-status': x.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('inventory.stocktake.no'),
            dataIndex: 'stocktakeNo',
            width: 130,
            render: (no: string, x) => <Link to={`/stocktakes/${x.id}`} data-testid="stocktake-row-no">{no}</Link>,
          },
          { title: t('inventory.stocktake.warehouse'), dataIndex: 'warehouseId', width: 130, render: warehouseName },
          {
            title: t('inventory.stocktake.lineCount'),
            key: 'lines',
            width: 150,
            render: (_, x) => t('inventory.stocktake.counted', { counted: x.lines.filter((l) => l.countedQty !== null).length, total: x.lines.length }),
          },
          { title: t('inventory.stocktake.differences'), dataIndex: 'differences', width: 100, align: 'right' },
          { title: t('common:field.status'), dataIndex: 'status', width: 100, render: (s: StocktakeStatus) => <StocktakeStatusTag status={s} /> },
          { title: t('inventory.stocktake.createdBy'), dataIndex: 'createdBy', width: 110 },
          { title: t('inventory.stocktake.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
          {
            title: t('inventory.stocktake.remark'),
            dataIndex: 'remark',
            render: (r: string | null) => (r ? <Typography.Text ellipsis={{ tooltip: r }} style={{ maxWidth: 220 }}>{r}</Typography.Text> : '—'),
          },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <StocktakeCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(x) => {
          setCreating(false);
          navigate(`/stocktakes/${x.id}`);
        }}
      />
    </PageCard>
  );
}

export default function StocktakesPage() {
  return <RequirePermission permission="inventory.read"><Stocktakes /></RequirePermission>;
}
