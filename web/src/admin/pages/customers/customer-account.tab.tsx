import { Button, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Spin, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../shared/api/error-message';
import type { CustomerDetail } from '../../../shared/api/types';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { useIdempotencyKey } from '../../../shared/hooks/use-idempotency-key';
import { formatDateTime } from '../../../shared/lib/format';
import { formatFen } from '../../api/catalog';
import { accountPath, CHECKOUT_METHOD_CODES, type CustomerAccount, financeApi, type MoneyMovement, yuanToFen } from '../../api/finance';
import { useStaff } from '../../auth/use-staff';
import { FormModal } from '../../components/form-modal';
import { LoadMore } from '../../components/load-more';
import { useAction } from '../../hooks/use-action';

type Dialog = 'adjust' | 'recharge' | 'terms' | null;
interface AdjustForm { direction: 'credit' | 'debit'; amount: number; reason: 'rebate' | 'correction' | 'other'; note: string }
interface RechargeForm { amount: number; reference?: string; remark?: string }
interface TermsForm { creditLimit: number; creditTermDays: number; creditPolicy: 'block' | 'review'; balanceShortPolicy: 'block' | 'partial'; custom: boolean; methods: string[] }

const fenOf = (yuan: number) => yuanToFen(yuan.toFixed(2))!;
const signed = (fen: number) => (fen === 0 ? '—' : fen > 0 ? `+${formatFen(fen)}` : formatFen(fen));

/** 账户 of one customer: balance and credit, 调整余额, 充值, 账期设置 and the ledger (finance.read; writes finance.write). */
export function CustomerAccountTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const me = useStaff();
  const qc = useQueryClient();
  const path = accountPath(customer.id);
  const account = useQuery({ queryKey: [path], queryFn: () => financeApi.account(customer.id) });
  const ledger = useCursorList<MoneyMovement>(`${path}/movements`, {}, { limit: 30 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [adjustForm] = Form.useForm<AdjustForm>();
  const [rechargeForm] = Form.useForm<RechargeForm>();
  const [termsForm] = Form.useForm<TermsForm>();
  const adjustKey = useIdempotencyKey();
  const rechargeKey = useIdempotencyKey();
  const canWrite = me.can('finance.write');

  const after = (reset: () => void) => (res: { account: CustomerAccount } | CustomerAccount) => {
    reset();
    qc.setQueryData([path], 'account' in res ? res.account : res);
    void qc.invalidateQueries({ queryKey: [path] });
    setDialog(null);
  };
  const adjust = useAction(financeApi.adjust, { success: t('finance.account.adjusted'), onSuccess: after(adjustKey.reset) });
  const recharge = useAction(financeApi.recharge, { success: t('finance.account.recharged'), onSuccess: after(rechargeKey.reset) });
  const terms = useAction(financeApi.terms, { success: t('finance.account.termsSaved'), onSuccess: after(() => undefined) });

  if (account.isLoading) return <Spin />;
  const a = account.data;
  if (!a) return <Typography.Text type="danger">{errorMessage(account.error, t)}</Typography.Text>;
  const required = (key: string) => ({ required: true, message: t('common:validation.required', { field: t(key) }) });
  const methodName = (m: string) => t(`common:paymentMethod.${m}`, { defaultValue: m === 'offline' ? t('orders.paymentMethodName.offline') : m });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="customer-account">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} bordered>
        <Descriptions.Item label={t('finance.account.balance')}><b data-testid="account-balance">{formatFen(a.balanceFen)}</b></Descriptions.Item>
        <Descriptions.Item label={t('finance.account.creditLimit')}><span data-testid="account-credit-limit">{formatFen(a.creditLimitFen)}</span></Descriptions.Item>
        <Descriptions.Item label={t('finance.account.creditUsed')}><span data-testid="account-credit-used">{formatFen(a.creditUsedFen)}</span></Descriptions.Item>
        <Descriptions.Item label={t('finance.account.creditAvailable')}>{formatFen(a.creditAvailableFen)}</Descriptions.Item>
        <Descriptions.Item label={t('finance.account.overdue')}><Typography.Text type={a.overdueFen > 0 ? 'danger' : undefined}>{formatFen(a.overdueFen)}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={t('finance.account.termDays')}>{t('finance.account.days', { days: a.creditTermDays })}</Descriptions.Item>
        <Descriptions.Item label={t('finance.account.creditPolicy')}>{t(`finance.account.creditPolicyName.${a.creditPolicy}`)}</Descriptions.Item>
        <Descriptions.Item label={t('finance.account.balanceShortPolicy')}>{t(`finance.account.balanceShortPolicyName.${a.balanceShortPolicy}`)}</Descriptions.Item>
        <Descriptions.Item label={t('finance.account.enabledMethods')} span={4}>
          <span data-testid="account-methods">{a.enabledMethods.map((m) => methodName(m.code)).join('、') || '—'}</span>
          {a.methods === null && <Typography.Text type="secondary">（{t('finance.account.methodsTenant')}）</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
      {canWrite && (
        <Space wrap>
          <Button data-testid="account-adjust" onClick={() => setDialog('adjust')}>{t('finance.account.adjust')}</Button>
          <Button data-testid="account-recharge" onClick={() => setDialog('recharge')}>{t('finance.account.recharge')}</Button>
          <Button data-testid="account-terms" onClick={() => setDialog('terms')}>{t('finance.account.terms')}</Button>
        </Space>
      )}

      <Typography.Title level={5} style={{ margin: 0 }}>{t('finance.account.ledger')}</Typography.Title>
      <Table<MoneyMovement>
        size="small"
        rowKey="id"
        dataSource={ledger.items}
        loading={ledger.isLoading}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('finance.account.ledgerEmpty') }}
        onRow={(m) => ({ 'data-testid': 'account-movement', 'data-kind': m.kind }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('finance.account.at'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
          { title: t('finance.account.what'), dataIndex: 'kind', width: 110, render: (k: string) => t(`finance.account.kind.${k}`, { defaultValue: k }) },
          { title: t('finance.account.amount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (f: number) => formatFen(f) },
          { title: t('finance.account.balanceDelta'), dataIndex: 'balanceDeltaFen', width: 110, align: 'right', render: signed },
          { title: t('finance.account.creditDelta'), dataIndex: 'creditDeltaFen', width: 110, align: 'right', render: signed },
          {
            title: t('finance.account.doc'),
            key: 'doc',
            render: (_, m) => (
              <Space wrap size={4}>
                {m.orderId && m.orderNo && <Link to={`/orders/${m.orderId}`}>{m.orderNo}</Link>}
                {m.reason && <span>{t(`finance.account.reasonName.${m.reason}`, { defaultValue: m.reason })}</span>}
                {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
                {m.dueOn && <Typography.Text type="secondary">{t('finance.account.dueOn')} {m.dueOn}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('finance.account.actor'), dataIndex: 'actorName', width: 100 },
        ]}
      />
      <LoadMore hasMore={ledger.hasMore} loading={ledger.loadingMore} onLoad={ledger.loadMore} error={ledger.error} />

      <FormModal<AdjustForm>
        open={dialog === 'adjust'}
        title={t('finance.account.adjustTitle')}
        form={adjustForm}
        saving={adjust.isPending}
        initialValues={{ direction: 'credit', reason: 'rebate' }}
        onCancel={() => setDialog(null)}
        onSubmit={(v) => {
          const body = { deltaFen: (v.direction === 'debit' ? -1 : 1) * fenOf(v.amount), reason: v.reason, note: v.note.trim() };
          adjust.mutate({ customerId: customer.id, key: adjustKey.keyFor(body), ...body });
        }}
      >
        <Form.Item name="direction" label={t('finance.account.direction')}>
          <Radio.Group data-testid="adjust-direction" options={[{ value: 'credit', label: t('finance.account.credit') }, { value: 'debit', label: t('finance.account.debit') }]} />
        </Form.Item>
        <Form.Item name="amount" label={t('finance.account.amount')} rules={[required('finance.account.amount')]}>
          <InputNumber data-testid="adjust-amount" min={0.01} precision={2} style={{ width: '100%' }} addonBefore="¥" />
        </Form.Item>
        <Form.Item name="reason" label={t('finance.account.reason')}>
          <Select data-testid="adjust-reason" options={(['rebate', 'correction', 'other'] as const).map((r) => ({ value: r, label: t(`finance.account.reasonName.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('finance.account.note')} rules={[{ ...required('finance.account.note'), whitespace: true }]}>
          <Input.TextArea data-testid="adjust-note" rows={2} maxLength={300} showCount />
        </Form.Item>
      </FormModal>

      <FormModal<RechargeForm>
        open={dialog === 'recharge'}
        title={t('finance.account.rechargeTitle')}
        form={rechargeForm}
        saving={recharge.isPending}
        onCancel={() => setDialog(null)}
        onSubmit={(v) => {
          const body = { amountFen: fenOf(v.amount), reference: v.reference?.trim() || undefined, remark: v.remark?.trim() || undefined };
          recharge.mutate({ customerId: customer.id, key: rechargeKey.keyFor(body), ...body });
        }}
      >
        <Form.Item name="amount" label={t('finance.account.amount')} rules={[required('finance.account.amount')]}>
          <InputNumber data-testid="recharge-amount" min={0.01} precision={2} style={{ width: '100%' }} addonBefore="¥" />
        </Form.Item>
        <Form.Item name="reference" label={t('finance.payments.reference')}><Input data-testid="recharge-reference" maxLength={100} /></Form.Item>
        <Form.Item name="remark" label={t('finance.payments.remark')}><Input data-testid="recharge-remark" maxLength={200} /></Form.Item>
      </FormModal>

      <FormModal<TermsForm>
        open={dialog === 'terms'}
        title={t('finance.account.termsTitle')}
        form={termsForm}
        saving={terms.isPending}
        formKey={String(a.version)}
        initialValues={{
          creditLimit: a.creditLimitFen / 100, creditTermDays: a.creditTermDays, creditPolicy: a.creditPolicy, balanceShortPolicy: a.balanceShortPolicy,
          custom: a.methods !== null, methods: a.methods ?? a.enabledMethods.map((m) => m.code),
        }}
        onCancel={() => setDialog(null)}
        onSubmit={(v) => terms.mutate({
          customerId: customer.id, creditLimitFen: fenOf(v.creditLimit ?? 0), creditTermDays: v.creditTermDays, creditPolicy: v.creditPolicy,
          balanceShortPolicy: v.balanceShortPolicy, methods: v.custom ? v.methods : null, version: a.version,
        })}
      >
        <Form.Item name="creditLimit" label={t('finance.account.creditLimit')} rules={[required('finance.account.creditLimit')]}>
          <InputNumber data-testid="terms-limit" min={0} precision={2} style={{ width: '100%' }} addonBefore="¥" />
        </Form.Item>
        <Form.Item name="creditTermDays" label={t('finance.account.termDays')} rules={[required('finance.account.termDays')]}>
          <InputNumber data-testid="terms-days" min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="creditPolicy" label={t('finance.account.creditPolicy')}>
          <Radio.Group options={(['block', 'review'] as const).map((p) => ({ value: p, label: t(`finance.account.creditPolicyName.${p}`) }))} />
        </Form.Item>
        <Form.Item name="balanceShortPolicy" label={t('finance.account.balanceShortPolicy')}>
          <Radio.Group options={(['block', 'partial'] as const).map((p) => ({ value: p, label: t(`finance.account.balanceShortPolicyName.${p}`) }))} />
        </Form.Item>
        <Form.Item name="custom" label={t('finance.account.methods')}>
          <Radio.Group options={[{ value: false, label: t('finance.account.methodsTenant') }, { value: true, label: t('finance.account.methodsCustom') }]} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a0, b0) => a0.custom !== b0.custom}>
          {({ getFieldValue }) => getFieldValue('custom') && (
            <Form.Item name="methods">
              <Checkbox.Group options={CHECKOUT_METHOD_CODES.map((m) => ({ value: m, label: methodName(m) }))} />
            </Form.Item>
          )}
        </Form.Item>
      </FormModal>
    </Space>
  );
}
