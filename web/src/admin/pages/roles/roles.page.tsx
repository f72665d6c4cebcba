import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { DataScope, Role } from '../../../shared/api/types';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { RoleName } from '../../components/role-name';
import { useAction } from '../../hooks/use-action';
import { useModalState } from '../../hooks/use-modal-state';
import { isBuiltIn } from './role-kind';
import { RoleFormModal } from './role-form.modal';

const PATH = '/admin/roles';

function Roles() {
  const { t } = useTranslation();
  const me = useStaff();
  const list = useCursorList<Role>(PATH);
  const modal = useModalState<Role>();
  const canWrite = me.can('roles.write');
  const remove = useAction((id: string) => api.delete(`${PATH}/${id}`), { invalidate: [[PATH]], success: t('common:message.deleted') });

  const columns = [
    {
      title: t('roles.name'),
      key: 'name',
      render: (_: unknown, r: Role) => (
        <Space>
          <RoleName role={r} />
          {isBuiltIn(r) && <Tag>{t('roles.builtIn')}</Tag>}
        </Space>
      ),
    },
    { title: t('roles.dataScope'), dataIndex: 'dataScope', render: (v: DataScope) => t(`common:dataScope.${v}`) },
    { title: t('roles.permissionCount'), key: 'count', render: (_: unknown, r: Role) => r.permissions.length },
    { title: t('roles.staffCount'), dataIndex: 'staffCount', render: (v?: number) => v ?? '—' },
    {
      title: t('actions'),
      key: 'actions',
      render: (_: unknown, r: Role) => (
        <Space>
          <Button type="link" size="small" data-testid="role-edit" onClick={() => modal.edit(r)}>
            {canWrite && !isBuiltIn(r) ? t('common:action.edit') : t('view')}
          </Button>
          {canWrite && !isBuiltIn(r) && (
            <Popconfirm title={t('common:message.confirmDelete')} onConfirm={() => remove.mutate(r.id)}>
              <Button type="link" size="small" danger>{t('common:action.delete')}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageCard title={t('menu.roles')} extra={canWrite && <Button type="primary" data-testid="role-create" onClick={modal.create}>{t('roles.create')}</Button>}>
      <Table<Role> rowKey="id" columns={columns} dataSource={list.items} loading={list.isLoading} pagination={false} />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <RoleFormModal open={modal.open} role={modal.row} readOnly={!canWrite || (modal.row ? isBuiltIn(modal.row) : false)} onClose={modal.close} />
    </PageCard>
  );
}

export default function RolesPage() {
  return <RequirePermission permission="roles.read"><Roles /></RequirePermission>;
}
