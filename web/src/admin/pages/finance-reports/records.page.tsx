import { Button, Card, Col, DatePicker, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import { CATEGORIES, type Direction, type FinanceRecord, RECORDS, reportsApi } from '../../api/finance-reports';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { CategoriesDialog } from './categories-dialog';
import { RecordDialog, VoidDialog } from './record-dialogs';
import { RecordsChart } from './records-chart';

interface Filters { direction?: Direction; categoryId?: string; from?: string; to?: string; status?: 'active' | 'voided' | 'all'; q?: string }

/** 收支记录: other income and expenses — list, filters, totals by category and month, record, void, categories, chart. */
function Records() {
  const { t } = useTranslation();
  const me = useStaff();
  const canWrite = me.can('finance.expenses');
  const [f, setF] = useState<Filters>({});
  const [dialog, setDialog] = useState<'record' | 'categories' | null>(null);
  const [voiding, setVoiding] = useState<FinanceRecord | null>(null);
  const set = (patch: Filters) => setF((x) => ({ ...x, ...patch }));
  const categories = useQuery({ queryKey: [CATEGORIES], queryFn: reportsApi.categories });
  const list = useCursorList<FinanceRecord>(RECORDS, { ...f });
  const totals = useQuery({ queryKey: [RECORDS, 'totals', f], queryFn: () => reportsApi.totals({ ...f }) });
  const cats = categories.data?.items ?? [];
  return (
    <PageCard
      title={t('menu.financeRecords')}
      extra={(
        <Space>
          <Button data-testid="records-categories" onClick={() => setDialog('categories')}>{t('reports.records.categories')}</Button>
          {canWrite && <Button type="primary" data-testid="records-add" onClick={() => setDialog('record')}>{t('reports.records.add')}</Button>}
        </Space>
      )}
    >
      <RecordsChart />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('reports.records.direction')} style={{ width: 110 }} value={f.direction} onChange={(direction?: Direction) => set({ direction })}
          options={(['income', 'expense'] as const).map((d) => ({ value: d, label: t(`reports.records.directionName.${d}`) }))} data-testid="records-filter-direction" />
        <Select allowClear placeholder={t('reports.records.category')} style={{ width: 150 }} value={f.categoryId} onChange={(categoryId?: string) => set({ categoryId })}
          options={cats.map((c) => ({ value: c.id, label: c.name }))} data-testid="records-filter-category" />
        <DatePicker.RangePicker onChange={(r) => set({ from: (r?.[0] as Dayjs | null)?.format('YYYY-MM-DD'), to: (r?.[1] as Dayjs | null)?.format('YYYY-MM-DD') })} />
        <Select style={{ width: 110 }} value={f.status ?? 'active'} onChange={(status: Filters['status']) => set({ status })}
          options={(['active', 'voided', 'all'] as const).map((s) => ({ value: s, label: t(`reports.records.statusName.${s}`) }))} />
        <Input.Search allowClear placeholder={t('reports.records.search')} style={{ width: 240 }} onSearch={(v) => set({ q: v.trim() || undefined })} />
      </Space>
      {totals.data && (
        <Row gutter={16} style={{ marginBottom: 12 }}>
          <Col xs={24} md={8}><Card size="small"><Space size={32}>
            <Statistic title={t('reports.records.income')} value={formatFen(totals.data.incomeFen)} valueStyle={{ fontSize: 18, color: '#389e0d' }} />
            <Statistic title={t('reports.records.expense')} value={formatFen(totals.data.expenseFen)} valueStyle={{ fontSize: 18, color: '#cf1322' }} />
            <Statistic title={t('reports.records.net')} value={formatFen(totals.data.netFen)} valueStyle={{ fontSize: 18 }} />
          </Space></Card></Col>
          <Col xs={24} md={8}><Card size="small" title={t('reports.records.byCategory')} data-testid="records-by-category">
            {totals.data.byCategory.map((c) => <Tag key={c.categoryId} color={c.direction === 'income' ? 'green' : 'red'}>{c.name} {formatFen(c.amountFen)}</Tag>)}
          </Card></Col>
          <Col xs={24} md={8}><Card size="small" title={t('reports.records.byMonth')}>
            {totals.data.byMonth.map((m) => <div key={m.month}><Typography.Text type="secondary">{m.month}</Typography.Text> +{formatFen(m.incomeFen)} / −{formatFen(m.expenseFen)}</div>)}
          </Card></Col>
        </Row>
      )}
      <Table<FinanceRecord>
        size="middle"
        rowKey="id"
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t('reports.records.empty') }}
        onRow={(r) => ({ 'data-testid': 'record-row', 'data-no': r.recordNo, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('reports.records.occurredOn'), dataIndex: 'occurredOn', width: 110 },
          { title: t('reports.records.recordNo'), dataIndex: 'recordNo', width: 100 },
          { title: t('reports.records.category'), dataIndex: 'categoryName', width: 120, render: (n: string, r) => <Tag color={r.direction === 'income' ? 'green' : 'red'}>{n}</Tag> },
          { title: t('reports.records.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number, r) => <span data-testid="record-amount">{r.direction === 'income' ? '+' : '−'}{formatFen(v)}</span> },
          { title: t('reports.records.account'), dataIndex: 'account', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('reports.records.counterparty'), dataIndex: 'counterparty', width: 150, render: (v: string | null) => v ?? '—' },
          { title: t('reports.records.note'), dataIndex: 'note', render: (v: string | null, r) => [v, r.voidReason && `${t('reports.records.voided')}：${r.voidReason}`].filter(Boolean).join(' · ') || '—' },
          { title: t('reports.records.createdBy'), dataIndex: 'createdByName', width: 100 },
          { title: t('reports.records.status'), dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'active' ? 'blue' : 'default'}>{t(`reports.records.statusName.${s}`)}</Tag> },
          { title: '', dataIndex: 'createdAt', width: 150, render: formatDateTime },
          { title: t('actions'), key: 'actions', width: 80, fixed: 'right', render: (_, r) => (canWrite && r.status === 'active'
            ? <Button size="small" danger data-testid="record-void" onClick={() => setVoiding(r)}>{t('reports.records.void')}</Button> : null) },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <RecordDialog open={dialog === 'record'} categories={cats} onClose={() => setDialog(null)} />
      <CategoriesDialog open={dialog === 'categories'} categories={cats} canWrite={canWrite} onClose={() => setDialog(null)} />
      <VoidDialog record={voiding} onClose={() => setVoiding(null)} />
    </PageCard>
  );
}

export default function RecordsPage() {
  return <RequirePermission permission="finance.reports"><Records /></RequirePermission>;
}
