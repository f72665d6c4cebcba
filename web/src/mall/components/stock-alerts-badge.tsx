import { Badge } from 'antd-mobile';
import { useStockAlerts } from '../api/stock-alerts';

/** How many registered SKUs have arrived: the in-app notice of 缺货登记. */
export function StockAlertsBadge() {
  const arrived = useStockAlerts().data?.items.filter((a) => a.notifiedAt).length ?? 0;
  return arrived > 0 ? <Badge content={arrived} data-testid="stock-alerts-arrived" /> : null;
}
