import { Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { CustomerDetail } from '../../../shared/api/types';
import { useAction } from '../../hooks/use-action';
import { type CustomerValues, CustomerFields } from './customer-fields';

const nullIfEmpty = (v?: string | null) => (v ? v : null);

/** 客户资料: edit the profile in place; the version guards against two people editing at once. */
export function CustomerProfileCard({ customer, canWrite }: { customer: CustomerDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CustomerValues>();
  const save = useAction(
    (v: CustomerValues) =>
      api.patch(`/admin/customers/${customer.id}`, {
        name: v.name,
        type: v.type,
        levelId: v.levelId ?? null,
        regionId: v.regionId ?? null,
        contactName: v.contactName,
        phone: v.phone,
        email: nullIfEmpty(v.email),
        remark: nullIfEmpty(v.remark),
        version: customer.version,
      }),
    { invalidate: [['/admin/customers']], form },
  );
  const initialValues: CustomerValues = {
    name: customer.name,
    type: customer.type,
    levelId: customer.levelId,
    regionId: customer.regionId,
    contactName: customer.contactName,
    phone: customer.phone,
    email: customer.email ?? '',
    remark: customer.remark ?? '',
  };
  return (
    <Card
      variant="borderless"
      title={t('customers.profile')}
      extra={canWrite && <Button type="primary" data-testid="customer-save" loading={save.isPending} onClick={() => form.submit()}>{t('common:action.save')}</Button>}
    >
      <Form<CustomerValues>
        key={customer.version}
        form={form}
        layout="vertical"
        disabled={!canWrite}
        initialValues={initialValues}
        onFinish={(v) => save.mutate(v)}
      >
        <CustomerFields />
      </Form>
    </Card>
  );
}
