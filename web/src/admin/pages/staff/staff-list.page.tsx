import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountStatus, Staff } from '../../../shared/api/types';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { RoleName } from '../../components/role-name';
import { AccountStatusTag } from '../../components/status-tag';
import { useModalState } from '../../hooks/use-modal-state';
import { useRoles } from '../../hooks/use-reference-data';
import { ResetPasswordModal } from './reset-password.modal';
import { StaffFormModal } from './staff-form.modal';

function StaffList() {
  const { t } = useTranslation();
  const me = useStaff();
  const roles = useRoles();
  const [filters, setFilters] = useState<{ q?: string; status?: AccountStatus; roleId?: string }>({});
  const list = useCursorList<Staff>('/admin/staff', filters);
  const form = useModalState<Staff>();
  const reset = useModalState<Staff>();
  const canWrite = me.can('staff.write');

  const columns = [
    { title: t('common:field.name'), dataIndex: 'name' },
    { title: t('common:field.username'), dataIndex: 'username' },
    { title: t('common:field.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('common:field.email'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
    {
      title: t('staff.roles'),
      key: 'roles',
      render: (_: unknown, s: Staff) => s.roles.map((r) => <Tag key={r.id}><RoleName role={r} /></Tag>),
    },
    { title: t('common:field.status'), dataIndex: 'status', render: (v: AccountStatus) => <AccountStatusTag status={v} /> },
    { title: t('common:field.lastLoginAt'), dataIndex: 'lastLoginAt', render: formatDateTime },
    ...(canWrite
      ? [{
          title: t('actions'),
          key: 'actions',
          render: (_: unknown, s: Staff) => (
            <Space>
              <Button type="link" size="small" data-testid="staff-edit" onClick={() => form.edit(s)}>{t('common:action.edit')}</Button>
              <Button type="link" size="small" data-testid="staff-reset-password" onClick={() => reset.edit(s)}>{t('staff.resetPassword')}</Button>
            </Space>
          ),
        }]
      : []),
  ];

  return (
    <PageCard
      title={t('menu.staff')}
      extra={canWrite && <Button type="primary" data-testid="staff-create" onClick={form.create}>{t('staff.create')}</Button>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="staff-search"
          placeholder={t('staff.searchPlaceholder')}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          placeholder={t('common:field.status')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status?: AccountStatus) => setFilters((f) => ({ ...f, status }))}
          options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`common:accountStatus.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('staff.roles')}
          style={{ width: 180 }}
          value={filters.roleId}
          onChange={(roleId?: string) => setFilters((f) => ({ ...f, roleId }))}
          options={(roles.data ?? []).map((r) => ({ value: r.id, label: <RoleName role={r} /> }))}
        />
      </Space>
      <Table<Staff> rowKey="id" columns={columns} dataSource={list.items} loading={list.isLoading} pagination={false} scroll={{ x: 900 }} />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <StaffFormModal open={form.open} staff={form.row} onClose={form.close} />
      <ResetPasswordModal staff={reset.row} onClose={reset.close} />
    </PageCard>
  );
}

export default function StaffListPage() {
  return <RequirePermission permission="staff.read"><StaffList /></RequirePermission>;
}
