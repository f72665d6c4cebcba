import { InputNumber, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import type { OrderInvoicing } from '../../api/invoices';

export interface Picked { selected: string[]; amounts: Record<string, number | null> }

/** The 开票 drawer's orders: tick the orders of the customer to invoice; each amount (元) defaults to what is left. */
export function InvoiceOrderPicker({ orders, loading, value, onChange }: { orders: OrderInvoicing[]; loading: boolean; value: Picked; onChange: (v: Picked) => void }) {
  const { t } = useTranslation();
  const amountOf = (o: OrderInvoicing) => value.amounts[o.orderId] ?? o.remainingFen / 100;
  return (
    <Table<OrderInvoicing>
      size="small"
      rowKey="orderId"
      dataSource={orders}
      loading={loading}
      pagination={false}
      scroll={{ x: 720, y: 320 }}
      locale={{ emptyText: t('invoicing.form.noOrders') }}
      rowSelection={{
        selectedRowKeys: value.selected,
        onChange: (keys) => onChange({ ...value, selected: keys as string[] }),
        getCheckboxProps: () => ({ 'data-testid': 'invoice-issue-pick' }) as { disabled?: boolean },
      }}
      onRow={(o) => ({ 'data-testid': 'invoice-issue-order', 'data-order-no': o.orderNo }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('invoicing.col.orderNo'), dataIndex: 'orderNo', width: 170 },
        { title: t('invoicing.col.submittedAt'), dataIndex: 'submittedAt', width: 140, render: formatDateTime },
        { title: t('invoicing.col.remaining'), dataIndex: 'remainingFen', width: 100, align: 'right', render: (fen: number) => formatFen(fen) },
        { title: t('invoicing.col.request'), key: 'request', width: 150, ellipsis: true, render: (_, o) => o.request ? `${o.request.title}（${t(`common:invoiceKind.${o.request.kind}`)}）` : <Typography.Text type="secondary">—</Typography.Text> },
        {
          title: t('invoicing.col.thisTime'),
          key: 'amount',
          width: 140,
          render: (_, o) => (
            <InputNumber<number>
              size="small"
              data-testid="invoice-issue-amount"
              disabled={!value.selected.includes(o.orderId)}
              min={0.01}
              max={o.remainingFen / 100}
              precision={2}
              value={amountOf(o)}
              onChange={(v) => onChange({ ...value, amounts: { ...value.amounts, [o.orderId]: v } })}
              style={{ width: '100%' }}
            />
          ),
        },
      ]}
    />
  );
}

/** The lines to send: the ticked orders with their amounts in fen (in the list's order). */
export function pickedLines(orders: OrderInvoicing[], v: Picked): { orderId: string; amountFen: number }[] {
  return orders.filter((o) => v.selected.includes(o.orderId)).map((o) => ({
    orderId: o.orderId, amountFen: Math.round((v.amounts[o.orderId] ?? o.remainingFen / 100) * 100),
  }));
}
