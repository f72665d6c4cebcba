import { Button, Popconfirm, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { ApiKey } from '../../../shared/api/types';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { RequirePermission } from '../../auth/require-permission';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { useAction } from '../../hooks/use-action';
import { ApiKeyCreateModal } from './api-key-create.modal';
import { ApiKeyTokenModal } from './api-key-token.modal';

const PATH = '/admin/api-keys';

/** API 密钥 for ERP and scripts: scoped, shown once, revocable. */
function ApiKeys() {
  const { t } = useTranslation();
  const list = useCursorList<ApiKey>(PATH);
  const [creating, setCreating] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const revoke = useAction((id: string) => api.delete(`${PATH}/${id}`), { invalidate: [[PATH]], success: t('apiKeys.revoked') });
  const columns = [
    { title: t('apiKeys.name'), dataIndex: 'name' },
    { title: t('apiKeys.prefix'), dataIndex: 'prefix', render: (v?: string) => (v ? <code>{v}…</code> : '—') },
    {
      title: t('apiKeys.scopes'),
      dataIndex: 'scopes',
      render: (v: string[]) => <Tooltip title={v.join(', ')}><Tag>{t('apiKeys.scopeCount', { count: v.length })}</Tag></Tooltip>,
    },
    { title: t('common:field.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    { title: t('apiKeys.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : t('apiKeys.neverUsed')) },
    {
      title: t('actions'),
      key: 'actions',
      render: (_: unknown, k: ApiKey) =>
        k.revokedAt ? <Tag>{t('apiKeys.revokedAt', { at: formatDateTime(k.revokedAt) })}</Tag> : (
          <Popconfirm title={t('apiKeys.revokeConfirm')} onConfirm={() => revoke.mutate(k.id)}>
            <Button type="link" size="small" danger data-testid="api-key-revoke">{t('apiKeys.revoke')}</Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <PageCard title={t('menu.apiKeys')} extra={<Button type="primary" data-testid="api-key-create" onClick={() => setCreating(true)}>{t('apiKeys.create')}</Button>}>
      <Table<ApiKey> rowKey="id" columns={columns} dataSource={list.items} loading={list.isLoading} pagination={false} scroll={{ x: 800 }} />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <ApiKeyCreateModal open={creating} onClose={() => setCreating(false)} onCreated={setToken} />
      <ApiKeyTokenModal token={token} onClose={() => setToken(null)} />
    </PageCard>
  );
}

export default function ApiKeysPage() {
  return <RequirePermission permission="apikeys.manage"><ApiKeys /></RequirePermission>;
}
