import { Alert, Button, Card, Col, Row, Select, Space, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatFen, triggerDownload } from '../../api/catalog';
import { type AgingRow, BUCKETS, RECEIVABLES, reportsApi } from '../../api/finance-reports';
import { RequirePermission } from '../../auth/require-permission';
import { CustomerSelect } from '../../components/customer-select';
import { PageCard } from '../../components/page-card';
import { AgingChart, BucketTotals } from './aging-parts';

const PAGE = 50;
const SORT_KEYS: Record<string, string> = { totalFen: 'total', ordersDueFen: 'ordersDue', creditDueFen: 'creditDue', overdueFen: 'overdue', oldestDays: 'oldestDays', customerCode: 'code', d0_30: 'd0_30', d31_60: 'd31_60', d61_90: 'd61_90', d90_plus: 'd90_plus' };

/** 应收账款: what each customer owes, aged in buckets, with the totals, sortable, filterable, exportable. */
function Receivables() {
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string>();
  const [salespersonId, setSalespersonId] = useState<string>();
  const [sort, setSort] = useState<{ sort: string; order: 'asc' | 'desc' }>({ sort: 'total', order: 'desc' });
  const [page, setPage] = useState(1);
  const filters = { customerId, salespersonId, ...sort };
  const q = useQuery({ queryKey: [RECEIVABLES, filters, page], queryFn: () => reportsApi.aging({ ...filters, limit: PAGE, offset: (page - 1) * PAGE }) });
  // Salespeople seen in any answer so far: the filter needs no staff permission.
  const [seen] = useState(() => new Map<string, string>());
  const salespeople = useMemo(() => {
    for (const r of q.data?.items ?? []) if (r.salespersonId) seen.set(r.salespersonId, r.salespersonName ?? r.salespersonId);
    return [...seen.entries()].map(([value, label]) => ({ value, label }));
  }, [q.data, seen]);
  const money = (key: keyof AgingRow, title: string, width = 110) => ({
    title, dataIndex: key, key, width, align: 'right' as const, sorter: true, sortOrder: SORT_KEYS[key] === sort.sort ? (sort.order === 'asc' ? 'ascend' as const : 'descend' as const) : null,
    render: (v: number) => <span data-testid={`aging-${String(key)}`}>{formatFen(v)}</span>,
  });
  const data = q.data;
  return (
    <PageCard
      title={t('menu.receivables')}
      extra={<Button data-testid="aging-export" onClick={() => triggerDownload(`${RECEIVABLES}/export`, { customerId, salespersonId, ...sort })}>{t('reports.aging.export')}</Button>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <CustomerSelect value={customerId} onChange={(id) => { setCustomerId(id); setPage(1); }} style={{ width: 260 }} testId="aging-filter-customer" placeholder={t('reports.aging.filterCustomer')} />
        <Select allowClear data-testid="aging-filter-salesperson" placeholder={t('reports.aging.filterSalesperson')} style={{ width: 180 }} value={salespersonId}
          onChange={(v?: string) => { setSalespersonId(v); setPage(1); }} options={salespeople} />
        {data && <Typography.Text type="secondary">{t('reports.aging.asOf', { date: data.asOf })}</Typography.Text>}
      </Space>
      <Alert type="info" showIcon message={t('reports.aging.rule')} style={{ marginBottom: 12 }} />
      {data && (
        <Row gutter={24} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={10}><Card size="small"><BucketTotals totals={data.totals} /></Card></Col>
          <Col xs={24} lg={14}><Card size="small"><AgingChart rows={data.items} /></Card></Col>
        </Row>
      )}
      <Table<AgingRow>
        size="middle"
        rowKey="customerId"
        loading={q.isLoading}
        dataSource={data?.items ?? []}
        scroll={{ x: 1500 }}
        locale={{ emptyText: t('reports.aging.empty') }}
        onRow={(r) => ({ 'data-testid': 'aging-row', 'data-customer': r.customerName }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: PAGE, total: data?.customerCount ?? 0, showSizeChanger: false, onChange: setPage }}
        onChange={(_, __, s) => {
          const sorter = s as SorterResult<AgingRow>;
          const k = SORT_KEYS[String(sorter.columnKey ?? '')];
          setSort(k && sorter.order ? { sort: k, order: sorter.order === 'ascend' ? 'asc' : 'desc' } : { sort: 'total', order: 'desc' });
          setPage(1);
        }}
        columns={[
          { title: t('reports.aging.customer'), dataIndex: 'customerName', key: 'customerCode', width: 200, fixed: 'left', sorter: true,
            render: (name: string, r) => <Link to={`/customers/${r.customerId}`}>{name}（{r.customerCode}）</Link> },
          { title: t('reports.aging.salesperson'), dataIndex: 'salespersonName', width: 100, render: (v: string | null) => v ?? '—' },
          money('ordersDueFen', t('reports.aging.ordersDue')),
          money('creditDueFen', t('reports.aging.creditDue')),
          ...BUCKETS.map((b) => money(b, t(`reports.buckets.${b}`))),
          money('totalFen', t('reports.aging.total'), 120),
          money('overdueFen', t('reports.aging.overdue')),
          { title: t('reports.aging.balance'), dataIndex: 'balanceFen', width: 110, align: 'right', render: formatFen },
          { title: t('reports.aging.oldestDays'), dataIndex: 'oldestDays', key: 'oldestDays', width: 100, align: 'right', sorter: true,
            render: (d: number | null) => (d === null ? '—' : t('reports.aging.days', { days: d })) },
          { title: t('actions'), key: 'actions', width: 90, fixed: 'right', render: (_, r) => <Link to={`/finance/statements?customerId=${r.customerId}`}>{t('reports.aging.statement')}</Link> },
        ]}
        summary={() => data && (
          <Table.Summary>
            <Table.Summary.Row data-testid="aging-totals">
              <Table.Summary.Cell index={0}><b>{t('reports.aging.totalsRow', { count: data.customerCount })}</b></Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              {(['ordersDueFen', 'creditDueFen', ...BUCKETS, 'totalFen', 'overdueFen'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 2} align="right"><b data-testid={`aging-total-cell-${k}`}>{formatFen(data.totals[k])}</b></Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={10} colSpan={2} />
              <Table.Summary.Cell index={12} />
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </PageCard>
  );
}

export default function ReceivablesPage() {
  return <RequirePermission permission="finance.reports"><Receivables /></RequirePermission>;
}
