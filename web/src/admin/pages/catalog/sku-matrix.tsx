import { Button, Form, type FormInstance, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import { useTranslation } from 'react-i18next';
import { type ProductDetail, yuanToFen } from '../../api/catalog';
import { emptyUnit, generateSkus, MAX_SPECS, type ProductValues } from './product-form';

const MAX_UNITS = 5;

/** A money input in 元: at most 2 decimals, parsed to fen exactly on save. */
export function useMoneyRule() {
  const { t } = useTranslation();
  return (required: boolean) => ({
    validator: async (_: unknown, v: string | undefined) => {
      if (!v || !String(v).trim()) {
        if (required) throw new Error(t('catalog.editor.priceRequired'));
        return;
      }
      if (yuanToFen(v) === null) throw new Error(t('catalog.editor.moneyRule'));
    },
  });
}

/** 规格: up to 3 specs, each with its values; "生成" rebuilds the SKU rows as every combination. */
export function SpecsEditor({ form }: { form: FormInstance<ProductValues> }) {
  const { t } = useTranslation();
  const regenerate = () => {
    const specs = form.getFieldValue('specs') ?? [];
    form.setFieldValue('skus', generateSkus(specs, form.getFieldValue('skus') ?? []));
  };
  return (
    <Form.List name="specs">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((field, i) => (
            <Space key={field.key} align="start" wrap data-testid="spec-row">
              <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('catalog.editor.specNameRequired') }]} style={{ marginBottom: 0 }}>
                <Input data-testid={`spec-name-${i}`} placeholder={t('catalog.editor.specName')} style={{ width: 140 }} maxLength={20} />
              </Form.Item>
              <Form.Item name={[field.name, 'values']} rules={[{ required: true, type: 'array', min: 1, message: t('catalog.editor.specValuesRequired') }]} style={{ marginBottom: 0 }}>
                <Select
                  mode="tags"
                  data-testid={`spec-values-${i}`}
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={[',', '，', ';', '；']}
                  placeholder={t('catalog.editor.specValues')}
                  style={{ width: 420 }}
                />
              </Form.Item>
              <Button danger onClick={() => remove(field.name)}>{t('common:action.delete')}</Button>
            </Space>
          ))}
          <Space>
            <Button disabled={fields.length >= MAX_SPECS} data-testid="spec-add" onClick={() => add({ name: '', values: [] })}>
              {t('catalog.editor.addSpec')}
            </Button>
            <Button type="primary" ghost data-testid="spec-generate" onClick={regenerate}>{t('catalog.editor.generate')}</Button>
            <Typography.Text type="secondary">{t('catalog.editor.generateHint')}</Typography.Text>
          </Space>
        </Space>
      )}
    </Form.List>
  );
}

interface UnitsProps {
  sku: FormListFieldData;
  skuIndex: number;
  form: FormInstance<ProductValues>;
  saved?: ProductDetail;
  onPrices?: (unit: { id: string; label: string }) => void;
}

