import { ErrorBlock, List } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/api/error-message';
import { useCursorList } from '../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../shared/lib/format';
import { FINANCE_ACCOUNT, FINANCE_MOVEMENTS, financeApi, type MoneyMovement } from '../api/finance';
import { LoadMoreBar } from '../components/load-more-bar';
import { RechargeBlock } from '../components/recharge-block';
import { PageLoading } from '../components/page-loading';
import { SubPage } from '../layout/sub-page';
import { formatFen } from '../lib/money';

const signed = (fen: number) => (fen > 0 ? `+${formatFen(fen)}` : formatFen(fen));

function MovementItem({ m }: { m: MoneyMovement }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const effects = [
    m.balanceDeltaFen !== 0 && t('finance.balanceDelta', { delta: signed(m.balanceDeltaFen) }),
    m.creditDeltaFen !== 0 && t('finance.creditDelta', { delta: signed(m.creditDeltaFen) }),
    m.dueOn && t('finance.dueOn', { date: m.dueOn }),
  ].filter(Boolean);
  const what = [m.orderNo, m.reason && t(`finance.reason.${m.reason}`, { defaultValue: m.reason }), m.note].filter(Boolean).join(' · ');
  return (
    <List.Item
      data-testid="movement"
      data-kind={m.kind}
      onClick={m.orderId ? () => navigate(`/orders/${m.orderId}`) : undefined}
      description={
        <>
          {what && <div className="dh-ellipsis">{what}</div>}
          <div>{formatDateTime(m.createdAt)}{effects.length ? ` · ${effects.join(' · ')}` : ''}</div>
        </>
      }
      extra={<span data-testid="movement-amount">{formatFen(m.amountFen)}</span>}
    >
      {t(`finance.kind.${m.kind}`, { defaultValue: m.kind })}
    </List.Item>
  );
}

/** 我的账户: balance (预存款), credit limit / used / available / overdue, and the ledger, newest first. */
export default function FinanceAccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const account = useQuery({ queryKey: [FINANCE_ACCOUNT], queryFn: financeApi.account, staleTime: 0 });
  const list = useCursorList<MoneyMovement>(FINANCE_MOVEMENTS, {}, { limit: 30 });
  const a = account.data;
  if (account.isLoading) return <SubPage title={t('finance.title')}><PageLoading /></SubPage>;
  if (!a) {
    return <SubPage title={t('finance.title')}><ErrorBlock status="default" title={errorMessage(account.error, t)} description="" /></SubPage>;
  }
  const credit = a.creditLimitFen > 0;
  return (
    <SubPage title={t('finance.title')}>
      <div className="dh-section">
        <div className="dh-finance-cards" data-testid="finance-summary">
          <div><span className="dh-muted">{t('finance.balance')}</span><b data-testid="finance-balance">{formatFen(a.balanceFen)}</b></div>
          {credit ? (
            <div><span className="dh-muted">{t('finance.creditAvailable')}</span><b data-testid="finance-credit-available">{formatFen(a.creditAvailableFen)}</b></div>
          ) : (
            <div><span className="dh-muted">{t('finance.creditTerm')}</span><b style={{ fontSize: 15 }} data-testid="finance-no-credit">{t('finance.noCredit')}</b></div>
          )}
        </div>
        {credit && (
          <List>
            <List.Item extra={<span data-testid="finance-credit-limit">{formatFen(a.creditLimitFen)}</span>}>{t('finance.creditLimit')}</List.Item>
            <List.Item extra={<span data-testid="finance-credit-used">{formatFen(a.creditUsedFen)}</span>}>{t('finance.creditUsed')}</List.Item>
            <List.Item extra={<span data-testid="finance-overdue" className={a.overdueFen > 0 ? 'dh-pay-due' : undefined}>{formatFen(a.overdueFen)}</span>}>{t('finance.overdue')}</List.Item>
            <List.Item extra={t('finance.creditTermDays', { days: a.creditTermDays })}>{t('finance.creditTerm')}</List.Item>
          </List>
        )}
      </div>
      <RechargeBlock account={a} />
      <div className="dh-section"><List><List.Item arrow onClick={() => navigate('/me/statements')} data-testid="to-statements">{t('statements.entry')}</List.Item></List></div>
      <div className="dh-section" data-testid="finance-ledger">
        <div className="dh-block-title">{t('finance.ledger')}</div>
        {!list.isLoading && list.items.length === 0 && !list.error ? (
          <div className="dh-muted" style={{ padding: '0 12px 12px' }} data-testid="finance-empty">{t('finance.empty')}</div>
        ) : (
          <List>{list.items.map((m) => <MovementItem key={m.id} m={m} />)}</List>
        )}
        <LoadMoreBar hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      </div>
    </SubPage>
  );
}
