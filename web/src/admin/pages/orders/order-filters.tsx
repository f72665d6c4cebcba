import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/api/types';
import { useList } from '../../../shared/hooks/use-list';
import { yuanToFen } from '../../api/catalog';
import { ORDER_STATUSES, type OrderFilters, type OrderStatus } from '../../api/orders';
import { useStaff } from '../../auth/use-staff';
import { CustomerSelect } from '../../components/customer-select';
import { RegionCascader } from '../../components/region-cascader';
import { useMoneyRule } from '../catalog/sku-matrix';

interface FilterValues {
  q?: string;
  status?: OrderStatus;
  customerId?: string;
  salespersonId?: string;
  regionId?: string | null;
  range?: [Dayjs | null, Dayjs | null] | null;
  minYuan?: string;
  maxYuan?: string;
  sku?: string;
}

/** Form values → query: whole local days as YYYY-MM-DD, amounts in yuan → fen by the string. */
function toFilters(v: FilterValues): OrderFilters {
  const [from, to] = v.range ?? [];
  return {
    q: v.q?.trim() || undefined,
    status: v.status,
    customerId: v.customerId,
    salespersonId: v.salespersonId,
    regionId: v.regionId ?? undefined,
    from: from ? from.format('YYYY-MM-DD') : undefined,
    to: to ? to.format('YYYY-MM-DD') : undefined,
    minFen: v.minYuan?.trim() ? (yuanToFen(v.minYuan) ?? undefined) : undefined,
    maxFen: v.maxYuan?.trim() ? (yuanToFen(v.maxYuan) ?? undefined) : undefined,
    sku: v.sku?.trim() || undefined,
  };
}

/** 筛选: order number, status, customer, salesperson, region, date, amount and SKU code. */
export function OrderFilterBar({ onChange }: { onChange: (filters: OrderFilters) => void }) {
  const { t } = useTranslation();
  const me = useStaff();
  const money = useMoneyRule();
  const [form] = Form.useForm<FilterValues>();
  const canListStaff = me.can('staff.read');
  const staff = useList<Staff>('/admin/staff', { enabled: canListStaff });
  return (
    <Form<FilterValues> form={form} layout="inline" onFinish={(v) => onChange(toFilters(v))} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="q">
        <Input allowClear data-testid="order-search" placeholder={t('orders.filter.q')} style={{ width: 200 }} onPressEnter={() => form.submit()} />
      </Form.Item>
      <Form.Item name="status">
        <Select
          allowClear
          data-testid="order-filter-status"
          placeholder={t('orders.filter.status')}
          style={{ width: 140 }}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: s === 'pending_approval' ? t('orders.pendingApproval') : t(`common:orderStatus.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="customerId">
        <CustomerSelect testId="order-filter-customer" style={{ width: 200 }} />
      </Form.Item>
      {canListStaff && (
        <Form.Item name="salespersonId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('orders.filter.salesperson')}
            style={{ width: 140 }}
            options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="regionId" style={{ width: 160 }}>
        <RegionCascader />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker placeholder={[t('orders.filter.from'), t('orders.filter.to')]} />
      </Form.Item>
      <Form.Item name="minYuan" rules={[money(false)]}>
        <Input allowClear prefix="¥" placeholder={t('orders.filter.minAmount')} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="maxYuan" rules={[money(false)]}>
        <Input allowClear prefix="¥" placeholder={t('orders.filter.maxAmount')} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="sku">
        <Input allowClear placeholder={t('orders.filter.sku')} style={{ width: 140 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="order-filter-submit">{t('common:action.search')}</Button>
        <Button htmlType="reset" onClick={() => onChange({})}>{t('common:action.reset')}</Button>
      </Space>
    </Form>
  );
}
