import { AutoComplete, Input, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { formatFen } from '../../api/catalog';
import { SKU_LOOKUP, type SkuPick } from '../../api/orders';

interface Props {
  customerId: string | undefined;
  value: string;
  onChange: (text: string) => void;
  onPick: (pick: SkuPick) => void;
  disabled?: boolean;
  placeholder?: string;
  testId?: string;
  width?: number | string;
}

const matches = (p: SkuPick, text: string) => {
  const s = text.trim().toLowerCase();
  return p.skuCode.toLowerCase() === s || p.barcode === s || p.units.some((u) => u.barcode === s);
};

/** SKU编码 with autocomplete from the customer's catalogue and prices (GET /admin/orders/sku-lookup). */
export function SkuCodeInput({ customerId, value, onChange, onPick, disabled, placeholder, testId, width = '100%' }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(value.trim()), 200);
    return () => clearTimeout(timer);
  }, [value]);
  const found = useQuery({
    queryKey: [SKU_LOOKUP, customerId, q],
    queryFn: () => api.get<{ items: SkuPick[] }>(SKU_LOOKUP, { customerId, q }),
    enabled: Boolean(customerId && q),
    staleTime: 30_000,
  });
  const items = found.data?.items ?? [];
  const pickExact = () => {
    const hit = items.find((p) => matches(p, value));
    if (hit) onPick(hit);
  };
  return (
    <AutoComplete
      value={value}
      disabled={disabled}
      style={{ width }}
      popupMatchSelectWidth={420}
      onChange={(text: string) => onChange(text)}
      onSelect={(_: string, option: { pick?: SkuPick }) => option.pick && onPick(option.pick)}
      notFoundContent={q && found.isFetched && !found.isFetching ? t('orders.sku.notFound') : undefined}
      options={items.map((p) => ({
        key: p.skuId,
        value: p.skuCode,
        pick: p,
        label: (
          <div data-testid="sku-option" data-sku={p.skuCode}>
            <Typography.Text strong>{p.skuCode}</Typography.Text> {p.productName}
            {p.specText && <Typography.Text type="secondary"> {p.specText}</Typography.Text>}
            <Typography.Text type="secondary" style={{ float: 'right' }}>
              {p.units.map((u) => `${formatFen(u.unitPriceFen)}/${u.name}`).join(' ')}
            </Typography.Text>
          </div>
        ),
      }))}
    >
      <Input data-testid={testId} placeholder={placeholder ?? t('orders.sku.placeholder')} onPressEnter={pickExact} onBlur={pickExact} allowClear />
    </AutoComplete>
  );
}
