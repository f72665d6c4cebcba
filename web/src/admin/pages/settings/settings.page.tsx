import { Button, Card, Form, Input, Radio, Space, Spin, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/api/types';
import { useRules } from '../../../shared/forms/use-rules';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { OrderSettingsCard } from './order-settings.card';
import { ShippingRulesCard } from './shipping-rules.card';
import { PaymentSettingsCard } from './payment-settings.card';
import { useSaveSettings, useSettings } from './use-settings';

/** 设置: company name shown in the mall, and whether (and how) customers may register themselves. */
function GeneralSettingsCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<Settings>();
  const current = useSettings();
  const save = useSaveSettings(form);
  return (
    <Card variant="borderless" title={t('menu.settings')} style={{ maxWidth: 720 }}>
      <Form<Settings>
        key={current.data?.version}
        form={form}
        layout="vertical"
        disabled={!canWrite}
        initialValues={current.data?.settings}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="companyName" label={t('settings.companyName')} rules={[rules.required('settings.companyName')]} extra={t('settings.companyNameHint')}>
          <Input data-testid="settings-company-name" maxLength={100} />
        </Form.Item>
        <Form.Item name="registrationOpen" label={t('settings.registrationOpen')} valuePropName="checked" extra={t('settings.registrationOpenHint')}>
          <Switch data-testid="settings-registration-open" />
        </Form.Item>
        <Form.Item name="autoApproveRegistration" label={t('settings.autoApprove')} valuePropName="checked" extra={t('settings.autoApproveHint')}>
          <Switch data-testid="settings-auto-approve" />
        </Form.Item>
        <Form.Item name="guestPriceMode" label={t('settings.guestPriceMode')}>
          <Radio.Group options={(['hidden', 'list'] as const).map((m) => ({ value: m, label: t(`settings.guestPrice.${m}`) }))} />
        </Form.Item>
        <Form.Item name="supportPhone" label={t('settings.supportPhone')} extra={t('settings.supportPhoneHint')} rules={[rules.phone]}>
          <Input data-testid="settings-support-phone" />
        </Form.Item>
        {canWrite && <Button type="primary" htmlType="submit" data-testid="settings-save" loading={save.isPending}>{t('common:action.save')}</Button>}
      </Form>
    </Card>
  );
}

/** 设置: the general settings, then the order rules and the shipping fee rules, each saved on its own. */
function SettingsSections() {
  const me = useStaff();
  const current = useSettings();
  const canWrite = me.can('settings.write');
  if (current.isLoading) return <Spin />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <GeneralSettingsCard canWrite={canWrite} />
      <OrderSettingsCard canWrite={canWrite} />
      <ShippingRulesCard canWrite={canWrite} />
      <PaymentSettingsCard canWrite={canWrite} />
    </Space>
  );
}

export default function SettingsPage() {
  return <RequirePermission permission="settings.read"><SettingsSections /></RequirePermission>;
}
