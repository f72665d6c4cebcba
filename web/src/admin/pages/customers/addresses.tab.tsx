import { Form, Input, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Address, CustomerDetail } from '../../../shared/api/types';
import { useRegions } from '../../../shared/hooks/use-regions';
import { addressRegionText } from '../../../shared/lib/regions';
import { AddressRegionField } from '../../components/address-region-field';
import { useRules } from '../../../shared/forms/use-rules';
import { CrudTab } from './crud-tab';

interface Values {
  receiver: string;
  phone: string;
  regionId?: string | null;
  regionText?: string;
  detail: string;
  isDefault?: boolean;
}

/** 收货地址: where the customer's orders are delivered. */
export function AddressesTab({ customer, canWrite }: { customer: CustomerDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const rules = useRules();
  const regions = useRegions();
  return (
    <CrudTab<Address, Values>
      path={`/admin/customers/${customer.id}/addresses`}
      invalidate={['/admin/customers', customer.id]}
      rows={customer.addresses}
      testId="address"
      addLabel={t('addresses.add')}
      canWrite={canWrite}
      columns={[
        { title: t('common:address.receiver'), dataIndex: 'receiver', render: (v: string, a) => <>{v} {a.isDefault && <Tag color="blue">{t('common:message.default')}</Tag>}</> },
        { title: t('common:address.phone'), dataIndex: 'phone' },
        { title: t('common:address.detail'), key: 'full', render: (_: unknown, a) => `${a.regionText} ${a.detail}` },
      ]}
      toValues={(a) => ({ receiver: a.receiver, phone: a.phone, regionId: a.regionId, regionText: a.regionText, detail: a.detail, isDefault: a.isDefault })}
      toBody={(v) => ({
        receiver: v.receiver,
        phone: v.phone,
        regionId: v.regionId ?? null,
        regionText: addressRegionText(regions.data ?? [], v),
        detail: v.detail,
        isDefault: v.isDefault ?? false,
      })}
      fields={() => (
        <>
          <Form.Item name="receiver" label={t('common:address.receiver')} rules={[rules.required('common:address.receiver')]}>
            <Input data-testid="address-receiver" />
          </Form.Item>
          <Form.Item name="phone" label={t('common:address.phone')} rules={[rules.required('common:address.phone'), rules.phone]}>
            <Input data-testid="address-phone" />
          </Form.Item>
          <AddressRegionField />
          <Form.Item name="detail" label={t('common:address.detail')} rules={[rules.required('common:address.detail')]}>
            <Input.TextArea data-testid="address-detail" rows={2} />
          </Form.Item>
          <Form.Item name="isDefault" label={t('common:address.isDefault')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      )}
    />
  );
}
