import { Button, Tag } from 'antd-mobile';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/lib/format';
import { FINANCE_ACCOUNT, FINANCE_RECHARGES, financeApi, type Payment } from '../api/finance';
import { ORDERS } from '../api/orders';
import { mallErrorMessage } from '../lib/error-text';
import { formatFen } from '../lib/money';

/**
 * The cashier of a pending online payment: WeChat's QR code to scan (with a link to open it on this device), or the
 * gateway's page to go to (Alipay, UnionPay); and 我已支付 to ask the gateway now instead of waiting for its callback.
 */
export function OnlineCashier({ payment, sandbox }: { payment: Payment; sandbox?: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [qr, setQr] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    if (payment.payKind !== 'qr' || !payment.payUrl) return;
    let live = true;
    void QRCode.toDataURL(payment.payUrl, { margin: 1, width: 180 }).then((url) => { if (live) setQr(url); });
    return () => { live = false; };
  }, [payment.payKind, payment.payUrl]);

  const refresh = useMutation({
    mutationFn: () => financeApi.refreshPayment(payment.id),
    onSuccess: async (p) => {
      setNote(p.status === 'succeeded' ? t('pay.online.paid') : p.status === 'pending' ? t('pay.online.notYet') : t('pay.online.failed'));
      await Promise.all([qc.invalidateQueries({ queryKey: [ORDERS] }), qc.invalidateQueries({ queryKey: [FINANCE_ACCOUNT] }), qc.invalidateQueries({ queryKey: [FINANCE_RECHARGES] })]);
    },
    onError: (err) => setNote(mallErrorMessage(err, t)),
  });

  if (payment.status !== 'pending' || !payment.payUrl) return null;
  return (
    <div className="dh-pay-info" data-testid="online-cashier" data-payment={payment.id}>
      <div>
        {t(`common:paymentMethod.${payment.method}`, { defaultValue: payment.methodName })} <b>{formatFen(payment.amountFen)}</b>
        {sandbox && <Tag color="warning" fill="outline" style={{ marginLeft: 6 }} data-testid="sandbox-tag">{t('pay.online.sandbox')}</Tag>}
      </div>
      {qr && <img src={qr} width={180} height={180} alt={t('pay.online.scan')} data-testid="online-qr" style={{ display: 'block', margin: '8px auto' }} />}
      <div className="dh-muted">{payment.payKind === 'qr' ? t('pay.online.scanHint') : t('pay.online.redirectHint')}</div>
      {payment.expiresAt && <div className="dh-muted">{t('pay.online.expires', { at: formatDateTime(payment.expiresAt) })}</div>}
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <Button size="small" color="primary" data-testid="online-open" onClick={() => window.location.assign(payment.payUrl!)}>{t('pay.online.open')}</Button>
        <Button size="small" data-testid="online-refresh" loading={refresh.isPending} onClick={() => refresh.mutate()}>{t('pay.online.done')}</Button>
      </div>
      {note && <div className="dh-pay-note" data-testid="online-note">{note}</div>}
    </div>
  );
}
