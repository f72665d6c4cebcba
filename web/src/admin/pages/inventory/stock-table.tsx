import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isLowStock, isOverstock, movementsPath, type SkuChoice, type StockLevel } from '../../api/inventory';
import type { StockChangeStart } from './stock-change.drawer';

interface Props {
  rows: StockLevel[];
  loading: boolean;
  canWrite: boolean;
  onChange: (start: StockChangeStart) => void;
  /** 设置安全库存 of a row (staff with inventory.write) */
  onSafety: (row: StockLevel) => void;
}

const choiceOf = (s: StockLevel): SkuChoice => ({ skuId: s.skuId, skuCode: s.skuCode, productName: s.productName, specText: s.specText, baseUnit: s.baseUnit });

/** SKU × warehouse: on hand, reserved by orders, safety stock and available; rows with nothing to sell are tinted. */
export function StockTable({ rows, loading, canWrite, onChange, onSafety }: Props) {
  const { t } = useTranslation();
  const qty = (testId: string) => (n: number, s: StockLevel) => (
    <span data-testid={testId}>
      {n} <Typography.Text type="secondary">{s.baseUnit}</Typography.Text>
    </span>
  );
  return (
    <Table<StockLevel>
      size="middle"
      rowKey={(s) => `${s.skuId}/${s.warehouseId}`}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('inventory.stock.empty') }}
      rowClassName={(s) => (isLowStock(s) ? 'stock-row-low' : '')}
      onRow={(s) => ({ 'data-testid': 'stock-row', 'data-sku': s.skuCode, 'data-warehouse': s.warehouseName, 'data-low': String(isLowStock(s)) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('inventory.stock.sku'),
          key: 'sku',
          render: (_, s) => (
            <>
              <Typography.Text strong>{s.productName}</Typography.Text>
              {s.specText && <Typography.Text type="secondary"> {s.specText}</Typography.Text>}
              <div><Typography.Text type="secondary">{s.skuCode}</Typography.Text></div>
            </>
          ),
        },
        { title: t('inventory.stock.warehouse'), dataIndex: 'warehouseName', width: 120 },
        { title: t('inventory.stock.onHand'), dataIndex: 'onHand', width: 110, align: 'right', render: qty('stock-onhand') },
        { title: t('inventory.stock.reserved'), dataIndex: 'reserved', width: 110, align: 'right', render: qty('stock-reserved') },
        {
          title: t('inventory.stock.safety'),
          dataIndex: 'safetyStock',
          width: 130,
          align: 'right',
          render: (n: number, s) => (
            <Space size={4}>
              <span data-testid="stock-safety">{n}</span>
              {canWrite && (
                <Button type="link" size="small" data-testid="stock-row-safety" title={t('inventory.safety.title')} style={{ padding: 0 }} onClick={() => onSafety(s)}>
                  {t('inventory.safety.set')}
                </Button>
              )}
            </Space>
          ),
        },
        {
          title: t('inventory.stock.available'),
          dataIndex: 'available',
          width: 140,
          align: 'right',
          render: (n: number, s) => (
            <Space size={4}>
              {isLowStock(s) && <Tag color="red" data-testid="stock-low-tag">{t('inventory.stock.low')}</Tag>}
              {isOverstock(s) && <Tag color="orange" data-testid="stock-over-tag">{t('inventory.stock.over')}</Tag>}
              {qty('stock-available')(n, s)}
            </Space>
          ),
        },
        {
          title: t('actions'),
          key: 'actions',
          width: canWrite ? 170 : 80,
          render: (_, s) => (
            <Space size={0}>
              {canWrite && (
                <>
                  <Button type="link" size="small" data-testid="stock-row-inbound" onClick={() => onChange({ kind: 'inbound', warehouseId: s.warehouseId, sku: choiceOf(s) })}>
                    {t('inventory.kind.inbound')}
                  </Button>
                  <Button type="link" size="small" data-testid="stock-row-adjust" onClick={() => onChange({ kind: 'adjust', warehouseId: s.warehouseId, sku: choiceOf(s) })}>
                    {t('inventory.kind.adjust')}
                  </Button>
                </>
              )}
              <Link data-testid="stock-row-ledger" to={movementsPath({ skuId: s.skuId, skuCode: s.skuCode, warehouseId: s.warehouseId })} style={{ padding: '0 7px' }}>
                {t('inventory.stock.ledger')}
              </Link>
            </Space>
          ),
        },
      ]}
    />
  );
}
