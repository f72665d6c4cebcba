import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { movementsPath, type StockAlert, type StockAlertKind } from '../../api/inventory';

/** 库存预警 rows: per warehouse, or the SKU over all warehouses (tagged), with the numbers behind the alert. */
export function AlertsTable({ kind, rows, loading }: { kind: StockAlertKind; rows: StockAlert[]; loading: boolean }) {
  const { t } = useTranslation();
  const qty = (n: number | null, a: StockAlert) => (n === null ? '—' : <>{n} <Typography.Text type="secondary">{a.baseUnit}</Typography.Text></>);
  return (
    <Table<StockAlert>
      size="middle"
      rowKey={(a) => `${a.skuId}/${a.warehouseId ?? 'all'}`}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t(kind === 'low' ? 'inventory.alerts.emptyLow' : 'inventory.alerts.emptyOver') }}
      onRow={(a) => ({ 'data-testid': 'alert-row', 'data-sku': a.skuCode, 'data-scope': a.scope }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('inventory.stock.sku'),
          key: 'sku',
          render: (_, a) => (
            <>
              <Typography.Text strong>{a.productName}</Typography.Text>
              {a.specText && <Typography.Text type="secondary"> {a.specText}</Typography.Text>}
              <div><Typography.Text type="secondary">{a.skuCode}</Typography.Text></div>
            </>
          ),
        },
        {
          title: t('inventory.stock.warehouse'),
          key: 'warehouse',
          width: 140,
          render: (_, a) => (a.warehouseName ?? <Tag data-testid="alert-scope-sku">{t('inventory.safety.skuTotal')}</Tag>),
        },
        { title: t('inventory.stock.onHand'), dataIndex: 'onHand', width: 100, align: 'right', render: qty },
        { title: t('inventory.stock.reserved'), dataIndex: 'reserved', width: 100, align: 'right', render: qty },
        ...(kind === 'low'
          ? [
              { title: t('inventory.alerts.free'), dataIndex: 'free', width: 110, align: 'right' as const, render: qty },
              { title: t('inventory.safety.low'), dataIndex: 'lowMark', width: 110, align: 'right' as const, render: qty },
              { title: t('inventory.alerts.sold'), dataIndex: 'soldLast30Days', width: 120, align: 'right' as const, render: qty },
              {
                title: t('inventory.alerts.suggested'), dataIndex: 'suggestedQty', width: 120, align: 'right' as const,
                render: (n: number | null, a: StockAlert) => <Typography.Text strong data-testid="alert-suggested">{qty(n, a)}</Typography.Text>,
              },
            ]
          : [
              { title: t('inventory.safety.over'), dataIndex: 'overstockMark', width: 110, align: 'right' as const, render: qty },
              {
                title: t('inventory.alerts.excess'), dataIndex: 'excessQty', width: 120, align: 'right' as const,
                render: (n: number | null, a: StockAlert) => <Typography.Text strong data-testid="alert-excess">{qty(n, a)}</Typography.Text>,
              },
              { title: t('inventory.alerts.sold'), dataIndex: 'soldLast30Days', width: 120, align: 'right' as const, render: qty },
            ]),
        {
          title: t('actions'),
          key: 'actions',
          width: 80,
          render: (_, a) => <Link to={movementsPath({ skuId: a.skuId, skuCode: a.skuCode, warehouseId: a.warehouseId ?? undefined })}>{t('inventory.stock.ledger')}</Link>,
        },
      ]}
    />
  );
}
