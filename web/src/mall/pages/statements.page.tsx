import { Button, ErrorBlock, List, Tabs } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/api/error-message';
import { formatDateTime } from '../../shared/lib/format';
import { MY_STATEMENT, statementApi, statementExportUrl } from '../api/statements';
import { PageLoading } from '../components/page-loading';
import { SubPage } from '../layout/sub-page';
import { isoDate } from '../lib/dates';
import { chinaYmd } from '../../shared/lib/china-day';
import { formatFen } from '../lib/money';
import { LineItem, PositionBlock } from './statement-parts';
import './statements.css';

const PAGE = 100;

/** The last 12 months, newest first, as [YYYY-MM, first day, last day (today for this month)]. */
function recentMonths(): { month: string; from: string; to: string }[] {
  // China calendar days, as the server counts them, whatever the phone's own time zone.
  const { y, m, d } = chinaYmd();
  const now = new Date(y, m - 1, d);
  return Array.from({ length: 12 }, (_, i) => {
    const first = new Date(now.getFullYear(), now.getMonth() - i, 1);
    const last = i === 0 ? now : new Date(now.getFullYear(), now.getMonth() - i + 1, 0);
    return { month: isoDate(first).slice(0, 7), from: isoDate(first), to: isoDate(last) };
  });
}

/** 对账单: pick a month or a period; the opening, every line, the closing and the orders; download the xlsx. */
export default function StatementsPage() {
  const { t } = useTranslation();
  const months = recentMonths();
  const [mode, setMode] = useState<'month' | 'custom'>('month');
  const [period, setPeriod] = useState({ from: months[0].from, to: months[0].to });
  const [draft, setDraft] = useState(period);
  // A long period of a busy customer has thousands of lines: show them 100 at a time.
  const [shown, setShown] = useState(PAGE);
  const q = useQuery({ queryKey: [MY_STATEMENT, period.from, period.to], queryFn: () => statementApi.get(period.from, period.to), staleTime: 0 });
  const s = q.data;
  return (
    <SubPage title={t('statements.title')} back="/me/finance">
      <div className="dh-section">
        <Tabs activeKey={mode} onChange={(k) => setMode(k as 'month' | 'custom')}>
          <Tabs.Tab key="month" title={<span data-testid="statement-mode-month">{t('statements.byMonth')}</span>} />
          <Tabs.Tab key="custom" title={<span data-testid="statement-mode-custom">{t('statements.custom')}</span>} />
        </Tabs>
        {mode === 'month' ? (
          <div className="dh-stmt-months">
            {months.map((m) => (
              <button type="button" key={m.month} data-testid={`statement-month-${m.month}`} className={period.from === m.from && period.to === m.to ? 'on' : ''}
                onClick={() => { setPeriod({ from: m.from, to: m.to }); setShown(PAGE); }}>{m.month}</button>
            ))}
          </div>
        ) : (
          <div className="dh-stmt-custom">
            <label><span className="dh-muted">{t('statements.from')}</span><input type="date" data-testid="statement-from" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
            <label><span className="dh-muted">{t('statements.to')}</span><input type="date" data-testid="statement-to" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
            <Button size="small" color="primary" data-testid="statement-query" disabled={!draft.from || !draft.to} onClick={() => { setPeriod(draft); setShown(PAGE); }}>{t('statements.query')}</Button>
          </div>
        )}
      </div>
      {q.isLoading && <PageLoading />}
      {q.error && <ErrorBlock status="default" title={errorMessage(q.error, t)} description="" />}
      {s && (
        <>
          <div className="dh-section" data-testid="statement-summary">
            <div className="dh-stmt-head">
              <span data-testid="statement-period">{t('statements.period', { from: s.from, to: s.to })}</span>
              <a className="dh-link dh-link-small" href={statementExportUrl(s.from, s.to)} download data-testid="statement-download">{t('statements.download')}</a>
            </div>
            <PositionBlock title={t('statements.opening')} p={s.opening} testId="statement-opening" />
            <PositionBlock title={t('statements.closing')} p={s.closing} testId="statement-closing" />
            <div className="dh-muted" style={{ padding: '0 12px 12px' }}>{t('statements.hint')}</div>
          </div>
          <div className="dh-section" data-testid="statement-lines">
            <div className="dh-block-title">{t('statements.lines')}</div>
            {s.lines.length === 0 ? <div className="dh-muted dh-pad">{t('statements.empty')}</div> : <List>{s.lines.slice(0, shown).map((l) => <LineItem key={l.id} l={l} />)}</List>}
            {s.lines.length > shown && (
              <div className="dh-pad"><Button block size="small" data-testid="statement-more" onClick={() => setShown(shown + PAGE)}>{t('statements.more', { count: s.lines.length - shown })}</Button></div>
            )}
          </div>
          <div className="dh-section" data-testid="statement-orders">
            <div className="dh-block-title">{t('statements.orders')} <span className="dh-muted">{t('statements.ordersTotal', { count: s.totals.orderCount, amount: formatFen(s.totals.ordersFen) })}</span></div>
            {s.orders.length === 0 ? <div className="dh-muted dh-pad">{t('statements.noOrders')}</div> : (
              <List>
                {s.orders.map((o) => (
                  <List.Item key={o.id} data-testid="statement-order" description={`${formatDateTime(o.submittedAt)} · ${o.statusName}`} extra={formatFen(o.totalFen)}>{o.orderNo}</List.Item>
                ))}
              </List>
            )}
          </div>
        </>
      )}
    </SubPage>
  );
}
