import { Button, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes, Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/lib/format';
import type { QueueItem } from '../../api/fulfilment';
import { formatAddress } from '../orders/order-format';

export const queueRowKey = (q: Pick<QueueItem, 'orderId' | 'warehouseId'>) => `${q.orderId}:${q.warehouseId}`;

interface Props {
  items: QueueItem[];
  loading: boolean;
  /** show the warehouse column (全部) */
  showWarehouse: boolean;
  selected: string[];
  onSelect: (keys: string[]) => void;
  onCreate: (item: QueueItem) => void;
}

/** 待发货 rows: one per released order and warehouse holding its stock, oldest first. */
export function QueueTable({ items, loading, showWarehouse, selected, onSelect, onCreate }: Props) {
  const { t } = useTranslation();
  return (
    <Table<QueueItem>
      size="middle"
      rowKey={queueRowKey}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('fulfilment.queue.empty') }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys: Key[]) => onSelect(keys as string[]) }}
      onRow={(q) => ({ 'data-testid': 'queue-row', 'data-order-no': q.orderNo, 'data-warehouse': q.warehouseName }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('fulfilment.queue.orderNo'),
          dataIndex: 'orderNo',
          width: 190,
          render: (no: string, q) => (
            <>
              <Link to={`/orders/${q.orderId}`} data-testid="queue-order-no">{no}</Link>
              {q.openShipments > 0 && <div><Tag bordered={false} color="orange">{t('fulfilment.queue.openShipments', { count: q.openShipments })}</Tag></div>}
            </>
          ),
        },
        ...(showWarehouse ? [{ title: t('fulfilment.warehouse'), dataIndex: 'warehouseName', width: 110, render: (w: string) => <span data-testid="queue-warehouse">{w}</span> }] : []),
        { title: t('fulfilment.queue.customer'), dataIndex: 'customerName', width: 180 },
        {
          title: t('fulfilment.queue.address'),
          key: 'address',
          width: 240,
          render: (_, q) => <Typography.Text ellipsis={{ tooltip: formatAddress(q.address) }} style={{ maxWidth: 230 }}>{formatAddress(q.address)}</Typography.Text>,
        },
        {
          title: t('fulfilment.queue.goods'),
          key: 'lines',
          render: (_, q) => (
            <div data-testid="queue-lines">
              {q.lines.map((l) => (
                <div key={l.skuId} data-testid="queue-line" data-sku={l.skuCode}>
                  <Typography.Text type="secondary">{l.skuCode}</Typography.Text> {l.productName} × <span data-testid="queue-line-qty">{l.qty}</span>
                </div>
              ))}
            </div>
          ),
        },
        {
          title: t('fulfilment.queue.submittedAt'),
          dataIndex: 'submittedAt',
          width: 170,
          render: (v: string, q) => (
            <>
              {formatDateTime(v)}
              {q.requestedDate && <div><Typography.Text type="secondary">{t('fulfilment.queue.requestedDate')} {q.requestedDate}</Typography.Text></div>}
            </>
          ),
        },
        {
          title: t('actions'),
          key: 'action',
          width: 130,
          fixed: 'right' as const,
          render: (_, q) => <Button type="primary" size="small" data-testid="queue-create" onClick={() => onCreate(q)}>{t('fulfilment.queue.create')}</Button>,
        },
      ]}
    />
  );
}
