import { Button, Card, Col, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { basisPointsToPercent, fenToYuan, percentToBasisPoints, yuanToFen } from '../../api/catalog';
import type { OrderSettings } from '../../api/orders';
import { useMoneyRule } from '../catalog/sku-matrix';
import { useSaveSettings, useSettings } from './use-settings';

interface Values {
  reviewEnabled: boolean;
  financeEnabled: boolean;
  releaseEnabled: boolean;
  autoApproveTrusted: boolean;
  autoApproveBelow: string;
  financeAbove: string;
  autoConfirmDays: number;
  defaultTaxRate: string;
}

/** Until the first save the server's defaults apply; these mirror them for the form. */
const DEFAULTS: OrderSettings = {
  reviewEnabled: true,
  financeEnabled: true,
  releaseEnabled: false,
  autoApproveTrusted: false,
  autoApproveBelowFen: 0,
  financeAboveFen: 0,
  autoConfirmDays: 7,
  defaultTaxRateBp: 1300,
};

const toValues = (o: OrderSettings): Values => ({
  reviewEnabled: o.reviewEnabled,
  financeEnabled: o.financeEnabled,
  releaseEnabled: o.releaseEnabled,
  autoApproveTrusted: o.autoApproveTrusted,
  autoApproveBelow: o.autoApproveBelowFen ? fenToYuan(o.autoApproveBelowFen) : '',
  financeAbove: o.financeAboveFen ? fenToYuan(o.financeAboveFen) : '',
  autoConfirmDays: o.autoConfirmDays,
  defaultTaxRate: basisPointsToPercent(o.defaultTaxRateBp),
});

const toSettings = (v: Values): OrderSettings => ({
  reviewEnabled: v.reviewEnabled,
  financeEnabled: v.financeEnabled,
  releaseEnabled: v.releaseEnabled,
  autoApproveTrusted: v.autoApproveTrusted,
  autoApproveBelowFen: v.autoApproveBelow?.trim() ? (yuanToFen(v.autoApproveBelow) ?? 0) : 0,
  financeAboveFen: v.financeAbove?.trim() ? (yuanToFen(v.financeAbove) ?? 0) : 0,
  autoConfirmDays: v.autoConfirmDays,
  defaultTaxRateBp: percentToBasisPoints(v.defaultTaxRate) ?? 0,
});

function SwitchItem({ name, label, hint, testId }: { name: keyof Values; label: string; hint: string; testId: string }) {
  return (
    <Form.Item name={name} label={label} valuePropName="checked" extra={hint}>
      <Switch data-testid={testId} />
    </Form.Item>
  );
}

/** 订单设置: which review steps run, the auto-approval rules, automatic receipt and the default tax rate. */
export function OrderSettingsCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const money = useMoneyRule();
  const [form] = Form.useForm<Values>();
  const current = useSettings();
  const save = useSaveSettings(form);
  const orders = { ...DEFAULTS, ...current.data?.settings.orders };
  const taxRule = {
    validator: async (_: unknown, v: string | undefined) => {
      const bp = percentToBasisPoints(v);
      if (bp === null || bp > 10000) throw new Error(t('settings.orders.taxRule'));
    },
  };
  return (
    <Card variant="borderless" title={t('settings.orders.title')} style={{ maxWidth: 720 }} data-testid="settings-orders">
      <Form<Values>
        key={current.data?.version}
        form={form}
        layout="vertical"
        disabled={!canWrite}
        initialValues={toValues(orders)}
        onFinish={(v) => save.mutate({ orders: toSettings(v) })}
      >
        <Typography.Paragraph type="secondary">{t('settings.orders.chainHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} md={8}><SwitchItem name="reviewEnabled" label={t('settings.orders.reviewEnabled')} hint={t('settings.orders.reviewEnabledHint')} testId="settings-review" /></Col>
          <Col xs={24} md={8}><SwitchItem name="financeEnabled" label={t('settings.orders.financeEnabled')} hint={t('settings.orders.financeEnabledHint')} testId="settings-finance" /></Col>
          <Col xs={24} md={8}><SwitchItem name="releaseEnabled" label={t('settings.orders.releaseEnabled')} hint={t('settings.orders.releaseEnabledHint')} testId="settings-release" /></Col>
        </Row>
        <SwitchItem name="autoApproveTrusted" label={t('settings.orders.autoApproveTrusted')} hint={t('settings.orders.autoApproveTrustedHint')} testId="settings-auto-trusted" />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="autoApproveBelow" label={t('settings.orders.autoApproveBelow')} extra={t('settings.orders.autoApproveBelowHint')} rules={[money(false)]}>
              <Input prefix="¥" data-testid="settings-auto-below" placeholder={t('settings.orders.off')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="financeAbove" label={t('settings.orders.financeAbove')} extra={t('settings.orders.financeAboveHint')} rules={[money(false)]}>
              <Input prefix="¥" data-testid="settings-finance-above" placeholder={t('settings.orders.everyOrder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="autoConfirmDays" label={t('settings.orders.autoConfirmDays')} extra={t('settings.orders.autoConfirmDaysHint')} rules={[{ required: true, type: 'number', min: 1, max: 90 }]}>
              <InputNumber min={1} max={90} precision={0} addonAfter={t('settings.orders.days')} data-testid="settings-auto-confirm" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="defaultTaxRate" label={t('settings.orders.defaultTaxRate')} extra={t('settings.orders.defaultTaxRateHint')} rules={[taxRule]}>
              <Input suffix="%" style={{ width: 140 }} data-testid="settings-tax-rate" />
            </Form.Item>
          </Col>
        </Row>
        {canWrite && <Button type="primary" htmlType="submit" data-testid="settings-orders-save" loading={save.isPending}>{t('common:action.save')}</Button>}
      </Form>
    </Card>
  );
}
