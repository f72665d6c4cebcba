import { Button, Empty, NavBar } from 'antd-mobile';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { catalogApi, MALL_PRODUCTS, type MallProduct } from '../api/catalog';
import { PageLoading } from '../components/page-loading';
import { PriceTag } from '../components/price-tag';
import { ProductThumb } from '../components/product-thumb';
import { compareList } from '../lib/local-list';

/** The price shown for a product in a comparison: its first SKU in its first unit. */
const firstUnit = (p: MallProduct) => p.skus[0]?.units[0];

/** 商品对比: up to 4 products side by side, parameters aligned by name; scrolls sideways on a phone. */
export default function ComparePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ids = compareList.useIds();
  const results = useQueries({ queries: ids.map((id) => ({ queryKey: [MALL_PRODUCTS, id], queryFn: () => catalogApi.product(id) })) });
  const loading = results.some((r) => r.isLoading);
  const products = results.map((r) => r.data).filter((p): p is MallProduct => Boolean(p));
  const paramNames = [...new Set(products.flatMap((p) => p.params.map((x) => x.name)))];

  return (
    <>
      <div className="dh-navbar">
        <NavBar onBack={() => navigate(-1)} right={ids.length > 0 && <a className="dh-link" data-testid="compare-clear" onClick={compareList.clear}>{t('catalog.clear')}</a>}>
          {t('catalog.compare')}
        </NavBar>
      </div>
      <div className="dh-page-body">
        {ids.length === 0 && <Empty data-testid="compare-empty" description={t('catalog.compareEmpty')} style={{ padding: '48px 0' }} />}
        {loading && <PageLoading />}
        {products.length > 0 && (
          <div className="dh-section dh-compare-scroll" data-testid="compare-table">
            <table className="dh-compare">
              <tbody>
                <tr>
                  <th />
                  {products.map((p) => (
                    <td key={p.id} data-testid="compare-col">
                      <div onClick={() => navigate(`/products/${p.id}`)} role="link">
                        <ProductThumb imageId={p.images[0]?.id} size="100%" alt={p.name} />
                      </div>
                      <Button size="mini" fill="none" data-testid="compare-remove" onClick={() => compareList.remove(p.id)}>{t('common:action.delete')}</Button>
                    </td>
                  ))}
                </tr>
                <tr>
                  <th>{t('catalog.name')}</th>
                  {products.map((p) => <td key={p.id} className="dh-compare-name" data-testid="compare-name">{p.name}</td>)}
                </tr>
                <tr>
                  <th>{t('catalog.price')}</th>
                  {products.map((p) => {
                    const unit = firstUnit(p);
                    return (
                      <td key={p.id}>
                        {unit ? <div className="dh-price-line"><PriceTag price={unit.price} testId="compare-price" /><span className="dh-muted">/{unit.name}</span></div> : '—'}
                      </td>
                    );
                  })}
                </tr>
                <tr>
                  <th>{t('catalog.brand')}</th>
                  {products.map((p) => <td key={p.id}>{p.brandName ?? '—'}</td>)}
                </tr>
                <tr>
                  <th>{t('catalog.category')}</th>
                  {products.map((p) => <td key={p.id}>{p.categoryName ?? '—'}</td>)}
                </tr>
                {paramNames.map((name) => (
                  <tr key={name} data-testid="compare-param-row">
                    <th>{name}</th>
                    {products.map((p) => <td key={p.id}>{p.params.find((x) => x.name === name)?.value ?? '—'}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!loading && products.length < ids.length && (
          <div className="dh-muted" style={{ padding: '0 16px' }}>{t('catalog.someGone')}</div>
        )}
      </div>
    </>
  );
}
