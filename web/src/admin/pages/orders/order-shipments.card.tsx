import { Card, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { type Shipment, SHIPMENTS } from '../../api/fulfilment';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { linesSummary, ShipmentStatusTag, TrackingStateTag } from '../fulfilment/shipment-parts';

/** 发货单 of an order: each parcel with its warehouse, status, carrier and number; shown to staff who ship. */
export function OrderShipmentsCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const me = useStaff();
  const canShip = me.can('orders.ship');
  const list = useCursorList<Shipment>(SHIPMENTS, { orderId }, { enabled: canShip });
  if (!canShip) return null;
  return (
    <Card variant="borderless" title={t('orders.shipments.title')} data-testid="order-shipment-card">
      <Table<Shipment>
        size="small"
        rowKey="id"
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('orders.shipments.empty') }}
        onRow={(s) => ({ 'data-testid': 'order-shipment', 'data-no': s.shipmentNo, 'data-status': s.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('orders.shipments.no'), dataIndex: 'shipmentNo', width: 120, render: (no: string, s) => <Link to={`/shipments/${s.id}`} data-testid="order-shipment-no">{no}</Link> },
          { title: t('orders.status'), dataIndex: 'status', width: 90, render: (_: unknown, s) => <ShipmentStatusTag status={s.status} /> },
          { title: t('orders.shipments.warehouse'), dataIndex: 'warehouseName', width: 110, render: (w: string | null) => w ?? '—' },
          { title: t('orders.shipments.goods'), key: 'goods', render: (_, s) => <Typography.Text type="secondary">{linesSummary(t, s.lines)}</Typography.Text> },
          {
            title: t('orders.shipments.carrier'),
            key: 'carrier',
            width: 240,
            render: (_, s) => (
              <>
                <span data-testid="order-shipment-carrier">{[s.carrierName, s.trackingNo].filter(Boolean).join(' ') || '—'}</span>
                {s.trackingState && <span style={{ marginLeft: 6 }}><TrackingStateTag state={s.trackingState} /></span>}
              </>
            ),
          },
          { title: t('orders.shipments.shippedAt'), dataIndex: 'shippedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
    </Card>
  );
}
