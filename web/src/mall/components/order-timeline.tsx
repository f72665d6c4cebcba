import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/lib/format';
import type { OrderEvent } from '../api/orders';
import { formatFen } from '../lib/money';
import { orderStatusLabel } from '../lib/order-labels';
import { OrderChangeList } from './order-changes';

interface ShipmentChange { shipmentNo?: string; warehouse?: string; carrier?: string; trackingNo?: string | null }
const shipmentText = (c: ShipmentChange) => [c.shipmentNo, c.warehouse, c.carrier, c.trackingNo].filter(Boolean).join(' · ');
interface PaymentChange { paymentNo?: string; method?: string; amountFen?: number }
interface RefundChange { refundNo?: string; destination?: string; amountFen?: number }

/** Every event of an order, newest first: what happened, who did it, when, why, and what an edit changed. */
export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const { t } = useTranslation();
  const newestFirst = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="dh-timeline" data-testid="order-timeline">
      {newestFirst.map((e) => (
        <li key={e.id} className="dh-timeline-item" data-testid="order-event" data-action={e.action}>
          <div className="dh-timeline-head">
            <span className="dh-timeline-action">{t(`orders.action.${e.action}`, { defaultValue: e.action })}</span>
            <span className="dh-muted">{formatDateTime(e.at)}</span>
          </div>
          {e.fromStatus !== e.toStatus && e.toStatus && (
            <div className="dh-muted">
              {e.fromStatus ? `${orderStatusLabel(t, e.fromStatus)} → ` : ''}{orderStatusLabel(t, e.toStatus)}
            </div>
          )}
          <div className="dh-muted">
            {t(`orders.actor.${e.actorKind}`, { defaultValue: e.actorKind })}{e.actorName ? `：${e.actorName}` : ''}
          </div>
          {e.reason && <div className="dh-timeline-reason">{t('orders.reason')}：{e.reason}</div>}
          {e.changes && e.action === 'edited' && <OrderChangeList changes={e.changes} />}
          {e.changes && e.action.startsWith('payment_') && (() => {
            const c = e.changes as unknown as PaymentChange;
            return (
              <div className="dh-muted" data-testid="event-payment">
                {[c.paymentNo, c.method && t(`common:paymentMethod.${c.method}`, { defaultValue: c.method }), typeof c.amountFen === 'number' && formatFen(c.amountFen)].filter(Boolean).join(' · ')}
              </div>
            );
          })()}
          {e.changes && e.action.startsWith('refund_') && (() => {
            const c = e.changes as unknown as RefundChange;
            return (
              <div className="dh-muted" data-testid="event-refund">
                {[c.refundNo, c.destination && t(`pay.refund.destination.${c.destination}`, { defaultValue: c.destination }), typeof c.amountFen === 'number' && formatFen(c.amountFen)].filter(Boolean).join(' · ')}
              </div>
            );
          })()}
          {e.changes && e.action.startsWith('shipment_') && <div className="dh-muted" data-testid="event-shipment">{shipmentText(e.changes as unknown as ShipmentChange)}</div>}
        </li>
      ))}
    </ol>
  );
}
