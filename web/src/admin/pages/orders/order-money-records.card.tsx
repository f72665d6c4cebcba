import { Button, Card, Empty, Form, Input, InputNumber, List, Radio, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '../../../shared/hooks/use-idempotency-key';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import { financeApi, type OrderMoney, yuanToFen } from '../../api/finance';
import { ORDERS, type OrderDetail } from '../../api/orders';
import { useStaff } from '../../auth/use-staff';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../hooks/use-action';
import { PaymentMethodName, PaymentStateTag, VoucherThumbs } from '../finance/payment-parts';

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

/** 收款: the order's payments (GET /admin/orders/:id/payments) and, for finance, 登记收款. */
export function OrderMoneyRecordsCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const me = useStaff();
  const canRead = me.can('finance.read') || me.can('orders.read');
  const q = useQuery({ queryKey: [ORDERS, order.id, 'payments', order.version], queryFn: () => financeApi.orderPayments(order.id), enabled: canRead });
  const [recording, setRecording] = useState(false);
  const money = q.data?.order;
  const items = q.data?.items ?? [];
  const due = money ? Math.max(0, money.amountDueFen - money.awaitingConfirmationFen) : 0;
  const canRecord = me.can('finance.write') && money && due > 0 && !CLOSED.includes(money.status);
  return (
    <Card
      variant="borderless"
      title={t('orders.records.payments')}
      data-testid="order-payments"
      extra={canRecord && <Button data-testid="record-payment" onClick={() => setRecording(true)}>{t('finance.record.button')}</Button>}
    >
      {money && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text data-testid="order-money-summary">{t('finance.record.paid', { paid: formatFen(money.paidFen), due: formatFen(money.amountDueFen) })}</Typography.Text>
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
      {money && <RecordReceipt money={money} open={recording} onClose={() => setRecording(false)} />}
    </Card>
  );
}
