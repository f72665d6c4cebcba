import { App, Button, Drawer, Form, type FormInstance, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { type SkuChoice, skuLabel, STOCK_TRANSFERS, type StockTransfer, type StockTransferIn, useWarehouses } from '../../api/inventory';
import { useAction } from '../../hooks/use-action';
import { SkuPicker } from './sku-picker';
import { useStockLevel } from './use-stock-level';

interface LineValues {
  sku?: SkuChoice | null;
  qty?: number | null;
}

interface Values {
  fromWarehouseId?: string;
  toWarehouseId?: string;
  lines: LineValues[];
  remark?: string;
}

const INITIAL: Values = { lines: [{ sku: null, qty: null }], remark: '' };

/** Under a line: the SKU picked and what the source warehouse can give (on hand − reserved − safety stock). */
function LineInfo({ form, index }: { form: FormInstance<Values>; index: number }) {
  const { t } = useTranslation();
  const sku = Form.useWatch(['lines', index, 'sku'], form) ?? null;
  const from = Form.useWatch('fromWarehouseId', form);
  const level = useStockLevel(sku, from);
  if (!sku) return <Typography.Text type="secondary">{t('inventory.sku.hint')}</Typography.Text>;
  return (
    <Typography.Text type="secondary" data-testid={`transfer-line-info-${index}`}>
      {skuLabel(sku)}
      {level === null && ` · ${t('inventory.transfer.sourceNone')}`}
      {level && ` · ${t('inventory.transfer.sourceAvailable', { n: level.available, unit: sku.baseUnit })}`}
    </Typography.Text>
  );
}

/** The form instance outlives the drawer: each opening starts from the initial values, not the last draft's. */
function StartAfresh({ form }: { form: FormInstance<Values> }) {
  useLayoutEffect(() => {
    form.resetFields();
  }, [form]);
  return null;
}

/** The quantity of a line, in the base unit of its SKU (shown beside it). A Form control. */
function LineQty({ form, index, testId, value, onChange }: { form: FormInstance<Values>; index: number; testId: string; value?: number | null; onChange?: (n: number | null) => void }) {
  const { t } = useTranslation();
  const sku = Form.useWatch(['lines', index, 'sku'], form) as SkuChoice | null | undefined;
  return (
    <InputNumber
      data-testid={testId}
      value={value}
      onChange={onChange}
      placeholder={t('inventory.transfer.qty')}
      precision={0}
      min={1}
      max={1_000_000_000}
      addonAfter={sku?.baseUnit || undefined}
      style={{ width: 180 }}
    />
  );
}

/** 新建调拨单: from one warehouse to another, SKUs picked by code, quantities in base units. Saved as a draft. */
export function TransferCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (t: StockTransfer) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const warehouses = useWarehouses();
  const [form] = Form.useForm<Values>();
  const save = useAction(
    (v: Values) => {
      const body: StockTransferIn = {
        fromWarehouseId: v.fromWarehouseId!,
        toWarehouseId: v.toWarehouseId!,
        lines: v.lines.map((l) => ({ skuId: l.sku!.skuId, qty: l.qty! })),
        ...(v.remark?.trim() ? { remark: v.remark.trim() } : {}),
      };
      return api.post<StockTransfer>(STOCK_TRANSFERS, body);
    },
    {
      invalidate: [[STOCK_TRANSFERS]],
      form,
      success: false,
      onSuccess: (x) => {
        void message.success(t('inventory.transfer.created', { no: x.transferNo }));
        onCreated(x);
      },
    },
  );
  const options = (warehouses.data ?? []).map((w) => ({ value: w.id, label: w.active ? w.name : `${w.name}（${t('inventory.warehouse.off')}）` }));
  const selectRule = (field: string) => ({ required: true, message: t('common:validation.select', { field: t(field) }) });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={640}
      destroyOnHidden
      title={t('inventory.transfer.create')}
      footer={
        <Space style={{ float: 'right' }}>
          <Button data-testid="transfer-drawer-cancel" onClick={onClose}>{t('common:action.cancel')}</Button>
          <Button type="primary" data-testid="transfer-submit" loading={save.isPending} onClick={() => form.submit()}>
            {t('inventory.transfer.submit')}
          </Button>
        </Space>
      }
    >
      {open && !warehouses.isLoading && (
        <Form<Values> form={form} layout="vertical" initialValues={INITIAL} onFinish={(v) => save.mutate(v)}>
          <Space align="start" wrap>
            <Form.Item name="fromWarehouseId" label={t('inventory.transfer.from')} rules={[selectRule('inventory.transfer.from')]}>
              <Select data-testid="transfer-from" style={{ width: 240 }} options={options} placeholder={t('inventory.transfer.fromPlaceholder')} />
            </Form.Item>
            <Form.Item
              name="toWarehouseId"
              label={t('inventory.transfer.to')}
              dependencies={['fromWarehouseId']}
              rules={[
                selectRule('inventory.transfer.to'),
                ({ getFieldValue }) => ({
                  validator: async (_: unknown, to?: string) => {
                    if (to && to === getFieldValue('fromWarehouseId')) throw new Error(t('inventory.transfer.sameWarehouse'));
                  },
                }),
              ]}
            >
              <Select data-testid="transfer-to" style={{ width: 240 }} options={options} placeholder={t('inventory.transfer.toPlaceholder')} />
            </Form.Item>
          </Space>
          <Form.List
            name="lines"
            rules={[{ validator: async (_: unknown, lines?: LineValues[]) => { if (!lines?.length) throw new Error(t('inventory.transfer.noLines')); } }]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>{t('inventory.transfer.lines')}</Typography.Text>
                {fields.map((f, i) => (
                  <div key={f.key} data-testid="transfer-line" style={{ marginBottom: 12 }}>
                    <Space align="start" wrap>
                      <Form.Item
                        name={[f.name, 'sku']}
                        style={{ marginBottom: 4 }}
                        rules={[
                          { required: true, message: t('inventory.sku.required') },
                          {
                            validator: async (_: unknown, sku?: SkuChoice | null) => {
                              if (!sku) return;
                              const lines = (form.getFieldValue('lines') ?? []) as LineValues[];
                              const first = lines.findIndex((l) => l?.sku?.skuId === sku.skuId);
                              if (first !== -1 && first < f.name) throw new Error(t('inventory.transfer.duplicateSku', { row: first + 1 }));
                            },
                          },
                        ]}
                      >
                        <SkuPicker testId={`transfer-line-sku-${i}`} width={280} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'qty']}
                        style={{ marginBottom: 4 }}
                        rules={[{ required: true, message: t('common:validation.required', { field: t('inventory.transfer.qty') }) }]}
                      >
                        <LineQty form={form} index={f.name} testId={`transfer-line-qty-${i}`} />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button type="link" danger data-testid={`transfer-line-remove-${i}`} onClick={() => remove(f.name)}>{t('common:action.delete')}</Button>
                      )}
                    </Space>
                    <div><LineInfo form={form} index={f.name} /></div>
                  </div>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" data-testid="transfer-line-add" onClick={() => add({ sku: null, qty: null })} style={{ marginBottom: 16 }}>
                  {t('inventory.transfer.addLine')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="remark" label={t('inventory.transfer.remark')}>
            <Input data-testid="transfer-remark" maxLength={200} placeholder={t('inventory.transfer.remarkPlaceholder')} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('inventory.transfer.createHint')}</Typography.Paragraph>
          <StartAfresh form={form} />
        </Form>
      )}
    </Drawer>
  );
}
