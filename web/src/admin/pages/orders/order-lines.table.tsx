import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../api/catalog';
import type { OrderLine } from '../../api/orders';
import { formatRate } from './order-format';

/** The order's lines: goods, unit, quantity, unit price (marked when changed by staff), amount, tax rate. */
export function OrderLinesTable({ lines }: { lines: OrderLine[] }) {
  const { t } = useTranslation();
  const columns = [
    { title: '#', dataIndex: 'lineNo', width: 48 },
    {
      title: t('orders.line.product'),
      dataIndex: 'productName',
      render: (v: string, l: OrderLine) => (
        <div>
          <span data-testid="line-name">{v}</span>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {[l.skuCode, l.specText].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('orders.line.unit'), dataIndex: 'unitName', width: 80 },
    { title: t('orders.line.qty'), dataIndex: 'qty', width: 90, align: 'right' as const, render: (v: number) => <span data-testid="line-qty">{v}</span> },
    {
      title: t('orders.line.unitPrice'),
      dataIndex: 'unitPriceFen',
      width: 140,
      align: 'right' as const,
      render: (v: number, l: OrderLine) => (
        <>
          {l.priceOverridden && <Tag color="orange" bordered={false}>{t('orders.line.overridden')}</Tag>}
          <span data-testid="line-price">{formatFen(v)}</span>
          {l.listPriceFen !== v && <Typography.Text type="secondary" delete style={{ display: 'block', fontSize: 12 }}>{formatFen(l.listPriceFen)}</Typography.Text>}
        </>
      ),
    },
    { title: t('orders.line.amount'), dataIndex: 'amountFen', width: 120, align: 'right' as const, render: (v: number) => <span data-testid="line-amount">{formatFen(v)}</span> },
    { title: t('orders.line.taxRate'), dataIndex: 'taxRateBp', width: 80, align: 'right' as const, render: formatRate },
  ];
  return (
    <Table<OrderLine>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={lines.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      scroll={{ x: 760 }}
      onRow={(l) => ({ 'data-testid': 'order-line', 'data-sku': l.skuCode }) as never}
    />
  );
}
