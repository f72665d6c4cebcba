import { Segmented, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Refund, RefundState } from '../../api/finance';

const COLOR: Record<RefundState, string> = { pending_approval: 'warning', succeeded: 'success', rejected: 'error' };

export function RefundStateTag({ status }: { status: RefundState }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]} data-testid="refund-status">{t(`finance.refunds.state.${status}`)}</Tag>;
}

/** 退回余额 / 冲减账期欠款 / 原路退回（线下）. */
export function RefundDestinationName({ r }: { r: Pick<Refund, 'destination'> }) {
  const { t } = useTranslation();
  return <span data-testid="refund-destination">{t(`finance.refunds.destinationName.${r.destination}`, { defaultValue: r.destination })}</span>;
}

/** 订单取消 / 订单作废 / 手工退款. */
export function RefundTriggerName({ r }: { r: Pick<Refund, 'trigger'> }) {
  const { t } = useTranslation();
  return <>{t(`finance.refunds.triggerName.${r.trigger}`, { defaultValue: r.trigger })}</>;
}

/** 收款单 | 退款单: the two lists under the 收款管理 menu entry. */
export function FinanceViewSwitch({ current }: { current: 'payments' | 'refunds' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Segmented
      value={current}
      onChange={(v) => navigate(v === 'refunds' ? '/refunds' : '/payments')}
      options={(['payments', 'refunds'] as const).map((k) => ({ value: k, label: <span data-testid={`finance-view-${k}`}>{t(`finance.views.${k}`)}</span> }))}
    />
  );
}
