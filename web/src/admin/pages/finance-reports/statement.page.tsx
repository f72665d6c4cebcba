import { Button, DatePicker, Empty, Space, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api/error-message';
import { triggerDownload } from '../../api/catalog';
import { reportsApi, STATEMENTS } from '../../api/finance-reports';
import { RequirePermission } from '../../auth/require-permission';
import { CustomerSelect } from '../../components/customer-select';
import { PageCard } from '../../components/page-card';
import { StatementView } from './statement-view';
import { chinaToday } from '../../../shared/lib/china-day';

const DAY = 'YYYY-MM-DD';

/** 对账单: a customer and a period (default this month) → the statement on screen and as xlsx. */
function Statements() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const customerId = params.get('customerId') ?? undefined;
  const from = params.get('from') ?? dayjs(chinaToday()).startOf('month').format(DAY);
  const to = params.get('to') ?? chinaToday();
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const q = useQuery({ queryKey: [STATEMENTS, customerId, from, to], queryFn: () => reportsApi.statement({ customerId: customerId!, from, to }), enabled: !!customerId });
  return (
    <PageCard
      title={t('menu.statements')}
      extra={customerId && <Button type="primary" data-testid="statement-download" onClick={() => triggerDownload(`${STATEMENTS}/export`, { customerId, from, to })}>{t('reports.statement.download')}</Button>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <CustomerSelect value={customerId} onChange={(id) => set({ customerId: id })} style={{ width: 280 }} testId="statement-customer" placeholder={t('reports.statement.pickCustomer')} />
        <DatePicker.RangePicker
          data-testid="statement-period"
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(r) => set({ from: (r?.[0] as Dayjs | null)?.format(DAY), to: (r?.[1] as Dayjs | null)?.format(DAY) })}
        />
      </Space>
      {!customerId && <Empty description={t('reports.statement.noCustomer')} />}
      {customerId && q.isLoading && <Spin />}
      {q.error && <Empty description={errorMessage(q.error, t)} />}
      {q.data && <StatementView s={q.data} />}
    </PageCard>
  );
}

export default function StatementPage() {
  return <RequirePermission permission="finance.reports"><Statements /></RequirePermission>;
}
