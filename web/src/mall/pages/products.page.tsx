import { Button, Empty, ErrorBlock, InfiniteScroll, NavBar, Popup, Selector } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../shared/api/error-message';
import { catalogApi, MALL_PRODUCTS, type SearchFilters, type SortKey, useBrandNames, useCategories, useProductSearch } from '../api/catalog';
import { PageLoading } from '../components/page-loading';
import { ProductRow } from '../components/product-row';
import { SearchEntry } from '../components/search-entry';
import { TextInput } from '../components/text-input';
import { fenToYuan, yuanToFen } from '../lib/money';

const SORTS: SortKey[] = ['relevance', 'sales', 'newest'];
const num = (s: string | null) => (s && /^\d+$/.test(s) ? Number(s) : undefined);

/** 商品列表: search words, category, brand, price range and 仅看有货 live in the address; pages load as you scroll. */
export default function ProductsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters: SearchFilters = {
    q: params.get('q') || undefined,
    categoryId: params.get('categoryId') || undefined,
    brandId: params.get('brandId') || undefined,
    minPriceFen: num(params.get('minPriceFen')),
    maxPriceFen: num(params.get('maxPriceFen')),
    sort: (params.get('sort') as SortKey | null) ?? 'relevance',
    inStock: params.get('inStock') === 'true' || undefined,
  };
  const list = useProductSearch(filters);
  // Brand choices come from the same search without the brand filter, so the other brands stay offered.
  const facetQuery = { ...filters, brandId: undefined, sort: undefined, limit: 1 };
  const facets = useQuery({ queryKey: [MALL_PRODUCTS, 'facets', facetQuery], queryFn: () => catalogApi.search(facetQuery) });
  const brandIds = (facets.data?.facets.brands ?? []).map((b) => b.id);
  const brandNames = useBrandNames(brandIds);
  const categories = useCategories();
  const category = categories.data?.find((c) => c.id === filters.categoryId);

  const [filterOpen, setFilterOpen] = useState(false);
  const [brand, setBrand] = useState<string | undefined>();
  const [minText, setMinText] = useState('');
  const [maxText, setMaxText] = useState('');

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  const openFilter = () => {
    setBrand(filters.brandId);
    setMinText(fenToYuan(filters.minPriceFen));
    setMaxText(fenToYuan(filters.maxPriceFen));
    setFilterOpen(true);
  };
  const applyFilter = () => {
    let min = yuanToFen(minText);
    let max = yuanToFen(maxText);
    if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
    update({ brandId: brand, minPriceFen: min, maxPriceFen: max });
    setFilterOpen(false);
  };
  const priceSort = filters.sort === 'price_asc' || filters.sort === 'price_desc';
  const filterCount = [filters.brandId, filters.minPriceFen, filters.maxPriceFen].filter((v) => v !== undefined).length;

  return (
    <>
      <div className="dh-navbar dh-navbar-wide">
        <NavBar onBack={() => navigate(-1)}>
          {filters.q || !category ? <SearchEntry q={filters.q} testId="results-search" /> : <span data-testid="results-category">{category.name}</span>}
        </NavBar>
        <div className="dh-sortbar" data-testid="sortbar">
          {SORTS.map((s) => (
            <button type="button" key={s} data-testid={`sort-${s}`} className={filters.sort === s ? 'active' : ''} onClick={() => update({ sort: s === 'relevance' ? undefined : s })}>
              {t(`catalog.sort.${s}`)}
            </button>
          ))}
          <button type="button" data-testid="sort-price" className={priceSort ? 'active' : ''} onClick={() => update({ sort: filters.sort === 'price_asc' ? 'price_desc' : 'price_asc' })}>
            {t('catalog.sort.price')}{filters.sort === 'price_asc' ? '↑' : filters.sort === 'price_desc' ? '↓' : '↕'}
          </button>
          <button type="button" data-testid="only-in-stock" aria-pressed={Boolean(filters.inStock)} className={filters.inStock ? 'active' : ''} onClick={() => update({ inStock: filters.inStock ? undefined : 'true' })}>
            {t('catalog.stock.onlyInStock')}
          </button>
          <button type="button" data-testid="open-filter" className={filterCount ? 'active' : ''} onClick={openFilter}>
            {t('catalog.filter')}{filterCount ? ` ${filterCount}` : ''}
          </button>
        </div>
      </div>

      {list.isLoading && <PageLoading />}
      {list.error && !list.items.length && <ErrorBlock status="default" title={errorMessage(list.error, t)} description="" />}
      {!list.isLoading && !list.error && list.items.length === 0 && <Empty data-testid="results-empty" description={t('catalog.noResults')} style={{ padding: '48px 0' }} />}
      {list.items.length > 0 && (
        <div className="dh-section" data-testid="results">
          {list.items.map((item) => <ProductRow key={item.id} item={item} />)}
        </div>
      )}
      {!list.isLoading && list.items.length > 0 && (
        <InfiniteScroll loadMore={list.loadMore} hasMore={Boolean(list.hasMore)}>
          {list.hasMore ? t('common:message.loading') : t('common:message.noMore')}
        </InfiniteScroll>
      )}

      <Popup visible={filterOpen} onMaskClick={() => setFilterOpen(false)} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '80vh', overflowY: 'auto' }}>
        <div className="dh-filter" data-testid="filter-panel">
          <div className="dh-filter-title">{t('catalog.brand')}</div>
          {brandIds.length === 0
            ? <div className="dh-muted">{t('catalog.noBrands')}</div>
            : (
              <Selector
                columns={3}
                value={brand ? [brand] : []}
                onChange={(v) => setBrand(v[0])}
                options={(facets.data?.facets.brands ?? []).map((b) => ({ value: b.id, label: <span data-testid="filter-brand">{brandNames.data?.[b.id] ?? '…'}</span>, description: String(b.count) }))}
              />
            )}
          <div className="dh-filter-title">{t('catalog.priceRange')}</div>
          <div className="dh-price-range">
            <TextInput testId="filter-min" value={minText} onChange={setMinText} inputMode="decimal" placeholder={t('catalog.minYuan')} clearable={false} />
            <span>—</span>
            <TextInput testId="filter-max" value={maxText} onChange={setMaxText} inputMode="decimal" placeholder={t('catalog.maxYuan')} clearable={false} />
          </div>
          <div className="dh-filter-actions">
            <Button block data-testid="filter-reset" onClick={() => { setBrand(undefined); setMinText(''); setMaxText(''); }}>{t('common:action.reset')}</Button>
            <Button block color="primary" data-testid="filter-apply" onClick={applyFilter}>{t('common:action.confirm')}</Button>
          </div>
        </div>
      </Popup>
    </>
  );
}
