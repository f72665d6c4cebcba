import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/lib/format';
import { type SkuChoice, type StockMovement, useWarehouses } from '../../api/inventory';

const KIND_COLORS: Record<string, string> = {
  inbound: 'green', reserve: 'gold', release: 'cyan', ship: 'blue', adjust: 'purple',
  transfer_out: 'orange', transfer_in: 'lime', stocktake: 'magenta', return: 'geekblue',
};

function Delta({ n, testId }: { n: number; testId: string }) {
  if (n === 0) return <Typography.Text type="secondary" data-testid={testId}>0</Typography.Text>;
  return <Typography.Text type={n > 0 ? 'success' : 'danger'} data-testid={testId}>{n > 0 ? `+${n}` : n}</Typography.Text>;
}

/** The document a movement belongs to: an order links to its page; the others are named by type. */
function DocCell({ m }: { m: StockMovement }) {
  const { t } = useTranslation();
  const label = t(`inventory.doc.${m.docType}`, { defaultValue: m.docType });
  if (m.docType === 'order') return <Link to={`/orders/${m.docId}`} data-testid="movement-doc-link">{label}</Link>;
  const page = { inbound_receipt: 'inbound-receipts', transfer: 'stock-transfers', stocktake: 'stocktakes' }[m.docType];
  if (page) return <Link to={`/${page}/${m.docId}`} data-testid="movement-doc-link">{label}</Link>;
  return <span>{label}</span>;
}

/** 库存流水, newest first. The API names neither the SKU nor the person, so the SKU shown is the one filtered on. */
export function MovementTable({ rows, loading, sku }: { rows: StockMovement[]; loading: boolean; sku: SkuChoice | null }) {
  const { t } = useTranslation();
  const warehouses = useWarehouses();
  const warehouseName = (id: string) => warehouses.data?.find((w) => w.id === id)?.name ?? '—';
  const skuText = (m: StockMovement) => m.skuCode ?? (sku && m.skuId === sku.skuId ? sku.skuCode : m.skuId);
  return (
    <Table<StockMovement>
      size="middle"
      rowKey="id"
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('inventory.ledger.empty') }}
      onRow={(m) => ({ 'data-testid': 'movement-row', 'data-kind': m.kind }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('inventory.ledger.at'), dataIndex: 'at', width: 150, render: formatDateTime },
        {
          title: t('inventory.ledger.kind'),
          dataIndex: 'kind',
          width: 110,
          render: (kind: string) => <Tag color={KIND_COLORS[kind]} data-testid="movement-kind">{t(`inventory.kind.${kind}`, { defaultValue: kind })}</Tag>,
        },
        { title: t('inventory.stock.sku'), key: 'sku', width: 160, render: (_, m) => <Typography.Text data-testid="movement-sku">{skuText(m)}</Typography.Text> },
        { title: t('inventory.stock.warehouse'), dataIndex: 'warehouseId', width: 120, render: warehouseName },
        { title: t('inventory.ledger.onHandDelta'), dataIndex: 'onHandDelta', width: 110, align: 'right', render: (n: number) => <Delta n={n} testId="movement-onhand" /> },
        { title: t('inventory.ledger.reservedDelta'), dataIndex: 'reservedDelta', width: 110, align: 'right', render: (n: number) => <Delta n={n} testId="movement-reserved" /> },
        { title: t('inventory.ledger.doc'), key: 'doc', width: 100, render: (_, m) => <DocCell m={m} /> },
        { title: t('inventory.ledger.reason'), dataIndex: 'reason', render: (r: string | null) => <span data-testid="movement-reason">{r || '—'}</span> },
        {
          title: t('inventory.ledger.actor'),
          key: 'actor',
          width: 100,
          render: (_, m) => m.actorName ?? t(`audit.kind.${m.actorKind}`, { defaultValue: m.actorKind }),
        },
      ]}
    />
  );
}
