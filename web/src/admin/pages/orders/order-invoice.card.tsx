import { Button, Card, Descriptions, Form, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import type { CustomerDetail } from '../../../shared/api/types';
import { formatFen } from '../../api/catalog';
import { type Invoice, invoicesApi, orderInvoicingKey } from '../../api/invoices';
import type { OrderDetail } from '../../api/orders';
import { useStaff } from '../../auth/use-staff';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';
import { InvoiceIssueDrawer } from '../invoices/invoice-issue.drawer';
import { InvoiceKindName, InvoiceStateTag, OrderInvoiceStatusTag } from '../invoices/invoice-parts';

const CLOSED = ['rejected', 'cancelled', 'voided'];

/** Sets the order's invoice request from one of its customer's invoice profiles. */
function SetRequest({ order, open, onClose }: { order: OrderDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ profileId: string }>();
  const customer = useQuery({ queryKey: ['/admin/customers', order.customerId], queryFn: () => api.get<CustomerDetail>(`/admin/customers/${order.customerId}`), enabled: open });
  const profiles = customer.data?.invoiceProfiles ?? [];
  const set = useAction(invoicesApi.setRequest, { success: t('invoicing.card.requestSet'), onSuccess: (r) => { qc.setQueryData(orderInvoicingKey(order.id), r); onClose(); } });
  return (
    <FormModal<{ profileId: string }> open={open} title={t('invoicing.card.setRequest')} form={form} saving={set.isPending} onCancel={onClose}
      onSubmit={(v) => set.mutate({ orderId: order.id, profileId: v.profileId })}>
      <Form.Item name="profileId" label={t('invoicing.card.pickProfile')} rules={[{ required: true }]} extra={customer.isSuccess && !profiles.length ? t('invoicing.card.noProfiles') : undefined}>
        <Select data-testid="order-invoice-profile" loading={customer.isLoading}
          options={profiles.map((p) => ({ value: p.id, label: `${p.title}（${t(`common:invoiceKind.${p.kind}`)}）${p.taxNo}` }))} />
      </Form.Item>
    </FormModal>
  );
}

/** 发票 on the console's order page: 开票状态, the request (set / clear), the invoices with this order, and 开票. */
export function OrderInvoiceCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const me = useStaff();
  const qc = useQueryClient();
  const canRead = me.can('invoices.read');
  const canWrite = me.can('invoices.write');
  const q = useQuery({ queryKey: [...orderInvoicingKey(order.id), order.version], queryFn: () => invoicesApi.forOrder(order.id), enabled: canRead });
  const [asking, setAsking] = useState(false);
  const [issuing, setIssuing] = useState(0);
  const reread = () => void qc.invalidateQueries({ queryKey: orderInvoicingKey(order.id) });
  const clear = useAction(invoicesApi.clearRequest, { success: t('invoicing.card.cleared'), onSuccess: reread });
  if (!canRead) return null;
  const d = q.data;
  const closed = CLOSED.includes(order.status);
  const line = (i: Invoice) => i.lines.filter((l) => l.orderId === order.id).reduce((s, l) => s + l.amountFen, 0);
  return (
    <Card
      variant="borderless"
      loading={q.isLoading}
      data-testid="order-invoice-card"
      title={<Space>{t('invoicing.card.title')}{d && <OrderInvoiceStatusTag status={d.invoiceStatus} />}</Space>}
      extra={canWrite && d && !closed && (
        <Space wrap>
          <Button size="small" data-testid="order-invoice-set" onClick={() => setAsking(true)}>{t('invoicing.card.setRequest')}</Button>
          {d.request && (
            <Popconfirm title={t('invoicing.card.clearRequest')} onConfirm={() => clear.mutate(order.id)}>
              <Button size="small" data-testid="order-invoice-clear">{t('invoicing.card.clearRequest')}</Button>
            </Popconfirm>
          )}
          {d.remainingFen > 0 && <Button size="small" type="primary" data-testid="order-invoice-issue" onClick={() => setIssuing(Date.now())}>{t('invoicing.card.issueHere')}</Button>}
        </Space>
      )}
    >
      {d && (
        <>
          <Typography.Paragraph data-testid="order-invoice-amounts">
            {t('invoicing.card.amounts', { total: formatFen(d.totalFen), invoiceable: formatFen(d.invoiceableFen), invoiced: formatFen(d.invoicedFen), remaining: formatFen(d.remainingFen) })}
          </Typography.Paragraph>
          {d.request ? (
            <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="order-invoice-request">
              <Descriptions.Item label={t('invoicing.card.request')}>{d.request.title}（<InvoiceKindName kind={d.request.kind} />）· {t(`invoicing.source.${d.request.source}`)}</Descriptions.Item>
              <Descriptions.Item label={t('common:invoice.taxNo')}>{d.request.taxNo}</Descriptions.Item>
              {d.request.bankName && <Descriptions.Item label={t('common:invoice.bankName')}>{[d.request.bankName, d.request.bankAccount].join(' ')}</Descriptions.Item>}
              {d.request.address && <Descriptions.Item label={t('common:invoice.address')}>{[d.request.address, d.request.phone].join(' ')}</Descriptions.Item>}
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t('invoicing.card.noRequest')}</Typography.Text>
          )}
          {d.invoices.length > 0 && (
            <Table<Invoice>
              size="small"
              rowKey="id"
              style={{ marginTop: 12 }}
              dataSource={d.invoices}
              pagination={false}
              scroll={{ x: 640 }}
              onRow={(i) => ({ 'data-testid': 'order-invoice', 'data-no': i.invoiceNo, 'data-status': i.status }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('invoicing.col.invoiceNo'), dataIndex: 'invoiceNo', width: 170 },
                { title: t('invoicing.col.issueDate'), dataIndex: 'issueDate', width: 100 },
                { title: t('invoicing.col.kind'), dataIndex: 'kind', width: 100, render: (_: string, i) => <InvoiceKindName kind={i.kind} /> },
                { title: t('invoicing.col.thisTime'), key: 'line', width: 110, align: 'right', render: (_, i) => formatFen(line(i)) },
                { title: t('invoicing.col.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (fen: number) => formatFen(fen) },
                { title: t('invoicing.col.status'), dataIndex: 'status', width: 90, render: (_: string, i) => <InvoiceStateTag status={i.status} /> },
              ]}
            />
          )}
        </>
      )}
      {asking && <SetRequest order={order} open onClose={() => setAsking(false)} />}
      {issuing > 0 && <InvoiceIssueDrawer key={issuing} open customerId={order.customerId} orderIds={[order.id]} onClose={() => { setIssuing(0); reread(); }} />}
    </Card>
  );
}
