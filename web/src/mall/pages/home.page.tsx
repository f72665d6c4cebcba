import { Button, Card, Empty, ErrorBlock, NavBar, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/api/error-message';
import { useTenant } from '../../shared/hooks/use-tenant';
import { catalogApi, MALL_PRODUCTS, useCategories } from '../api/catalog';
import { useOptionalMember } from '../auth/use-optional-member';
import { PageLoading } from '../components/page-loading';
import { ProductRow } from '../components/product-row';
import { SearchEntry } from '../components/search-entry';

/** 首页: search, ordering shortcuts for members, the top-level categories, and 为你推荐 (best sellers). Guests may browse. */
export default function HomePage() {
  const { t } = useTranslation();
  const tenant = useTenant();
  const me = useOptionalMember();
  const navigate = useNavigate();
  const categories = useCategories();
  const top = (categories.data ?? []).filter((c) => !c.parentId);
  const picks = useQuery({ queryKey: [MALL_PRODUCTS, 'home-picks'], queryFn: () => catalogApi.search({ sort: 'sales', limit: 20 }) });

  return (
    <>
      <div className="dh-navbar">
        <NavBar backIcon={false} data-testid="home-title">{tenant.data?.name ?? t('common:brand')}</NavBar>
        <div style={{ padding: '0 12px 10px' }}><SearchEntry testId="home-search" /></div>
      </div>
      <div className="dh-section">
        {me ? (
          <Card>
            <div style={{ fontSize: 16, fontWeight: 600 }} data-testid="greeting">{t('home.greeting', { name: me.name })}</div>
            <div style={{ marginTop: 6, display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
              <span data-testid="home-company">{me.customer.name}</span>
              <Tag color="primary" fill="outline">{t(`common:customerType.${me.customer.type}`)}</Tag>
              {me.customer.levelName && <Tag color="warning" fill="outline">{me.customer.levelName}</Tag>}
            </div>
            <div className="dh-home-quick">
              <Button size="small" color="primary" data-testid="home-quick-order" onClick={() => navigate('/quick-order')}>{t('quick.title')}</Button>
              <Button size="small" data-testid="home-saved-lists" onClick={() => navigate('/me/lists')}>{t('lists.title')}</Button>
              <Button size="small" data-testid="home-orders" onClick={() => navigate('/orders')}>{t('orders.title')}</Button>
            </div>
          </Card>
        ) : me === null ? (
          <Card>
            <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
              <div style={{ flex: 1 }} className="dh-muted">{t('home.guestHint')}</div>
              <Button size="small" color="primary" data-testid="home-login" onClick={() => navigate('/login')}>{t('login.submit')}</Button>
            </div>
          </Card>
        ) : null}
      </div>
      {top.length > 0 && (
        <div className="dh-section dh-shortcuts" data-testid="home-categories">
          {top.map((c) => (
            <button type="button" key={c.id} className="dh-shortcut" data-testid="home-category" onClick={() => navigate(`/products?categoryId=${c.id}`)}>
              <span className="dh-shortcut-icon">{c.icon || c.name.slice(0, 1)}</span>
              <span className="dh-ellipsis">{c.name}</span>
            </button>
          ))}
          <button type="button" className="dh-shortcut" data-testid="home-all-categories" onClick={() => navigate('/categories')}>
            <span className="dh-shortcut-icon">…</span>
            <span className="dh-ellipsis">{t('catalog.allCategories')}</span>
          </button>
        </div>
      )}
      <div className="dh-section-title">{t('home.recommended')}</div>
      <div className="dh-section" data-testid="home-recommended">
        {picks.isLoading && <PageLoading />}
        {picks.error && <ErrorBlock status="default" title={errorMessage(picks.error, t)} description="" />}
        {picks.data?.items.length === 0 && <Empty data-testid="home-empty" description={t('home.nothingYet')} style={{ padding: '48px 0' }} />}
        {picks.data?.items.map((item) => <ProductRow key={item.id} item={item} />)}
        {picks.data?.nextCursor && (
          <Button block fill="none" data-testid="home-more" onClick={() => navigate('/products?sort=sales')}>{t('catalog.seeAll')}</Button>
        )}
      </div>
    </>
  );
}
