import { Button, Input, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import { INVOICE_QUEUE, type OrderInvoicing } from '../../api/invoices';
import { CustomerSelect } from '../../components/customer-select';
import { LoadMore } from '../../components/load-more';
import { OrderInvoiceStatusTag } from './invoice-parts';

/** 待开票: orders with an invoice request and something left to invoice, newest first; 开票 opens the drawer on one. */
export function InvoiceQueueTab({ canWrite, onIssue }: { canWrite: boolean; onIssue: (o: OrderInvoicing) => void }) {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string>();
  const [q, setQ] = useState<string>();
  const list = useCursorList<OrderInvoicing>(INVOICE_QUEUE, { customerId, q, scope: 'requested' });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <CustomerSelect testId="invoice-queue-customer" value={customerId} onChange={(id) => setCustomerId(id)} style={{ width: 240 }} placeholder={t('invoicing.filter.customer')} />
        <Input.Search allowClear placeholder={t('invoicing.col.orderNo')} style={{ width: 220 }} onSearch={(v) => setQ(v.trim() || undefined)} />
      </Space>
      <Table<OrderInvoicing>
        size="middle"
        rowKey="orderId"
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('invoicing.queueEmpty') }}
        onRow={(o) => ({ 'data-testid': 'invoice-queue-row', 'data-order-no': o.orderNo, 'data-status': o.invoiceStatus }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('invoicing.col.orderNo'), dataIndex: 'orderNo', width: 180, render: (no: string, o) => <Link to={`/orders/${o.orderId}`}>{no}</Link> },
          { title: t('invoicing.col.customer'), dataIndex: 'customerName', width: 180, render: (name: string, o) => <Link to={`/customers/${o.customerId}`}>{name}</Link> },
          { title: t('invoicing.col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: formatDateTime },
          {
            title: t('invoicing.col.request'),
            key: 'request',
            width: 240,
            render: (_, o) => o.request && (
              <Space direction="vertical" size={0}>
                <span>{o.request.title}（{t(`common:invoiceKind.${o.request.kind}`)}）</span>
                <Typography.Text type="secondary">{o.request.taxNo} · {t(`invoicing.source.${o.request.source}`)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('invoicing.col.status'), dataIndex: 'invoiceStatus', width: 130, render: (_: string, o) => <OrderInvoiceStatusTag status={o.invoiceStatus} /> },
          { title: t('invoicing.col.invoiceable'), dataIndex: 'invoiceableFen', width: 110, align: 'right', render: (fen: number) => formatFen(fen) },
          { title: t('invoicing.col.invoiced'), dataIndex: 'invoicedFen', width: 110, align: 'right', render: (fen: number) => formatFen(fen) },
          { title: t('invoicing.col.remaining'), dataIndex: 'remainingFen', width: 110, align: 'right', render: (fen: number) => <b data-testid="invoice-queue-remaining">{formatFen(fen)}</b> },
          {
            title: t('actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_, o) => canWrite && <Button size="small" type="primary" data-testid="invoice-queue-issue" onClick={() => onIssue(o)}>{t('invoicing.issue')}</Button>,
          },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
    </>
  );
}
