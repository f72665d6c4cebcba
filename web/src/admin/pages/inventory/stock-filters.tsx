import { Checkbox, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockFilters } from '../../api/inventory';
import { useMyWarehouses } from './use-my-warehouses';

/** 筛选: one warehouse (of the user's 仓库范围), a SKU code or product name, and “only low stock” (GET /admin/stock?low=true). */
export function StockFilterBar({ value, onChange }: { value: StockFilters; onChange: (filters: StockFilters) => void }) {
  const { t } = useTranslation();
  const warehouses = useMyWarehouses();
  const [text, setText] = useState(value.q ?? '');
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        allowClear
        data-testid="stock-filter-warehouse"
        placeholder={t('inventory.stock.allWarehouses')}
        style={{ width: 180 }}
        value={value.warehouseId}
        loading={warehouses.isLoading}
        options={warehouses.warehouses.map((w) => ({ value: w.id, label: w.name }))}
        onChange={(warehouseId?: string) => onChange({ ...value, warehouseId })}
      />
      <Input.Search
        allowClear
        data-testid="stock-search"
        placeholder={t('inventory.stock.search')}
        style={{ width: 280 }}
        value={text}
        maxLength={64}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
      />
      <Checkbox data-testid="stock-filter-low" checked={value.low === 'true'} onChange={(e) => onChange({ ...value, low: e.target.checked ? 'true' : undefined })}>
        {t('inventory.stock.onlyLow')}
      </Checkbox>
    </Space>
  );
}
