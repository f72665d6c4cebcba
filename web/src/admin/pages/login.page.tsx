import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import type { StaffMe } from '../../shared/api/types';
import { useRules } from '../../shared/forms/use-rules';
import { useLogin } from '../../shared/hooks/use-login';
import { useMe } from '../../shared/hooks/use-me';
import { useTenant } from '../../shared/hooks/use-tenant';
import { safeNext } from '../../shared/lib/safe-next';
import { LanguageSelect } from '../components/language-select';

interface Values {
  login: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const tenant = useTenant();
  const rules = useRules();
  const me = useMe<StaffMe>('staff');
  const { submit, error, busy } = useLogin('staff', form, () => navigate(safeNext(params.get('next')), { replace: true }));

  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <div style={{ position: 'fixed', top: 12, right: 16 }}>
        <LanguageSelect />
      </div>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {tenant.data?.name ?? t('common:brand')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {error && <Alert data-testid="login-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="login" label={t('common:field.login')} rules={[rules.required('common:field.login')]}>
            <Input data-testid="login-input" autoComplete="username" placeholder={t('common:field.loginPlaceholder')} autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('common:field.password')} rules={[rules.required('common:field.password')]}>
            <Input.Password data-testid="password-input" autoComplete="current-password" />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
