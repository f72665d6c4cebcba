import { Empty, ErrorBlock } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/api/error-message';
import { catalogApi, MALL_FAVOURITES } from '../api/catalog';
import { PageLoading } from '../components/page-loading';
import { ProductRow } from '../components/product-row';
import { SubPage } from '../layout/sub-page';

/** 我的收藏: the member's favourite products with their own prices. */
export default function FavouritesPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: [MALL_FAVOURITES], queryFn: catalogApi.favourites });
  const items = list.data?.items ?? [];
  return (
    <SubPage title={t('catalog.favourites')}>
      {list.isLoading && <PageLoading />}
      {list.error && <ErrorBlock status="default" title={errorMessage(list.error, t)} description="" />}
      {list.data && items.length === 0 && <Empty data-testid="favourites-empty" description={t('catalog.favouritesEmpty')} style={{ padding: '48px 0' }} />}
      {items.length > 0 && <div className="dh-section" data-testid="favourites">{items.map((item) => <ProductRow key={item.id} item={item} />)}</div>}
    </SubPage>
  );
}
