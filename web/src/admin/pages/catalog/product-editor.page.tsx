import { Alert, Button, Card, Checkbox, Col, Form, Input, Result, Row, Select, Space, Spin, Switch, TreeSelect, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { api } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import type { CustomerType } from '../../../shared/api/types';
import { useDetail } from '../../../shared/hooks/use-detail';
import { categoryTree, PRODUCTS, type ProductDetail, STOCK_POLICIES, useBrands, useCategories, useTags } from '../../api/catalog';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { useAction } from '../../hooks/use-action';
import { useLevels } from '../../hooks/use-reference-data';
import { PriceDrawer } from './price-drawer';
import { ProductImages } from './product-images';
import { mapServerErrors, NEW_PRODUCT, type ProductValues, toBody, toValues } from './product-form';
import { SkuMatrix, SpecsEditor } from './sku-matrix';

const TYPES: CustomerType[] = ['dealer', 'retailer', 'consumer'];

function Editor({ product }: { product?: ProductDetail }) {
  const { t } = useTranslation();
  const me = useStaff();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const canWrite = me.can('catalog.write');
  const [form] = Form.useForm<ProductValues>();
  const categories = useCategories();
  const brands = useBrands();
  const tags = useTags();
  const levels = useLevels();
  const tree = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const [unmatched, setUnmatched] = useState<{ path: string; message: string }[]>([]);
  const [pricing, setPricing] = useState<{ id: string; label: string } | null>(null);
  const initialValues = useMemo(() => (product ? toValues(product) : NEW_PRODUCT), [product?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = useAction(
    (v: ProductValues) => {
      setUnmatched([]);
      const body = toBody(v);
      return product ? api.put<ProductDetail>(`${PRODUCTS}/${product.id}`, { ...body, version: product.version }) : api.post<ProductDetail>(PRODUCTS, body);
    },
    {
      invalidate: [[PRODUCTS]],
      onSuccess: (saved) => {
        qc.setQueryData([PRODUCTS, saved.id], saved);
        if (!product) navigate(`/products/${saved.id}`, { replace: true });
      },
    },
  );
  const submit = (v: ProductValues) =>
    save.mutate(v, {
      onError: (err) => {
        const mapped = mapServerErrors(err);
        if (!isApiError(mapped) || mapped.errors.length === 0) return;
        const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
        const rest = mapped.errors.filter((e) => !known.has(e.path.replace(/^body\./, '')));
        const matched = mapped.errors.filter((e) => known.has(e.path.replace(/^body\./, '')));
        const byPath = new Map<string, string[]>();
        for (const e of matched) {
          const path = e.path.replace(/^body\./, '');
          byPath.set(path, [...(byPath.get(path) ?? []), e.message]);
        }
        form.setFields([...byPath].map(([path, errors]) => ({ name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors })) as never[]);
        const first = [...byPath.keys()][0];
        if (first) form.scrollToField(first.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), { block: 'center' });
        setUnmatched(rest);
      },
    });

  return (
    <>
    <Form<ProductValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
      disabled={!canWrite}
      data-testid="product-form"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          variant="borderless"
          title={product ? t('catalog.editor.editTitle', { name: product.name }) : t('catalog.products.create')}
          extra={
            <Space>
              <Button disabled={false} onClick={() => navigate('/products')}>{t('common:action.back')}</Button>
              {canWrite && <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="product-save">{t('common:action.save')}</Button>}
            </Space>
          }
        >
          {save.error && unmatched.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="product-errors"
              message={errorMessage(save.error, t)}
              description={<ul style={{ margin: 0, paddingLeft: 18 }}>{unmatched.map((e, i) => <li key={i}>{`${e.path.replace(/^body\./, '')}: ${e.message}`}</li>)}</ul>}
            />
          )}
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label={t('catalog.products.name')} rules={[{ required: true, whitespace: true, message: t('catalog.editor.required') }]}>
                <Input data-testid="product-name-input" maxLength={120} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="subtitle" label={t('catalog.editor.subtitle')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="categoryId" label={t('catalog.products.category')}>
                <TreeSelect allowClear showSearch treeNodeFilterProp="title" treeData={tree} treeDefaultExpandAll data-testid="product-category" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="brandId" label={t('catalog.products.brand')}>
                <Select allowClear showSearch optionFilterProp="label" options={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="tagIds" label={t('catalog.editor.tags')}>
                <Select mode="multiple" allowClear optionFilterProp="label" options={(tags.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item name="onShelf" label={t('catalog.products.onShelf')} valuePropName="checked">
                <Switch data-testid="product-on-shelf" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="visibleTypes" label={t('catalog.editor.visibleTypes')} extra={t('catalog.editor.visibleHint')}>
                <Checkbox.Group options={TYPES.map((v) => ({ value: v, label: t(`common:customerType.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="visibleLevelIds" label={t('catalog.editor.visibleLevels')} extra={t('catalog.editor.visibleHint')}>
                <Select mode="multiple" allowClear options={(levels.data ?? []).map((l) => ({ value: l.id, label: l.name }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="stockPolicy" label={t('catalog.editor.stockPolicy')} extra={t('catalog.editor.stockPolicyHint')}>
                <Select
                  data-testid="product-stock-policy"
                  options={STOCK_POLICIES.map((p) => ({ value: p, label: <span data-testid={`stock-policy-${p}`}>{t(`catalog.stockPolicy.${p}`)}</span> }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card variant="borderless" title={t('catalog.editor.specs')}>
          <SpecsEditor form={form} />
        </Card>

        <Card variant="borderless" title={t('catalog.editor.skus')} extra={<Typography.Text type="secondary">{t('catalog.editor.skusHint')}</Typography.Text>}>
          <SkuMatrix form={form} saved={product} onPrices={product ? setPricing : undefined} />
          {!product && <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('catalog.editor.pricesAfterSave')}</Typography.Paragraph>}
        </Card>

        <Card variant="borderless" title={t('catalog.images.title')}>
          {product ? <ProductImages product={product} canWrite={canWrite} /> : <Typography.Text type="secondary">{t('catalog.images.afterSave')}</Typography.Text>}
        </Card>

        <Card variant="borderless" title={t('catalog.editor.params')}>
          <Form.List name="params">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Space key={f.key} align="start">
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('catalog.editor.required') }]} style={{ marginBottom: 0 }}>
                      <Input placeholder={t('catalog.editor.paramName')} maxLength={40} style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']} style={{ marginBottom: 0 }}>
                      <Input placeholder={t('catalog.editor.paramValue')} maxLength={200} style={{ width: 360 }} />
                    </Form.Item>
                    <Button type="link" danger onClick={() => remove(f.name)}>{t('common:action.delete')}</Button>
                  </Space>
                ))}
                <Button type="dashed" data-testid="param-add" onClick={() => add({ name: '', value: '' })}>{t('catalog.editor.addParam')}</Button>
              </Space>
            )}
          </Form.List>
        </Card>

        <Card variant="borderless" title={t('catalog.editor.description')}>
          <Form.Item name="descriptionHtml" extra={t('catalog.editor.descriptionHint')}>
            <Input.TextArea rows={8} style={{ fontFamily: 'monospace' }} placeholder="<p>…</p>" />
          </Form.Item>
          <Form.Item name="instructions" label={t('catalog.editor.instructions')} style={{ marginBottom: 0 }}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
        </Card>
      </Space>
    </Form>
    <PriceDrawer unit={pricing} onClose={() => setPricing(null)} />
    </>
  );
}

function ProductEditor() {
  const { t } = useTranslation();
  const { id } = useParams();
  const detail = useDetail<ProductDetail>(PRODUCTS, id);
  if (!id) return <Editor />;
  if (detail.isLoading) return <Spin />;
  if (detail.error || !detail.data) return <Result status="warning" title={errorMessage(detail.error, t)} />;
  return <Editor key={detail.data.id} product={detail.data} />;
}

export default function ProductEditorPage() {
  return <RequirePermission permission="catalog.read"><ProductEditor /></RequirePermission>;
}
