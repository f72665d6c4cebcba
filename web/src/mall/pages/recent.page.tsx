import { Empty } from 'antd-mobile';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { catalogApi, MALL_PRODUCTS, type MallProduct, type ProductSummary } from '../api/catalog';
import { PageLoading } from '../components/page-loading';
import { ProductRow } from '../components/product-row';
import { SubPage } from '../layout/sub-page';
import { recentList } from '../lib/local-list';

const summary = (p: MallProduct): ProductSummary => ({
  id: p.id, name: p.name, subtitle: p.subtitle, brandName: p.brandName, imageId: p.images[0]?.id ?? null, salesCount: 0,
  price: p.skus[0]?.units[0]?.price ?? null,
});

/** 最近浏览: the last 20 product pages opened on this device; products gone off shelf drop out. */
export default function RecentPage() {
  const { t } = useTranslation();
  const ids = recentList.useIds();
  const results = useQueries({ queries: ids.map((id) => ({ queryKey: [MALL_PRODUCTS, id], queryFn: () => catalogApi.product(id), retry: false })) });
  const loading = results.some((r) => r.isLoading);
  const items = results.map((r) => r.data).filter((p): p is MallProduct => Boolean(p)).map(summary);
  return (
    <SubPage title={t('catalog.recent')} right={ids.length > 0 && <a className="dh-link" data-testid="recent-clear" onClick={recentList.clear}>{t('catalog.clear')}</a>}>
      {ids.length === 0 && <Empty data-testid="recent-empty" description={t('catalog.recentEmpty')} style={{ padding: '48px 0' }} />}
      {items.length > 0 && <div className="dh-section" data-testid="recent">{items.map((item) => <ProductRow key={item.id} item={item} />)}</div>}
      {loading && <PageLoading />}
    </SubPage>
  );
}
