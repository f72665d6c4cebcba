import { Form } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useRules } from '../../shared/forms/use-rules';
import { useRegions } from '../../shared/hooks/use-regions';
import { RegionPicker } from './region-picker';
import { TextInput } from './text-input';

/** The region of an address: picked from the region list, or typed when the company has no regions yet. */
export function AddressRegionItem() {
  const { t } = useTranslation();
  const rules = useRules();
  const regions = useRegions();
  if ((regions.data ?? []).length === 0) {
    return (
      <Form.Item name="regionText" label={t('common:address.region')} rules={[rules.required('common:address.region')]}>
        <TextInput testId="address-region-text" />
      </Form.Item>
    );
  }
  return (
    <Form.Item name="regionId" label={t('common:address.region')} rules={[{ required: true, message: t('common:validation.select', { field: t('common:address.region') }) }]}>
      <RegionPicker testId="address-region" />
    </Form.Item>
  );
}
