import { Alert, App, Button, Descriptions, Drawer, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { api } from '../../../shared/api/client';
import { useIdempotencyKey } from '../../../shared/hooks/use-idempotency-key';
import {
  type SkuChoice, skuLabel, STOCK, STOCK_ADJUSTMENTS, STOCK_MOVEMENTS, type StockChangeIn, type StockChangeKind, type StockChangeResult, type StockLevel,
  useWarehouses,
} from '../../api/inventory';
import { useAction } from '../../hooks/use-action';
import { SkuPicker } from './sku-picker';
import { useStockLevel } from './use-stock-level';

/** What the drawer opens with: 入库 or 调整, and the row it was opened from, if any. */
export interface StockChangeStart {
  kind: StockChangeKind;
  warehouseId?: string;
  sku?: SkuChoice;
}

interface Values {
  kind: StockChangeKind;
  warehouseId?: string;
  sku?: SkuChoice | null;
  delta?: number | null;
  reason?: string;
}

function CurrentLevel({ level, unit }: { level: StockLevel | null | undefined; unit: string }) {
  const { t } = useTranslation();
  if (level === undefined) return null;
  if (level === null) {
    return <Typography.Paragraph type="secondary" data-testid="stock-change-current">{t('inventory.change.neverStocked')}</Typography.Paragraph>;
  }
  return (
    <Descriptions size="small" column={3} data-testid="stock-change-current" style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('inventory.stock.onHand')}><span><span data-testid="stock-change-onhand">{level.onHand}</span> {unit}</span></Descriptions.Item>
      <Descriptions.Item label={t('inventory.stock.reserved')}><span><span data-testid="stock-change-reserved">{level.reserved}</span> {unit}</span></Descriptions.Item>
      <Descriptions.Item label={t('inventory.stock.available')}><span>{level.available} {unit}</span></Descriptions.Item>
    </Descriptions>
  );
}

