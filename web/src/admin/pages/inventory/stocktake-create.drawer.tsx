import { App, Button, Drawer, Form, type FormInstance, Input, Radio, Select, Space, Typography } from 'antd';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { type SkuChoice, skuLabel, STOCKTAKES, type Stocktake, type StocktakeIn } from '../../api/inventory';
import { useMyWarehouses } from './use-my-warehouses';
import { useAction } from '../../hooks/use-action';
import { SkuPicker } from './sku-picker';

interface LineValues {
  sku?: SkuChoice | null;
}

interface Values {
  warehouseId?: string;
  /** all: every SKU the warehouse holds; some: the SKUs listed */
  scope: 'all' | 'some';
  lines: LineValues[];
  remark?: string;
}

const INITIAL: Values = { scope: 'all', lines: [{ sku: null }], remark: '' };

/** The form instance outlives the drawer: each opening starts from the initial values, not the last one's. */
function StartAfresh({ form }: { form: FormInstance<Values> }) {
  useLayoutEffect(() => {
    form.resetFields();
  }, [form]);
  return null;
}

/** 新建盘点单: a warehouse, and either every SKU it holds or SKUs picked by code. The book quantities are taken now. */
export function StocktakeCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (s: Stocktake) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const warehouses = useMyWarehouses();
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form) ?? 'all';
  const save = useAction(
    (v: Values) => {
      const body: StocktakeIn = {
        warehouseId: v.warehouseId!,
        ...(v.scope === 'some' ? { skuIds: v.lines.map((l) => l.sku!.skuId) } : {}),
        ...(v.remark?.trim() ? { remark: v.remark.trim() } : {}),
      };
      return api.post<Stocktake>(STOCKTAKES, body);
    },
    {
      invalidate: [[STOCKTAKES]],
      form,
      success: false,
      onSuccess: (x) => {
        void message.success(t('inventory.stocktake.created', { no: x.stocktakeNo }));
        onCreated(x);
      },
    },
  );
  const options = warehouses.warehouses.map((w) => ({ value: w.id, label: w.active ? w.name : `${w.name}（${t('inventory.warehouse.off')}）` }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={560}
      destroyOnHidden
      title={t('inventory.stocktake.create')}
      footer={
        <Space style={{ float: 'right' }}>
          <Button data-testid="stocktake-drawer-cancel" onClick={onClose}>{t('common:action.cancel')}</Button>
          <Button type="primary" data-testid="stocktake-submit" loading={save.isPending} onClick={() => form.submit()}>
            {t('inventory.stocktake.submit')}
          </Button>
        </Space>
      }
    >
      {open && !warehouses.isLoading && (
        <Form<Values> form={form} layout="vertical" initialValues={{ ...INITIAL, warehouseId: warehouses.defaultId }} onFinish={(v) => save.mutate(v)}>
          <Form.Item
            name="warehouseId"
            label={t('inventory.stocktake.warehouse')}
            rules={[{ required: true, message: t('common:validation.select', { field: t('inventory.stocktake.warehouse') }) }]}
          >
            <Select data-testid="stocktake-warehouse" style={{ width: 240 }} options={options} placeholder={t('inventory.stocktake.warehousePlaceholder')} />
          </Form.Item>
          <Form.Item name="scope" label={t('inventory.stocktake.scope')}>
            <Radio.Group
              data-testid="stocktake-scope"
              options={[
                { value: 'all', label: <span data-testid="stocktake-scope-all">{t('inventory.stocktake.scopeAll')}</span> },
                { value: 'some', label: <span data-testid="stocktake-scope-some">{t('inventory.stocktake.scopeSome')}</span> },
              ]}
            />
          </Form.Item>
          {scope === 'some' && (
            <Form.List
              name="lines"
              rules={[{ validator: async (_: unknown, lines?: LineValues[]) => { if (!lines?.length) throw new Error(t('inventory.stocktake.noLines')); } }]}
            >
              {(fields, { add, remove }, { errors }) => (
                <>
                  <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>{t('inventory.stocktake.skus')}</Typography.Text>
                  {fields.map((f, i) => (
                    <div key={f.key} data-testid="stocktake-line" style={{ marginBottom: 12 }}>
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
                                if (first !== -1 && first < f.name) throw new Error(t('inventory.stocktake.duplicateSku', { row: first + 1 }));
                              },
                            },
                          ]}
                        >
                          <SkuPicker testId={`stocktake-line-sku-${i}`} width={280} />
                        </Form.Item>
                        {fields.length > 1 && (
                          <Button type="link" danger data-testid={`stocktake-line-remove-${i}`} onClick={() => remove(f.name)}>{t('common:action.delete')}</Button>
                        )}
                      </Space>
                      <Form.Item noStyle shouldUpdate>
                        {() => {
                          const sku = form.getFieldValue(['lines', f.name, 'sku']) as SkuChoice | null | undefined;
                          return <div><Typography.Text type="secondary">{sku ? skuLabel(sku) : t('inventory.sku.hint')}</Typography.Text></div>;
                        }}
                      </Form.Item>
                    </div>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button type="dashed" data-testid="stocktake-line-add" onClick={() => add({ sku: null })} style={{ marginBottom: 16 }}>
                    {t('inventory.stocktake.addLine')}
                  </Button>
                </>
              )}
            </Form.List>
          )}
          <Form.Item name="remark" label={t('inventory.stocktake.remark')}>
            <Input data-testid="stocktake-remark" maxLength={200} placeholder={t('inventory.stocktake.remarkPlaceholder')} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('inventory.stocktake.createHint')}</Typography.Paragraph>
          <StartAfresh form={form} />
        </Form>
      )}
    </Drawer>
  );
}
