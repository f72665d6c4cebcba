import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/lib/format';
import type { OrderEvent } from '../api/orders';
import { orderStatusLabel } from '../lib/order-labels';
import { OrderChangeList } from './order-changes';

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
          {e.changes && <OrderChangeList changes={e.changes} />}
        </li>
      ))}
    </ol>
  );
}
