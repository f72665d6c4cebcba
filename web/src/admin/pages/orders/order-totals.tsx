import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../api/catalog';
import type { OrderDetail } from '../../api/orders';
import { formatRate } from './order-format';

const CLOSED: string[] = ['rejected', 'cancelled', 'voided'];

/** 合计: goods, discounts, shipping, the tax included per rate, what is paid and what is still due. */
export function OrderTotals({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const totals = order.totals;
  return (
    <Descriptions column={1} size="small" bordered style={{ maxWidth: 420, marginLeft: 'auto' }} data-testid="order-totals">
      <Descriptions.Item label={t('orders.totals.goods')}>{formatFen(totals.goodsFen)}</Descriptions.Item>
      {totals.discountFen !== 0 && <Descriptions.Item label={t('orders.totals.discount')}>-{formatFen(totals.discountFen)}</Descriptions.Item>}
      {totals.adjustments.map((a, i) => (
        <Descriptions.Item key={`${a.kind}-${i}`} label={a.label}>{formatFen(a.amountFen)}</Descriptions.Item>
      ))}
      <Descriptions.Item label={t('orders.totals.shipping')}>{formatFen(totals.shippingFen)}</Descriptions.Item>
      <Descriptions.Item label={<Typography.Text strong>{t('orders.totals.total')}</Typography.Text>}>
        <Typography.Text strong data-testid="order-grand-total">{formatFen(totals.totalFen)}</Typography.Text>
      </Descriptions.Item>
      {totals.taxes.map((x) => (
        <Descriptions.Item key={x.rateBp} label={t('orders.totals.taxAt', { rate: formatRate(x.rateBp) })}>
          <Typography.Text type="secondary">{t('orders.totals.taxDetail', { amount: formatFen(x.amountFen), tax: formatFen(x.taxFen) })}</Typography.Text>
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('orders.totals.paid')}>{formatFen(order.paidFen)}</Descriptions.Item>
      {/* Nothing is due on an order that will not be delivered (a cancelled one may have been refunded). */}
      {!CLOSED.includes(order.status) && (
        <Descriptions.Item label={<Typography.Text strong>{t('orders.totals.due')}</Typography.Text>}>
          <Typography.Text strong type={order.amountDueFen > 0 ? 'danger' : undefined} data-testid="order-amount-due">{formatFen(order.amountDueFen)}</Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
