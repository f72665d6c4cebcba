import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/api/types';

function keysChanged(before: unknown, after: unknown): Set<string> {
  const asObj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = asObj(before);
  const a = asObj(after);
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return new Set([...keys].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])));
}

function Json({ value, changed, testId }: { value: unknown; changed: Set<string>; testId: string }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const lines = JSON.stringify(value, null, 2).split('\n');
  return (
    <pre data-testid={testId} style={{ background: '#fafafa', padding: 12, margin: 0, fontSize: 12, overflow: 'auto', maxHeight: 400 }}>
      {lines.map((line, i) => {
        const key = /^ {2}"([^"]+)":/.exec(line)?.[1];
        return <div key={i} style={key && changed.has(key) ? { background: '#fff1b8' } : undefined}>{line}</div>;
      })}
    </pre>
  );
}

/** Before and after side by side; top-level fields that changed are highlighted. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changed = keysChanged(entry.before, entry.after);
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Typography.Text strong>{t('audit.before')}</Typography.Text>
        <Json value={entry.before} changed={changed} testId="audit-before" />
      </Col>
      <Col span={12}>
        <Typography.Text strong>{t('audit.after')}</Typography.Text>
        <Json value={entry.after} changed={changed} testId="audit-after" />
      </Col>
    </Row>
  );
}
