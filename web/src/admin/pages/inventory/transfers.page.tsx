import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { STOCK_TRANSFERS, type StockTransfer, TRANSFER_STATUSES, type TransferStatus } from '../../api/inventory';
import { StatusTabs, useStatusTab } from './document-tabs';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { TransferCreateDrawer } from './transfer-create.drawer';
import { TransferStatusTag, useWarehouseName } from './transfer-parts';

/** 调拨单: transfers between warehouses by status, newest first, a page at a time. */
function Transfers() {
  const { t } = useTranslation();
  const me = useStaff();
  const navigate = useNavigate();
  const canWrite = me.can('inventory.write');
  const { tab, status, setTab } = useStatusTab(TRANSFER_STATUSES);
  const list = useCursorList<StockTransfer>(STOCK_TRANSFERS, { status });
  const warehouseName = useWarehouseName();
  const [creating, setCreating] = useState(false);
  return (
    <PageCard
      title={t('menu.transfers')}
      extra={canWrite && <Button type="primary" data-testid="transfer-create" onClick={() => setCreating(true)}>{t('inventory.transfer.create')}</Button>}
    >
      <StatusTabs kind="transfer" statuses={TRANSFER_STATUSES} tab={tab} onChange={setTab} />
      <Table<StockTransfer>
        size="middle"
        rowKey="id"
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('inventory.transfer.empty') }}
        onRow={(x) => ({ 'data-testid': 'transfer-row', 'data-no': x.transferNo, 'data-status': x.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('inventory.transfer.no'),
            dataIndex: 'transferNo',
            width: 130,
            render: (no: string, x) => <Link to={`/stock-transfers/${x.id}`} data-testid="transfer-row-no">{no}</Link>,
          },
          { title: t('inventory.transfer.from'), dataIndex: 'fromWarehouseId', width: 130, render: warehouseName },
          { title: t('inventory.transfer.to'), dataIndex: 'toWarehouseId', width: 130, render: warehouseName },
          {
            title: t('inventory.transfer.lines'),
            key: 'lines',
            width: 150,
            render: (_, x) => t('inventory.transfer.linesSummary', { count: x.lines.length, qty: x.lines.reduce((n, l) => n + l.qty, 0) }),
          },
          { title: t('common:field.status'), dataIndex: 'status', width: 100, render: (s: TransferStatus) => <TransferStatusTag status={s} /> },
          { title: t('inventory.transfer.createdBy'), dataIndex: 'createdBy', width: 110 },
          { title: t('inventory.transfer.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
          {
            title: t('inventory.transfer.remark'),
            dataIndex: 'remark',
            render: (r: string | null) => (r ? <Typography.Text ellipsis={{ tooltip: r }} style={{ maxWidth: 220 }}>{r}</Typography.Text> : '—'),
          },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <TransferCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(x) => {
          setCreating(false);
          navigate(`/stock-transfers/${x.id}`);
        }}
      />
    </PageCard>
  );
}

export default function TransfersPage() {
  return <RequirePermission permission="inventory.read"><Transfers /></RequirePermission>;
}
