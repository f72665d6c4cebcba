import { Button, Dialog, ErrorBlock, Form, Radio, Space, Switch } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../shared/api/client';
import type { InvoiceKind, InvoiceProfile } from '../../shared/api/types';
import { useRules } from '../../shared/forms/use-rules';
import { PageLoading } from '../components/page-loading';
import { TextInput } from '../components/text-input';
import { useAction } from '../hooks/use-action';
import { useItemForm } from '../hooks/use-item-form';
import { SubPage } from '../layout/sub-page';
import { INVOICE_PROFILES } from './invoice-profiles.page';

interface Values {
  kind: InvoiceKind;
  title: string;
  taxNo: string;
  bankName?: string;
  bankAccount?: string;
  address?: string;
  phone?: string;
  isDefault: boolean;
}

const SPECIAL_FIELDS = ['bankName', 'bankAccount', 'address', 'phone'] as const;

/** Add or edit an invoice profile; a 专票 (special VAT invoice) also needs bank, address and phone. */
export default function InvoiceProfileFormPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const rules = useRules();
  const navigate = useNavigate();
  const { isNew, item, loading, missing, save } = useItemForm<InvoiceProfile, object>(INVOICE_PROFILES, '/me/invoices', form);
  const remove = useAction((id: string) => api.delete(`${INVOICE_PROFILES}/${id}`), {
    invalidate: [[INVOICE_PROFILES]],
    success: t('common:message.deleted'),
    onSuccess: () => navigate('/me/invoices', { replace: true }),
  });
  const optional = (v?: string) => (v?.trim() ? v.trim() : null);
  const submit = (v: Values) => save.mutate({
    kind: v.kind, title: v.title.trim(), taxNo: v.taxNo.trim().toUpperCase(), bankName: optional(v.bankName),
    bankAccount: optional(v.bankAccount), address: optional(v.address), phone: optional(v.phone), isDefault: v.isDefault,
  });
  const extraRules = { bankName: [], bankAccount: [rules.bankAccount], address: [], phone: [rules.phone] };

  let body;
  if (loading) body = <PageLoading />;
  else if (missing) body = <ErrorBlock status="empty" title={t('common:error.not_found')} description="" />;
  else {
    const initial = item
      ? { ...item, bankName: item.bankName ?? '', bankAccount: item.bankAccount ?? '', address: item.address ?? '', phone: item.phone ?? '', isDefault: item.isDefault ?? false }
      : { kind: 'normal' as const, isDefault: false };
    body = (
      <Form
        form={form}
        mode="card"
        initialValues={initial}
        onFinish={submit}
        footer={
          <Space direction="vertical" block>
            <Button data-testid="invoice-save" block type="submit" color="primary" loading={save.isPending}>{t('common:action.save')}</Button>
            {item && (
              <Button block color="danger" fill="outline" data-testid="invoice-delete"
                onClick={async () => { if (await Dialog.confirm({ content: t('common:message.confirmDelete') })) remove.mutate(item.id); }}>
                {t('common:action.delete')}
              </Button>
            )}
          </Space>
        }
      >
        <Form.Item name="kind" label={t('invoices.kind')}>
          <Radio.Group>
            <Space>
              {(['normal', 'special'] as const).map((k) => <Radio key={k} value={k} data-testid={`invoice-kind-${k}`}>{t(`common:invoiceKind.${k}`)}</Radio>)}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="title" label={t('common:invoice.title')} rules={[rules.required('common:invoice.title')]}>
          <TextInput testId="invoice-title" />
        </Form.Item>
        <Form.Item name="taxNo" label={t('common:invoice.taxNo')} rules={[rules.required('common:invoice.taxNo'), rules.taxNo]}>
          <TextInput testId="invoice-taxno" />
        </Form.Item>
        <Form.Subscribe to={['kind']}>
          {({ kind }) => SPECIAL_FIELDS.map((f) => (
            <Form.Item key={f} name={f} label={t(`common:invoice.${f}`)} rules={[...(kind === 'special' ? [rules.required(`common:invoice.${f}`)] : []), ...extraRules[f]]}>
              <TextInput testId={`invoice-${f}`} placeholder={kind === 'special' ? '' : t('register.optional')} />
            </Form.Item>
          ))}
        </Form.Subscribe>
        <Form.Item name="isDefault" label={t('common:message.default')} layout="horizontal" childElementPosition="right" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    );
  }
  return <SubPage title={isNew ? t('invoices.add') : t('invoices.edit')} back="/me/invoices">{body}</SubPage>;
}
