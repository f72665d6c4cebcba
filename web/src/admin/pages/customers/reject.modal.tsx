import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';
import { useRules } from '../../../shared/forms/use-rules';

/** Rejecting a registration needs a reason; the applicant is told it. */
export function RejectModal({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const rules = useRules();
  const reject = useAction((v: { reason: string }) => api.post(`/admin/customers/${customerId}/reject`, { reason: v.reason.trim() }), {
    invalidate: [['/admin/customers']],
    form,
    success: t('customers.statusChanged'),
    onSuccess: onClose,
  });
  return (
    <FormModal open={open} title={t('customers.reject')} form={form} saving={reject.isPending} onCancel={onClose} onSubmit={(v) => reject.mutate(v)}>
      <Form.Item name="reason" label={t('customers.rejectReason')} rules={[rules.required('customers.rejectReason')]}>
        <Input.TextArea data-testid="reject-reason" rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
