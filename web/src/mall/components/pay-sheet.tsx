import { Button, Checkbox, type ImageUploadItem, Popup, Selector, Toast } from 'antd-mobile';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api-error';
import { newIdempotencyKey } from '../../shared/api/client';
import { FINANCE_ACCOUNT, financeApi, isOnlineMethod, type OrderMoney, PAY_METHODS, type PayInput, type PayMethod, type Payment, orderPaymentsKey } from '../api/finance';
import { OnlineCashier } from './online-cashier';
import { BankAccountInfo, VoucherUploader } from './transfer-parts';
import { ORDERS } from '../api/orders';
import { mallErrorMessage } from '../lib/error-text';
import { fenToYuan, formatFen, yuanToFen } from '../lib/money';
import { TextInput } from './text-input';

const num = (p: Record<string, unknown>, key: string) => (typeof p[key] === 'number' ? (p[key] as number) : 0);

/** A refusal of a payment in words, with the numbers of the problem document (credit limit, balance, what is due). */
export function payErrorText(err: unknown, t: TFunction): string | null {
  if (!isApiError(err)) return null;
  const p = err.problem;
  switch (err.code) {
    case 'credit_limit_exceeded':
      return t('pay.error.credit_limit_exceeded', {
        limit: formatFen(num(p, 'creditLimitFen')), used: formatFen(num(p, 'creditUsedFen')), available: formatFen(num(p, 'availableFen')), amount: formatFen(num(p, 'amountFen')),
      });
    case 'credit_overdue':
      return t('pay.error.credit_overdue', { overdue: formatFen(num(p, 'overdueFen')) });
    case 'insufficient_balance':
      return t('pay.error.insufficient_balance', { balance: formatFen(num(p, 'balanceFen')), amount: formatFen(num(p, 'amountFen')) });
    case 'payment_exceeds_due':
      return t('pay.error.payment_exceeds_due', { due: formatFen(num(p, 'amountDueFen')), amount: formatFen(num(p, 'amountFen')) });
    case 'payment_method_unavailable':
      return t('pay.error.payment_method_unavailable');
    default:
      return null;
  }
}

interface Props {
  visible: boolean;
  order: OrderMoney;
  onClose: () => void;
}

/**
 * 去付款: the methods this customer may use in the mall (余额 / 线下转账 / 账期), the amount (default: all that is open,
 * or what the balance holds), the company's bank account and the vouchers for a transfer. Each submission carries one
 * Idempotency-Key, kept while the same submission is retried; a changed method, amount or voucher set is a new one.
 */
