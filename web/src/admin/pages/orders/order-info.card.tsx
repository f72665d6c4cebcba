import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/lib/format';
import type { OrderDetail } from '../../api/orders';
import { useStaff } from '../../auth/use-staff';
import { formatAddress } from './order-format';

/** 客户与收货: who ordered, where it goes, when it is wanted, the remark and the invoice request. */
export function OrderInfoCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const me = useStaff();
  const inv = order.invoice;
  return (
    <Card variant="borderless" title={t('orders.info')}>
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
        <Descriptions.Item label={t('orders.customer')}>
          {me.can('customers.read') ? <Link to={`/customers/${order.customerId}`} data-testid="order-customer">{order.customerName}</Link> : <span data-testid="order-customer">{order.customerName}</span>}
          &nbsp;<Tag bordered={false}>{order.customerCode}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.placedBy')}>
          {order.placedByName ?? '—'} <Tag bordered={false}>{t(`orders.source.${order.source}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.submittedAt')}>{formatDateTime(order.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.address')} span={2}>
          <span data-testid="order-address">{formatAddress(order.address)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.requestedDate')}>{order.requestedDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('orders.paymentMethod')}>
          {order.paymentMethod ? t(`orders.paymentMethodName.${order.paymentMethod}`, { defaultValue: t(`common:paymentMethod.${order.paymentMethod}`, { defaultValue: order.paymentMethod }) }) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.invoice')} span={2}>
          {inv ? `${t(`common:invoiceKind.${inv.kind}`)} · ${inv.title} · ${inv.taxNo}` : t('orders.noInvoice')}
        </Descriptions.Item>
        {(order.carrier || order.trackingNo) && (
          <Descriptions.Item label={t('orders.waybill')}>{[order.carrier, order.trackingNo].filter(Boolean).join(' ')}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('orders.remark')} span={3}>
          <span data-testid="order-remark">{order.remark || '—'}</span>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
