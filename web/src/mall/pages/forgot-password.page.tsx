import { Button, Form, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { authApi } from '../../shared/api/auth';
import { errorMessage } from '../../shared/api/error-message';
import { applyFormErrors } from '../../shared/forms/form-errors';
import { useRules } from '../../shared/forms/use-rules';
import { TextInput } from '../components/text-input';
import { AuthPage } from '../layout/auth-page';

interface Values {
  login: string;
  code: string;
  newPassword: string;
}

/** 忘记密码: ask for a one-time code (sent to the login's phone or email), then set a new password with it. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const navigate = useNavigate();
  const [sentTo, setSentTo] = useState<string>();
  const [busy, setBusy] = useState(false);

  const fail = (err: unknown) => {
    if (!applyFormErrors(form, err)) Toast.show({ icon: 'fail', content: errorMessage(err, t) });
  };
  const request = async () => {
    const { login } = await form.validateFields(['login']);
    setBusy(true);
    try {
      await authApi.requestReset('member', login.trim());
      setSentTo(login.trim());
      Toast.show({ content: t('forgot.sent') });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (v: Values) => {
    setBusy(true);
    try {
      await authApi.confirmReset('member', v.login.trim(), v.code.trim(), v.newPassword);
      Toast.show({ icon: 'success', content: t('forgot.done') });
      navigate('/login', { replace: true });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthPage title={t('forgot.title')}>
      <Form
        form={form}
        mode="card"
        onFinish={confirm}
        footer={sentTo
          ? <Button data-testid="forgot-confirm" block type="submit" color="primary" size="large" loading={busy}>{t('forgot.confirm')}</Button>
          : <Button data-testid="forgot-request" block color="primary" size="large" loading={busy} onClick={() => void request()}>{t('forgot.request')}</Button>}
      >
        <Form.Item name="login" label={t('common:field.login')} rules={[rules.required('common:field.login')]} disabled={Boolean(sentTo)}>
          <TextInput testId="forgot-login" placeholder={t('common:field.loginPlaceholder')} />
        </Form.Item>
        {sentTo && (
          <>
            <Form.Item
              name="code"
              label={t('forgot.code')}
              rules={[rules.required('forgot.code'), rules.code]}
              extra={<a onClick={() => void request()}>{t('forgot.resend')}</a>}
            >
              <TextInput testId="forgot-code" inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
            </Form.Item>
            <Form.Item name="newPassword" label={t('common:field.newPassword')} rules={rules.password()} description={t('common:validation.passwordRule')}>
              <TextInput testId="forgot-new-password" type="password" autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
      {sentTo && <div className="dh-muted" style={{ padding: '8px 4px' }}>{t('forgot.hint')}</div>}
      <div className="dh-links">
        <Link to="/login">{t('register.toLogin')}</Link>
      </div>
    </AuthPage>
  );
}
