import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import type { LineChange, OrderAddress, OrderChanges, OrderEvent } from '../../api/orders';
import { OrderStatusTag } from '../../components/order-status-tags';
import { formatAddress } from './order-format';
import { isShipmentEvent, ShipmentEventText } from './order-shipment-event';

const COLORS: Record<string, string> = {
  reject: 'red', member_reject: 'red', void: 'red', cancel: 'gray', edited: 'orange', approve: 'green', member_approve: 'green', receive: 'green', auto_confirm: 'green',
  shipment_created: 'blue', shipment_shipped: 'cyan', shipment_cancelled: 'gray', refund_requested: 'orange', refund_succeeded: 'green',
};

/** An edit's changes (lines and totals); other events carry other shapes in `changes`. */
const isEdit = (c: OrderChanges | null): c is OrderChanges => Boolean(c && Array.isArray(c.lines) && typeof c.totalBeforeFen === 'number');

const addressText = (a: unknown) => (typeof a === 'string' ? a : formatAddress(a as Partial<OrderAddress> | null));

function LineChangeText({ c }: { c: LineChange }) {
  const { t } = useTranslation();
  const name = `${c.productName}（${c.skuCode}）`;
  const money = (v: number | null) => (v === null ? '—' : formatFen(v));
  const qty = (v: number | null) => `${v ?? 0} ${c.unitName}`;
  switch (c.kind) {
    case 'added':
      return <>{t('orders.change.added', { name, qty: qty(c.after) })}</>;
    case 'removed':
      return <>{t('orders.change.removed', { name, qty: qty(c.before) })}</>;
    case 'qty':
      return <>{t('orders.change.qty', { name, before: qty(c.before), after: qty(c.after) })}</>;
    case 'price':
      return <>{t('orders.change.price', { name, before: money(c.before), after: money(c.after) })}</>;
    default:
      return <>{name}</>;
  }
}

/** An edit: the lines changed, the address, and the total before → after with the difference to collect or refund. */
export function OrderChangesView({ changes }: { changes: OrderChanges }) {
  const { t } = useTranslation();
  const diff = changes.differenceFen;
  return (
    <div data-testid="event-changes" style={{ background: '#fafafa', padding: '6px 10px', borderRadius: 6, marginTop: 4 }}>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {changes.lines.map((c, i) => (
          <li key={`${c.skuCode}-${c.kind}-${i}`} data-testid="event-line-change"><LineChangeText c={c} /></li>
        ))}
        {changes.address && (
          <li>{t('orders.change.address', { before: addressText(changes.address.before), after: addressText(changes.address.after) })}</li>
        )}
        {changes.remark && <li>{t('orders.change.remark', { before: changes.remark.before || '—', after: changes.remark.after || '—' })}</li>}
      </ul>
      <Typography.Text data-testid="event-total-change">
        {t('orders.change.total', { before: formatFen(changes.totalBeforeFen), after: formatFen(changes.totalAfterFen) })}
        {diff !== 0 && (
          <Typography.Text type={diff > 0 ? 'danger' : 'success'} style={{ marginLeft: 8 }}>
            {differenceText(t, diff, changes.paidFen ?? 0)}
          </Typography.Text>
        )}
      </Typography.Text>
    </div>
  );
}

interface RefundChange { refundNo?: string; destination?: string; amountFen?: number }

/** A refund requested or paid out: its number, where the money goes, how much. */
function RefundEventText({ changes: c }: { changes: RefundChange }) {
  const { t } = useTranslation();
  const text = [c.refundNo, c.destination && t(`finance.refunds.destinationName.${c.destination}`, { defaultValue: c.destination }), typeof c.amountFen === 'number' && formatFen(c.amountFen)].filter(Boolean).join(' · ');
  return <div data-testid="event-refund"><Typography.Text type="secondary">{text}</Typography.Text></div>;
}

function EventItem({ e }: { e: OrderEvent }) {
  const { t } = useTranslation();
  const actor = e.actorName ?? t(`audit.kind.${e.actorKind}`, { defaultValue: e.actorKind });
  return (
    <div data-testid="order-event" data-action={e.action}>
      <Space size={6} wrap>
        <Typography.Text strong>{t(`orders.event.${e.action}`, { defaultValue: e.action })}</Typography.Text>
        {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
          <span><OrderStatusTag status={e.fromStatus} />→ <OrderStatusTag status={e.toStatus} /></span>
        )}
        {!e.fromStatus && e.toStatus && <OrderStatusTag status={e.toStatus} />}
        {isEdit(e.changes) && e.revision !== null && <Tag bordered={false}>{t('orders.revision', { revision: e.revision })}</Tag>}
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(e.at)} · {actor}</Typography.Text>
      </div>
      {e.reason && <div data-testid="event-reason">{t('orders.reasonText', { reason: e.reason })}</div>}
      {isShipmentEvent(e) && <ShipmentEventText event={e} />}
      {e.action.startsWith('refund_') && e.changes && <RefundEventText changes={e.changes as unknown as RefundChange} />}
      {isEdit(e.changes) && <OrderChangesView changes={e.changes} />}
    </div>
  );
}

/** 订单日志: every transition and edit, oldest first. */
export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Typography.Text type="secondary">{t('common:message.empty')}</Typography.Text>;
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline
      data-testid="order-timeline"
      items={sorted.map((e) => ({ key: e.id, color: COLORS[e.action] ?? 'blue', children: <EventItem e={e} /> }))}
    />
  );
}

/** To collect or to refund only once something was paid; before that an edit just raises or lowers the total. */
export function differenceText(t: (key: string, o: Record<string, string>) => string, diff: number, paidFen: number): string {
  if (paidFen === 0) return diff > 0 ? t('orders.change.increase', { amount: formatFen(diff) }) : t('orders.change.decrease', { amount: formatFen(-diff) });
  return diff > 0 ? t('orders.change.due', { amount: formatFen(diff) }) : t('orders.change.refund', { amount: formatFen(Math.min(-diff, paidFen)) });
}
