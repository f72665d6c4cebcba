import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { useRules } from '../../../shared/forms/use-rules';
import { formatFen } from '../../api/catalog';
import { financeApi, type Payment } from '../../api/finance';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';

/**
 * 确认收款 / 驳回 of one payment awaiting finance. Someone else deciding it first answers 409 payment_state_conflict:
 * the list is read again and says so.
 */
export function PaymentDecision({ p, onChanged }: { p: Payment; onChanged: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [asking, setAsking] = useState<'confirm' | 'reject' | null>(null);
  const [confirmForm] = Form.useForm<{ reference?: string }>();
  const [rejectForm] = Form.useForm<{ reason: string }>();
  const done = () => {
    setAsking(null);
    onChanged();
  };
  const conflict = (err: unknown) => {
    // The toast says it was handled meanwhile (common:error.payment_state_conflict); show the list as it is now.
    if (isApiError(err) && err.code === 'payment_state_conflict') done();
  };
  const confirm = useAction(financeApi.confirm, { success: t('finance.payments.confirmed'), onSuccess: done });
  const reject = useAction(financeApi.reject, { success: t('finance.payments.rejected'), onSuccess: done });
  return (
    <>
      <Space size={4}>
        <Button size="small" type="primary" data-testid="payment-confirm" onClick={() => setAsking('confirm')}>{t('finance.payments.confirm')}</Button>
        <Button size="small" danger data-testid="payment-reject" onClick={() => setAsking('reject')}>{t('finance.payments.reject')}</Button>
      </Space>
      <FormModal
        open={asking === 'confirm'}
        title={t('finance.payments.confirmTitle', { amount: formatFen(p.amountFen) })}
        okText={t('finance.payments.confirm')}
        form={confirmForm}
        saving={confirm.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(v) => confirm.mutate({ id: p.id, version: p.version, reference: v.reference?.trim() || undefined }, { onError: conflict })}
      >
        <p>{p.paymentNo} · {p.customerName} · {p.orderNo ?? ''}</p>
        <p style={{ color: '#888' }}>{t('finance.payments.confirmHint')}</p>
        <Form.Item name="reference" label={t('finance.payments.reference')}>
          <Input data-testid="confirm-reference" maxLength={100} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={asking === 'reject'}
        title={t('finance.payments.rejectTitle', { no: p.paymentNo })}
        okText={t('finance.payments.reject')}
        form={rejectForm}
        saving={reject.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(v) => reject.mutate({ id: p.id, version: p.version, reason: v.reason.trim() }, { onError: conflict })}
      >
        <Form.Item name="reason" label={t('finance.payments.rejectReasonLabel')} rules={[rules.required('finance.payments.rejectReasonLabel')]}>
          <Input.TextArea data-testid="reject-reason" rows={3} maxLength={300} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
