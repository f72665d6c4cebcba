import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import { INBOUND_RECEIPTS, type InboundReceipt, RECEIPT_STATUSES, type ReceiptStatus } from '../../api/inventory';
import { StatusTabs, useStatusTab } from './document-tabs';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { ReceiptCreateDrawer } from './receipt-create.drawer';
import { ReceiptStatusTag } from './receipt-parts';
import { useWarehouseName } from './transfer-parts';

/** 入库单: inbound receipts by status, newest first, a page at a time. */
function Receipts() {
  const { t } = useTranslation();
  const me = useStaff();
  const navigate = useNavigate();
  const canWrite = me.can('inventory.write');
  const { tab, status, setTab } = useStatusTab(RECEIPT_STATUSES);
  const list = useCursorList<InboundReceipt>(INBOUND_RECEIPTS, { status });
  const warehouseName = useWarehouseName();
  const [creating, setCreating] = useState(false);
  return (
    <PageCard
      title={t('menu.receipts')}
      extra={canWrite && <Button type="primary" data-testid="receipt-create" onClick={() => setCreating(true)}>{t('inventory.receipt.create')}</Button>}
    >
      <StatusTabs kind="receipt" statuses={RECEIPT_STATUSES} tab={tab} onChange={setTab} />
      <Table<InboundReceipt>
        size="middle"
        rowKey="id"
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('inventory.receipt.empty') }}
        onRow={(x) => ({ 'data-testid': 'receipt-row', 'data-no': x.receiptNo, 'data-status': x.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('inventory.receipt.no'),
            dataIndex: 'receiptNo',
            width: 130,
            render: (no: string, x) => <Link to={`/inbound-receipts/${x.id}`} data-testid="receipt-row-no">{no}</Link>,
          },
          { title: t('inventory.receipt.warehouse'), dataIndex: 'warehouseId', width: 130, render: warehouseName },
          { title: t('inventory.receipt.supplier'), dataIndex: 'supplier', width: 160, render: (s: string | null) => s || '—' },
          {
            title: t('inventory.receipt.lines'),
            key: 'lines',
            width: 150,
            render: (_, x) => t('inventory.receipt.linesSummary', { count: x.lines.length, qty: x.totalQty }),
          },
          { title: t('inventory.receipt.totalCost'), dataIndex: 'totalCostFen', width: 120, align: 'right', render: (fen: number) => formatFen(fen) },
          { title: t('common:field.status'), dataIndex: 'status', width: 100, render: (s: ReceiptStatus) => <ReceiptStatusTag status={s} /> },
          { title: t('inventory.receipt.createdBy'), dataIndex: 'createdBy', width: 110 },
          { title: t('inventory.receipt.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
          {
            title: t('inventory.receipt.remark'),
            dataIndex: 'remark',
            render: (r: string | null) => (r ? <Typography.Text ellipsis={{ tooltip: r }} style={{ maxWidth: 220 }}>{r}</Typography.Text> : '—'),
          },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <ReceiptCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(x) => {
          setCreating(false);
          navigate(`/inbound-receipts/${x.id}`);
        }}
      />
    </PageCard>
  );
}

export default function ReceiptsPage() {
  return <RequirePermission permission="inventory.read"><Receipts /></RequirePermission>;
}
