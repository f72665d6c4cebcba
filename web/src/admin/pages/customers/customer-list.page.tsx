import { Button, Input, Select, Space, Table, Tabs } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Customer, CustomerStatus, CustomerType } from '../../../shared/api/types';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { CustomerStatusTag } from '../../components/status-tag';
import { useLevels } from '../../hooks/use-reference-data';
import { CustomerCreateModal } from './customer-create.modal';

const STATUSES: CustomerStatus[] = ['pending', 'active', 'disabled', 'rejected'];
const TYPES: CustomerType[] = ['dealer', 'retailer', 'consumer'];

function CustomerList() {
  const { t } = useTranslation();
  const me = useStaff();
  const navigate = useNavigate();
  const levels = useLevels();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as CustomerStatus | undefined;
  const [filters, setFilters] = useState<{ q?: string; type?: CustomerType; levelId?: string }>({});
  const list = useCursorList<Customer>('/admin/customers', { ...filters, status });
  const [creating, setCreating] = useState(false);

  const columns = [
    { title: t('customers.code'), dataIndex: 'code', width: 120 },
    { title: t('customers.name'), dataIndex: 'name', render: (v: string, c: Customer) => <Link to={`/customers/${c.id}`}>{v}</Link> },
    { title: t('customers.type'), dataIndex: 'type', render: (v: CustomerType) => t(`common:customerType.${v}`) },
    { title: t('common:level'), dataIndex: 'levelName', render: (v?: string | null) => v ?? '—' },
    { title: t('customers.contactName'), dataIndex: 'contactName', render: (v?: string | null) => v ?? '—' },
    { title: t('common:field.phone'), dataIndex: 'phone', render: (v?: string | null) => v ?? '—' },
    { title: t('common:field.status'), dataIndex: 'status', render: (v: CustomerStatus) => <CustomerStatusTag status={v} /> },
    { title: t('common:field.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];

  return (
    <PageCard
      title={t('menu.customers')}
      extra={me.can('customers.write') && <Button type="primary" data-testid="customer-create" onClick={() => setCreating(true)}>{t('customers.create')}</Button>}
    >
      <Tabs
        activeKey={status ?? 'all'}
        onChange={(key) => setParams(key === 'all' ? {} : { status: key })}
        items={[{ key: 'all', label: t('customers.all') }, ...STATUSES.map((s) => ({ key: s, label: <span data-testid={`customer-tab-${s}`}>{t(`common:customerStatus.${s}`)}</span> }))]}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="customer-search"
          placeholder={t('customers.searchPlaceholder')}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          placeholder={t('customers.type')}
          style={{ width: 140 }}
          value={filters.type}
          onChange={(type?: CustomerType) => setFilters((f) => ({ ...f, type }))}
          options={TYPES.map((v) => ({ value: v, label: t(`common:customerType.${v}`) }))}
        />
        <Select
          allowClear
          placeholder={t('common:level')}
          style={{ width: 140 }}
          value={filters.levelId}
          onChange={(levelId?: string) => setFilters((f) => ({ ...f, levelId }))}
          options={(levels.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        />
      </Space>
      <Table<Customer>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 900 }}
        onRow={(c) => ({ 'data-testid': 'customer-row', 'data-customer-id': c.id, onDoubleClick: () => navigate(`/customers/${c.id}`) }) as HTMLAttributes<HTMLElement>}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <CustomerCreateModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/customers/${id}`)} />
    </PageCard>
  );
}

export default function CustomerListPage() {
  return <RequirePermission permission="customers.read"><CustomerList /></RequirePermission>;
}
