import { Button, type ImageUploadItem, List, Popup, Selector, Tag, Toast } from 'antd-mobile';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { newIdempotencyKey } from '../../shared/api/client';
import { formatDateTime } from '../../shared/lib/format';
import { FINANCE_ACCOUNT, FINANCE_MOVEMENTS, FINANCE_RECHARGES, financeApi, isOnlineMethod, type MyAccount, type RechargeMethod } from '../api/finance';
import { mallErrorMessage } from '../lib/error-text';
import { formatFen, yuanToFen } from '../lib/money';
import { OnlineCashier } from './online-cashier';
import { TextInput } from './text-input';
import { BankAccountInfo, VoucherUploader } from './transfer-parts';

const STATE_COLOR = { pending: 'primary', pending_confirmation: 'warning', succeeded: 'success', failed: 'danger', rejected: 'danger' } as const;

/**
 * 充值: top up the prepaid balance online (the gateway's cashier) or by bank transfer with vouchers (finance confirms);
 * below, my latest recharges with their states, a pending online one with its cashier.
 */
export function RechargeBlock({ account }: { account: MyAccount }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const methods = account.enabledMethods.map((m) => m.code).filter((c): c is RechargeMethod => isOnlineMethod(c) || c === 'bank_transfer');
  const recent = useQuery({ queryKey: [FINANCE_RECHARGES], queryFn: financeApi.recharges, staleTime: 0 });
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<RechargeMethod | undefined>(methods[0]);
  const [amountText, setAmountText] = useState('');
  const [files, setFiles] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(0);
  const keyRef = useRef<{ signature: string; key: string } | null>(null);
  const amountFen = yuanToFen(amountText);
  const amountOk = amountFen !== undefined && amountFen >= 1;
  const voucherIds = files.map((f) => String(f.extra));
  const pending = (recent.data?.items ?? []).filter((p) => p.status === 'pending' && p.payUrl);

  const refreshAll = () => Promise.all([FINANCE_RECHARGES, FINANCE_ACCOUNT, FINANCE_MOVEMENTS].map((k) => qc.invalidateQueries({ queryKey: [k] })));
  // Back from the cashier (?paid=1): ask the gateway now; while one waits at the cashier, look again every few seconds.
  const [searchParams, setSearchParams] = useSearchParams();
  useEffect(() => {
    if (searchParams.get('paid') !== '1' || !recent.data) return;
    setSearchParams({}, { replace: true });
    void Promise.allSettled(pending.map((p) => financeApi.refreshPayment(p.id))).then(refreshAll);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchParams, Boolean(recent.data)]);
  useEffect(() => {
    if (pending.length === 0) return;
    const timer = setInterval(() => void refreshAll(), 3000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending.length]);

  const recharge = useMutation({
    mutationFn: financeApi.recharge,
    onSuccess: async (res) => {
      keyRef.current = null;
      await refreshAll();
      if (res.payment.payKind === 'redirect' && res.payment.payUrl) return window.location.assign(res.payment.payUrl);
      setOpen(false);
      setFiles([]);
      setAmountText('');
      if (res.payment.status === 'pending_confirmation') Toast.show({ icon: 'success', content: t('pay.declaredOk') });
    },
    onError: (err) => Toast.show({ icon: 'fail', content: mallErrorMessage(err, t) }),
  });

  const submit = () => {
    if (!method || !amountOk) return;
    const body = { method, amountFen, ...(method === 'bank_transfer' ? { voucherIds } : {}) };
    const signature = JSON.stringify(body);
    if (keyRef.current?.signature !== signature) keyRef.current = { signature, key: newIdempotencyKey() };
    recharge.mutate({ idempotencyKey: keyRef.current.key, ...body });
  };

  if (methods.length === 0) return null;
  return (
    <div className="dh-section" data-testid="recharge">
      <div className="dh-pay-block-head" style={{ padding: '0 12px' }}>
        <span className="dh-block-title" style={{ padding: 0 }}>{t('recharge.title')}</span>
        <Button size="small" color="primary" data-testid="recharge-open" onClick={() => setOpen(true)}>{t('recharge.action')}</Button>
      </div>
      {pending.map((p) => <div key={p.id} style={{ padding: '0 12px' }}><OnlineCashier payment={p} sandbox={account.onlineSandbox} /></div>)}
      {(recent.data?.items.length ?? 0) > 0 && (
        <List>
          {recent.data!.items.slice(0, 5).map((p) => (
            <List.Item key={p.id} data-testid="recharge-row" data-status={p.status}
              description={`${p.paymentNo} · ${formatDateTime(p.createdAt)}${p.rejectReason ? ` · ${t('pay.rejectedBecause', { reason: p.rejectReason })}` : ''}`}
              extra={<><b>{formatFen(p.amountFen)}</b> <Tag color={STATE_COLOR[p.status]} fill="outline">{t(`pay.state.${p.status}`)}</Tag></>}>
              {t(`common:paymentMethod.${p.method}`, { defaultValue: p.methodName })}
            </List.Item>
          ))}
        </List>
      )}
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '88vh', overflowY: 'auto' }} destroyOnClose>
        <div className="dh-pay-sheet" data-testid="recharge-sheet">
          <div className="dh-pay-sheet-head"><span className="dh-block-title" style={{ padding: 0 }}>{t('recharge.title')}</span></div>
          <div className="dh-pay-label">{t('pay.method')}</div>
          <Selector columns={3} value={method ? [method] : []} onChange={(v) => v[0] && setMethod(v[0])}
            options={methods.map((m) => ({ value: m, label: <span data-testid={`recharge-method-${m}`}>{t(`common:paymentMethod.${m}`)}</span> }))} />
          {method && isOnlineMethod(method) && account.onlineSandbox && <div className="dh-pay-note">{t('pay.online.sandboxNote')}</div>}
          {method === 'bank_transfer' && (
            <div className="dh-pay-info">
              <BankAccountInfo bank={account.bankAccount} />
              <div className="dh-pay-label">{t('pay.vouchers')}</div>
              <VoucherUploader files={files} onChange={setFiles} onUploading={(d) => setUploading((n) => n + d)} />
            </div>
          )}
          <div className="dh-pay-label">{t('recharge.amount')}</div>
          <TextInput testId="recharge-amount" inputMode="decimal" value={amountText} onChange={setAmountText} />
          <Button block color="primary" style={{ marginTop: 16 }} data-testid="recharge-submit" loading={recharge.isPending}
            disabled={!method || !amountOk || uploading > 0 || (method === 'bank_transfer' && voucherIds.length === 0)} onClick={submit}>
            {t('recharge.submit')}{amountOk && amountFen ? ` ${formatFen(amountFen)}` : ''}
          </Button>
        </div>
      </Popup>
    </div>
  );
}