export function PaySheet({ visible, order, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const account = useQuery({ queryKey: [FINANCE_ACCOUNT], queryFn: financeApi.account, enabled: visible, staleTime: 0 });
  const open = Math.max(0, order.amountDueFen - order.awaitingConfirmationFen);
  const methods = (account.data?.enabledMethods ?? []).filter((m): m is { code: PayMethod; name: string } => PAY_METHODS.includes(m.code as PayMethod));
  const [method, setMethod] = useState<PayMethod>();
  const [amountText, setAmountText] = useState('');
  const [files, setFiles] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [remark, setRemark] = useState('');
  // One Idempotency-Key per distinct step (method + amount + vouchers), kept for its retries: a combined payment whose
  // online step failed replays its balance step instead of taking the balance twice.
  const keysRef = useRef(new Map<string, string>());
  const [useBalance, setUseBalance] = useState(true);
  const [started, setStarted] = useState<Payment | null>(null);
  const balance = account.data?.balanceFen ?? 0;

  // A fresh form each time the sheet opens; the first enabled method is chosen.
  useEffect(() => {
    if (!visible) return;
    setMethod(undefined);
    setFiles([]);
    setRefusal(null);
    setRemark('');
    setStarted(null);
    setUseBalance(true);
    keysRef.current = new Map();
  }, [visible]);
  useEffect(() => {
    if (visible && !method && methods.length) pick(methods[0].code);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible, methods.length]);

  function pick(m: PayMethod) {
    setMethod(m);
    setRefusal(null);
    setAmountText(fenToYuan(m === 'balance' ? Math.min(open, balance) || open : open));
  }

  const amountFen = yuanToFen(amountText);
  const canCombine = method !== undefined && isOnlineMethod(method) && balance > 0 && methods.some((m) => m.code === 'balance');
  const combine = canCombine && useBalance;
  const amountOk = amountFen !== undefined && amountFen >= 1 && amountFen <= open;
  const voucherIds = files.map((f) => String(f.extra));

  type Step = Omit<PayInput, 'orderId' | 'idempotencyKey'>;
  const pay = useMutation({
    mutationFn: async (steps: Step[]) => {
      let last: Awaited<ReturnType<typeof financeApi.pay>> | undefined;
      for (const step of steps) {
        const signature = JSON.stringify(step);
        if (!keysRef.current.has(signature)) keysRef.current.set(signature, newIdempotencyKey());
        last = await financeApi.pay({ orderId: order.id, idempotencyKey: keysRef.current.get(signature)!, ...step });
      }
      return last!;
    },
    onSuccess: async (res) => {
      keysRef.current = new Map();
      if (res.payment.status === 'pending' && res.payment.payUrl) {
        // Online: Alipay / UnionPay pages are opened; WeChat's code is shown here to scan (or opened on this device).
        void qc.invalidateQueries({ queryKey: orderPaymentsKey(order.id) });
        if (res.payment.payKind === 'redirect') window.location.assign(res.payment.payUrl);
        else setStarted(res.payment);
        return;
      }
      qc.setQueryData(orderPaymentsKey(order.id), (old: { items: unknown[] } | undefined) => old && { ...old, order: res.order });
      await Promise.all([
        qc.invalidateQueries({ queryKey: [ORDERS, order.id] }),
        qc.invalidateQueries({ queryKey: [ORDERS, 'list'] }),
        qc.invalidateQueries({ queryKey: [FINANCE_ACCOUNT] }),
      ]);
      Toast.show({ icon: 'success', content: res.payment.status === 'succeeded' ? t('pay.paidOk') : t('pay.declaredOk') });
      onClose();
    },
    onError: (err) => {
      const text = payErrorText(err, t);
      if (text) setRefusal(text);
      else Toast.show({ icon: 'fail', content: mallErrorMessage(err, t) });
      // A refusal wrote nothing; the order may have moved on meanwhile.
      void qc.invalidateQueries({ queryKey: orderPaymentsKey(order.id) });
      void qc.invalidateQueries({ queryKey: [FINANCE_ACCOUNT] });
    },
  });

  const submit = () => {
    if (!method || !amountOk) return;
    if (method === 'bank_transfer' && voucherIds.length === 0) {
      Toast.show({ content: t('pay.voucherNeeded') });
      return;
    }
    setRefusal(null);
    if (isOnlineMethod(method)) {
      // 组合支付: the balance first (as much as it holds), the rest online.
      const fromBalance = combine ? Math.min(balance, amountFen) : 0;
      const steps: Step[] = [
        ...(fromBalance > 0 ? [{ method: 'balance' as const, amountFen: fromBalance }] : []),
        ...(amountFen - fromBalance > 0 ? [{ method, amountFen: amountFen - fromBalance }] : []),
      ];
      pay.mutate(steps);
      return;
    }
    pay.mutate([{ method, amountFen, ...(method === 'bank_transfer' ? { voucherIds } : {}), ...(remark.trim() ? { remark: remark.trim() } : {}) }]);
  };

  const a = account.data;
  const bank = a?.bankAccount;

  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '88vh', overflowY: 'auto' }} destroyOnClose>
      <div className="dh-pay-sheet" data-testid="pay-sheet">
        <div className="dh-pay-sheet-head">
          <span className="dh-block-title" style={{ padding: 0 }}>{t('pay.sheetTitle')}</span>
          <span>{t('pay.open')} <b data-testid="pay-open">{formatFen(open)}</b></span>
        </div>

        {a && methods.length === 0 && <div className="dh-pay-note" data-testid="pay-no-methods">{t('pay.noMethods')}</div>}
        {methods.length > 0 && (
          <>
            <div className="dh-pay-label">{t('pay.method')}</div>
            <Selector
              columns={3}
              value={method ? [method] : []}
              onChange={(v) => v[0] && pick(v[0])}
              options={methods.map((m) => ({ value: m.code, label: <span data-testid={`pay-method-${m.code}`}>{t(`common:paymentMethod.${m.code}`, { defaultValue: m.name })}</span> }))}
            />
          </>
        )}

        {started && <OnlineCashier payment={started} sandbox={a?.onlineSandbox} />}

        {!started && method && isOnlineMethod(method) && (
          <div className="dh-pay-info" data-testid="pay-online-info">
            {a?.onlineSandbox && <div className="dh-pay-note" data-testid="pay-sandbox-note">{t('pay.online.sandboxNote')}</div>}
            {canCombine && (
              <Checkbox checked={useBalance} onChange={setUseBalance} data-testid="pay-combine">
                {t('pay.online.useBalance', { amount: formatFen(Math.min(balance, amountFen ?? 0)), balance: formatFen(balance) })}
              </Checkbox>
            )}
            {combine && amountFen !== undefined && (
              <div className="dh-muted" data-testid="pay-combine-split">
                {t('pay.online.split', { balance: formatFen(Math.min(balance, amountFen)), online: formatFen(Math.max(0, amountFen - balance)) })}
              </div>
            )}
          </div>
        )}

        {method === 'balance' && (
          <div className="dh-pay-info" data-testid="pay-balance-info">
            <div>{t('pay.balance')}：<b data-testid="pay-balance">{formatFen(balance)}</b></div>
            {balance === 0 && <div className="dh-pay-note">{t('pay.balanceEmpty')}</div>}
            {balance > 0 && amountFen !== undefined && amountFen > balance && (
              <div className="dh-pay-note" data-testid="pay-balance-short">{t(a?.balanceShortPolicy === 'partial' ? 'pay.balanceShortPartial' : 'pay.balanceShortBlock', { balance: formatFen(balance), amount: formatFen(amountFen) })}</div>
            )}
          </div>
        )}

        {method === 'credit' && a && (
          <div className="dh-pay-info" data-testid="pay-credit-info">
            <div>{t('pay.credit')}：<b data-testid="pay-credit-available">{formatFen(a.creditAvailableFen)}</b></div>
            <div className="dh-muted">
              {t('pay.creditLimit')} {formatFen(a.creditLimitFen)} · {t('pay.creditUsed')} {formatFen(a.creditUsedFen)} · {t('pay.creditTerm', { days: a.creditTermDays })}
            </div>
            {a.overdueFen > 0 && <div className="dh-pay-note">{t('pay.creditOverdue')} {formatFen(a.overdueFen)}</div>}
          </div>
        )}

        {method === 'bank_transfer' && (
          <div className="dh-pay-info" data-testid="pay-bank-info">
            <BankAccountInfo bank={bank} />
            <div className="dh-muted" style={{ margin: '8px 0' }}>{t('pay.transferHint')}</div>
            <div className="dh-pay-label">{t('pay.vouchers')}</div>
            <VoucherUploader files={files} onChange={setFiles} onUploading={(d) => setUploading((n) => n + d)} />
          </div>
        )}

        {method && !started && (
          <>
            <div className="dh-pay-label">{t('pay.amount')}</div>
            <TextInput testId="pay-amount" inputMode="decimal" value={amountText} onChange={(v) => { setAmountText(v); setRefusal(null); }} placeholder={t('pay.amountPlaceholder', { max: formatFen(open) })} />
            {amountText !== '' && !amountOk && <div className="dh-pay-note">{t('pay.amountInvalid', { max: formatFen(open) })}</div>}
            <div className="dh-pay-label">{t('pay.remark')}</div>
            <TextInput testId="pay-remark" value={remark} onChange={setRemark} maxLength={200} />
          </>
        )}

        {refusal && <div className="dh-pay-refusal" role="alert" data-testid="pay-refusal">{refusal}</div>}

        {!started && <Button
          block
          color="primary"
          style={{ marginTop: 16 }}
          data-testid="pay-submit"
          loading={pay.isPending}
          disabled={!method || !amountOk || uploading > 0 || (method === 'bank_transfer' && voucherIds.length === 0)}
          onClick={submit}
        >
          {uploading > 0 ? t('pay.uploading') : t('pay.submit')}{amountOk && amountFen ? ` ${formatFen(amountFen)}` : ''}
        </Button>}
      </div>
    </Popup>
  );
}