/** 入库 (kind inbound, a positive quantity) or 调整 (kind adjust, ± quantity with a reason) of one SKU in one warehouse. */
export function StockChangeDrawer({ start, onClose }: { start: StockChangeStart | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const warehouses = useWarehouses();
  const [form] = Form.useForm<Values>();
  // the title keeps its text while the drawer slides away
  const [lastKind, setLastKind] = useState<StockChangeKind>('inbound');
  const kind = Form.useWatch('kind', form) ?? start?.kind ?? lastKind;
  if (start && kind !== lastKind) setLastKind(kind);
  const sku = Form.useWatch('sku', form) ?? null;
  const warehouseId = Form.useWatch('warehouseId', form);
  const level = useStockLevel(sku, warehouseId);
  const [shortage, setShortage] = useState(false);
  const unit = sku?.baseUnit ?? '';
  // A retry of the same entry (a lost answer, a double click) reuses its key: the stock changes once.
  const idempotency = useIdempotencyKey();

  const save = useAction(
    async (v: Values): Promise<StockChangeResult | null> => {
      setShortage(false);
      const body: StockChangeIn = {
        warehouseId: v.warehouseId!, skuId: v.sku!.skuId, delta: v.delta!, kind: v.kind,
        reason: v.reason?.trim() || t('inventory.change.inboundDefaultReason'),
      };
      try {
        return await api.postWith<StockChangeResult>(STOCK_ADJUSTMENTS, body, { 'Idempotency-Key': idempotency.keyFor(body) });
      } catch (err) {
        if (isApiError(err) && err.code === 'insufficient_stock') {
          setShortage(true);
          return null;
        }
        throw err;
      }
    },
    {
      invalidate: [[STOCK], [STOCK_MOVEMENTS]],
      form,
      success: false,
      onSuccess: (r) => {
        if (!r) return;
        idempotency.reset();
        void message.success(t(kind === 'inbound' ? 'inventory.change.inboundDone' : 'inventory.change.adjustDone', { onHand: r.onHand, unit }));
        onClose();
      },
    },
  );

  const initial: Values = {
    kind: start?.kind ?? 'inbound',
    warehouseId: start?.warehouseId ?? (warehouses.data ?? []).find((w) => w.active)?.id,
    sku: start?.sku ?? null,
    delta: null,
    reason: '',
  };
  const maxOut = level ? level.onHand - level.reserved : undefined;

  return (
    <Drawer
      open={Boolean(start)}
      onClose={onClose}
      width={560}
      destroyOnHidden
      title={<span data-testid="stock-change-title">{t(kind === 'inbound' ? 'inventory.change.inboundTitle' : 'inventory.change.adjustTitle')}</span>}
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common:action.cancel')}</Button>
          <Button type="primary" data-testid="stock-change-submit" loading={save.isPending} onClick={() => form.submit()}>
            {t(kind === 'inbound' ? 'inventory.change.inboundSubmit' : 'inventory.change.adjustSubmit')}
          </Button>
        </Space>
      }
    >
      {start && !warehouses.isLoading && (
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} onValuesChange={() => setShortage(false)}>
          <Form.Item name="kind" label={t('inventory.change.kind')}>
            <Radio.Group
              optionType="button"
              options={(['inbound', 'adjust'] as const).map((k) => ({ value: k, label: <span data-testid={`stock-change-kind-${k}`}>{t(`inventory.kind.${k}`)}</span> }))}
            />
          </Form.Item>
          <Form.Item name="warehouseId" label={t('inventory.stock.warehouse')} rules={[{ required: true, message: t('common:validation.select', { field: t('inventory.stock.warehouse') }) }]}>
            <Select
              data-testid="stock-change-warehouse"
              options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: w.active ? w.name : `${w.name}（${t('inventory.warehouse.off')}）` }))}
            />
          </Form.Item>
          <Form.Item
            name="sku"
            label={t('inventory.stock.sku')}
            extra={sku ? <span data-testid="stock-change-sku-label">{skuLabel(sku)} · {t('inventory.stock.baseUnit')} {sku.baseUnit}</span> : t('inventory.sku.hint')}
            rules={[{ required: true, message: t('inventory.sku.required') }]}
          >
            <SkuPicker testId="stock-change-sku" />
          </Form.Item>
          <CurrentLevel level={level} unit={unit} />
          <Form.Item
            name="delta"
            label={t(kind === 'inbound' ? 'inventory.change.inboundQty' : 'inventory.change.adjustQty')}
            extra={kind === 'adjust' && t('inventory.change.adjustQtyHint')}
            rules={[
              { required: true, message: t('common:validation.required', { field: t('inventory.change.quantity') }) },
              {
                validator: async (_: unknown, n?: number | null) => {
                  if (n === 0) throw new Error(t('inventory.change.notZero'));
                  if (kind === 'inbound' && n != null && n < 0) throw new Error(t('inventory.change.inboundPositive'));
                },
              },
            ]}
          >
            <InputNumber
              data-testid="stock-change-qty"
              precision={0}
              min={kind === 'inbound' ? 1 : -1_000_000_000}
              max={1_000_000_000}
              addonAfter={unit || undefined}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t(kind === 'inbound' ? 'inventory.change.inboundReason' : 'inventory.change.adjustReason')}
            rules={kind === 'adjust' ? [{ required: true, whitespace: true, message: t('common:validation.required', { field: t('inventory.change.adjustReason') }) }] : []}
          >
            <Input
              data-testid="stock-change-reason"
              maxLength={200}
              placeholder={t(kind === 'inbound' ? 'inventory.change.inboundReasonPlaceholder' : 'inventory.change.adjustReasonPlaceholder')}
            />
          </Form.Item>
          {shortage && (
            <Alert
              type="error"
              showIcon
              data-testid="stock-change-shortage"
              message={t('inventory.change.shortage')}
              description={maxOut !== undefined && level ? t('inventory.change.shortageDetail', { onHand: level.onHand, reserved: level.reserved, max: Math.max(0, maxOut), unit }) : undefined}
            />
          )}
        </Form>
      )}
    </Drawer>
  );
}
