import { App, Button, Dropdown, Image, Input, Modal, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api/client';
import { useCursorList } from '../../../shared/hooks/use-cursor-list';
import { formatDateTime } from '../../../shared/lib/format';
import {
  type BulkAction,
  categoryTree,
  formatFen,
  imageThumb,
  PRODUCTS,
  type ProductSummary,
  triggerDownload,
  useBrands,
  useCategories,
} from '../../api/catalog';
import { RequirePermission } from '../../auth/require-permission';
import { useStaff } from '../../auth/use-staff';
import { LoadMore } from '../../components/load-more';
import { PageCard } from '../../components/page-card';
import { useCatalogAction } from './use-catalog-action';

interface Filters {
  q?: string;
  categoryId?: string;
  brandId?: string;
  onShelf?: 'true' | 'false';
}

/** 商品: search, filter, bulk shelf/category/delete, export the filter, and the way to the editor and the import. */
function Products() {
  const { t } = useTranslation();
  const me = useStaff();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const categories = useCategories();
  const brands = useBrands();
  const [filters, setFilters] = useState<Filters>({});
  const list = useCursorList<ProductSummary>(PRODUCTS, { ...filters });
  const [selected, setSelected] = useState<string[]>([]);
  const [settingCategory, setSettingCategory] = useState(false);
  const [targetCategory, setTargetCategory] = useState<string | undefined>();
  const canWrite = me.can('catalog.write');
  const tree = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);

  const bulk = useCatalogAction(
    (v: { action: BulkAction; categoryId?: string | null }) => api.post<{ affected: number }>(`${PRODUCTS}/bulk`, { ids: selected, ...v }),
    {
      invalidate: [[PRODUCTS], ['/admin/categories'], ['/admin/brands']],
      success: false,
      onSuccess: () => {
        setSelected([]);
        setSettingCategory(false);
      },
    },
  );
  const { message } = App.useApp();

  const runBulk = (action: BulkAction) => {
    if (action === 'set_category') {
      setTargetCategory(undefined);
      setSettingCategory(true);
      return;
    }
    modal.confirm({
      title: t(`catalog.products.bulkConfirm.${action}`, { count: selected.length }),
      okButtonProps: { danger: action === 'delete', 'data-testid': 'bulk-confirm' } as never,
      onOk: () => bulk.mutateAsync({ action }).then((r) => void message.success(t('catalog.products.bulkDone', { count: r.affected }))),
    });
  };

  const columns = [
    {
      title: t('catalog.products.image'),
      dataIndex: 'imageId',
      width: 72,
      render: (id: string | null) =>
        id ? (
          <Image src={imageThumb(id)} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} preview={false} />
        ) : (
          <div style={{ width: 48, height: 48, background: '#f5f5f5', borderRadius: 4 }} />
        ),
    },
    {
      title: t('catalog.products.name'),
      dataIndex: 'name',
      render: (v: string, p: ProductSummary) => (
        <div>
          <Link to={`/products/${p.id}`} data-testid="product-name">{v}</Link>
          {p.subtitle && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{p.subtitle}</Typography.Text>}
        </div>
      ),
    },
    { title: t('catalog.products.category'), dataIndex: 'categoryName', render: (v: string | null) => v ?? '—' },
    { title: t('catalog.products.brand'), dataIndex: 'brandName', render: (v: string | null) => v ?? '—' },
    { title: t('catalog.products.skuCount'), dataIndex: 'skuCount', width: 80 },
    { title: t('catalog.products.minListPrice'), dataIndex: 'minListPriceFen', align: 'right' as const, render: (v: number | null) => <span data-testid="product-price">{formatFen(v)}</span> },
    {
      title: t('catalog.products.onShelf'),
      dataIndex: 'onShelf',
      render: (v: boolean) => (v ? <Tag color="green">{t('catalog.products.shelfOn')}</Tag> : <Tag>{t('catalog.products.shelfOff')}</Tag>),
    },
    { title: t('catalog.products.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
  ];

  const exportQuery = { q: filters.q, categoryId: filters.categoryId, brandId: filters.brandId, onShelf: filters.onShelf };

  return (
    <PageCard
      title={t('menu.products')}
      extra={
        <Space wrap>
          <Button data-testid="product-export" onClick={() => triggerDownload(`${PRODUCTS}/export.xlsx`, exportQuery)}>{t('catalog.products.export')}</Button>
          {canWrite && <Button data-testid="product-import" onClick={() => navigate('/imports')}>{t('catalog.products.import')}</Button>}
          {canWrite && <Button type="primary" data-testid="product-create" onClick={() => navigate('/products/new')}>{t('catalog.products.create')}</Button>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          data-testid="product-search"
          placeholder={t('catalog.products.searchPlaceholder')}
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
          style={{ width: 300 }}
        />
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          data-testid="product-filter-category"
          placeholder={t('catalog.products.category')}
          style={{ width: 180 }}
          value={filters.categoryId}
          treeData={tree}
          treeDefaultExpandAll
          onChange={(categoryId?: string) => setFilters((f) => ({ ...f, categoryId }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          data-testid="product-filter-brand"
          placeholder={t('catalog.products.brand')}
          style={{ width: 160 }}
          value={filters.brandId}
          onChange={(brandId?: string) => setFilters((f) => ({ ...f, brandId }))}
          options={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
        />
        <Select
          allowClear
          data-testid="product-filter-shelf"
          placeholder={t('catalog.products.onShelf')}
          style={{ width: 120 }}
          value={filters.onShelf}
          onChange={(onShelf?: 'true' | 'false') => setFilters((f) => ({ ...f, onShelf }))}
          options={[
            { value: 'true', label: t('catalog.products.shelfOn') },
            { value: 'false', label: t('catalog.products.shelfOff') },
          ]}
        />
      </Space>
      {canWrite && selected.length > 0 && (
        <Space style={{ marginBottom: 12 }} data-testid="bulk-bar">
          <Typography.Text>{t('catalog.products.selected', { count: selected.length })}</Typography.Text>
          <Button size="small" data-testid="bulk-shelf-on" onClick={() => runBulk('shelf_on')}>{t('catalog.products.bulk.shelf_on')}</Button>
          <Button size="small" data-testid="bulk-shelf-off" onClick={() => runBulk('shelf_off')}>{t('catalog.products.bulk.shelf_off')}</Button>
          <Button size="small" data-testid="bulk-set-category" onClick={() => runBulk('set_category')}>{t('catalog.products.bulk.set_category')}</Button>
          <Dropdown menu={{ items: [{ key: 'delete', danger: true, label: t('catalog.products.bulk.delete'), onClick: () => runBulk('delete') }] }}>
            <Button size="small" danger data-testid="bulk-more">{t('catalog.products.bulk.more')}</Button>
          </Dropdown>
        </Space>
      )}
      <Table<ProductSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.isLoading}
        pagination={false}
        scroll={{ x: 960 }}
        rowSelection={canWrite ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
        onRow={(p) => ({ 'data-testid': 'product-row', 'data-product-id': p.id, onDoubleClick: () => navigate(`/products/${p.id}`) }) as HTMLAttributes<HTMLElement>}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoad={list.loadMore} error={list.error} />
      <Modal
        open={settingCategory}
        title={t('catalog.products.bulk.set_category')}
        onCancel={() => setSettingCategory(false)}
        confirmLoading={bulk.isPending}
        okButtonProps={{ 'data-testid': 'bulk-category-save' } as never}
        onOk={() => bulk.mutateAsync({ action: 'set_category', categoryId: targetCategory ?? null }).then((r) => void message.success(t('catalog.products.bulkDone', { count: r.affected })))}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('catalog.products.setCategoryHint', { count: selected.length })}</Typography.Paragraph>
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          style={{ width: '100%' }}
          treeData={tree}
          treeDefaultExpandAll
          value={targetCategory}
          placeholder={t('catalog.products.noCategory')}
          onChange={(v?: string) => setTargetCategory(v)}
        />
      </Modal>
    </PageCard>
  );
}

export default function ProductsPage() {
  return <RequirePermission permission="catalog.read"><Products /></RequirePermission>;
}
