import { Button, Card, Form, Input, Radio, Spin, Switch } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { Settings, VersionedSettings } from '../../../shared/api/types';
import { useRules } from '../../../shared/forms/use-rules';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { useAction } from '../../hooks/use-action';

const PATH = '/admin/settings';

/** 设置: company name shown in the mall, and whether (and how) customers may register themselves. */
function SettingsForm() {
  const { t } = useTranslation();
  const me = useStaff();
  const rules = useRules();
  const qc = useQueryClient();
  const [form] = Form.useForm<Settings>();
  const current = useQuery({ queryKey: [PATH], queryFn: () => api.get<VersionedSettings>(PATH) });
  const canWrite = me.can('settings.write');
  const save = useAction(
    (v: Settings) => api.put<VersionedSettings>(PATH, { settings: { ...current.data?.settings, ...v }, version: current.data?.version ?? 0 }),
    { form, onSuccess: (res) => { qc.setQueryData([PATH], res); void qc.invalidateQueries({ queryKey: ['tenant'] }); } },
  );
  if (current.isLoading) return <Spin />;
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

export default function SettingsPage() {
  return <RequirePermission permission="settings.read"><SettingsForm /></RequirePermission>;
}