/** The sell units of one SKU; row 0 is the base unit (named in the SKU row, conversion fixed at 1). */
function UnitsTable({ sku, skuIndex, form, saved, onPrices }: UnitsProps) {
  const { t } = useTranslation();
  const money = useMoneyRule();
  const unitId = (unitIndex: number): string | undefined => {
    const s = form.getFieldValue(['skus', sku.name]);
    if (!s || !saved) return undefined;
    const name = unitIndex === 0 ? s.baseUnit : s.units?.[unitIndex]?.name;
    return saved.skus.find((x) => x.code === s.code)?.units.find((u) => u.name === name)?.id;
  };
  return (
    <Form.List name={[sku.name, 'units']}>
      {(fields, { add, remove }) => (
        <div style={{ padding: '4px 0 4px 24px' }}>
          <Table<FormListFieldData>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={fields}
            data-testid={`units-${skuIndex}`}
            columns={[
              {
                title: t('catalog.editor.unitName'),
                width: 110,
                render: (_, f) =>
                  f.name === 0 ? (
                    <Form.Item noStyle shouldUpdate>
                      {() => <Tag color="blue">{form.getFieldValue(['skus', sku.name, 'baseUnit']) || t('catalog.editor.baseUnit')}</Tag>}
                    </Form.Item>
                  ) : (
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('catalog.editor.required') }]} style={{ marginBottom: 0 }}>
                      <Input data-testid={`unit-name-${skuIndex}-${f.name}`} maxLength={10} placeholder="箱" />
                    </Form.Item>
                  ),
              },
              {
                title: t('catalog.editor.conversion'),
                width: 120,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'conversion']} rules={[{ required: true, message: t('catalog.editor.required') }]} style={{ marginBottom: 0 }}>
                    <InputNumber data-testid={`unit-conversion-${skuIndex}-${f.name}`} min={1} max={100000} precision={0} disabled={f.name === 0} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: t('catalog.editor.listPrice'),
                width: 130,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'listPrice']} rules={[money(true)]} style={{ marginBottom: 0 }}>
                    <Input data-testid={`unit-price-${skuIndex}-${f.name}`} prefix="¥" inputMode="decimal" placeholder="0.00" />
                  </Form.Item>
                ),
              },
              {
                title: t('catalog.editor.minQty'),
                width: 100,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'minQty']} style={{ marginBottom: 0 }}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: t('catalog.editor.multiple'),
                width: 100,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'multiple']} style={{ marginBottom: 0 }}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              {
                title: t('catalog.editor.barcode'),
                render: (_, f) => (
                  <Form.Item name={[f.name, 'barcode']} style={{ marginBottom: 0 }}>
                    <Input maxLength={32} />
                  </Form.Item>
                ),
              },
              {
                title: t('actions'),
                width: 130,
                render: (_, f) => {
                  const id = unitId(f.name);
                  return (
                    <Space size={0}>
                      {onPrices && id && (
                        <Button
                          type="link"
                          size="small"
                          data-testid={`unit-prices-${skuIndex}-${f.name}`}
                          onClick={() => {
                            const s = form.getFieldValue(['skus', sku.name]);
                            const unitName = f.name === 0 ? s.baseUnit : s.units[f.name].name;
                            onPrices({ id, label: [s.code, (s.specValues ?? []).join(' / '), unitName].filter(Boolean).join(' · ') });
                          }}
                        >
                          {t('catalog.editor.prices')}
                        </Button>
                      )}
                      {f.name > 0 && (
                        <Button type="link" size="small" danger onClick={() => remove(f.name)}>{t('common:action.delete')}</Button>
                      )}
                    </Space>
                  );
                },
              },
            ]}
          />
          <Button size="small" type="dashed" style={{ marginTop: 8 }} disabled={fields.length >= MAX_UNITS} data-testid={`unit-add-${skuIndex}`} onClick={() => add({ ...emptyUnit(), conversion: undefined })}>
            {t('catalog.editor.addUnit')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** The variant matrix: one row per SKU (spec combination) with its unit table underneath. */
export function SkuMatrix({ form, saved, onPrices }: { form: FormInstance<ProductValues>; saved?: ProductDetail; onPrices?: UnitsProps['onPrices'] }) {
  const { t } = useTranslation();
  const money = useMoneyRule();
  return (
    <Form.List name="skus">
      {(fields, { remove }) => (
        <Table<FormListFieldData>
          rowKey="key"
          size="middle"
          pagination={false}
          dataSource={fields}
          data-testid="sku-matrix"
          scroll={{ x: 1000 }}
          onRow={() => ({ 'data-testid': 'sku-row' }) as React.HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowKeys: fields.map((f) => f.key),
            showExpandColumn: false,
            expandedRowRender: (f) => <UnitsTable sku={f} skuIndex={f.name} form={form} saved={saved} onPrices={onPrices} />,
          }}
          columns={[
            {
              title: t('catalog.editor.spec'),
              width: 160,
              render: (_, f) => (
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const values: string[] = form.getFieldValue(['skus', f.name, 'specValues']) ?? [];
                    return values.length ? <Space size={4} wrap>{values.map((v, i) => <Tag key={i}>{v}</Tag>)}</Space> : <Typography.Text type="secondary">{t('catalog.editor.singleSku')}</Typography.Text>;
                  }}
                </Form.Item>
              ),
            },
            {
              title: t('catalog.editor.code'),
              render: (_, f) => (
                <Form.Item name={[f.name, 'code']} rules={[{ required: true, whitespace: true, message: t('catalog.editor.required') }, { pattern: /^[A-Za-z0-9._\-/]+$/, message: t('catalog.editor.codeRule') }]} style={{ marginBottom: 0 }}>
                  <Input data-testid={`sku-code-${f.name}`} maxLength={64} />
                </Form.Item>
              ),
            },
            {
              title: t('catalog.editor.barcode'),
              render: (_, f) => (
                <Form.Item name={[f.name, 'barcode']} style={{ marginBottom: 0 }}>
                  <Input data-testid={`sku-barcode-${f.name}`} maxLength={32} />
                </Form.Item>
              ),
            },
            {
              title: t('catalog.editor.baseUnit'),
              width: 100,
              render: (_, f) => (
                <Form.Item name={[f.name, 'baseUnit']} rules={[{ required: true, whitespace: true, message: t('catalog.editor.required') }]} style={{ marginBottom: 0 }}>
                  <Input data-testid={`sku-base-unit-${f.name}`} maxLength={10} placeholder="瓶" />
                </Form.Item>
              ),
            },
            {
              title: t('catalog.editor.cost'),
              width: 120,
              render: (_, f) => (
                <Form.Item name={[f.name, 'cost']} rules={[money(false)]} style={{ marginBottom: 0 }}>
                  <Input data-testid={`sku-cost-${f.name}`} prefix="¥" inputMode="decimal" placeholder="0.00" />
                </Form.Item>
              ),
            },
            {
              title: t('catalog.editor.weight'),
              width: 120,
              render: (_, f) => (
                <Form.Item name={[f.name, 'weightGrams']} style={{ marginBottom: 0 }}>
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              ),
            },
            {
              title: t('actions'),
              width: 80,
              render: (_, f) => (
                <Button type="link" danger size="small" disabled={fields.length <= 1} data-testid={`sku-remove-${f.name}`} onClick={() => remove(f.name)}>
                  {t('common:action.delete')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Form.List>
  );
}
