import { Button, Image, ImageViewer, Tag } from 'antd-mobile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/lib/format';
import { FINANCE_ACCOUNT, financeApi, type Payment, orderPaymentsKey, orderRefundsKey, type Refund } from '../api/finance';
import { ORDERS } from '../api/orders';
import { OnlineCashier } from './online-cashier';
import { useMember } from '../auth/use-member';
import { formatFen } from '../lib/money';
import { PaySheet } from './pay-sheet';

const STATE_COLOR: Record<Payment['status'], 'primary' | 'success' | 'warning' | 'danger' | 'default'> = {
  pending: 'primary',
  pending_confirmation: 'warning',
  succeeded: 'success',
  failed: 'danger',
  rejected: 'danger',
};

function PaymentRow({ p, sandbox }: { p: Payment; sandbox: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="dh-pay-row" data-testid="order-payment" data-status={p.status} data-method={p.method}>
      <div className="dh-pay-row-head">
        <span data-testid="order-payment-method">{t(`common:paymentMethod.${p.method}`, { defaultValue: p.methodName })}</span>
        <span style={{ flex: 1 }} />
        <b data-testid="order-payment-amount">{formatFen(p.amountFen)}</b>
        <Tag color={STATE_COLOR[p.status]} fill="outline" data-testid="order-payment-status">{t(`pay.state.${p.status}`)}</Tag>
      </div>
      <div className="dh-muted">{p.paymentNo} · {formatDateTime(p.createdAt)}</div>
      {p.status === 'pending' && p.payUrl && <OnlineCashier payment={p} sandbox={sandbox} />}
      {p.status === 'failed' && p.failReason && <div className="dh-muted" data-testid="order-payment-fail-reason">{t(`pay.online.failReason.${p.failReason}`, { defaultValue: p.failReason })}</div>}
      {p.rejectReason && <div className="dh-pay-note" data-testid="order-payment-reject-reason">{t('pay.rejectedBecause', { reason: p.rejectReason })}</div>}
      {p.vouchers.length > 0 && (
        <div className="dh-pay-vouchers">
          {p.vouchers.map((v, i) => (
            <Image key={v.id} src={v.url} width={48} height={48} fit="cover" style={{ borderRadius: 4 }}
              onClick={() => ImageViewer.Multi.show({ images: p.vouchers.map((x) => x.url), defaultIndex: i })} />
          ))}
        </div>
      )}
    </div>
  );
}

const REFUND_COLOR: Record<Refund['status'], 'warning' | 'success' | 'danger'> = { pending_approval: 'warning', succeeded: 'success', rejected: 'danger' };

/** One 退款单: where the money goes, how much, and whether the supplier's finance has approved it. */
function RefundRow({ r }: { r: Refund }) {
  const { t } = useTranslation();
  return (
    <div className="dh-pay-row" data-testid="order-refund" data-status={r.status} data-destination={r.destination}>
      <div className="dh-pay-row-head">
        <span data-testid="order-refund-destination">{t(`pay.refund.destination.${r.destination}`, { defaultValue: r.destination })}</span>
        <span style={{ flex: 1 }} />
        <b data-testid="order-refund-amount">{formatFen(r.amountFen)}</b>
        <Tag color={REFUND_COLOR[r.status]} fill="outline" data-testid="order-refund-status">{t(`pay.refund.state.${r.status}`)}</Tag>
      </div>
      <div className="dh-muted">{r.refundNo} · {t(`pay.refund.trigger.${r.trigger}`, { defaultValue: r.trigger })} · {formatDateTime(r.createdAt)}</div>
      {r.status === 'pending_approval' && <div className="dh-muted" data-testid="order-refund-hint">{t(`pay.refund.pendingHint.${r.destination}`)}</div>}
      {r.rejectReason && <div className="dh-pay-note" data-testid="order-refund-reject-reason">{t('pay.rejectedBecause', { reason: r.rejectReason })}</div>}
    </div>
  );
}

