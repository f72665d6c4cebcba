import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShipmentLine } from '../../api/fulfilment';

/** The goods of a shipment: SKU code, product, spec and quantity in the base unit. */
export function ShipmentLinesTable({ lines }: { lines: ShipmentLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<ShipmentLine>
      size="middle"
      rowKey="skuId"
      dataSource={lines}
      pagination={false}
      scroll={{ x: 640 }}
      onRow={(l) => ({ 'data-testid': 'shipment-line', 'data-sku': l.skuCode }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('fulfilment.shipment.sku'), dataIndex: 'skuCode', width: 160, render: (v: string) => <Typography.Text strong data-testid="shipment-line-sku">{v}</Typography.Text> },
        { title: t('fulfilment.shipment.product'), dataIndex: 'productName' },
        { title: t('fulfilment.shipment.spec'), dataIndex: 'specText', width: 180, render: (v: string) => v || '—' },
        {
          title: t('fulfilment.shipment.qty'),
          dataIndex: 'qty',
          width: 120,
          align: 'right',
          render: (n: number, l) => <span data-testid="shipment-line-qty">{n} <Typography.Text type="secondary">{l.baseUnit}</Typography.Text></span>,
        },
      ]}
    />
  );
}
