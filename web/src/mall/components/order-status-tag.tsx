import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../api/orders';
import { orderStatusColor, orderStatusLabel } from '../lib/order-labels';

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={orderStatusColor(status)} fill="outline" data-testid="order-status" data-status={status}>{orderStatusLabel(t, status)}</Tag>;
}
