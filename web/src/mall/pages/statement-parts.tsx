import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/lib/format';
import type { Position, StatementLine } from '../api/statements';
import { formatFen } from '../lib/money';

const signed = (fen: number) => (fen > 0 ? `+${formatFen(fen)}` : formatFen(fen));

/** 期初 / 期末: the four figures of a position. */
export function PositionBlock({ title, p, testId }: { title: string; p: Position; testId: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <div className="dh-block-title">{title}</div>
      <div className="dh-stmt-pos">
        {(['receivable', 'ordersDue', 'creditUsed', 'balance'] as const).map((k) => (
          <div key={k}><span className="dh-muted">{t(`statements.${k}`)}</span><b data-testid={`${testId}-${k}`}>{formatFen(p[`${k}Fen`])}</b></div>
        ))}
      </div>
    </div>
  );
}

/** One statement line: what it was, its document, and what it did to what I owe. */
export function LineItem({ l }: { l: StatementLine }) {
  const { t } = useTranslation();
  const moves = [
    l.balanceDeltaFen !== 0 && t('statements.balanceDelta', { delta: signed(l.balanceDeltaFen) }),
    l.creditDeltaFen !== 0 && t('statements.creditDelta', { delta: signed(l.creditDeltaFen) }),
  ].filter(Boolean);
  return (
    <List.Item
      className="dh-stmt-line"
      data-testid="statement-line"
      data-kind={l.kind}
      description={
        <>
          <div className="dh-ellipsis">{[l.orderNo && l.orderNo !== l.docNo ? l.orderNo : null, l.methodName, l.note].filter(Boolean).join(' · ') || '\u00a0'}</div>
          <div>{formatDateTime(l.at)}{moves.length ? ` · ${moves.join(' · ')}` : ''}</div>
        </>
      }
      extra={
        <div className="dh-stmt-amount">
          <div data-testid="statement-line-amount">
            {l.debitFen ? t('statements.debit', { amount: formatFen(l.debitFen) }) : l.creditFen ? t('statements.credit', { amount: formatFen(l.creditFen) }) : formatFen(l.amountFen)}
          </div>
          <div className="dh-muted">{l.receivableFen >= 0 ? t('statements.owed', { amount: formatFen(l.receivableFen) }) : t('statements.prepaid', { amount: formatFen(-l.receivableFen) })}</div>
        </div>
      }
    >
      {l.kindName} {l.docNo && <span className="dh-muted">{l.docNo}</span>}
    </List.Item>
  );
}
