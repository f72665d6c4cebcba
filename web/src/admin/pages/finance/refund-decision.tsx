import { Button, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { useRules } from '../../../shared/forms/use-rules';
import { formatFen } from '../../api/catalog';
import { financeApi, type Refund } from '../../api/finance';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';

/**
 * 同意退款 / 驳回 of one refund awaiting finance. Someone else deciding it first answers 409 refund_state_conflict:
 * the list is read again and the toast says so.
 */
export function RefundDecision({ r, onChanged }: { r: Refund; onChanged: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [asking, setAsking] = useState<'approve' | 'reject' | null>(null);
  const [approveForm] = Form.useForm<{ destination?: 'balance' | 'original' }>();
  const [rejectForm] = Form.useForm<{ reason: string }>();
  const done = () => {
    setAsking(null);
    onChanged();
  };
  const conflict = (err: unknown) => {
    // common:error.refund_state_conflict says it was handled meanwhile; show the list as it is now.
    if (isApiError(err) && err.code === 'refund_state_conflict') done();
  };
  const approve = useAction(financeApi.approveRefund, { success: t('finance.refunds.approved'), onSuccess: done });
  const reject = useAction(financeApi.rejectRefund, { success: t('finance.refunds.rejected'), onSuccess: done });
  return (
    <>
      <Space size={4}>
        <Button size="small" type="primary" data-testid="refund-approve" onClick={() => setAsking('approve')}>{t('finance.refunds.approve')}</Button>
        <Button size="small" danger data-testid="refund-reject" onClick={() => setAsking('reject')}>{t('finance.refunds.reject')}</Button>
      </Space>
      <FormModal
        open={asking === 'approve'}
        title={t('finance.refunds.approveTitle', { amount: formatFen(r.amountFen) })}
        okText={t('finance.refunds.approve')}
        form={approveForm}
        saving={approve.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(v) => approve.mutate({ id: r.id, version: r.version, destination: v.destination }, { onError: conflict })}
      >
        <p>{[r.refundNo, r.customerName, r.orderNo].filter(Boolean).join(' · ')}</p>
        {r.destination === 'credit' ? (
          <p data-testid="refund-approve-hint">{t('finance.refunds.approveHint.credit', { amount: formatFen(r.amountFen) })}</p>
        ) : (
          // A balance/original refund may be sent the other way: online payments go back through their gateway.
          <Form.Item name="destination" label={t('finance.refunds.destination')} initialValue={r.destination}>
            <Radio.Group data-testid="refund-approve-destination" options={(['original', 'balance'] as const).map((d) => ({ value: d, label: t(`finance.refunds.destinationName.${d}`) }))} />
          </Form.Item>
        )}
        <Form.Item noStyle shouldUpdate>
          {() => r.destination !== 'credit' && <p data-testid="refund-approve-hint">{t(`finance.refunds.approveHint.${approveForm.getFieldValue('destination') ?? r.destination}`, { amount: formatFen(r.amountFen) })}</p>}
        </Form.Item>
        {r.reason && <p style={{ color: '#888' }}>{t('finance.refunds.reasonIs', { reason: r.reason })}</p>}
      </FormModal>
      <FormModal
        open={asking === 'reject'}
        title={t('finance.refunds.rejectTitle', { no: r.refundNo })}
        okText={t('finance.refunds.reject')}
        form={rejectForm}
        saving={reject.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(v) => reject.mutate({ id: r.id, version: r.version, reason: v.reason.trim() }, { onError: conflict })}
      >
        <Form.Item name="reason" label={t('finance.refunds.rejectReasonLabel')} rules={[rules.required('finance.refunds.rejectReasonLabel')]}>
          <Input.TextArea data-testid="refund-reject-reason" rows={3} maxLength={300} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
