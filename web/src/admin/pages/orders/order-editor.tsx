import { differenceText } from './order-timeline';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { api } from '../../../shared/api/client';
import { formatFen } from '../../api/catalog';
import { type OrderDetail, type OrderEditIn, orderPath } from '../../api/orders';
import { AddLine } from './add-line';
import { type AddressValues, EditAddress } from './edit-address';
import { type EditLine, fromOrderLine, lineValid, priceFen, summarize, toEditBody } from './edit-lines';
import { EditLinesTable } from './edit-lines.table';
import { useOrderMutation } from './use-order-mutation';

interface Props {
  order: OrderDetail;
  onDone: () => void;
  onConflict: () => void;
}

interface EditValues {
  address: AddressValues;
  remark?: string;
  rememberPrices?: boolean;
}

const sameAddress = (a: AddressValues, o: OrderDetail['address']) =>
  a.receiver === o.receiver && a.phone === o.phone && a.regionText === o.regionText && a.detail === o.detail && (a.regionId ?? null) === (o.regionId ?? null);

/** 编辑订单 (before release): quantities, prices, lines, address, remark; the new total and the difference before saving. */
export function OrderEditor({ order, onDone, onConflict }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const [lines, setLines] = useState<EditLine[]>(() => order.lines.map(fromOrderLine));
  const [problems, setProblems] = useState<string[]>([]);
  const rememberPrices = Form.useWatch('rememberPrices', form);
  const sum = summarize(order, lines);
  const allValid = lines.length > 0 && lines.every(lineValid);
  const priceChanged = lines.some((l) => toEditBody([l])[0].unitPriceFen !== undefined && !l.overridden);

  const save = useOrderMutation((body: OrderEditIn) => api.put<OrderDetail>(orderPath(order.id), body), {
    onConflict,
    success: t('orders.edit.saved'),
    onSuccess: onDone,
    onError: (err) => {
      if (!isApiError(err) || err.errors.length === 0) return false;
      setProblems(err.errors.map((e) => {
        const m = /^(?:body\.)?lines\.(\d+)/.exec(e.path);
        return m ? t('orders.edit.lineProblem', { row: Number(m[1]) + 1, message: e.message }) : e.message;
      }));
      return true;
    },
  });

  const linesUnchanged =
    lines.length === order.lines.length &&
    lines.every((l, i) => l.id === order.lines[i].id && l.qty === order.lines[i].qty && priceFen(l) === order.lines[i].unitPriceFen);

  const submit = (v: EditValues) => {
    const remarkChanged = (v.remark ?? '').trim() !== (order.remark ?? '');
    if (linesUnchanged && sameAddress(v.address, order.address) && !remarkChanged) {
      setProblems([t('orders.edit.unchanged')]);
      return;
    }
    setProblems([]);
    const { regionId, ...typed } = v.address;
    const address = { ...typed, ...(regionId ? { regionId } : {}) };
    const body: OrderEditIn = {
      version: order.version,
      lines: toEditBody(lines),
      ...(sameAddress(v.address, order.address) ? {} : { address }),
      ...(remarkChanged ? { remark: (v.remark ?? '').trim() } : {}),
      ...(v.rememberPrices ? { rememberPrices: true } : {}),
    };
    save.mutate(body);
  };

  return (
    <Card variant="borderless" title={t('orders.edit.title', { orderNo: order.orderNo })} data-testid="order-editor">
      <Typography.Paragraph type="secondary">{t('orders.edit.hint')}</Typography.Paragraph>
      <EditLinesTable lines={lines} onChange={setLines} />
      <div style={{ margin: '12px 0' }}>
        <AddLine customerId={order.customerId} onAdd={(l) => setLines((xs) => [...xs, l])} />
      </div>
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{ address: { ...order.address }, remark: order.remark ?? '', rememberPrices: false }}
        onValuesChange={(changed: Partial<EditValues>) => {
          if (changed.address && 'regionText' in changed.address) form.setFieldValue(['address', 'regionId'], null);
        }}
        onFinish={submit}
      >
        <EditAddress form={form} customerId={order.customerId} />
        <Form.Item name="remark" label={t('orders.remark')}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="edit-remark" />
        </Form.Item>
        <Form.Item name="rememberPrices" valuePropName="checked" extra={rememberPrices || priceChanged ? t('orders.edit.rememberHint') : undefined}>
          <Checkbox data-testid="edit-remember-prices">{t('orders.edit.rememberPrices')}</Checkbox>
        </Form.Item>
        <Descriptions size="small" column={1} bordered style={{ maxWidth: 460, marginBottom: 16 }} data-testid="edit-summary">
          <Descriptions.Item label={t('orders.edit.oldTotal')}>{formatFen(order.totals.totalFen)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.edit.newGoods')}>{formatFen(sum.goodsFen)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.edit.newTotal')}>
            <Typography.Text strong data-testid="edit-new-total">{formatFen(sum.totalFen)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.edit.difference')}>
            <span data-testid="edit-difference">
              {sum.differenceFen === 0
                ? t('orders.edit.noDifference')
                : differenceText(t, sum.differenceFen, order.paidFen)}
            </span>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('orders.edit.estimateHint')}</Typography.Paragraph>
        {problems.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="edit-problems" message={t('orders.edit.problems')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>} />
        )}
        {lines.length === 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('orders.edit.noLines')} />}
        <Space>
          <Button type="primary" htmlType="submit" data-testid="edit-save" disabled={!allValid} loading={save.isPending}>{t('orders.edit.save')}</Button>
          <Button data-testid="edit-cancel" onClick={onDone}>{t('common:action.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
