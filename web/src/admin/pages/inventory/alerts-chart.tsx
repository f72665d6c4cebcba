import { Progress, Typography } from 'antd';
import type { StockAlert, StockAlertKind } from '../../api/inventory';

const TOP = 10;

/**
 * The ten rows with the largest quantity to act on (建议采购 for low stock, the excess for overstock) as horizontal
 * bars. Plain antd progress bars: the console has no chart library, and this needs none.
 */
export function AlertsChart({ kind, rows, title }: { kind: StockAlertKind; rows: StockAlert[]; title: string }) {
  const value = (a: StockAlert) => (kind === 'low' ? a.suggestedQty : a.excessQty) ?? 0;
  const top = rows.filter((a) => value(a) > 0).sort((a, b) => value(b) - value(a)).slice(0, TOP);
  if (!top.length) return null;
  const max = value(top[0]);
  return (
    <div data-testid="alerts-chart" style={{ marginBottom: 24, maxWidth: 760 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {top.map((a) => (
        <div key={`${a.skuId}/${a.warehouseId ?? ''}`} data-testid="alerts-chart-bar" data-sku={a.skuCode} style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <Typography.Text ellipsis style={{ width: 260, flex: 'none' }} title={`${a.skuCode} ${a.productName}`}>
            {a.skuCode} {a.productName}
            {a.warehouseName && <Typography.Text type="secondary"> · {a.warehouseName}</Typography.Text>}
          </Typography.Text>
          <Progress
            percent={Math.max(1, Math.round((value(a) / max) * 100))}
            strokeColor={kind === 'low' ? '#fa541c' : '#faad14'}
            format={() => `${value(a)} ${a.baseUnit}`}
            style={{ flex: 1, margin: 0 }}
          />
        </div>
      ))}
    </div>
  );
}
