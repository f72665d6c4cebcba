import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../api/catalog';
import { type AgingRow, BUCKETS, type Bucket } from '../../api/finance-reports';
import { BarChart } from '../../components/bar-chart';

export const BUCKET_COLORS: Record<Bucket, string> = { d0_30: '#95de64', d31_60: '#ffd666', d61_90: '#ffa940', d90_plus: '#ff4d4f' };

/** The four bucket totals as one stacked bar, each part as wide as its share, with the amounts below. */
export function BucketTotals({ totals }: { totals: Record<Bucket, number> }) {
  const { t } = useTranslation();
  const all = BUCKETS.reduce((s, b) => s + totals[b], 0);
  return (
    <div data-testid="aging-bucket-totals">
      <Typography.Text strong>{t('reports.aging.bucketTotals')}</Typography.Text>
      <svg viewBox="0 0 1000 28" width="100%" height={28} preserveAspectRatio="none" style={{ display: 'block', margin: '8px 0', background: '#fafafa' }}>
        {BUCKETS.reduce<{ x: number; parts: JSX.Element[] }>((acc, b) => {
          const w = all > 0 ? (totals[b] / all) * 1000 : 0;
          acc.parts.push(<rect key={b} x={acc.x} y={0} width={w} height={28} fill={BUCKET_COLORS[b]} data-bucket={b}><title>{`${t(`reports.buckets.${b}`)}: ${formatFen(totals[b])}`}</title></rect>);
          return { x: acc.x + w, parts: acc.parts };
        }, { x: 0, parts: [] }).parts}
      </svg>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        {BUCKETS.map((b) => (
          <span key={b} data-testid={`aging-total-${b}`}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: BUCKET_COLORS[b], marginRight: 4 }} />
            {t(`reports.buckets.${b}`)} <b>{formatFen(totals[b])}</b>
          </span>
        ))}
      </div>
    </div>
  );
}

/** The customers of the page (first 10) as stacked bars of their buckets. */
export function AgingChart({ rows }: { rows: AgingRow[] }) {
  const { t } = useTranslation();
  const top = rows.slice(0, 10);
  if (top.length === 0) return null;
  return (
    <div>
      <Typography.Text strong>{t('reports.aging.chartTitle')}</Typography.Text>
      <BarChart
        testId="aging-chart"
        stacked
        categories={top.map((r) => (r.customerName.length > 6 ? `${r.customerName.slice(0, 6)}…` : r.customerName))}
        series={BUCKETS.map((b) => ({ key: b, label: t(`reports.buckets.${b}`), color: BUCKET_COLORS[b], values: top.map((r) => r[b]) }))}
        format={(v) => formatFen(v).replace(/\.00$/, '')}
      />
    </div>
  );
}
