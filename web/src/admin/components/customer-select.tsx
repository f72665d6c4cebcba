import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { type CSSProperties, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import type { Customer, Page } from '../../shared/api/types';

interface Props {
  value?: string;
  onChange?: (id: string | undefined, customer: Customer | undefined) => void;
  /** only active customers (for placing orders) */
  activeOnly?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  testId?: string;
}

/** A customer picked by typing part of the name, code, contact or phone (GET /admin/customers?q=). */
export function CustomerSelect({ value, onChange, activeOnly, placeholder, style, testId }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['/admin/customers', 'list', { q, status: activeOnly ? 'active' : undefined, limit: 20 }],
    queryFn: () => api.get<Page<Customer>>('/admin/customers', { q: q || undefined, status: activeOnly ? 'active' : undefined, limit: 20 }),
  });
  const [picked, setPicked] = useState<Customer>();
  const listed = found.data?.items ?? [];
  const items = picked && picked.id === value && !listed.some((c) => c.id === picked.id) ? [picked, ...listed] : listed;
  return (
    <Select
      allowClear
      showSearch
      filterOption={false}
      data-testid={testId}
      value={value}
      placeholder={placeholder ?? t('orders.filter.customer')}
      style={style}
      loading={found.isFetching}
      onSearch={setTyped}
      onChange={(id?: string) => {
        const customer = items.find((c) => c.id === id);
        setPicked(customer);
        onChange?.(id, customer);
      }}
      notFoundContent={found.isFetching ? t('common:message.loading') : t('common:message.empty')}
      options={items.map((c) => ({ value: c.id, label: `${c.name}（${c.code}）` }))}
    />
  );
}
