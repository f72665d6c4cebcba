import { Alert, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatFen } from '../../api/catalog';
import { CREDIT_CONTROL, type CreditRow, reportsApi } from '../../api/finance-reports';
import { RequirePermission } from '../../auth/require-permission';
import { PageCard } from '../../components/page-card';

/** 信用控制: customers over their credit limit or with credit past its due day, worst first. */
function CreditControl() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: [CREDIT_CONTROL], queryFn: reportsApi.creditControl });
  const money = (key: keyof CreditRow, title: string, danger = false) => ({
    title, dataIndex: key, width: 120, align: 'right' as const,
    render: (v: number) => <Typography.Text type={danger && v > 0 ? 'danger' : undefined} data-testid={`credit-${String(key)}`}>{formatFen(v)}</Typography.Text>,
  });
  return (
    <PageCard title={t('menu.creditControl')} extra={q.data && <Typography.Text type="secondary">{t('reports.aging.asOf', { date: q.data.asOf })}</Typography.Text>}>
      <Alert type="info" showIcon message={t('reports.credit.hint')} style={{ marginBottom: 12 }} />
      <Table<CreditRow>
        size="middle"
        rowKey="customerId"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t('reports.credit.empty') }}
        onRow={(r) => ({ 'data-testid': 'credit-row', 'data-customer': r.customerName }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('reports.aging.customer'), dataIndex: 'customerName', width: 200, fixed: 'left', render: (name: string, r) => <Link to={`/customers/${r.customerId}`}>{name}（{r.customerCode}）</Link> },
          { title: t('reports.aging.salesperson'), dataIndex: 'salespersonName', width: 100, render: (v: string | null) => v ?? '—' },
          money('creditLimitFen', t('reports.credit.limit')),
          money('creditUsedFen', t('reports.credit.used')),
          money('overLimitFen', t('reports.credit.overLimit'), true),
          money('overdueFen', t('reports.credit.overdue'), true),
          { title: t('reports.credit.oldestDue'), dataIndex: 'oldestDueOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('reports.credit.daysOverdue'), dataIndex: 'daysOverdue', width: 100, align: 'right', render: (d: number) => (d > 0 ? <Tag color={d > 60 ? 'red' : 'orange'}>{t('reports.aging.days', { days: d })}</Tag> : '—') },
          { title: t('reports.credit.nextDue'), dataIndex: 'nextDueOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('reports.credit.policy'), dataIndex: 'creditPolicy', width: 110, render: (p: string) => t(`reports.credit.policyName.${p}`, { defaultValue: p }) },
          money('balanceFen', t('reports.aging.balance')),
          { title: t('actions'), key: 'actions', width: 150, fixed: 'right', render: (_, r) => (
            <>
              <Link to={`/finance/statements?customerId=${r.customerId}`}>{t('reports.aging.statement')}</Link>
              {' · '}
              <Link to={`/customers/${r.customerId}`}>{t('reports.credit.account')}</Link>
            </>
          ) },
        ]}
      />
    </PageCard>
  );
}

export default function CreditControlPage() {
  return <RequirePermission permission="finance.reports"><CreditControl /></RequirePermission>;
}
