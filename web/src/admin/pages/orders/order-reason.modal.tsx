import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRules } from '../../../shared/forms/use-rules';
import { FormModal } from '../../components/form-modal';

interface Props {
  open: boolean;
  /** translation key of the action: orders.action.reject / orders.action.void */
  titleKey: string;
  saving: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}

/** 驳回 / 作废 need a reason; the customer is told it. */
export function OrderReasonModal({ open, titleKey, saving, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal open={open} title={t(titleKey)} okText={t(titleKey)} form={form} saving={saving} onCancel={onClose} onSubmit={(v) => onSubmit(v.reason.trim())}>
      <Form.Item name="reason" label={t('orders.reason')} rules={[rules.required('orders.reason')]}>
        <Input.TextArea data-testid="order-reason" rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
