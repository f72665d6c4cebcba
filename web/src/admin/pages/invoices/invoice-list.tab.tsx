import { Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatFen } from '../../api/catalog';
import { type Invoice, INVOICE_QUEUE, invoiceExportUrl, INVOICES, type InvoiceKind, type InvoiceState } from '../../api/invoices';
import { CustomerSelect } from '../../components/customer-select';
import { LoadMore } from '../../components/load-more';
import { InvoiceKindName, InvoiceStateTag } from './invoice-parts';
import { InvoiceVoid } from './invoice-void';

interface Filters { customerId?: string; status?: InvoiceState; kind?: InvoiceKind; from?: string; to?: string; q?: string }

/** 已开票: invoices with filters (customer, status, type, issue dates, number), 作废, and the xlsx for the tax software. */
export function InvoiceListTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [f, setF] = useState<Filters>({ status: 'issued' });
  const list = useCursorList<Invoice>(INVOICES, { ...f });
  const set = (patch: Filters) => setF((x) => ({ ...x, ...patch }));
  const reload = () => {
    void qc.invalidateQueries({ queryKey: [INVOICES] });
    void qc.invalidateQueries({ queryKey: [INVOICE_QUEUE] });
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <CustomerSelect testId="invoice-filter-customer" value={f.customerId} onChange={(id) => set({ customerId: id })} style={{ width: 220 }} placeholder={t('invoicing.filter.customer')} />
          <Select allowClear data-testid="invoice-filter-status" placeholder={t('invoicing.filter.status')} style={{ width: 120 }} value={f.status} onChange={(status?: InvoiceState) => set({ status })}
            options={(['issued', 'voided'] as const).map((s) => ({ value: s, label: t(`invoicing.state.${s}`) }))} />
          <Select allowClear placeholder={t('invoicing.filter.kind')} style={{ width: 140 }} value={f.kind} onChange={(kind?: InvoiceKind) => set({ kind })}
            options={(['normal', 'special'] as const).map((k) => ({ value: k, label: t(`common:invoiceKind.${k}`) }))} />
          <DatePicker.RangePicker placeholder={[t('invoicing.filter.from'), t('invoicing.filter.to')]}
            onChange={(r) => set({ from: (r?.[0] as Dayjs | null)?.format('YYYY-MM-DD'), to: (r?.[1] as Dayjs | null)?.format('YYYY-MM-DD') })} />
          <Input.Search allowClear placeholder={t('invoicing.filter.number')} style={{ width: 220 }} onSearch={(v) => set({ q: v.trim() || undefined })} />
        </Space>
        <Button href={invoiceExportUrl({ ...f })} data-testid="invoice-export">{t('invoicing.export')}</Button>
      </Space>
      <Table<Invoice>
        size="middle"
        rowKey="id"
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 1400 }}
        locale={{ emptyText: t('invoicing.empty') }}
        onRow={(i) => ({ 'data-testid': 'invoice-row', 'data-no': i.invoiceNo, 'data-status': i.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('invoicing.col.invoiceNo'), dataIndex: 'invoiceNo', width: 180, render: (no: string, i) => <Space direction="vertical" size={0}><b>{no}</b>{i.invoiceCode && <Typography.Text type="secondary">{i.invoiceCode}</Typography.Text>}</Space> },
          { title: t('invoicing.col.kind'), dataIndex: 'kind', width: 110, render: (_: string, i) => <InvoiceKindName kind={i.kind} /> },
          { title: t('invoicing.col.issueDate'), dataIndex: 'issueDate', width: 110 },
          { title: t('invoicing.col.customer'), dataIndex: 'customerName', width: 180, render: (name: string, i) => <Link to={`/customers/${i.customerId}`}>{name}</Link> },
          { title: t('invoicing.col.buyer'), key: 'buyer', width: 220, render: (_, i) => <Space direction="vertical" size={0}><span>{i.buyer.title}</span><Typography.Text type="secondary">{i.buyer.taxNo}</Typography.Text></Space> },
          {
            title: t('invoicing.col.orders'),
            key: 'orders',
            width: 220,
            render: (_, i) => <Space direction="vertical" size={0}>{i.lines.map((l) => <span key={l.id}><Link to={`/orders/${l.orderId}`}>{l.orderNo}</Link>{l.shipmentNo ? ` · ${l.shipmentNo}` : ''} {formatFen(l.amountFen)}</span>)}</Space>,
          },
          { title: t('invoicing.col.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (fen: number) => <span data-testid="invoice-amount">{formatFen(fen)}</span> },
          { title: t('invoicing.col.taxRate'), dataIndex: 'taxRate', width: 70, align: 'right', render: (r: number) => `${r}%` },
          { title: t('invoicing.col.tax'), dataIndex: 'taxFen', width: 100, align: 'right', render: (fen: number) => <span data-testid="invoice-tax">{formatFen(fen)}</span> },
          {
            title: t('invoicing.col.status'),
            dataIndex: 'status',
            width: 160,
            render: (_: string, i) => <Space direction="vertical" size={0}><InvoiceStateTag status={i.status} />{i.voidReason && <Typography.Text type="secondary">{t('invoicing.voidedBecause', { reason: i.voidReason })}</Typography.Text>}</Space>,
          },
          { title: t('invoicing.col.issuedBy'), dataIndex: 'issuedByName', width: 100 },
          { title: t('actions'), key: 'actions', width: 90, fixed: 'right', render: (_, i) => canWrite && i.status === 'issued' && <InvoiceVoid invoice={i} onChanged={reload} /> },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
    </>
  );
}
