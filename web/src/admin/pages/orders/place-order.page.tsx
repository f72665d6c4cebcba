import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { errorMessage } from '../../../shared/api/error-message';
import type { CustomerDetail } from '../../../shared/api/types';
import { useDetail } from '../../../shared/hooks/use-detail';
import { formatFen } from '../../api/catalog';
import { api, newIdempotencyKey } from '../../../shared/api/client';
import { ORDER_COUNTS, ORDERS, type OrderDetail, type PlaceOrderIn } from '../../api/orders';
import { RequirePermission } from '../../auth/require-permission';
import { CustomerSelect } from '../../components/customer-select';
import { emptyRows, type GridRow, isBlank, summarizeGrid, toOrderLines, unfinishedRows } from './grid-rows';
import { PlaceOrderGrid } from './place-order-grid';

interface HeaderValues {
  customerId?: string;
  addressId?: string;
  invoiceProfileId?: string;
  requestedDate?: Dayjs | null;
  remark?: string;
}

/** 代客下单: staff place an order on a customer's behalf, at that customer's prices, in a 10-row grid. */
function PlaceOrder() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<HeaderValues>();
  const customerId = Form.useWatch('customerId', form);
  const customer = useDetail<CustomerDetail>('/admin/customers', customerId);
  const [rows, setRows] = useState<GridRow[]>(() => emptyRows());
  const [problems, setProblems] = useState<string[]>([]);
  const [badRows, setBadRows] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  /** one key per page visit, so a double click or a retry after a lost answer creates one order */
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const summary = summarizeGrid(rows);
  const addresses = customer.data?.addresses ?? [];
  const invoices = customer.data?.invoiceProfiles ?? [];

  const chooseCustomer = (id: string | undefined) => {
    form.setFieldsValue({ customerId: id, addressId: undefined, invoiceProfileId: undefined });
    setRows(emptyRows());
    setProblems([]);
    setBadRows([]);
  };
  // the customer's default address, once their detail is read
  useEffect(() => {
    const book = customer.data?.addresses ?? [];
    if (customer.data?.id !== customerId || book.length === 0 || form.getFieldValue('addressId')) return;
    form.setFieldValue('addressId', (book.find((a) => a.isDefault) ?? book[0]).id);
  }, [customer.data, customerId, form]);

  const submit = async (v: HeaderValues) => {
    const unfinished = unfinishedRows(rows);
    const { lines, rowOf } = toOrderLines(rows);
    setBadRows(unfinished);
    if (unfinished.length > 0) {
      setProblems([t('orders.place.unfinished', { rows: unfinished.join('、') })]);
      return;
    }
    if (lines.length === 0) {
      setProblems([t('orders.place.noLines')]);
      return;
    }
    setProblems([]);
    const body: PlaceOrderIn = {
      customerId: v.customerId as string,
      addressId: v.addressId as string,
      lines,
      paymentMethod: 'offline',
      ...(v.requestedDate ? { requestedDate: v.requestedDate.format('YYYY-MM-DD') } : {}),
      ...(v.remark?.trim() ? { remark: v.remark.trim() } : {}),
      ...(v.invoiceProfileId ? { invoiceProfileId: v.invoiceProfileId } : {}),
    };
    setBusy(true);
    try {
      const order = await api.postWith<OrderDetail>(ORDERS, body, { 'Idempotency-Key': idempotencyKey });
      await Promise.all([qc.invalidateQueries({ queryKey: [ORDERS, 'list'] }), qc.invalidateQueries({ queryKey: [ORDER_COUNTS] })]);
      void message.success(t('orders.place.done', { orderNo: order.orderNo }));
      navigate(`/orders/${order.id}`);
    } catch (err) {
      // answered and refused: nothing was created, so the corrected order is a new submission
      if (isApiError(err) && err.status >= 400 && err.status < 500) setIdempotencyKey(newIdempotencyKey());
      const lineErrors = isApiError(err) ? err.errors : [];
      if (lineErrors.length > 0) {
        const marked: number[] = [];
        setProblems(lineErrors.map((e) => {
          const m = /^(?:body\.)?lines\.(\d+)/.exec(e.path);
          if (!m) return e.message;
          const row = rowOf[Number(m[1])];
          marked.push(row);
          return t('orders.edit.lineProblem', { row, message: e.message });
        }));
        setBadRows(marked);
      } else {
        setProblems([errorMessage(err, t)]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="borderless" title={t('menu.placeOrder')} extra={<Link to="/orders">{t('menu.orders')}</Link>}>
      <Form<HeaderValues> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="customerId" label={t('orders.customer')} rules={[{ required: true, message: t('common:validation.select', { field: t('orders.customer') }) }]}>
              <CustomerSelect activeOnly testId="place-customer" placeholder={t('orders.place.customerHint')} onChange={(id) => chooseCustomer(id)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="addressId" label={t('orders.address')} rules={[{ required: true, message: t('common:validation.select', { field: t('orders.address') }) }]}>
              <Select
                data-testid="place-address"
                disabled={!customerId}
                loading={customer.isFetching}
                options={addresses.map((a) => ({ value: a.id, label: [a.receiver, a.phone, a.regionText, a.detail].join(' ') }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="requestedDate" label={t('orders.requestedDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {customerId && customer.data && addresses.length === 0 && (
            <Col span={24}>
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('orders.place.noAddress')} action={<Link to={`/customers/${customerId}`}>{t('orders.place.toCustomer')}</Link>} />
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item name="invoiceProfileId" label={t('orders.invoice')}>
              <Select
                allowClear
                disabled={!customerId}
                placeholder={t('orders.noInvoice')}
                options={invoices.map((p) => ({ value: p.id, label: `${t(`common:invoiceKind.${p.kind}`)} · ${p.title}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="remark" label={t('orders.remark')}>
              <Input maxLength={500} data-testid="place-remark" />
            </Form.Item>
          </Col>
        </Row>
        {!customerId && <Typography.Paragraph type="secondary">{t('orders.place.pickCustomerFirst')}</Typography.Paragraph>}
        <PlaceOrderGrid customerId={customerId} rows={rows} onChange={setRows} badRows={badRows} />
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }} data-testid="place-summary">
          <Descriptions.Item label={t('orders.place.lineCount')}>{summary.lineCount}</Descriptions.Item>
          <Descriptions.Item label={t('orders.place.quantity')}>{summary.quantity}</Descriptions.Item>
          <Descriptions.Item label={t('orders.totals.goods')}>
            <Typography.Text strong data-testid="place-goods-total">{formatFen(summary.goodsFen)}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('orders.place.shippingHint')}</Typography.Paragraph>
        {problems.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="place-problems" message={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>} />
        )}
        <Space>
          <Button type="primary" htmlType="submit" data-testid="place-submit" loading={busy} disabled={rows.every(isBlank)}>{t('orders.place.submit')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function PlaceOrderPage() {
  return <RequirePermission permission="orders.create"><PlaceOrder /></RequirePermission>;
}
