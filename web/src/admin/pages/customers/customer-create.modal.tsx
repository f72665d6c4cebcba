import { Divider, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { Customer } from '../../../shared/api/types';
import { compact } from '../../../shared/forms/compact';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';
import { useRules } from '../../../shared/forms/use-rules';
import { type CustomerValues, CustomerFields } from './customer-fields';

interface Values extends CustomerValues {
  memberUsername?: string;
  memberPassword?: string;
}

/** The optional first login goes along as `member`; without a password none is created. */
function toBody({ memberUsername, memberPassword, ...customer }: Values) {
  return { ...compact(customer), ...(memberPassword ? { member: compact({ username: memberUsername, password: memberPassword }) } : {}) };
}

/** Staff enter a customer themselves (active at once); opens its detail page afterwards. */
export function CustomerCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<Values>();
  const create = useAction((v: Values) => api.post<Customer>('/admin/customers', toBody(v)), {
    invalidate: [['/admin/customers']],
    form,
    onSuccess: (c) => {
      onClose();
      onCreated(c.id);
    },
  });
  return (
    <FormModal<Values>
      open={open}
      title={t('customers.create')}
      form={form}
      width={720}
      initialValues={{ type: 'dealer' }}
      saving={create.isPending}
      onCancel={onClose}
      onSubmit={(v) => create.mutate(v)}
    >
      <CustomerFields />
      <Divider orientation="left" plain>{t('customers.firstLogin')}</Divider>
      <Form.Item name="memberUsername" label={t('common:field.username')} extra={t('customers.firstLoginHint')} rules={[rules.username]}>
        <Input data-testid="customer-member-username" autoComplete="off" />
      </Form.Item>
      <Form.Item name="memberPassword" label={t('common:field.password')} rules={rules.password(false)}>
        <Input.Password data-testid="customer-member-password" autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
