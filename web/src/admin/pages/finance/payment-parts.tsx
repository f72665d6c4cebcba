import { Button, Image, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { financeApi, type Payment, type PaymentState, voucherUrl } from '../../api/finance';
import { useAction } from '../../hooks/use-action';

const COLOR: Record<PaymentState, string> = { pending: 'processing', pending_confirmation: 'warning', succeeded: 'success', failed: 'error', rejected: 'error' };

export function PaymentStateTag({ status }: { status: PaymentState }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]} data-testid="payment-status">{t(`finance.payments.state.${status}`)}</Tag>;
}

export function PaymentMethodName({ p }: { p: Pick<Payment, 'method' | 'methodName'> }) {
  const { t } = useTranslation();
  return <>{t(`common:paymentMethod.${p.method}`, { defaultValue: p.methodName })}</>;
}

/** The vouchers of a transfer as thumbnails; a click opens the image (GET /admin/payment-vouchers/:id). */
export function VoucherThumbs({ p }: { p: Pick<Payment, 'vouchers'> }) {
  const { t } = useTranslation();
  if (p.vouchers.length === 0) return <Typography.Text type="secondary">{t('finance.payments.noVoucher')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space size={4} data-testid="payment-vouchers">
        {p.vouchers.map((v) => (
          <Image key={v.id} src={voucherUrl(v.id)} width={40} height={40} style={{ objectFit: 'cover', borderRadius: 4 }} data-testid="payment-voucher" />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

/** 查询支付结果: asks the gateway about a payment still at the cashier (its callback may be late or lost). */
export function RefreshOnline({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const refresh = useAction(financeApi.refreshPayment, { onSuccess: onChanged });
  return <Button size="small" data-testid="payment-refresh" loading={refresh.isPending} onClick={() => refresh.mutate(id)}>{t('finance.payments.refresh')}</Button>;
}
