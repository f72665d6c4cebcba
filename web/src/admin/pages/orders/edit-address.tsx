import { Col, Form, type FormInstance, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../shared/api/types';
import { useDetail } from '../../../shared/hooks/use-detail';
import { useRules } from '../../../shared/forms/use-rules';
import { useStaff } from '../../auth/use-staff';

export interface AddressValues {
  receiver: string;
  phone: string;
  regionId?: string | null;
  regionText: string;
  detail: string;
}

/** The delivery address of an order being edited: typed, or taken from the customer's address book. */
export function EditAddress({ form, customerId }: { form: FormInstance; customerId: string }) {
  const { t } = useTranslation();
  const rules = useRules();
  const me = useStaff();
  const customer = useDetail<CustomerDetail>('/admin/customers', me.can('customers.read') ? customerId : undefined);
  const book = customer.data?.addresses ?? [];
  return (
    <>
      {book.length > 0 && (
        <Form.Item label={t('orders.edit.fromBook')}>
          <Select
            placeholder={t('orders.edit.fromBookHint')}
            onChange={(id: string) => {
              const a = book.find((x) => x.id === id);
              if (a) form.setFieldsValue({ address: { receiver: a.receiver, phone: a.phone, regionId: a.regionId, regionText: a.regionText, detail: a.detail } });
            }}
            options={book.map((a) => ({ value: a.id, label: [a.receiver, a.phone, a.regionText, a.detail].join(' ') }))}
          />
        </Form.Item>
      )}
      <Form.Item name={['address', 'regionId']} hidden><Input /></Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item name={['address', 'receiver']} label={t('common:address.receiver')} rules={[rules.required('common:address.receiver')]}>
            <Input data-testid="edit-receiver" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['address', 'phone']} label={t('common:address.phone')} rules={[rules.required('common:address.phone'), rules.phone]}>
            <Input data-testid="edit-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['address', 'regionText']} label={t('common:address.region')} rules={[rules.required('common:address.region')]}>
            <Input data-testid="edit-region" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['address', 'detail']} label={t('common:address.detail')} rules={[rules.required('common:address.detail')]}>
            <Input data-testid="edit-detail" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
