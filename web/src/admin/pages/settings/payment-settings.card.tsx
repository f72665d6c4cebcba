import { Button, Card, Checkbox, Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveSettings, useSettings } from './use-settings';

const METHODS = ['offline', 'wechat', 'alipay', 'unionpay', 'balance', 'bank_transfer', 'cod', 'credit'] as const;
type Method = (typeof METHODS)[number];
/** The server's defaults: the online methods are switched on by the company once its gateway accounts are set up. */
const DEFAULT_METHODS: Method[] = ['offline', 'balance', 'bank_transfer', 'cod', 'credit'];
interface PaymentSettings { methods: Method[]; bankAccount: { accountName: string; bankName: string; accountNo: string } }

/** Until the first save the server's defaults apply; these mirror them for the form. */
const DEFAULTS: PaymentSettings = { methods: DEFAULT_METHODS, bankAccount: { accountName: '', bankName: '', accountNo: '' } };

/** 收款设置: the methods the company accepts (a customer's own list can only narrow them) and the 收款账户 for transfers. */
export function PaymentSettingsCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PaymentSettings>();
  const current = useSettings();
  const save = useSaveSettings(form);
  const stored = (current.data?.settings as { payments?: Partial<PaymentSettings> } | undefined)?.payments;
  const payments: PaymentSettings = { ...DEFAULTS, ...stored, bankAccount: { ...DEFAULTS.bankAccount, ...stored?.bankAccount } };
  const label = (m: Method) => (m === 'offline' ? t('settings.payments.offline') : t(`common:paymentMethod.${m}`));
  return (
    <Card variant="borderless" title={t('settings.payments.title')} style={{ maxWidth: 720 }} data-testid="settings-payments">
      <Form<PaymentSettings>
        key={current.data?.version}
        form={form}
        layout="vertical"
        disabled={!canWrite}
        initialValues={payments}
        onFinish={(v) => save.mutate({ payments: v } as never)}
      >
        <Form.Item name="methods" label={t('settings.payments.methods')} extra={t('settings.payments.methodsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('settings.payments.methodsRequired') }]}>
          <Checkbox.Group options={METHODS.map((m) => ({ value: m, label: label(m) }))} data-testid="settings-payment-methods" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('settings.payments.bankHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name={['bankAccount', 'accountName']} label={t('settings.payments.accountName')}><Input maxLength={100} data-testid="settings-bank-account-name" /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['bankAccount', 'bankName']} label={t('settings.payments.bankName')}><Input maxLength={100} data-testid="settings-bank-name" /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['bankAccount', 'accountNo']} label={t('settings.payments.accountNo')} rules={[{ pattern: /^[0-9 -]*$/, message: t('settings.payments.accountNoRule') }]}>
              <Input maxLength={40} data-testid="settings-bank-account-no" />
            </Form.Item>
          </Col>
        </Row>
        {canWrite && <Button type="primary" htmlType="submit" data-testid="settings-payments-save" loading={save.isPending}>{t('common:action.save')}</Button>}
      </Form>
    </Card>
  );
}