/**
 * 付款 on the order page: what is due, paid and awaiting finance, each payment with its state, and 去付款 while
 * something is still open on an order that is not closed; then the order's refunds, when there are any.
 */
export function OrderPayments({ orderId, closed }: { orderId: string; closed: boolean }) {
  const { t } = useTranslation();
  const me = useMember();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: orderPaymentsKey(orderId), queryFn: () => financeApi.orderPayments(orderId), staleTime: 0, refetchOnWindowFocus: true });
  const refunds = useQuery({ queryKey: orderRefundsKey(orderId), queryFn: () => financeApi.orderRefunds(orderId), staleTime: 0, refetchOnWindowFocus: true });
  const [paying, setPaying] = useState(false);
  const account = useQuery({ queryKey: [FINANCE_ACCOUNT], queryFn: financeApi.account, staleTime: 60_000 });
  const data = q.data;
  const pendingOnline = (data?.items ?? []).filter((p) => p.status === 'pending' && p.payUrl);
  // Back from the cashier (?paid=1): ask the gateway at once rather than wait for its callback; then, while a payment
  // is still at the cashier, look again every few seconds.
  const [searchParams, setSearchParams] = useSearchParams();
  const returned = searchParams.get('paid') === '1';
  useEffect(() => {
    if (!returned || !data) return;
    setSearchParams({}, { replace: true });
    void Promise.allSettled(pendingOnline.map((p) => financeApi.refreshPayment(p.id))).then(() => qc.invalidateQueries({ queryKey: [ORDERS, orderId] }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [returned, Boolean(data)]);
  useEffect(() => {
    if (pendingOnline.length === 0) return;
    const timer = setInterval(() => void qc.invalidateQueries({ queryKey: [ORDERS, orderId] }), 3000);
    return () => clearInterval(timer);
  }, [pendingOnline.length, orderId, qc]);
  const refundItems = [...(refunds.data?.items ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (!data) return null;
  const o = data.order;
  const open = Math.max(0, o.amountDueFen - o.awaitingConfirmationFen);
  const canPay = !closed && open > 0 && me.canEdit;
  return (
    <div className="dh-section dh-pay-block" data-testid="order-payments">
      <div className="dh-pay-block-head">
        <span className="dh-block-title" style={{ padding: 0 }}>{t('pay.title')}</span>
        <Tag color="default" fill="outline" data-testid="order-payments-status">{t(`common:paymentStatus.${o.paymentStatus}`, { defaultValue: o.paymentStatus })}</Tag>
      </div>
      <div className="dh-pay-sums">
        <div><span className="dh-muted">{t('pay.totalFen')}</span><b>{formatFen(o.totalFen)}</b></div>
        <div><span className="dh-muted">{t('pay.paid')}</span><b data-testid="pay-paid">{formatFen(o.paidFen)}</b></div>
        {o.awaitingConfirmationFen > 0 && <div><span className="dh-muted">{t('pay.awaiting')}</span><b data-testid="pay-awaiting">{formatFen(o.awaitingConfirmationFen)}</b></div>}
        {!closed && <div><span className="dh-muted">{t('pay.open')}</span><b className="dh-pay-due" data-testid="pay-due">{formatFen(open)}</b></div>}
      </div>
      {data.items.length === 0 ? (
        <div className="dh-muted" style={{ padding: '4px 0' }}>{t('pay.noRecords')}</div>
      ) : (
        data.items.map((p) => <PaymentRow key={p.id} p={p} sandbox={account.data?.onlineSandbox ?? false} />)
      )}
      {refundItems.length > 0 && (
        <div data-testid="order-refunds">
          <div className="dh-pay-label">{t('pay.refund.title')}</div>
          {refundItems.map((r) => <RefundRow key={r.id} r={r} />)}
        </div>
      )}
      {canPay && (
        <Button block color="primary" style={{ marginTop: 8 }} data-testid="order-pay" onClick={() => setPaying(true)}>
          {t('pay.payNow')} {formatFen(open)}
        </Button>
      )}
      <PaySheet visible={paying} order={o} onClose={() => setPaying(false)} />
    </div>
  );
}
