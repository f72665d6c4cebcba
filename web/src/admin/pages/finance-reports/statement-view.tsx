import { Card, Col, Descriptions, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import type { Position, Statement, StatementLine } from '../../api/finance-reports';

const signed = (fen: number) => (fen ? (fen > 0 ? `+${formatFen(fen)}` : formatFen(fen)) : '');

function PositionCard({ title, p, testId }: { title: string; p: Position; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Row gutter={12}>
        {(['balanceFen', 'creditUsedFen', 'ordersDueFen', 'receivableFen'] as const).map((k) => (
          <Col span={6} key={k}>
            <Statistic title={t(`reports.position.${k.replace('Fen', '')}`)} value={formatFen(p[k])} valueStyle={{ fontSize: 16 }} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** One 对账单: the opening and closing positions, the lines with the running position, the orders of the period. */
export function StatementView({ s }: { s: Statement }) {
  const { t } = useTranslation();
  return (
    <div data-testid="statement">
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('reports.statement.customer')}>{s.customer.name}（{s.customer.code}）</Descriptions.Item>
        <Descriptions.Item label={t('reports.statement.period')}>{s.from} ~ {s.to}</Descriptions.Item>
      </Descriptions>
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col xs={24} xl={12}><PositionCard title={t('reports.position.opening')} p={s.opening} testId="statement-opening" /></Col>
        <Col xs={24} xl={12}><PositionCard title={t('reports.position.closing')} p={s.closing} testId="statement-closing" /></Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('reports.receivableHint')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('reports.statement.lines')}</Typography.Title>
      <Table<StatementLine>
        size="small"
        rowKey="id"
        dataSource={s.lines}
        pagination={s.lines.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={{ x: 1750 }}
        locale={{ emptyText: t('reports.statement.empty') }}
        onRow={(l) => ({ 'data-testid': 'statement-line', 'data-kind': l.kind }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('reports.statement.date'), dataIndex: 'at', width: 150, render: formatDateTime },
          { title: t('reports.statement.docNo'), dataIndex: 'docNo', width: 170, render: (v: string | null) => v ?? '—' },
          { title: t('reports.statement.kind'), dataIndex: 'kindName', width: 100 },
          { title: t('reports.statement.orderNo'), dataIndex: 'orderNo', width: 170, render: (no: string | null, l) => (no && l.orderId ? <Link to={`/orders/${l.orderId}`}>{no}</Link> : '—') },
          { title: t('reports.statement.debit'), dataIndex: 'debitFen', width: 120, align: 'right', render: (v: number) => (v ? formatFen(v) : '') },
          { title: t('reports.statement.credit'), dataIndex: 'creditFen', width: 120, align: 'right', render: (v: number) => (v ? formatFen(v) : '') },
          { title: t('reports.position.receivable'), dataIndex: 'receivableFen', width: 120, align: 'right', render: (v: number) => <b>{formatFen(v)}</b> },
          { title: t('reports.statement.balanceDelta'), dataIndex: 'balanceDeltaFen', width: 110, align: 'right', render: signed },
          { title: t('reports.position.balance'), dataIndex: 'balanceFen', width: 110, align: 'right', render: formatFen },
          { title: t('reports.statement.creditDelta'), dataIndex: 'creditDeltaFen', width: 110, align: 'right', render: signed },
          { title: t('reports.position.creditUsed'), dataIndex: 'creditUsedFen', width: 110, align: 'right', render: formatFen },
          { title: t('reports.statement.dueOn'), dataIndex: 'dueOn', width: 100, render: (v: string | null) => v ?? '' },
          { title: t('reports.statement.method'), dataIndex: 'methodName', width: 110, render: (v: string | null) => v ?? '' },
          { title: t('reports.statement.note'), dataIndex: 'note', width: 200, render: (v: string | null) => v ?? '' },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 8 }} data-testid="statement-totals">
        {t('reports.statement.totals', { debit: formatFen(s.totals.debitFen), credit: formatFen(s.totals.creditFen), count: s.totals.orderCount, orders: formatFen(s.totals.ordersFen) })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('reports.statement.orders')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        dataSource={s.orders}
        pagination={false}
        columns={[
          { title: t('reports.statement.orderNo'), dataIndex: 'orderNo', render: (no: string, o: Statement['orders'][number]) => <Link to={`/orders/${o.id}`}>{no}</Link> },
          { title: t('reports.statement.placedAt'), dataIndex: 'submittedAt', render: formatDateTime },
          { title: t('reports.statement.orderTotal'), dataIndex: 'totalFen', align: 'right', render: formatFen },
          { title: t('reports.statement.paid'), dataIndex: 'paidFen', align: 'right', render: formatFen },
          { title: t('reports.statement.status'), dataIndex: 'statusName' },
        ]}
      />
    </div>
  );
}
