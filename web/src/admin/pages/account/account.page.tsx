import { App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../../shared/api/auth';
import { useStaff } from '../../auth/use-staff';
import { RoleName } from '../../components/role-name';
import { useAction } from '../../hooks/use-action';
import { useRules } from '../../../shared/forms/use-rules';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 我的账号: own profile, password change, and ending sessions on other devices. */
export default function AccountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useStaff();
  const rules = useRules();
  const [form] = Form.useForm<PasswordValues>();
  const change = useAction((v: PasswordValues) => authApi.changePassword(v.currentPassword, v.newPassword), {
    form,
    success: t('common:message.passwordChanged'),
    onSuccess: () => form.resetFields(),
  });
  const others = useAction(() => authApi.logoutOthers(), {
    success: false,
    onSuccess: (r) => void message.success(t('common:message.loggedOutOthers', { count: r.revoked })),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Card variant="borderless" title={t('menu.account')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('common:field.name')}>{me.name}</Descriptions.Item>
          <Descriptions.Item label={t('common:field.username')}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t('common:field.phone')}>{me.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('common:field.email')}>{me.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('staff.roles')}>{me.roles.map((r) => <Tag key={r.id}><RoleName role={r} /></Tag>)}</Descriptions.Item>
          <Descriptions.Item label={t('roles.dataScope')}>{t(`common:dataScope.${me.dataScope}`)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card variant="borderless" title={t('common:action.changePassword')}>
        <Form<PasswordValues> form={form} layout="vertical" onFinish={(v) => change.mutate(v)} style={{ maxWidth: 400 }}>
          <Form.Item name="currentPassword" label={t('common:field.currentPassword')} rules={[rules.required('common:field.currentPassword')]}>
            <Input.Password data-testid="current-password" autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('common:field.newPassword')} rules={rules.password()} extra={t('common:validation.passwordRule')}>
            <Input.Password data-testid="new-password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('common:field.confirmPassword')}
            dependencies={['newPassword']}
            rules={[({ getFieldValue }) => ({
              validator: async (_, v) => { if (v !== getFieldValue('newPassword')) throw new Error(t('common:validation.passwordMismatch')); },
            })]}
          >
            <Input.Password data-testid="confirm-password" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="password-save" loading={change.isPending}>{t('common:action.changePassword')}</Button>
        </Form>
      </Card>
      <Card variant="borderless" title={t('common:action.logoutOthers')}>
        <Space direction="vertical">
          <span>{t('account.logoutOthersHint')}</span>
          <Popconfirm title={t('account.logoutOthersConfirm')} onConfirm={() => others.mutate(undefined)}>
            <Button data-testid="logout-others" loading={others.isPending}>{t('common:action.logoutOthers')}</Button>
          </Popconfirm>
        </Space>
      </Card>
    </Space>
  );
}
