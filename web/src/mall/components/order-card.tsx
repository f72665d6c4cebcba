import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../shared/lib/format';
import type { OrderSummary } from '../api/orders';
import { formatFen } from '../lib/money';
import { OrderStatusTag } from './order-status-tag';

/** One order in my orders: number and status, what is in it, total and date; opens the order. */
export function OrderCard({ order }: { order: OrderSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="dh-section dh-order-card dh-clickable" data-testid="order-card" data-order-no={order.orderNo} role="link" onClick={() => navigate(`/orders/${order.id}`)}>
      <div className="dh-order-card-head">
        <span className="dh-order-no" data-testid="order-no">{order.orderNo}</span>
        <OrderStatusTag status={order.status} />
      </div>
      <div className="dh-order-card-body">
        <div className="dh-ellipsis">{order.firstLineName ?? ''}</div>
        <div className="dh-muted">
          {order.lineCount > 1 ? t('orders.moreLines', { count: order.lineCount, quantity: order.quantity }) : t('orders.oneLine', { quantity: order.quantity })}
        </div>
      </div>
      <div className="dh-order-card-foot">
        <span className="dh-muted">{formatDateTime(order.submittedAt)}{order.placedByName ? ` · ${order.placedByName}` : ''}</span>
        <span>{t('totals.total')} <span className="dh-price-own" data-testid="order-total">{formatFen(order.totalFen)}</span></span>
      </div>
    </div>
  );
}
