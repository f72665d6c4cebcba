import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/lib/format';
import type { Shipment } from '../../api/fulfilment';
import { useStaff } from '../../auth/use-staff';
import { formatWeight } from './shipment-parts';

/** The shipment's facts: order, warehouse, parcels, carrier and number, and when each step happened. */
export function ShipmentInfo({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const me = useStaff();
  const orderNo = s.orderNo ?? s.orderId;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }} style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('fulfilment.shipment.order')}>
        {me.can('orders.read') ? <Link to={`/orders/${s.orderId}`} data-testid="shipment-order">{orderNo}</Link> : <span data-testid="shipment-order">{orderNo}</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('fulfilment.shipment.customer')}>{s.customerName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('fulfilment.shipment.warehouse')}><span data-testid="shipment-warehouse">{s.warehouseName ?? '—'}</span></Descriptions.Item>
      <Descriptions.Item label={t('fulfilment.shipment.quantity')}>{s.quantity}</Descriptions.Item>
      <Descriptions.Item label={t('fulfilment.shipment.packages')}><span data-testid="shipment-packages">{s.packages}</span></Descriptions.Item>
      <Descriptions.Item label={t('fulfilment.shipment.weight')}><span data-testid="shipment-weight">{formatWeight(s.weightGrams)}</span></Descriptions.Item>
      <Descriptions.Item label={t('fulfilment.shipment.carrier')}><span data-testid="shipment-carrier">{s.carrierName ?? '—'}</span></Descriptions.Item>
      <Descriptions.Item label={t('fulfilment.shipment.trackingNo')} span={2}>
        <Typography.Text copyable={s.trackingNo ? { text: s.trackingNo } : false} style={{ whiteSpace: 'nowrap' }}>
          <span data-testid="shipment-tracking-no">{s.trackingNo ?? '—'}</span>
        </Typography.Text>
        {s.waybillVia && s.waybillVia !== 'manual' && <Tag bordered={false} color="purple" style={{ marginLeft: 8 }} data-testid="shipment-waybill-via">{t('fulfilment.shipment.viaWaybill')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('fulfilment.shipment.createdAt')}>{formatDateTime(s.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('fulfilment.shipment.packedAt')}>{formatDateTime(s.packedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('fulfilment.shipment.shippedAt')}>{formatDateTime(s.shippedAt)}</Descriptions.Item>
      {s.deliveredAt && <Descriptions.Item label={t('fulfilment.shipment.deliveredAt')}>{formatDateTime(s.deliveredAt)}</Descriptions.Item>}
      {s.cancelledAt && <Descriptions.Item label={t('fulfilment.shipment.cancelledAt')}>{formatDateTime(s.cancelledAt)}</Descriptions.Item>}
      <Descriptions.Item label={t('fulfilment.shipment.remark')} span={3}>{s.remark || '—'}</Descriptions.Item>
    </Descriptions>
  );
}
