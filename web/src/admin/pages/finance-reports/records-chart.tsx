import { Card, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../api/catalog';
import { reportsApi, SUMMARY } from '../../api/finance-reports';
import { BarChart } from '../../components/bar-chart';
import { chinaToday } from '../../../shared/lib/china-day';

/** 月度收支: the last 12 months, money received from customers and other income against expenses. */
export function RecordsChart() {
  const { t } = useTranslation();
  const to = chinaToday().slice(0, 7);
  const from = dayjs(chinaToday()).subtract(11, 'month').format('YYYY-MM');
  const q = useQuery({ queryKey: [SUMMARY, from, to], queryFn: () => reportsApi.summary({ from, to }) });
  const months = q.data?.months ?? [];
  return (
    <Card size="small" title={t('reports.records.chartTitle')} loading={q.isLoading} style={{ marginBottom: 16 }}>
      <BarChart
        testId="records-chart"
        categories={months.map((m) => m.month.slice(2))}
        series={[
          { key: 'received', label: t('reports.records.received'), color: '#1677ff', values: months.map((m) => m.netReceiptsFen) },
          { key: 'other', label: t('reports.records.otherIncome'), color: '#69b1ff', values: months.map((m) => m.otherIncomeFen) },
          { key: 'expense', label: t('reports.records.expenses'), color: '#ff7875', values: months.map((m) => m.expenseFen) },
        ]}
        format={(v) => formatFen(v).replace(/\.00$/, '')}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reports.records.summaryHint')}</Typography.Text>
    </Card>
  );
}
