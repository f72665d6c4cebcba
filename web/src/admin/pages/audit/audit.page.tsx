import { Button, DatePicker, Form, Input, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../../shared/api/client';
import type { AuditEntry } from '../../../shared/api/types';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { RequirePermission } from '../../auth/require-permission';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { AuditDiff } from './audit-diff';

interface FilterValues {
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Form values → query: whole days, from the start of the first to the end of the last, in UTC ISO. */
function toQuery(v: FilterValues): Query {
  const [from, to] = v.range ?? [];
  return {
    action: v.action?.trim() || undefined,
    entityType: v.entityType?.trim() || undefined,
    entityId: v.entityId?.trim() || undefined,
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.endOf('day').toISOString() : undefined,
  };
}

/** 审计日志: who changed what, when, with the record before and after. */
function AuditLog() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Query>({});
  const list = useCursorList<AuditEntry>('/admin/audit', filters);
  const columns = [
    { title: t('audit.time'), width: 170, dataIndex: 'at', render: formatDateTime },
    { title: t('audit.actor'), key: 'actor', render: (_: unknown, e: AuditEntry) => e.actorName ?? e.actorId ?? t(`audit.kind.${e.actorKind}`, { defaultValue: e.actorKind }) },
    { title: t('audit.action'), dataIndex: 'action' },
    { title: t('audit.entityType'), dataIndex: 'entityType' },
    { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? '—' },
    { title: 'IP', dataIndex: 'ip', render: (v?: string | null) => v ?? '—' },
  ];
  return (
    <PageCard title={t('menu.audit')}>
      <Form<FilterValues> layout="inline" onFinish={(v) => setFilters(toQuery(v))} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="action"><Input allowClear placeholder={t('audit.action')} data-testid="audit-action" /></Form.Item>
        <Form.Item name="entityType"><Input allowClear placeholder={t('audit.entityType')} data-testid="audit-entity-type" /></Form.Item>
        <Form.Item name="entityId"><Input allowClear placeholder={t('audit.entityId')} data-testid="audit-entity-id" /></Form.Item>
        <Form.Item name="range"><DatePicker.RangePicker /></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">{t('common:action.search')}</Button>
          <Button htmlType="reset" onClick={() => setFilters({})}>{t('common:action.reset')}</Button>
        </Space>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 800 }}
        expandable={{ expandedRowRender: (e) => <AuditDiff entry={e} /> }}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
    </PageCard>
  );
}

export default function AuditPage() {
  return <RequirePermission permission="audit.read"><AuditLog /></RequirePermission>;
}
