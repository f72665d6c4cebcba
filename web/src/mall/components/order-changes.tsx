import { useTranslation } from 'react-i18next';
import type { ChangeValue, OrderChanges } from '../api/orders';
import { formatFen } from '../lib/money';

/** An address (or anything else) an edit replaced, as one line of text. */
function asText(v: ChangeValue): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') {
    const a = v as Record<string, unknown>;
    const parts = [a.receiver, a.phone, a.regionText, a.detail].filter((x) => typeof x === 'string' && x);
    return parts.length > 0 ? parts.join(' ') : JSON.stringify(v);
  }
  return String(v);
}

const money = (v: ChangeValue) => (typeof v === 'number' ? formatFen(v) : asText(v));

/** What a staff edit changed: each line, the address, and the total before → after with the difference. */
export function OrderChangeList({ changes }: { changes: OrderChanges }) {
  const { t } = useTranslation();
  const diff = changes.differenceFen;
  return (
    <div className="dh-changes" data-testid="event-changes">
      {changes.lines.map((c, i) => (
        <div key={`${c.skuCode}-${c.kind}-${i}`} className="dh-change-row" data-testid="event-change">
          <span className="dh-change-what">{c.productName}（{c.unitName}）</span>
          <span>
            {c.kind === 'qty' && t('orders.change.qty', { before: asText(c.before), after: asText(c.after) })}
            {c.kind === 'price' && t('orders.change.price', { before: money(c.before), after: money(c.after) })}
            {c.kind === 'added' && t('orders.change.added', { qty: asText(c.after) })}
            {c.kind === 'removed' && t('orders.change.removed', { qty: asText(c.before) })}
          </span>
        </div>
      ))}
      {changes.address && (
        <div className="dh-change-row" data-testid="event-change-address">
          <span className="dh-change-what">{t('checkout.address')}</span>
          <span>{asText(changes.address.before)} → {asText(changes.address.after)}</span>
        </div>
      )}
      {changes.remark && (
        <div className="dh-change-row" data-testid="event-change-remark">
          {t('orders.change.remark', { before: changes.remark.before || '—', after: changes.remark.after || '—' })}
        </div>
      )}
      <div className="dh-change-total" data-testid="event-change-total">
        {t('orders.change.total', { before: formatFen(changes.totalBeforeFen), after: formatFen(changes.totalAfterFen) })}
        {diff !== 0 && (
          <span className={diff > 0 ? 'dh-diff-due' : 'dh-diff-refund'} data-testid="event-change-difference">
            {(changes.paidFen ?? 0) === 0
              ? t(diff > 0 ? 'orders.change.increase' : 'orders.change.decrease', { amount: formatFen(Math.abs(diff)) })
              : diff > 0 ? t('orders.change.due', { amount: formatFen(diff) }) : t('orders.change.refund', { amount: formatFen(Math.min(-diff, changes.paidFen ?? 0)) })}
          </span>
        )}
      </div>
    </div>
  );
}
