import { Table, Tag, Typography } from 'antd';
import type { HTMLAttributes, Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import type { OrderSummary } from '../../api/orders';
import { OrderTags } from '../../components/order-status-tags';

interface Props {
  orders: OrderSummary[];
  loading: boolean;
  selected?: string[];
  onSelect?: (ids: string[]) => void;
  /** orders submitted after this moment are marked new */
  newSince?: string | null;
}

/** The queue's rows: order no, customer, the three status tags, total and date. */
export function OrderTable({ orders, loading, selected, onSelect, newSince }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isNew = (o: OrderSummary) => Boolean(newSince && o.submittedAt > newSince);
  const columns = [
    {
      title: t('orders.orderNo'),
      dataIndex: 'orderNo',
      width: 200,
      render: (v: string, o: OrderSummary) => (
        <>
          <Link to={`/orders/${o.id}`} data-testid="order-no">{v}</Link>
          {isNew(o) && <Tag color="red" style={{ marginLeft: 6 }}>{t('orders.queue.newTag')}</Tag>}
          {o.source === 'staff' && <Tag bordered={false} style={{ marginLeft: 6 }}>{t('orders.source.staff')}</Tag>}
        </>
      ),
    },
    {
      title: t('orders.customer'),
      dataIndex: 'customerName',
      render: (v: string, o: OrderSummary) => (
        <div>
          <span data-testid="order-customer">{v}</span>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{o.customerCode}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('orders.goods'),
      dataIndex: 'firstLineName',
      render: (v: string | null, o: OrderSummary) => (
        <Typography.Text type="secondary">{t(o.lineCount > 1 ? 'orders.goodsSummary' : 'orders.goodsSingle', { name: v ?? '—', count: o.lineCount, qty: o.quantity })}</Typography.Text>
      ),
    },
    { title: t('orders.status'), key: 'status', render: (_: unknown, o: OrderSummary) => <OrderTags order={o} /> },
    {
      title: t('orders.total'),
      dataIndex: 'totalFen',
      width: 120,
      align: 'right' as const,
      render: (v: number) => <span data-testid="order-total">{formatFen(v)}</span>,
    },
    { title: t('orders.submittedAt'), dataIndex: 'submittedAt', width: 150, render: formatDateTime },
  ];
  return (
    <Table<OrderSummary>
      rowKey="id"
      columns={columns}
      dataSource={orders}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      rowSelection={onSelect ? { selectedRowKeys: selected, onChange: (keys: Key[]) => onSelect(keys as string[]) } : undefined}
      onRow={(o) => ({
        'data-testid': 'order-row',
        'data-order-id': o.id,
        'data-order-no': o.orderNo,
        style: isNew(o) ? { background: '#fff7e6' } : undefined,
        onDoubleClick: () => navigate(`/orders/${o.id}`),
      }) as HTMLAttributes<HTMLElement>}
    />
  );
}
