import { Form, Input, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact, CustomerDetail } from '../../../shared/api/types';
import { useRules } from '../../../shared/forms/use-rules';
import { CrudTab } from './crud-tab';

interface Values {
  name: string;
  phone?: string;
  email?: string;
  position?: string;
  isPrimary?: boolean;
}

/** 联系人: the people at the customer the company talks to. */
export function ContactsTab({ customer, canWrite }: { customer: CustomerDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const rules = useRules();
  return (
    <CrudTab<Contact, Values>
      path={`/admin/customers/${customer.id}/contacts`}
      invalidate={['/admin/customers', customer.id]}
      rows={customer.contacts}
      testId="contact"
      addLabel={t('contacts.add')}
      canWrite={canWrite}
      columns={[
        { title: t('common:field.name'), dataIndex: 'name', render: (v: string, c) => <>{v} {c.isPrimary && <Tag color="blue">{t('contacts.primary')}</Tag>}</> },
        { title: t('contacts.position'), dataIndex: 'position', render: (v?: string | null) => v ?? '—' },
        { title: t('common:field.phone'), dataIndex: 'phone', render: (v?: string | null) => v ?? '—' },
        { title: t('common:field.email'), dataIndex: 'email', render: (v?: string | null) => v ?? '—' },
      ]}
      toValues={(c) => ({ name: c.name, phone: c.phone ?? '', email: c.email ?? '', position: c.position ?? '', isPrimary: c.isPrimary ?? false })}
      toBody={(v) => ({ name: v.name, phone: v.phone || null, email: v.email || null, position: v.position || null, isPrimary: v.isPrimary ?? false })}
      fields={() => (
        <>
          <Form.Item name="name" label={t('common:field.name')} rules={[rules.required('common:field.name')]}>
            <Input data-testid="contact-name" />
          </Form.Item>
          <Form.Item name="position" label={t('contacts.position')}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t('common:field.phone')} rules={[rules.phone]}>
            <Input data-testid="contact-phone" />
          </Form.Item>
          <Form.Item name="email" label={t('common:field.email')} rules={[rules.email]}>
            <Input />
          </Form.Item>
          <Form.Item name="isPrimary" label={t('contacts.primary')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )}
    />
  );
}
