import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../shared/hooks/use-regions';
import { useRules } from '../../shared/forms/use-rules';
import { RegionCascader } from './region-cascader';

/** The region of an address: picked from the region list, or typed when the tenant has no regions yet. */
export function AddressRegionField() {
  const { t } = useTranslation();
  const rules = useRules();
  const regions = useRegions();
  if ((regions.data ?? []).length === 0) {
    return (
      <Form.Item name="regionText" label={t('common:address.region')} rules={[rules.required('common:address.region')]}>
        <Input data-testid="address-region-text" />
      </Form.Item>
    );
  }
  return (
    <Form.Item name="regionId" label={t('common:address.region')} rules={[{ required: true, message: t('common:validation.select', { field: t('common:address.region') }) }]}>
      <RegionCascader />
    </Form.Item>
  );
}

