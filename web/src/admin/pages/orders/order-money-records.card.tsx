import { Button, Card, Divider, Empty, Form, Input, InputNumber, List, Radio, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { useIdempotencyKey } from '../../../shared/hooks/use-idempotency-key';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import { financeApi, type OrderMoney, type Refund, yuanToFen } from '../../api/finance';
import { ORDERS, type OrderDetail } from '../../api/orders';
import { useStaff } from '../../auth/use-staff';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';
import { PaymentMethodName, PaymentStateTag, VoucherThumbs } from '../finance/payment-parts';
import { RefundDecision } from '../finance/refund-decision';
import { RefundDestinationName, RefundStateTag, RefundTriggerName } from '../finance/refund-parts';

interface RecordForm { method: 'bank_transfer' | 'cod'; amount: number; reference?: string; remark?: string }

const CLOSED = ['rejected', 'cancelled', 'voided'];

/** 登记收款: money that arrived for the order (a transfer seen on the bank statement, 货到付款 after delivery). */
function RecordReceipt({ money, open, onClose }: { money: OrderMoney; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<RecordForm>();
  const idem = useIdempotencyKey();
  const due = Math.max(0, money.amountDueFen - money.awaitingConfirmationFen);
  const record = useAction(financeApi.recordReceipt, {
    success: t('finance.record.done'),
    onSuccess: () => {
      idem.reset();
      void qc.invalidateQueries({ queryKey: [ORDERS, money.id] });
      onClose();
    },
  });
  return (
    <FormModal<RecordForm>
      open={open}
      title={t('finance.record.title')}
      okText={t('finance.record.button')}
      form={form}
      saving={record.isPending}
      initialValues={{ method: money.paymentMethod === 'cod' ? 'cod' : 'bank_transfer', amount: due / 100 }}
      onCancel={onClose}
      onSubmit={(v) => {
        const body = { method: v.method, amountFen: yuanToFen(v.amount.toFixed(2))!, reference: v.reference?.trim() || undefined, remark: v.remark?.trim() || undefined };
        record.mutate({ orderId: money.id, key: idem.keyFor(body), ...body });
      }}
    >
      <Form.Item name="method" label={t('finance.record.method')}>
        <Radio.Group data-testid="record-method" options={[{ value: 'bank_transfer', label: t('common:paymentMethod.bank_transfer') }, { value: 'cod', label: t('common:paymentMethod.cod') }]} />
      </Form.Item>
      <Form.Item name="amount" label={t('finance.record.amount')} extra={t('finance.record.amountHint', { due: formatFen(due) })} rules={[{ required: true, message: t('common:validation.required', { field: t('finance.record.amount') }) }]}>
        <InputNumber data-testid="record-amount" min={0.01} max={due / 100} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reference" label={t('finance.record.reference')}>
        <Input data-testid="record-reference" maxLength={100} />
      </Form.Item>
      <Form.Item name="remark" label={t('finance.record.remark')} rules={[{ max: 200 }]}>
        <Input data-testid="record-remark" maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

interface RefundForm { amount: number; destination: 'balance' | 'original'; reason: string }

/**
 * 退款: finance gives money back for the order (POST /admin/orders/:id/refunds), up to what was paid less the refunds
 * still awaiting approval. The server books what was paid on credit back as credit first, so one request may make two
 * refunds; each awaits approval.
 */
function RequestRefund({ money, refundableFen, pendingFen, open, onClose }: { money: OrderMoney; refundableFen: number; pendingFen: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<RefundForm>();
  const idem = useIdempotencyKey();
  const [max, setMax] = useState(refundableFen);
  const request = useAction(financeApi.requestRefund, {
    success: t('finance.refunds.request.done'),
    onSuccess: () => {
      idem.reset();
      void qc.invalidateQueries({ queryKey: [ORDERS, money.id] });
      onClose();
    },
  });
  const exceeded = (err: unknown) => {
    // 422 refund_exceeds_paid { refundableFen }: someone refunded meanwhile; say how much is left and offer it.
    if (!isApiError(err) || err.code !== 'refund_exceeds_paid') return;
    const left = typeof err.problem.refundableFen === 'number' ? err.problem.refundableFen : 0;
    setMax(left);
    form.setFields([{ name: 'amount', value: left > 0 ? left / 100 : undefined, errors: [t('finance.refunds.request.exceeds', { refundable: formatFen(left) })] }]);
    void qc.invalidateQueries({ queryKey: [ORDERS, money.id] });
  };
  return (
    <FormModal<RefundForm>
      open={open}
      title={t('finance.refunds.request.title', { no: money.orderNo })}
      okText={t('finance.refunds.request.submit')}
      form={form}
      saving={request.isPending}
      formKey={`${money.id}:${refundableFen}`}
      initialValues={{ amount: refundableFen / 100, destination: 'balance' }}
      onCancel={onClose}
      onSubmit={(v) => {
        const body = { amountFen: yuanToFen(v.amount.toFixed(2))!, destination: v.destination, reason: v.reason.trim() };
        request.mutate({ orderId: money.id, key: idem.keyFor(body), ...body }, { onError: exceeded });
      }}
    >
      <Form.Item
        name="amount"
        label={t('finance.refunds.request.amount')}
        extra={
          <span data-testid="refund-refundable">
            {t(pendingFen > 0 ? 'finance.refunds.request.amountHintPending' : 'finance.refunds.request.amountHint', { refundable: formatFen(max), paid: formatFen(money.paidFen), pending: formatFen(pendingFen) })}
          </span>
        }
        rules={[{ required: true, message: t('common:validation.required', { field: t('finance.refunds.request.amount') }) }]}
      >
        <InputNumber data-testid="refund-amount-input" min={0.01} max={max / 100} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="destination" label={t('finance.refunds.destination')} extra={t('finance.refunds.request.creditFirst')}>
        <Radio.Group
          data-testid="refund-destination-input"
          options={(['balance', 'original'] as const).map((d) => ({ value: d, label: <span data-testid={`refund-destination-${d}`}>{t(`finance.refunds.destinationName.${d}`)}</span> }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('finance.refunds.reason')} rules={[{ required: true, whitespace: true, message: t('common:validation.required', { field: t('finance.refunds.reason') }) }]}>
        <Input.TextArea data-testid="refund-reason-input" rows={2} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** The order's 退款单 under its payments; finance may decide the pending ones here too. */
function OrderRefunds({ items, canDecide, onChanged }: { items: Refund[]; canDecide: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <>
      <Divider orientation="left" plain style={{ margin: '12px 0 4px' }}>{t('finance.refunds.cardTitle')}</Divider>
      <List
        size="small"
        data-testid="order-refunds"
        dataSource={items}
        renderItem={(r) => (
          <List.Item data-testid="order-refund" data-status={r.status} data-destination={r.destination} extra={r.status === 'pending_approval' && canDecide ? <RefundDecision r={r} onChanged={onChanged} /> : null}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{r.refundNo}</span>
                  <RefundDestinationName r={r} />
                  <b data-testid="order-refund-amount">{formatFen(r.amountFen)}</b>
                  <RefundStateTag status={r.status} />
                </Space>
              }
              description={
                <>
                  <RefundTriggerName r={r} /> · {formatDateTime(r.createdAt)} · {r.requestedByName}{r.decidedByName ? ` → ${r.decidedByName}` : ''}
                  {r.reason ? ` · ${r.reason}` : ''}
                  {r.rejectReason && <div><Typography.Text type="danger">{t('finance.refunds.rejectReason', { reason: r.rejectReason })}</Typography.Text></div>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}

/** 收款: the order's payments (GET /admin/orders/:id/payments) and, for finance, 登记收款. */
export function OrderMoneyRecordsCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const me = useStaff();
  const canRead = me.can('finance.read') || me.can('orders.read');
  const q = useQuery({ queryKey: [ORDERS, order.id, 'payments', order.version], queryFn: () => financeApi.orderPayments(order.id), enabled: canRead });
  const qc = useQueryClient();
  // GET /admin/refunds needs finance.read: staff who only read orders see the payments without the refunds.
  const refundsQ = useQuery({ queryKey: [ORDERS, order.id, 'refunds', order.version], queryFn: () => financeApi.orderRefunds(order.id), enabled: me.can('finance.read') });
  const [recording, setRecording] = useState(false);
  const [refunding, setRefunding] = useState(false);
  const money = q.data?.order;
  const items = q.data?.items ?? [];
  const refunds = [...(refundsQ.data?.items ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const due = money ? Math.max(0, money.amountDueFen - money.awaitingConfirmationFen) : 0;
  const canRecord = me.can('finance.write') && money && due > 0 && !CLOSED.includes(money.status);
  const pendingRefundFen = refunds.filter((r) => r.status === 'pending_approval').reduce((sum, r) => sum + r.amountFen, 0);
  // As the server counts it: all that was paid once the order is closed; while open only what exceeds the total.
  const refundBase = money ? (CLOSED.includes(money.status) ? money.paidFen : Math.max(0, money.paidFen - money.totalFen)) : 0;
  const refundableFen = Math.max(0, refundBase - pendingRefundFen);
  const canRefund = me.can('finance.write') && refundsQ.isSuccess && money && refundBase > 0;
  const reread = () => void qc.invalidateQueries({ queryKey: [ORDERS, order.id] });
  return (
    <Card
      variant="borderless"
      title={t('orders.records.payments')}
      data-testid="order-payments"
      extra={
        <Space>
          {canRecord && <Button data-testid="record-payment" onClick={() => setRecording(true)}>{t('finance.record.button')}</Button>}
          {canRefund && <Button danger data-testid="request-refund" disabled={refundableFen <= 0} title={refundableFen <= 0 ? t('finance.refunds.request.nothing') : undefined} onClick={() => setRefunding(true)}>{t('finance.refunds.request.button')}</Button>}
        </Space>
      }
    >
      {money && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text data-testid="order-money-summary">
            {CLOSED.includes(money.status) ? t('finance.record.paidOnly', { paid: formatFen(money.paidFen) }) : t('finance.record.paid', { paid: formatFen(money.paidFen), due: formatFen(money.amountDueFen) })}
          </Typography.Text>
          {money.awaitingConfirmationFen > 0 && <Typography.Text type="warning">{t('finance.record.awaiting', { amount: formatFen(money.awaitingConfirmationFen) })}</Typography.Text>}
        </Space>
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.records.noPayments')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(p) => (
            <List.Item data-testid="order-payment" data-status={p.status} extra={<VoucherThumbs p={p} />}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{p.paymentNo}</span>
                    <PaymentMethodName p={p} />
                    <b>{formatFen(p.amountFen)}</b>
                    <PaymentStateTag status={p.status} />
                  </Space>
                }
                description={
                  <>
                    {formatDateTime(p.createdAt)} · {p.createdByName}{p.decidedByName ? ` → ${p.decidedByName}` : ''}
                    {p.reference ? ` · ${p.reference}` : ''}{p.remark ? ` · ${p.remark}` : ''}
                    {p.rejectReason && <div><Typography.Text type="danger">{t('finance.payments.rejectReason', { reason: p.rejectReason })}</Typography.Text></div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <OrderRefunds items={refunds} canDecide={me.can('finance.write')} onChanged={reread} />
      {money && <RecordReceipt money={money} open={recording} onClose={() => setRecording(false)} />}
      {money && refunding && <RequestRefund money={money} refundableFen={refundableFen} pendingFen={pendingRefundFen} open={refunding} onClose={() => setRefunding(false)} />}
    </Card>
  );
}
