import { Button, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { OrderInvoicing } from '../../api/invoices';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { PageCard } from '../../components/page-card';
import { InvoiceIssueDrawer } from './invoice-issue.drawer';
import { InvoiceListTab } from './invoice-list.tab';
import { InvoiceQueueTab } from './invoice-queue.tab';

type Tab = 'queue' | 'list';

/** 发票管理: 待开票 (orders with a request and something left), 已开票 (invoices, export), and 开票. */
function Invoices() {
  const { t } = useTranslation();
  const me = useStaff();
  const canWrite = me.can('invoices.write');
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'list' ? 'list' : 'queue';
  const [issuing, setIssuing] = useState<{ customerId?: string; orderIds?: string[]; n: number } | null>(null);
  const issueFor = (o?: OrderInvoicing) => setIssuing({ customerId: o?.customerId, orderIds: o ? [o.orderId] : [], n: Date.now() });
  return (
    <PageCard title={t('invoicing.title')} extra={canWrite && <Button type="primary" data-testid="invoice-issue-open" onClick={() => issueFor()}>{t('invoicing.issue')}</Button>}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'queue' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'queue', label: <span data-testid="invoices-tab-queue">{t('invoicing.tabs.queue')}</span>, children: <InvoiceQueueTab canWrite={canWrite} onIssue={issueFor} /> },
          { key: 'list', label: <span data-testid="invoices-tab-list">{t('invoicing.tabs.list')}</span>, children: <InvoiceListTab canWrite={canWrite} /> },
        ]}
      />
      {issuing && <InvoiceIssueDrawer key={issuing.n} open customerId={issuing.customerId} orderIds={issuing.orderIds} onClose={() => setIssuing(null)} />}
    </PageCard>
  );
}

export default function InvoicesPage() {
  return <RequirePermission permission="invoices.read"><Invoices /></RequirePermission>;
}
