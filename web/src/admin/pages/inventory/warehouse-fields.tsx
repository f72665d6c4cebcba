import { Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRules } from '../../../shared/forms/use-rules';
import type { Warehouse, WarehouseIn } from '../../api/inventory';
import { RegionsCascader } from '../../components/region-cascader';

export interface WarehouseValues {
  code: string;
  name: string;
  address: string;
  regionIds: string[];
  priority: number;
  active: boolean;
}

export const NEW_WAREHOUSE: WarehouseValues = { code: '', name: '', address: '', regionIds: [], priority: 100, active: true };

export const warehouseValues = (w: Warehouse): WarehouseValues => ({
  code: w.code, name: w.name, address: w.address, regionIds: w.regionIds, priority: w.priority, active: w.active,
});

export const warehouseBody = (v: WarehouseValues): WarehouseIn => ({
  code: v.code.trim(), name: v.name.trim(), address: (v.address ?? '').trim(), regionIds: v.regionIds ?? [], priority: v.priority, active: v.active,
});

/** The fields of a warehouse, with the server's limits (code: letters, digits, - or _). */
export function WarehouseFields() {
  const { t } = useTranslation();
  const rules = useRules();
  return (
    <>
      <Form.Item
        name="code"
        label={t('inventory.warehouse.code')}
        extra={t('inventory.warehouse.codeHint')}
        rules={[rules.required('inventory.warehouse.code'), { pattern: /^[A-Za-z0-9_-]+$/, message: t('inventory.warehouse.codeRule') }]}
      >
        <Input data-testid="warehouse-code" maxLength={20} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="name" label={t('inventory.warehouse.name')} rules={[rules.required('inventory.warehouse.name')]}>
        <Input data-testid="warehouse-name" maxLength={50} />
      </Form.Item>
      <Form.Item name="address" label={t('inventory.warehouse.address')}>
        <Input data-testid="warehouse-address" maxLength={200} />
      </Form.Item>
      <Form.Item name="regionIds" label={t('inventory.warehouse.regions')} extra={t('inventory.warehouse.regionsHint')}>
        <RegionsCascader testId="warehouse-regions" placeholder={t('inventory.warehouse.regionsNone')} />
      </Form.Item>
      <Form.Item name="priority" label={t('inventory.warehouse.priority')} extra={t('inventory.warehouse.priorityHint')} rules={[{ required: true, message: t('common:validation.required', { field: t('inventory.warehouse.priority') }) }]}>
        <InputNumber data-testid="warehouse-priority" min={0} max={10_000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="active" label={t('inventory.warehouse.active')} extra={t('inventory.warehouse.activeHint')} valuePropName="checked">
        <Switch data-testid="warehouse-active" />
      </Form.Item>
    </>
  );
}
