import { Badge } from 'antd';
import { useOrderCounts } from '../hooks/use-order-counts';

/** 待处理 orders beside 订单管理, polled with the queue's counts (slower away from the queue). */
export function OrdersTodoBadge() {
  const counts = useOrderCounts(30_000);
  const n = counts.data?.todo ?? 0;
  if (n === 0) return null;
  return <Badge count={n} overflowCount={999} size="small" style={{ marginLeft: 8, boxShadow: 'none' }} data-testid="menu-orders-badge" />;
}
