import { Button, Form, NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../shared/api/error-message';
import type { MemberMe } from '../../shared/api/types';
import { useRules } from '../../shared/forms/use-rules';
import { useLogin } from '../../shared/hooks/use-login';
import { useMe } from '../../shared/hooks/use-me';
import { useTenant } from '../../shared/hooks/use-tenant';
import { safeNext } from '../../shared/lib/safe-next';
import { TextInput } from '../components/text-input';
import { AuthPage } from '../layout/auth-page';

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
  const me = useMe<MemberMe>('member');
  const { submit, error, busy } = useLogin('member', form, () => navigate(safeNext(params.get('next')), { replace: true }));

  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <AuthPage title={t('login.title')}>
      {tenant.error && <NoticeBar data-testid="tenant-error" color="alert" content={errorMessage(tenant.error, t)} wrap style={{ marginBottom: 12 }} />}
      {error && <NoticeBar data-testid="login-error" color="error" content={error} wrap style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        onFinish={(v) => void submit(v)}
        layout="vertical"
        mode="card"
        footer={<Button data-testid="login-submit" block type="submit" color="primary" size="large" loading={busy}>{t('login.submit')}</Button>}
      >
        <Form.Item name="login" label={t('common:field.login')} rules={[rules.required('common:field.login')]}>
          <TextInput testId="login-input" placeholder={t('common:field.loginPlaceholder')} autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('common:field.password')} rules={[rules.required('common:field.password')]}>
          <TextInput testId="password-input" type="password" autoComplete="current-password" />
        </Form.Item>
      </Form>
      <div className="dh-links">
        {tenant.data?.registrationOpen !== false ? <Link to="/register" data-testid="to-register">{t('login.register')}</Link> : <span />}
        <Link to="/forgot-password" data-testid="to-forgot">{t('login.forgot')}</Link>
      </div>
    </AuthPage>
  );
}
