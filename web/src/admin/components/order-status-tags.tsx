import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FulfilmentStatus, OrderStatus, OrderSummary, PaymentStatus } from '../api/orders';

const STATUS_COLORS: Record<OrderStatus, string> = {
  pending_approval: 'gold',
  pending_review: 'orange',
  pending_finance: 'orange',
  pending_release: 'blue',
  pending_shipment: 'blue',
  pending_receipt: 'cyan',
  completed: 'green',
  rejected: 'red',
  cancelled: 'default',
  voided: 'default',
};
const PAYMENT_COLORS: Record<PaymentStatus, string> = {
  unpaid: 'default',
  pending_confirmation: 'orange',
  partially_paid: 'gold',
  paid: 'green',
  partially_refunded: 'purple',
  refunded: 'purple',
};

/** The review status (GLOSSARY.md), plus 待内部审批 for an order waiting for the customer's own approver. */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="order-status" data-status={status}>
      {status === 'pending_approval' ? t('orders.pendingApproval') : t(`common:orderStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function FulfilmentTag({ status }: { status: FulfilmentStatus }) {
  const { t } = useTranslation();
  return <Tag bordered={false} color={status === 'delivered' || status === 'shipped' ? 'green' : undefined} data-testid="order-fulfilment">{t(`common:fulfilmentStatus.${status}`, { defaultValue: status })}</Tag>;
}

export function PaymentTag({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return <Tag bordered={false} color={PAYMENT_COLORS[status]} data-testid="order-payment">{t(`common:paymentStatus.${status}`, { defaultValue: status })}</Tag>;
}

/** Review, fulfilment and payment status: three separate dimensions, three tags. */
export function OrderTags({ order }: { order: Pick<OrderSummary, 'status' | 'fulfilmentStatus' | 'paymentStatus'> }) {
  return (
    <Space size={0} wrap>
      <OrderStatusTag status={order.status} />
      {/* A rejected, cancelled or voided order is not being prepared: no fulfilment tag. */}
      {!['rejected', 'cancelled', 'voided'].includes(order.status) && <FulfilmentTag status={order.fulfilmentStatus} />}
      <PaymentTag status={order.paymentStatus} />
    </Space>
  );
}
