import { Select, Space, Table, Tabs, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import { type Payment, PAYMENT_METHOD_CODES, PAYMENTS } from '../../api/finance';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { CustomerSelect } from '../../components/customer-select';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { PaymentDecision } from './payment-decision';
import { PaymentMethodName, PaymentStateTag, RefreshOnline, VoucherThumbs } from './payment-parts';
import { FinanceViewSwitch } from './refund-parts';

const TABS = ['pending_confirmation', 'pending', 'succeeded', 'rejected', 'all'] as const;
type Tab = (typeof TABS)[number];

/** 收款管理: payments by status (待审核 first), filtered by method and customer; finance confirms or rejects transfers. */
function Payments() {
  const { t } = useTranslation();
  const me = useStaff();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'pending_confirmation';
  const method = params.get('method') ?? undefined;
  const customerId = params.get('customerId') ?? undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useCursorList<Payment>(PAYMENTS, { status: tab === 'all' ? undefined : tab, method, customerId });
  const canWrite = me.can('finance.write');
  const reload = () => void qc.invalidateQueries({ queryKey: [PAYMENTS] });
  return (
    <PageCard title={t('menu.payments')} extra={<FinanceViewSwitch current="payments" />}>
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k === 'pending_confirmation' ? undefined : k)}
        items={TABS.map((k) => ({ key: k, label: <span data-testid={`payments-tab-${k}`}>{t(`finance.payments.tabs.${k}`)}</span> }))}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          data-testid="payments-filter-method"
          placeholder={t('finance.payments.filterMethod')}
          style={{ width: 160 }}
          value={method}
          onChange={(v?: string) => set('method', v)}
          options={PAYMENT_METHOD_CODES.map((m) => ({ value: m, label: t(`common:paymentMethod.${m}`) }))}
        />
        <CustomerSelect value={customerId} onChange={(id) => set('customerId', id)} style={{ width: 260 }} testId="payments-filter-customer" placeholder={t('finance.payments.filterCustomer')} />
      </Space>
      <Table<Payment>
        size="middle"
        rowKey="id"
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('finance.payments.empty') }}
        onRow={(p) => ({ 'data-testid': 'payment-row', 'data-no': p.paymentNo, 'data-order-no': p.orderNo ?? '', 'data-status': p.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('finance.payments.no'), dataIndex: 'paymentNo', width: 110 },
          { title: t('finance.payments.customer'), dataIndex: 'customerName', width: 160, render: (name: string | null, p) => <Link to={`/customers/${p.customerId}`}>{name ?? '—'}</Link> },
          {
            title: t('finance.payments.order'),
            dataIndex: 'orderNo',
            width: 170,
            render: (no: string | null, p) => (no && p.orderId ? <Link to={`/orders/${p.orderId}`} data-testid="payment-order">{no}</Link> : t(`finance.payments.purposeName.${p.purpose}`)),
          },
          { title: t('finance.payments.method'), dataIndex: 'method', width: 110, render: (_: string, p) => <PaymentMethodName p={p} /> },
          { title: t('finance.payments.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (fen: number) => <span data-testid="payment-amount">{formatFen(fen)}</span> },
          {
            title: t('finance.payments.status'),
            dataIndex: 'status',
            width: 150,
            render: (_: string, p) => (
              <Space direction="vertical" size={0}>
                <PaymentStateTag status={p.status} />
                {p.reviewReason && <Typography.Text type="secondary">{t('finance.payments.reviewReason', { reason: p.reviewReason })}</Typography.Text>}
                {p.rejectReason && <Typography.Text type="danger">{t('finance.payments.rejectReason', { reason: p.rejectReason })}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('finance.payments.vouchers'), key: 'vouchers', width: 150, render: (_, p) => <VoucherThumbs p={p} /> },
          { title: t('finance.payments.createdBy'), dataIndex: 'createdByName', width: 100 },
          { title: t('finance.payments.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
          { title: t('finance.payments.remark'), dataIndex: 'remark', render: (r: string | null, p) => [r, p.reference, p.gatewayTradeNo && t('finance.payments.tradeNo', { no: p.gatewayTradeNo })].filter(Boolean).join(' · ') || '—' },
          {
            title: t('actions'),
            key: 'actions',
            width: 190,
            fixed: 'right',
            render: (_, p) => (p.status === 'pending_confirmation' && canWrite ? <PaymentDecision p={p} onChanged={reload} />
              : p.status === 'pending' && p.gateway ? <RefreshOnline id={p.id} onChanged={reload} /> : p.decidedByName ?? null),
          },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
    </PageCard>
  );
}

export default function PaymentsPage() {
  return <RequirePermission permission="finance.read"><Payments /></RequirePermission>;
}
