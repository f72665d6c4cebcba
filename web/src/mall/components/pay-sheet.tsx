import { Button, ImageUploader, type ImageUploadItem, Popup, Selector, Toast } from 'antd-mobile';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api-error';
import { newIdempotencyKey } from '../../shared/api/client';
import { FINANCE_ACCOUNT, financeApi, type OrderMoney, PAY_METHODS, type PayMethod, orderPaymentsKey } from '../api/finance';
import { ORDERS } from '../api/orders';
import { mallErrorMessage } from '../lib/error-text';
import { fenToYuan, formatFen, yuanToFen } from '../lib/money';
import { TextInput } from './text-input';

const MAX_VOUCHERS = 3;
const MAX_BYTES = 5 * 1024 * 1024;

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
  const keyRef = useRef<{ signature: string; key: string } | null>(null);
  const balance = account.data?.balanceFen ?? 0;

  // A fresh form each time the sheet opens; the first enabled method is chosen.
  useEffect(() => {
    if (!visible) return;
    setMethod(undefined);
    setFiles([]);
    setRefusal(null);
    setRemark('');
    keyRef.current = null;
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
  const amountOk = amountFen !== undefined && amountFen >= 1 && amountFen <= open;
  const voucherIds = files.map((f) => String(f.extra));

  const pay = useMutation({
    mutationFn: financeApi.pay,
    onSuccess: async (res) => {
      keyRef.current = null;
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
    const body = { method, amountFen, ...(method === 'bank_transfer' ? { voucherIds } : {}), ...(remark.trim() ? { remark: remark.trim() } : {}) };
    const signature = JSON.stringify(body);
    if (keyRef.current?.signature !== signature) keyRef.current = { signature, key: newIdempotencyKey() };
    pay.mutate({ orderId: order.id, idempotencyKey: keyRef.current.key, ...body });
  };

  const upload = async (file: File): Promise<ImageUploadItem> => {
    setUploading((n) => n + 1);
    try {
      const v = await financeApi.uploadVoucher(file);
      return { url: v.url, extra: v.id };
    } catch (err) {
      const text = isApiError(err) && err.code === 'unsupported_media_type' ? t('pay.voucherType') : mallErrorMessage(err, t);
      Toast.show({ icon: 'fail', content: text });
      throw err;
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const a = account.data;
  const bank = a?.bankAccount;
  const hasBank = Boolean(bank && (bank.accountNo || bank.bankName));

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
            <div className="dh-pay-label" style={{ marginTop: 0 }}>{t('pay.bankAccount')}</div>
            {hasBank && bank ? (
              <div className="dh-pay-bank" data-testid="pay-bank-account">
                <div><span className="dh-muted">{t('pay.accountName')}</span> {bank.accountName}</div>
                <div><span className="dh-muted">{t('pay.bankName')}</span> {bank.bankName}</div>
                <div><span className="dh-muted">{t('pay.accountNo')}</span> <b style={{ wordBreak: 'break-all' }}>{bank.accountNo}</b></div>
              </div>
            ) : (
              <div className="dh-pay-note">{t('pay.bankMissing')}</div>
            )}
            <div className="dh-muted" style={{ margin: '8px 0' }}>{t('pay.transferHint')}</div>
            <div className="dh-pay-label">{t('pay.vouchers')}</div>
            <div data-testid="pay-vouchers">
              <ImageUploader
                value={files}
                onChange={setFiles}
                upload={upload}
                maxCount={MAX_VOUCHERS}
                multiple
                accept="image/jpeg,image/png,image/webp"
                beforeUpload={(file) => {
                  if (file.size > MAX_BYTES) {
                    Toast.show({ content: t('pay.voucherTooBig') });
                    return null;
                  }
                  return file;
                }}
              />
            </div>
          </div>
        )}

        {method && (
          <>
            <div className="dh-pay-label">{t('pay.amount')}</div>
            <TextInput testId="pay-amount" inputMode="decimal" value={amountText} onChange={(v) => { setAmountText(v); setRefusal(null); }} placeholder={t('pay.amountPlaceholder', { max: formatFen(open) })} />
            {amountText !== '' && !amountOk && <div className="dh-pay-note">{t('pay.amountInvalid', { max: formatFen(open) })}</div>}
            <div className="dh-pay-label">{t('pay.remark')}</div>
            <TextInput testId="pay-remark" value={remark} onChange={setRemark} maxLength={200} />
          </>
        )}

        {refusal && <div className="dh-pay-refusal" role="alert" data-testid="pay-refusal">{refusal}</div>}

        <Button
          block
          color="primary"
          style={{ marginTop: 16 }}
          data-testid="pay-submit"
          loading={pay.isPending}
          disabled={!method || !amountOk || uploading > 0 || (method === 'bank_transfer' && voucherIds.length === 0)}
          onClick={submit}
        >
          {uploading > 0 ? t('pay.uploading') : t('pay.submit')}{amountOk && amountFen ? ` ${formatFen(amountFen)}` : ''}
        </Button>
      </div>
    </Popup>
  );
}
