import { App, Button, Drawer, Form, type FormInstance, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { yuanToFen } from '../../api/catalog';
import { INBOUND_RECEIPTS, type InboundReceipt, type InboundReceiptIn, type SkuChoice, skuLabel } from '../../api/inventory';
import { useMyWarehouses } from './use-my-warehouses';
import { useAction } from '../../hooks/use-action';
import { SkuPicker } from './sku-picker';

interface LineValues {
  sku?: SkuChoice | null;
  qty?: number | null;
  /** yuan as typed; parsed to fen by the string */
  cost?: string;
}

interface Values {
  warehouseId?: string;
  supplier?: string;
  lines: LineValues[];
  remark?: string;
}

const INITIAL: Values = { supplier: '', lines: [{ sku: null, qty: null, cost: '' }], remark: '' };

/** Under a line: the SKU picked. */
function LineInfo({ form, index }: { form: FormInstance<Values>; index: number }) {
  const { t } = useTranslation();
  const sku = Form.useWatch(['lines', index, 'sku'], form) ?? null;
  if (!sku) return <Typography.Text type="secondary">{t('inventory.sku.hint')}</Typography.Text>;
  return <Typography.Text type="secondary" data-testid={`receipt-line-info-${index}`}>{skuLabel(sku)}</Typography.Text>;
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
      placeholder={t('inventory.receipt.qty')}
      precision={0}
      min={1}
      max={1_000_000_000}
      addonAfter={sku?.baseUnit || undefined}
      style={{ width: 160 }}
    />
  );
}

/** 新建入库单: a warehouse, a supplier, SKUs picked by code with quantities in base units and cost prices in yuan. Saved as a draft. */
export function ReceiptCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: InboundReceipt) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const warehouses = useMyWarehouses();
  const [form] = Form.useForm<Values>();
  const save = useAction(
    (v: Values) => {
      const body: InboundReceiptIn = {
        warehouseId: v.warehouseId!,
        lines: v.lines.map((l) => {
          const fen = l.cost?.trim() ? yuanToFen(l.cost) : null;
          return { skuId: l.sku!.skuId, qty: l.qty!, ...(fen !== null ? { costPriceFen: fen } : {}) };
        }),
        ...(v.supplier?.trim() ? { supplier: v.supplier.trim() } : {}),
        ...(v.remark?.trim() ? { remark: v.remark.trim() } : {}),
      };
      return api.post<InboundReceipt>(INBOUND_RECEIPTS, body);
    },
    {
      invalidate: [[INBOUND_RECEIPTS]],
      form,
      success: false,
      onSuccess: (x) => {
        void message.success(t('inventory.receipt.created', { no: x.receiptNo }));
        onCreated(x);
      },
    },
  );
  const options = warehouses.warehouses.map((w) => ({ value: w.id, label: w.active ? w.name : `${w.name}（${t('inventory.warehouse.off')}）` }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
      destroyOnHidden
      title={t('inventory.receipt.create')}
      footer={
        <Space style={{ float: 'right' }}>
          <Button data-testid="receipt-drawer-cancel" onClick={onClose}>{t('common:action.cancel')}</Button>
          <Button type="primary" data-testid="receipt-submit" loading={save.isPending} onClick={() => form.submit()}>
            {t('inventory.receipt.submit')}
          </Button>
        </Space>
      }
    >
      {open && !warehouses.isLoading && (
        <Form<Values> form={form} layout="vertical" initialValues={{ ...INITIAL, warehouseId: warehouses.defaultId }} onFinish={(v) => save.mutate(v)}>
          <Space align="start" wrap>
            <Form.Item
              name="warehouseId"
              label={t('inventory.receipt.warehouse')}
              rules={[{ required: true, message: t('common:validation.select', { field: t('inventory.receipt.warehouse') }) }]}
            >
              <Select data-testid="receipt-warehouse" style={{ width: 240 }} options={options} placeholder={t('inventory.receipt.warehousePlaceholder')} />
            </Form.Item>
            <Form.Item name="supplier" label={t('inventory.receipt.supplier')}>
              <Input data-testid="receipt-supplier" maxLength={100} style={{ width: 280 }} placeholder={t('inventory.receipt.supplierPlaceholder')} />
            </Form.Item>
          </Space>
          <Form.List
            name="lines"
            rules={[{ validator: async (_: unknown, lines?: LineValues[]) => { if (!lines?.length) throw new Error(t('inventory.receipt.noLines')); } }]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>{t('inventory.receipt.lines')}</Typography.Text>
                {fields.map((f, i) => (
                  <div key={f.key} data-testid="receipt-line" style={{ marginBottom: 12 }}>
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
                              if (first !== -1 && first < f.name) throw new Error(t('inventory.receipt.duplicateSku', { row: first + 1 }));
                            },
                          },
                        ]}
                      >
                        <SkuPicker testId={`receipt-line-sku-${i}`} width={240} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'qty']}
                        style={{ marginBottom: 4 }}
                        rules={[{ required: true, message: t('common:validation.required', { field: t('inventory.receipt.qty') }) }]}
                      >
                        <LineQty form={form} index={f.name} testId={`receipt-line-qty-${i}`} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'cost']}
                        style={{ marginBottom: 4 }}
                        rules={[{
                          validator: async (_: unknown, v?: string) => {
                            if (v?.trim() && yuanToFen(v) === null) throw new Error(t('inventory.receipt.costPriceRule'));
                          },
                        }]}
                      >
                        <Input data-testid={`receipt-line-cost-${i}`} prefix="¥" inputMode="decimal" style={{ width: 150 }} placeholder={t('inventory.receipt.costPricePlaceholder')} />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button type="link" danger data-testid={`receipt-line-remove-${i}`} onClick={() => remove(f.name)}>{t('common:action.delete')}</Button>
                      )}
                    </Space>
                    <div><LineInfo form={form} index={f.name} /></div>
                  </div>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" data-testid="receipt-line-add" onClick={() => add({ sku: null, qty: null, cost: '' })} style={{ marginBottom: 16 }}>
                  {t('inventory.receipt.addLine')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="remark" label={t('inventory.receipt.remark')}>
            <Input data-testid="receipt-remark" maxLength={200} placeholder={t('inventory.receipt.remarkPlaceholder')} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('inventory.receipt.createHint')}</Typography.Paragraph>
          <StartAfresh form={form} />
        </Form>
      )}
    </Drawer>
  );
}
