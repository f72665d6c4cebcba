import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { Staff } from '../../../shared/api/types';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';
import { useRules } from '../../../shared/forms/use-rules';

/** Sets a new password for a staff member; the server logs them out everywhere. */
export function ResetPasswordModal({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ newPassword: string }>();
  const rules = useRules();
  const reset = useAction(
    (v: { newPassword: string }) => api.post(`/admin/staff/${staff?.id}/reset-password`, v),
    { form, success: t('staff.passwordReset'), onSuccess: onClose },
  );
  return (
    <FormModal
      open={Boolean(staff)}
      title={t('staff.resetPasswordOf', { name: staff?.name ?? '' })}
      form={form}
      saving={reset.isPending}
      onCancel={onClose}
      onSubmit={(v) => reset.mutate(v)}
    >
      <Typography.Paragraph type="secondary">{t('staff.resetPasswordHint')}</Typography.Paragraph>
      <Form.Item name="newPassword" label={t('common:field.newPassword')} rules={rules.password()} extra={t('common:validation.passwordRule')}>
        <Input.Password data-testid="reset-password-input" autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
