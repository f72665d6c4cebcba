import { Space, Table, Tabs, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import { ORDERS } from '../../api/orders';
import { type Refund, REFUNDS } from '../../api/finance';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { RefundDecision } from './refund-decision';
import { FinanceViewSwitch, RefundDestinationName, RefundStateTag, RefundTriggerName } from './refund-parts';

const TABS = ['pending_approval', 'succeeded', 'rejected', 'all'] as const;
type Tab = (typeof TABS)[number];

/** 退款单 (under 收款管理): refunds by status, 待审核 first; finance approves or rejects them. */
function Refunds() {
  const { t } = useTranslation();
  const me = useStaff();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'pending_approval';
  const setTab = (k: string) => {
    const next = new URLSearchParams(params);
    if (k === 'pending_approval') next.delete('tab');
    else next.set('tab', k);
    setParams(next, { replace: true });
  };
  const list = useCursorList<Refund>(REFUNDS, { status: tab === 'all' ? undefined : tab });
  const canWrite = me.can('finance.write');
  const reload = () => {
    void qc.invalidateQueries({ queryKey: [REFUNDS] });
    // The orders' payment status and the customers' balances follow a decision.
    void qc.invalidateQueries({ queryKey: [ORDERS] });
  };
  return (
    <PageCard title={t('menu.payments')} extra={<FinanceViewSwitch current="refunds" />}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={TABS.map((k) => ({ key: k, label: <span data-testid={`refunds-tab-${k}`}>{t(`finance.refunds.tabs.${k}`)}</span> }))}
      />
      <Table<Refund>
        size="middle"
        rowKey="id"
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 1560 }}
        locale={{ emptyText: t('finance.refunds.empty') }}
        onRow={(r) => ({ 'data-testid': 'refund-row', 'data-no': r.refundNo, 'data-order-no': r.orderNo ?? '', 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('finance.refunds.no'), dataIndex: 'refundNo', width: 110 },
          { title: t('finance.refunds.order'), dataIndex: 'orderNo', width: 170, render: (no: string | null, r) => <Link to={`/orders/${r.orderId}`} data-testid="refund-order">{no ?? r.orderId}</Link> },
          { title: t('finance.refunds.customer'), dataIndex: 'customerName', width: 160, render: (name: string | null, r) => <Link to={`/customers/${r.customerId}`}>{name ?? '—'}</Link> },
          { title: t('finance.refunds.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (fen: number) => <span data-testid="refund-amount">{formatFen(fen)}</span> },
          { title: t('finance.refunds.destination'), dataIndex: 'destination', width: 130, render: (_: string, r) => <RefundDestinationName r={r} /> },
          {
            title: t('finance.refunds.status'),
            dataIndex: 'status',
            width: 140,
            render: (_: string, r) => (
              <Space direction="vertical" size={0}>
                <RefundStateTag status={r.status} />
                {r.rejectReason && <Typography.Text type="danger">{t('finance.refunds.rejectReason', { reason: r.rejectReason })}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('finance.refunds.trigger'), dataIndex: 'trigger', width: 100, render: (_: string, r) => <RefundTriggerName r={r} /> },
          { title: t('finance.refunds.reason'), dataIndex: 'reason', width: 220, ellipsis: { showTitle: true }, render: (reason: string | null) => reason || '—' },
          { title: t('finance.refunds.requestedBy'), dataIndex: 'requestedByName', width: 100 },
          { title: t('finance.refunds.requestedAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
          {
            title: t('actions'),
            key: 'actions',
            width: 190,
            fixed: 'right',
            render: (_, r) =>
              r.status === 'pending_approval' && canWrite ? (
                <RefundDecision r={r} onChanged={reload} />
              ) : r.decidedByName ? (
                <Typography.Text type="secondary">{r.decidedByName}{r.decidedAt ? ` · ${formatDateTime(r.decidedAt)}` : ''}</Typography.Text>
              ) : null,
          },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
    </PageCard>
  );
}

export default function RefundsPage() {
  return <RequirePermission permission="finance.read"><Refunds /></RequirePermission>;
}
