import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { RowReport } from '../api/cart';

/** What happened to each pasted or uploaded row: failures first (with the reason), then the rows added. */
export function RowReportList({ report }: { report: RowReport[] }) {
  const { t } = useTranslation();
  const failed = report.filter((r) => !r.ok);
  const rows = [...failed, ...report.filter((r) => r.ok)];
  return (
    <div className="dh-section" data-testid="row-report">
      <div className="dh-block-title" data-testid="row-report-summary">
        {t('quick.reportSummary', { ok: report.length - failed.length, failed: failed.length })}
      </div>
      {rows.map((r) => (
        <div key={`${r.row}-${r.code}`} className="dh-report-row" data-testid={r.ok ? 'report-ok' : 'report-error'}>
          <span className="dh-muted dh-report-rowno">{t('quick.row', { row: r.row })}</span>
          <span className="dh-report-main">
            <span className="dh-report-code">{r.code}</span>
            <span className="dh-muted"> × {r.qty}{r.unit ?? ''}</span>
            {r.error && <span className="dh-problem-blocking dh-report-error">{t(`quick.error.${r.error.code}`, { defaultValue: r.error.message, code: r.code, unit: r.unit ?? '' })}</span>}
          </span>
          {r.ok ? <Tag color="success" fill="outline">{t('quick.rowOk')}</Tag> : <Tag color="danger" fill="outline">{t('quick.rowFailed')}</Tag>}
        </div>
      ))}
    </div>
  );
}
