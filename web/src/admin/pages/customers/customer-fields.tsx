import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerType } from '../../../shared/api/types';
import { RegionCascader } from '../../components/region-cascader';
import { useLevels } from '../../hooks/use-reference-data';
import { useRules } from '../../../shared/forms/use-rules';

export interface CustomerValues {
  name: string;
  type: CustomerType;
  levelId?: string | null;
  regionId?: string | null;
  contactName: string;
  phone: string;
  email?: string;
  remark?: string;
}

/** The profile fields of a customer, used by the create dialog and the detail page. */
export function CustomerFields() {
  const { t } = useTranslation();
  const rules = useRules();
  const levels = useLevels();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('customers.name')} rules={[rules.required('customers.name')]}>
          <Input data-testid="customer-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="type" label={t('customers.type')} rules={[{ required: true }]}>
          <Select data-testid="customer-type" options={(['dealer', 'retailer', 'consumer'] as const).map((v) => ({ value: v, label: t(`common:customerType.${v}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="levelId" label={t('common:level')}>
          <Select allowClear options={(levels.data ?? []).map((l) => ({ value: l.id, label: l.name }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="regionId" label={t('common:field.region')}>
          <RegionCascader />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="contactName" label={t('customers.contactName')} rules={[rules.required('customers.contactName')]}>
          <Input data-testid="customer-contact" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="phone" label={t('common:field.phone')} rules={[rules.required('common:field.phone'), rules.phone]}>
          <Input data-testid="customer-phone" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="email" label={t('common:field.email')} rules={[rules.email]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} />
      <Col span={24}>
        <Form.Item name="remark" label={t('customers.remark')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Col>
    </Row>
  );
}
