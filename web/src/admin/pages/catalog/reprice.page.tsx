import { Alert, App, Button, Form, Input, Radio, Result, Select, Space, Spin, TreeSelect, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import type { Page } from '../../../shared/api/types';
import {
  BULK_LEVEL_PRICES,
  type BulkLevelPricesIn,
  basisPointsToPercent,
  categoryTree,
  MAX_REPRICE_PRODUCTS,
  PRODUCTS,
  percentToBasisPoints,
  type ProductSummary,
  productIdsInCategory,
  type RepriceBase,
  useCategories,
} from '../../api/catalog';
import { RequirePermission } from '../../auth/require-permission';
import { PageCard } from '../../components/page-card';
import { useAction } from '../../hooks/use-action';
import { useFeedback } from '../../hooks/use-feedback';
import { useLevels } from '../../hooks/use-reference-data';

type Scope = 'category' | 'products';
interface RepriceValues {
  levelId?: string;
  base: RepriceBase;
  percent: string;
  scope: Scope;
  categoryId?: string;
  products?: { value: string; label: string }[];
}
interface Done {
  affected: number;
  levelName: string;
  formula: string;
}

/** 批量调价: one customer level's price on a category or on chosen products = 市场价 or 成本价 × a percentage. */
function BulkReprice() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const [form] = Form.useForm<RepriceValues>();
  const feedback = useFeedback();
  const levels = useLevels();
  const categories = useCategories();
  const tree = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const scope = Form.useWatch('scope', form) ?? 'category';
  const [productQ, setProductQ] = useState('');
  const productOptions = useQuery({
    queryKey: [PRODUCTS, 'list', { q: productQ, limit: 20 }],
    queryFn: () => api.get<Page<ProductSummary>>(PRODUCTS, { q: productQ || undefined, limit: 20 }),
    enabled: scope === 'products',
  });
  const [resolving, setResolving] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [emptyScope, setEmptyScope] = useState(false);

  const reprice = useAction((body: BulkLevelPricesIn) => api.post<{ affected: number }>(BULK_LEVEL_PRICES, body), {
    invalidate: [['/admin/sku-units']],
    success: false,
    form,
  });

  const submit = async (v: RepriceValues) => {
    setEmptyScope(false);
    const basisPoints = percentToBasisPoints(v.percent) ?? 0;
    const levelName = levels.data?.find((l) => l.id === v.levelId)?.name ?? '';
    const formula = t('catalog.reprice.formula', { level: levelName, base: t(`catalog.reprice.base.${v.base}`), percent: basisPointsToPercent(basisPoints) });
    let productIds: string[];
    let scopeText: string;
    if (v.scope === 'category') {
      setResolving(true);
      try {
        productIds = await productIdsInCategory(v.categoryId ?? '');
      } catch (err) {
        feedback.error(err);
        return;
      } finally {
        setResolving(false);
      }
      const name = categories.data?.find((c) => c.id === v.categoryId)?.name ?? '';
      scopeText = t('catalog.reprice.scopeCategory', { name, count: productIds.length });
    } else {
      productIds = (v.products ?? []).map((p) => p.value);
      scopeText = t('catalog.reprice.scopeProducts', { count: productIds.length });
    }
    if (productIds.length === 0) {
      setEmptyScope(true);
      return;
    }
    if (productIds.length > MAX_REPRICE_PRODUCTS) {
      form.setFields([{ name: 'categoryId', errors: [t('catalog.reprice.tooMany', { max: MAX_REPRICE_PRODUCTS })] }]);
      return;
    }
    modal.confirm({
      title: t('catalog.reprice.confirmTitle'),
      width: 480,
      content: (
        <Space direction="vertical" size={4} data-testid="reprice-confirm-text">
          <Typography.Text strong>{formula}</Typography.Text>
          <Typography.Text>{scopeText}</Typography.Text>
          <Typography.Text type="secondary">{t(`catalog.reprice.confirmHint.${v.base}`)}</Typography.Text>
        </Space>
      ),
      okText: t('catalog.reprice.apply'),
      okButtonProps: { 'data-testid': 'reprice-confirm' } as never,
      onOk: () =>
        reprice
          .mutateAsync({ levelId: v.levelId ?? '', base: v.base, basisPoints, productIds })
          .then((r) => setDone({ affected: r.affected, levelName, formula })),
    });
  };

  if (done) {
    return (
      <PageCard title={t('catalog.reprice.title')}>
        <Result
          status="success"
          title={<span data-testid="reprice-result">{t('catalog.reprice.done', { count: done.affected })}</span>}
          subTitle={<span data-testid="reprice-result-formula">{done.formula}</span>}
          extra={[
            <Button key="again" type="primary" data-testid="reprice-again" onClick={() => setDone(null)}>{t('catalog.reprice.again')}</Button>,
            <Button key="products" onClick={() => navigate('/products')}>{t('catalog.import.viewProducts')}</Button>,
          ]}
        >
          <Typography.Paragraph style={{ textAlign: 'center', marginBottom: 0 }}>
            {t('catalog.reprice.affected')}: <Typography.Text strong data-testid="reprice-affected">{done.affected}</Typography.Text>
          </Typography.Paragraph>
        </Result>
      </PageCard>
    );
  }

  if (levels.isLoading || categories.isLoading) return <PageCard title={t('catalog.reprice.title')}><Spin /></PageCard>;

  return (
    <PageCard title={t('catalog.reprice.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 24, maxWidth: 720 }} message={t('catalog.reprice.hint')} />
      <Form<RepriceValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ base: 'list', scope: 'category', percent: '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="levelId" label={t('catalog.reprice.level')} rules={[{ required: true, message: t('catalog.reprice.levelRequired') }]}>
          <Select
            data-testid="reprice-level"
            placeholder={t('catalog.reprice.levelPlaceholder')}
            options={(levels.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item name="base" label={t('catalog.reprice.baseLabel')}>
          <Radio.Group optionType="button">
            <Radio value="list"><span data-testid="reprice-base-list">{t('catalog.reprice.base.list')}</span></Radio>
            <Radio value="cost"><span data-testid="reprice-base-cost">{t('catalog.reprice.base.cost')}</span></Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="percent"
          label={t('catalog.reprice.percent')}
          extra={t('catalog.reprice.percentHint')}
          rules={[{ validator: async (_: unknown, v?: string) => { if (percentToBasisPoints(v) === null) throw new Error(t('catalog.reprice.percentRule')); } }]}
        >
          <Input data-testid="reprice-percent" suffix="%" placeholder="90" style={{ width: 160 }} inputMode="decimal" />
        </Form.Item>
        <Form.Item name="scope" label={t('catalog.reprice.scope')}>
          <Radio.Group onChange={() => setEmptyScope(false)}>
            <Radio value="category"><span data-testid="reprice-scope-category">{t('catalog.reprice.scopeOption.category')}</span></Radio>
            <Radio value="products"><span data-testid="reprice-scope-products">{t('catalog.reprice.scopeOption.products')}</span></Radio>
          </Radio.Group>
        </Form.Item>
        {scope === 'category' ? (
          <Form.Item name="categoryId" label={t('catalog.products.category')} extra={t('catalog.reprice.categoryHint')} rules={[{ required: true, message: t('catalog.reprice.categoryRequired') }]}>
            <TreeSelect
              data-testid="reprice-category"
              showSearch
              treeNodeFilterProp="title"
              treeData={tree}
              treeDefaultExpandAll
              placeholder={t('catalog.reprice.categoryPlaceholder')}
              style={{ width: 320 }}
              onChange={() => setEmptyScope(false)}
            />
          </Form.Item>
        ) : (
          <Form.Item name="products" label={t('catalog.reprice.products')} rules={[{ required: true, type: 'array', min: 1, message: t('catalog.reprice.productsRequired') }]}>
            <Select
              data-testid="reprice-products"
              mode="multiple"
              labelInValue
              showSearch
              filterOption={false}
              onSearch={setProductQ}
              onChange={() => setEmptyScope(false)}
              notFoundContent={productOptions.isFetching ? <Spin size="small" /> : undefined}
              placeholder={t('catalog.products.searchPlaceholder')}
              options={(productOptions.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        )}
        {emptyScope && <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="reprice-empty" message={t('catalog.reprice.empty')} />}
        <Button type="primary" htmlType="submit" data-testid="reprice-submit" loading={resolving || reprice.isPending}>
          {t('catalog.reprice.submit')}
        </Button>
      </Form>
    </PageCard>
  );
}

export default function RepricePage() {
  return <RequirePermission permission="prices.write"><BulkReprice /></RequirePermission>;
}
