import { Button, Form } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { authApi } from '../../shared/api/auth';
import { useRules } from '../../shared/forms/use-rules';
import { TextInput } from '../components/text-input';
import { useAction } from '../hooks/use-action';
import { SubPage } from '../layout/sub-page';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: the server logs out this login's other devices. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const navigate = useNavigate();
  const change = useAction((v: Values) => authApi.changePassword(v.currentPassword, v.newPassword), {
    form,
    success: t('common:message.passwordChanged'),
    onSuccess: () => navigate('/me'),
  });
  return (
    <SubPage title={t('common:action.changePassword')}>
      <Form
        form={form}
        mode="card"
        onFinish={(v) => change.mutate(v)}
        footer={<Button data-testid="password-save" block type="submit" color="primary" loading={change.isPending}>{t('common:action.save')}</Button>}
      >
        <Form.Item name="currentPassword" label={t('common:field.currentPassword')} rules={[rules.required('common:field.currentPassword')]}>
          <TextInput testId="current-password" type="password" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('common:field.newPassword')} rules={rules.password()} description={t('common:validation.passwordRule')}>
          <TextInput testId="new-password" type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('common:field.confirmPassword')}
          dependencies={['newPassword']}
          rules={[({ getFieldValue }) => ({
            validator: async (_, v) => { if (v !== getFieldValue('newPassword')) throw new Error(t('common:validation.passwordMismatch')); },
          })]}
        >
          <TextInput testId="confirm-password" type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
