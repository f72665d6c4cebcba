import { Form, Input, Radio, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail, InvoiceKind, InvoiceProfile } from '../../../shared/api/types';
import { useRules } from '../../../shared/forms/use-rules';
import { CrudTab } from './crud-tab';

interface Values {
  kind: InvoiceKind;
  title: string;
  taxNo: string;
  bankName?: string;
  bankAccount?: string;
  address?: string;
  phone?: string;
  isDefault?: boolean;
}

/** 开票信息: invoice titles; a 专票 also needs bank, address and phone. */
export function InvoiceProfilesTab({ customer, canWrite }: { customer: CustomerDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const rules = useRules();
  const special = (kind: InvoiceKind | undefined) => kind === 'special';
  const optional = (v?: string) => v || null;
  return (
    <CrudTab<InvoiceProfile, Values>
      path={`/admin/customers/${customer.id}/invoice-profiles`}
      invalidate={['/admin/customers', customer.id]}
      rows={customer.invoiceProfiles}
      testId="invoice"
      addLabel={t('invoices.add')}
      canWrite={canWrite}
      defaults={{ kind: 'normal' }}
      columns={[
        { title: t('invoices.kind'), dataIndex: 'kind', render: (v: InvoiceKind, p) => <>{t(`common:invoiceKind.${v}`)} {p.isDefault && <Tag color="blue">{t('common:message.default')}</Tag>}</> },
        { title: t('common:invoice.title'), dataIndex: 'title' },
        { title: t('common:invoice.taxNo'), dataIndex: 'taxNo' },
        { title: t('common:invoice.bankName'), dataIndex: 'bankName', render: (v?: string | null) => v ?? '—' },
      ]}
      toValues={(p) => ({
        kind: p.kind, title: p.title, taxNo: p.taxNo, bankName: p.bankName ?? '', bankAccount: p.bankAccount ?? '',
        address: p.address ?? '', phone: p.phone ?? '', isDefault: p.isDefault ?? false,
      })}
      toBody={(v) => ({
        kind: v.kind, title: v.title, taxNo: v.taxNo.trim().toUpperCase(), bankName: optional(v.bankName), bankAccount: optional(v.bankAccount),
        address: optional(v.address), phone: optional(v.phone), isDefault: v.isDefault ?? false,
      })}
      fields={() => (
        <>
          <Form.Item name="kind" label={t('invoices.kind')}>
            <Radio.Group options={(['normal', 'special'] as const).map((k) => ({ value: k, label: t(`common:invoiceKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('common:invoice.title')} rules={[rules.required('common:invoice.title')]}>
            <Input data-testid="invoice-title" />
          </Form.Item>
          <Form.Item name="taxNo" label={t('common:invoice.taxNo')} rules={[rules.required('common:invoice.taxNo'), rules.taxNo]}>
            <Input data-testid="invoice-taxno" />
          </Form.Item>
          <Form.Item noStyle dependencies={['kind']}>
            {({ getFieldValue }) => (['bankName', 'bankAccount', 'address', 'phone'] as const).map((f) => (
              <Form.Item key={f} name={f} label={t(`common:invoice.${f}`)} rules={[
                ...(special(getFieldValue('kind')) ? [rules.required(`common:invoice.${f}`)] : []),
                ...(f === 'bankAccount' ? [rules.bankAccount] : f === 'phone' ? [rules.phone] : []),
              ]}>
                <Input />
              </Form.Item>
            ))}
          </Form.Item>
          <Form.Item name="isDefault" label={t('common:message.default')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )}
    />
  );
}
