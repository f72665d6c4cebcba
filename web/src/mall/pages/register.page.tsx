import { Button, Form, NoticeBar, Result, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { authApi } from '../../shared/api/auth';
import { errorMessage } from '../../shared/api/error-message';
import type { CustomerType, RegisterInput } from '../../shared/api/types';
import { compact } from '../../shared/forms/compact';
import { applyFormErrors } from '../../shared/forms/form-errors';
import { useRules } from '../../shared/forms/use-rules';
import { useRegions } from '../../shared/hooks/use-regions';
import { useTenant } from '../../shared/hooks/use-tenant';
import { RegionPicker } from '../components/region-picker';
import { TextInput } from '../components/text-input';
import { AuthPage } from '../layout/auth-page';

interface Values extends Omit<RegisterInput, 'type' | 'address'> {
  type: CustomerType[];
}

const TYPES: CustomerType[] = ['dealer', 'retailer', 'consumer'];

/** 注册: the company applies; it waits for approval unless the tenant approves automatically. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const tenant = useTenant();
  const regions = useRegions();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState(false);

  if (pending) {
    return (
      <>
        <Result data-testid="register-pending" status="waiting" title={t('register.pendingTitle')} description={t('register.pendingText')} />
        <div className="dh-footer-actions">
          <Button block onClick={() => navigate('/login', { replace: true })}>{t('register.toLogin')}</Button>
        </div>
      </>
    );
  }

  const submit = async ({ type, ...v }: Values) => {
    setBusy(true);
    try {
      const res = await authApi.register({ ...compact(v), type: type[0] ?? 'dealer' } as RegisterInput);
      if (res.status === 'pending') setPending(true);
      else {
        Toast.show({ icon: 'success', content: t('register.activeText') });
        navigate('/login', { replace: true });
      }
    } catch (err) {
      if (!applyFormErrors(form, err)) Toast.show({ icon: 'fail', content: errorMessage(err, t) });
    } finally {
      setBusy(false);
    }
  };

  const closed = tenant.data?.registrationOpen === false;
  return (
    <AuthPage title={t('register.title')}>
      {closed && <NoticeBar data-testid="register-closed" color="alert" content={t('register.closed')} wrap style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        onFinish={submit}
        mode="card"
        disabled={closed}
        initialValues={{ type: ['dealer'] }}
        footer={<Button data-testid="register-submit" block type="submit" color="primary" size="large" loading={busy} disabled={closed}>{t('register.submit')}</Button>}
      >
        <Form.Header>{t('register.company')}</Form.Header>
        <Form.Item name="companyName" label={t('register.companyName')} rules={[rules.required('register.companyName')]}>
          <TextInput testId="register-company" placeholder={t('register.companyNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="type" label={t('register.type')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Selector data-testid="register-type" options={TYPES.map((v) => ({ value: v, label: t(`common:customerType.${v}`) }))} />
        </Form.Item>
        {(regions.data ?? []).length > 0 && (
          <Form.Item name="regionId" label={t('common:field.region')}>
            <RegionPicker testId="register-region" />
          </Form.Item>
        )}
        <Form.Header>{t('register.contact')}</Form.Header>
        <Form.Item name="contactName" label={t('register.contactName')} rules={[rules.required('register.contactName')]}>
          <TextInput testId="register-contact" />
        </Form.Item>
        <Form.Item name="phone" label={t('common:field.phone')} rules={[rules.required('common:field.phone'), rules.phone]}>
          <TextInput testId="register-phone" type="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('common:field.email')} rules={[rules.email]}>
          <TextInput testId="register-email" type="email" autoComplete="email" placeholder={t('register.optional')} />
        </Form.Item>
        <Form.Header>{t('register.account')}</Form.Header>
        <Form.Item name="username" label={t('common:field.username')} rules={[rules.username]} description={t('register.usernameHelp')}>
          <TextInput testId="register-username" autoComplete="username" placeholder={t('register.optional')} />
        </Form.Item>
        <Form.Item name="password" label={t('common:field.password')} rules={rules.password()} description={t('common:validation.passwordRule')}>
          <TextInput testId="register-password" type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
      <div className="dh-links">
        <Link to="/login" data-testid="to-login">{t('register.toLogin')}</Link>
      </div>
    </AuthPage>
  );
}
