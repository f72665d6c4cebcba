import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { isApiError } from '../../../shared/api/api-error';
import type { CustomerDetail } from '../../../shared/api/types';
import { useIdempotencyKey } from '../../../shared/hooks/use-idempotency-key';
import { formatFen } from '../../api/catalog';
import { INVOICE_QUEUE, INVOICES, invoicesApi, TAX_RATES, taxOf } from '../../api/invoices';
import { ORDERS } from '../../api/orders';
import { CustomerSelect } from '../../components/customer-select';
import { useAction } from '../../hooks/use-action';
import { type BuyerForm, buyerOf, fillBuyer, InvoiceBuyerFields } from './invoice-buyer-fields';
import { InvoiceOrderPicker, type Picked, pickedLines } from './invoice-order-picker';
import { chinaToday } from '../../../shared/lib/china-day';

interface IssueForm extends BuyerForm { taxRate: number; invoiceNo: string; invoiceCode?: string; issueDate: Dayjs; remark?: string }

/**
 * 开票: one customer, the orders ticked with their amounts (default: what is left), the buyer (from the order's
 * request or a profile, editable), rate, the number the tax software gave, the date. Open it with a customer and
 * orders (from the 待开票 queue or an order page) or empty.
 */
export function InvoiceIssueDrawer({ open, customerId: initialCustomer, orderIds, onClose }: { open: boolean; customerId?: string; orderIds?: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<IssueForm>();
  const idem = useIdempotencyKey();
  const [customerId, setCustomerId] = useState(initialCustomer);
  const [picked, setPicked] = useState<Picked>({ selected: orderIds ?? [], amounts: {} });
  const [prefilled, setPrefilled] = useState(false);
  const orders = useQuery({ queryKey: [INVOICE_QUEUE, 'open', customerId], queryFn: () => invoicesApi.openOrders(customerId!), enabled: open && !!customerId, staleTime: 0 });
  const customer = useQuery({ queryKey: ['/admin/customers', customerId], queryFn: () => api.get<CustomerDetail>(`/admin/customers/${customerId}`), enabled: open && !!customerId });
  const items = orders.data?.items ?? [];
  const firstPicked = items.find((o) => picked.selected.includes(o.orderId));
  const profiles = customer.data?.invoiceProfiles ?? [];

  // The buyer starts as the first ticked order's request, else the customer's default invoice profile.
  useEffect(() => {
    if (prefilled || !orders.data || !customer.data) return;
    const def = profiles.find((p) => p.isDefault) ?? profiles[0];
    if (firstPicked?.request) fillBuyer(form, firstPicked.request, 'request');
    else if (def) fillBuyer(form, def, def.id);
    setPrefilled(true);
  }, [prefilled, orders.data, customer.data, firstPicked, profiles, form]);

  const done = () => {
    idem.reset();
    void qc.invalidateQueries({ queryKey: [INVOICES] });
    void qc.invalidateQueries({ queryKey: [INVOICE_QUEUE] });
    void qc.invalidateQueries({ queryKey: [ORDERS] });
    onClose();
  };
  const issue = useAction(invoicesApi.issue, { success: t('invoicing.issued'), onSuccess: done });
  const rate = Form.useWatch('taxRate', form) ?? 13;
  const lines = pickedLines(items, picked);
  const amountFen = lines.reduce((s, l) => s + l.amountFen, 0);
  const taxFen = lines.reduce((s, l) => s + taxOf(l.amountFen, rate), 0);

  const submit = (v: IssueForm) => {
    if (!lines.length) return void message.error(t('invoicing.form.pickOrders'));
    const body = {
      customerId: customerId!, kind: v.kind, buyer: buyerOf(v), invoiceNo: v.invoiceNo.trim(), invoiceCode: v.invoiceCode?.trim() || null,
      issueDate: v.issueDate.format('YYYY-MM-DD'), taxRate: v.taxRate, remark: v.remark?.trim() || null, lines,
    };
    issue.mutate({ ...body, key: idem.keyFor(body) }, {
      onError: (err) => {
        // Someone invoiced meanwhile: read what is left again and say how much.
        if (isApiError(err) && err.code === 'invoice_exceeds_remaining') {
          void orders.refetch();
          setPicked((p) => ({ ...p, amounts: {} }));
          message.warning(t('invoicing.form.remainingNow', { orderNo: err.problem.orderNo, remaining: formatFen(Number(err.problem.remainingFen)) }));
        }
      },
    });
  };

  return (
    <Drawer
      open={open}
      width={820}
      title={t('invoicing.issueTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={<Button type="primary" data-testid="invoice-issue-submit" loading={issue.isPending} disabled={!customerId} onClick={() => form.submit()}>{t('invoicing.issue')}</Button>}
    >
      <div data-testid="invoice-issue-drawer">
      <Form<IssueForm> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'normal', taxRate: 13, issueDate: dayjs(chinaToday()) }}>
        <Form.Item label={t('invoicing.form.customer')} required>
          <CustomerSelect
            testId="invoice-issue-customer"
            value={customerId}
            style={{ width: '100%' }}
            onChange={(id) => {
              setCustomerId(id);
              setPicked({ selected: [], amounts: {} });
              setPrefilled(false);
            }}
          />
        </Form.Item>
        {customerId ? (
          <Form.Item label={t('invoicing.form.orders')} extra={t('invoicing.form.ordersHint')}>
            <InvoiceOrderPicker orders={items} loading={orders.isLoading} value={picked} onChange={setPicked} />
          </Form.Item>
        ) : (
          <Alert type="info" showIcon message={t('invoicing.form.pickCustomer')} style={{ marginBottom: 16 }} />
        )}
        <InvoiceBuyerFields form={form} request={firstPicked?.request} profiles={profiles} />
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="invoiceNo" label={t('invoicing.form.invoiceNo')} extra={t('invoicing.form.invoiceNoHint')} rules={[{ required: true, pattern: /^[0-9]{8,20}$/, message: t('invoicing.form.invoiceNoHint') }]}>
              <Input data-testid="invoice-no-input" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="invoiceCode" label={t('invoicing.form.invoiceCode')} rules={[{ pattern: /^[0-9]{10,12}$/ }]}>
              <Input maxLength={12} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="taxRate" label={t('invoicing.form.taxRate')}>
              <Select data-testid="invoice-issue-rate" options={TAX_RATES.map((r) => ({ value: r, label: `${r}%` }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="issueDate" label={t('invoicing.form.issueDate')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="remark" label={t('invoicing.form.remark')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space>
          <Typography.Text strong data-testid="invoice-issue-total">
            {t('invoicing.form.total', { amount: formatFen(amountFen), tax: formatFen(taxFen), net: formatFen(amountFen - taxFen) })}
          </Typography.Text>
        </Space>
      </Form>
      </div>
    </Drawer>
  );
}
