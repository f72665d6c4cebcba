import { Alert, App, Button, Descriptions, Drawer, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { api } from '../../../shared/api/client';
import { FULFILMENT_QUEUE, type QueueItem, type Shipment, SHIPMENTS, type ShipmentIn } from '../../api/fulfilment';
import { ORDERS } from '../../api/orders';
import { formatAddress } from '../orders/order-format';
import { fulfilmentErrorMessage } from './fulfilment-error';
import { useFulfilmentAction } from './use-fulfilment-action';

type Line = QueueItem['lines'][number];
/** One problem of 422 exceeds_ordered / 409 insufficient_stock (extension member `lines`), by the index sent. */
interface LineProblem { index: number; code: 'not_in_order' | 'exceeds_ordered' | 'insufficient_stock'; left?: number; reservedFree?: number; free?: number }

/** The errors of a refused shipment, by the drawer's row: `errors[].path` = body.lines.N.qty, worded from `lines[N]`. */
function lineErrors(err: unknown, sentRows: number[], t: (k: string, o?: Record<string, unknown>) => string): Record<number, string> {
  if (!isApiError(err)) return {};
  const problems = Array.isArray(err.problem.lines) ? (err.problem.lines as LineProblem[]) : [];
  const out: Record<number, string> = {};
  for (const e of err.errors) {
    const m = /^body\.lines\.(\d+)\.qty$/.exec(e.path);
    if (!m) continue;
    const sent = Number(m[1]);
    const row = sentRows[sent];
    if (row === undefined) continue;
    const p = problems.find((x) => x.index === sent);
    out[row] = p
      ? t(`fulfilment.create.lineError.${p.code}`, { left: p.left ?? 0, max: (p.reservedFree ?? 0) + (p.free ?? 0), defaultValue: e.message })
      : e.message;
  }
  return out;
}

/** 创建发货单 for one queue row: each line's quantity (base units) defaults to what waits in that warehouse. */
function CreateForm({ item, onCreated, onClose }: { item: QueueItem; onCreated: (s: Shipment) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [qty, setQty] = useState<(number | null)[]>(item.lines.map((l) => l.qty));
  const [remark, setRemark] = useState('');
  const [problem, setProblem] = useState<{ text: string; lines: Record<number, string> } | null>(null);
  const rows = item.lines.map((_, i) => i).filter((i) => (qty[i] ?? 0) > 0);
  const save = useFulfilmentAction(
    async (): Promise<Shipment | null> => {
      setProblem(null);
      const body: ShipmentIn = {
        orderId: item.orderId,
        warehouseId: item.warehouseId,
        lines: rows.map((i) => ({ skuId: item.lines[i].skuId, qty: qty[i]! })),
        ...(remark.trim() ? { remark: remark.trim() } : {}),
      };
      try {
        return await api.post<Shipment>(SHIPMENTS, body);
      } catch (err) {
        const lines = lineErrors(err, rows, t);
        if (Object.keys(lines).length) {
          setProblem({ text: fulfilmentErrorMessage(err, t), lines });
          return null;
        }
        throw err;
      }
    },
    {
      success: false,
      invalidate: [[FULFILMENT_QUEUE], [SHIPMENTS], [ORDERS]],
      onSuccess: (s) => {
        if (!s) return;
        void message.success(t('fulfilment.create.created', { no: s.shipmentNo }));
        onCreated(s);
      },
    },
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="shipment-create-form">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('fulfilment.create.order')}>
          <span data-testid="create-order-no">{item.orderNo}</span>&nbsp;·&nbsp;{item.customerName}
        </Descriptions.Item>
        <Descriptions.Item label={t('fulfilment.create.warehouse')}><span data-testid="create-warehouse">{item.warehouseName}</span></Descriptions.Item>
        <Descriptions.Item label={t('fulfilment.create.address')}>{formatAddress(item.address)}</Descriptions.Item>
      </Descriptions>
      {problem && <Alert type="error" showIcon data-testid="create-problem" message={problem.text} />}
      <Table<Line>
        size="small"
        rowKey="skuId"
        pagination={false}
        dataSource={item.lines}
        onRow={(l) => ({ 'data-testid': 'create-line', 'data-sku': l.skuCode }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('fulfilment.create.sku'), dataIndex: 'skuCode', width: 140, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: t('fulfilment.create.product'), dataIndex: 'productName', render: (v: string, l: { specText: string }) => (l.specText ? `${v}（${l.specText}）` : v) },
          { title: t('fulfilment.create.queued'), dataIndex: 'qty', width: 90, align: 'right', render: (v: number, l: { baseUnit: string }) => `${v}${l.baseUnit}` },
          {
            title: t('fulfilment.create.qty'),
            key: 'qty',
            width: 170,
            render: (_, _l, i) => (
              <>
                <InputNumber
                  data-testid="create-line-qty"
                  value={qty[i]}
                  min={0}
                  max={10_000_000}
                  precision={0}
                  status={problem?.lines[i] ? 'error' : undefined}
                  onChange={(n) => setQty((q) => q.map((v, j) => (j === i ? n : v)))}
                  style={{ width: 140 }}
                />
                {problem?.lines[i] && <div><Typography.Text type="danger" data-testid="create-line-error">{problem.lines[i]}</Typography.Text></div>}
              </>
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">{t('fulfilment.create.hint')}</Typography.Text>
      <Input data-testid="create-remark" maxLength={200} value={remark} onChange={(e) => setRemark(e.target.value)} placeholder={t('fulfilment.create.remarkPlaceholder')} addonBefore={t('fulfilment.create.remark')} />
      {rows.length === 0 && <Typography.Text type="danger">{t('fulfilment.create.noLines')}</Typography.Text>}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button data-testid="create-cancel" onClick={onClose}>{t('common:action.cancel')}</Button>
        <Button type="primary" data-testid="create-submit" disabled={rows.length === 0} loading={save.isPending} onClick={() => save.mutate(undefined)}>
          {t('fulfilment.create.submit')}
        </Button>
      </Space>
    </Space>
  );
}

/** The drawer around CreateForm; a new form for each queue row opened. */
export function ShipmentCreateDrawer({ item, onClose, onCreated }: { item: QueueItem | null; onClose: () => void; onCreated: (s: Shipment) => void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={Boolean(item)} onClose={onClose} width={720} destroyOnHidden title={t('fulfilment.create.title')}>
      {item && <CreateForm key={`${item.orderId}:${item.warehouseId}`} item={item} onClose={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}
