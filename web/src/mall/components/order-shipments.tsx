import { Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/lib/format';
import { ORDERS, orderShipments, type Shipment } from '../api/orders';

/** Where a parcel is, in one word: its latest tracking step, else the shipment's own status. */
function ParcelState({ s }: { s: Shipment }) {
  const { t } = useTranslation();
  const text = s.trackingState ? t(`orders.trackingState.${s.trackingState}`) : t(`orders.shipmentStatus.${s.status}`);
  const color = s.status === 'delivered' || s.trackingState === 'delivered' ? 'success' : s.trackingState === 'exception' ? 'danger' : 'primary';
  return <Tag color={color} fill="outline" data-testid="shipment-state">{text}</Tag>;
}

function Parcel({ s }: { s: Shipment }) {
  const { t } = useTranslation();
  const steps = s.tracking ?? [];
  return (
    <div className="dh-parcel" data-testid="shipment" data-shipment-no={s.shipmentNo}>
      <div className="dh-parcel-head">
        <span className="dh-timeline-action">{s.carrierName ?? t('orders.shipmentNo', { no: s.shipmentNo })}</span>
        <ParcelState s={s} />
      </div>
      {s.trackingNo && <div className="dh-muted" data-testid="shipment-tracking-no">{t('orders.tracking')}：{s.trackingNo}</div>}
      <div className="dh-muted dh-ellipsis">
        {t('orders.shipmentNo', { no: s.shipmentNo })}{s.warehouseName ? ` · ${s.warehouseName}` : ''} · {s.lines.map((l) => `${l.productName}×${l.qty}${l.baseUnit}`).join('，')}
      </div>
      {steps.length > 0 ? (
        <ol className="dh-timeline dh-parcel-steps" data-testid="tracking-timeline">
          {steps.map((e, i) => (
            <li key={`${e.at}-${i}`} className="dh-timeline-item" data-testid="tracking-step" data-state={e.state}>
              <div>{e.description}</div>
              <div className="dh-muted">{formatDateTime(e.at)}{e.location ? ` · ${e.location}` : ''}</div>
            </li>
          ))}
        </ol>
      ) : (
        s.status !== 'picking' && s.status !== 'packed' && <div className="dh-muted" data-testid="tracking-empty">{t('orders.noTracking')}</div>
      )}
    </div>
  );
}

/** 包裹: every parcel of an order with its carrier, number and tracking timeline (newest step first). */
export function OrderShipments({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: [ORDERS, orderId, 'shipments'], queryFn: () => orderShipments(orderId), staleTime: 0, refetchOnWindowFocus: true, refetchInterval: 60_000 });
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <div className="dh-section" data-testid="order-shipments">
      <div className="dh-block-title">{t('orders.shipments', { count: items.length })}</div>
      {items.map((s) => <Parcel key={s.id} s={s} />)}
    </div>
  );
}
