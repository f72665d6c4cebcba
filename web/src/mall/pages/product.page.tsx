import { Badge, Button, Dialog, ErrorBlock, NavBar, Selector, Swiper, Toast } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../shared/api/error-message';
import { cartApi, showCart, useCart } from '../api/cart';
import { catalogApi, imageUrl, MALL_FAVOURITES, MALL_PRODUCTS, type MallProduct, type MallSku, useProduct } from '../api/catalog';
import { useOptionalMember } from '../auth/use-optional-member';
import { CartIcon, HeartIcon, ImageIcon } from '../components/icons';
import { PageLoading } from '../components/page-loading';
import { PriceTag } from '../components/price-tag';
import { QtyStepper } from '../components/qty-stepper';
import { soldOut, StockLine } from '../components/stock-line';
import { StockAlertButton } from '../components/stock-alert-button';
import { useAction } from '../hooks/use-action';
import { compareList, recentList } from '../lib/local-list';
import { formatFen } from '../lib/money';
import { firstValidQty } from '../lib/quantity';

/** The SKU whose spec values match the chosen ones; else the first SKU having the value just picked. */
function pickSku(product: MallProduct, values: string[], changed?: number): MallSku | undefined {
  const exact = product.skus.find((s) => values.every((v, i) => s.specValues[i] === v));
  if (exact || changed === undefined) return exact;
  return product.skus.find((s) => s.specValues[changed] === values[changed]);
}

/** 商品详情: pictures, variant and unit pickers, my price with quantity breaks, parameters, description, instructions. */
export default function ProductPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const product = useProduct(id);
  const member = useOptionalMember();
  const qc = useQueryClient();
  const compareIds = compareList.useIds();
  const [skuId, setSkuId] = useState<string>();
  const [unitId, setUnitId] = useState<string>();
  /** undefined: the unit's first valid quantity (起订量 rounded to its 倍数) */
  const [qty, setQty] = useState<number>();
  const cart = useCart(Boolean(member));
  const cartLines = cart.data?.lines.length ?? 0;

  useEffect(() => {
    if (product.data) recentList.pushFront(product.data.id);
  }, [product.data?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const favourite = useAction(catalogApi.setFavourite, {
    invalidate: [[MALL_FAVOURITES]],
    success: false,
    onSuccess: () => void qc.invalidateQueries({ queryKey: [MALL_PRODUCTS, id] }),
  });
  const addToCart = useAction(cartApi.add, {
    success: t('cart.added'),
    onSuccess: (view) => showCart(qc, view),
  });

  if (product.isLoading) return <><Bar title={t('catalog.product')} /><PageLoading /></>;
  if (product.error || !product.data) {
    return (
      <>
        <Bar title={t('catalog.product')} />
        <ErrorBlock data-testid="product-error" status="empty" title={errorMessage(product.error, t)} description="" />
      </>
    );
  }
  const p = product.data;
  const sku = p.skus.find((s) => s.id === skuId) ?? p.skus[0];
  const unit = sku?.units.find((u) => u.id === unitId) ?? sku?.units[0];
  const inCompare = compareIds.includes(p.id);
  /** out of stock and not to be ordered beyond stock: the add button says 缺货 and does nothing */
  const unavailable = soldOut(sku?.stock);

  const chooseSpec = (index: number, value: string) => {
    const values = [...(sku?.specValues ?? [])];
    values[index] = value;
    const next = pickSku(p, values, index);
    if (next) {
      setSkuId(next.id);
      setQty(undefined);
      if (!next.units.some((u) => u.name === unit?.name)) setUnitId(undefined);
      else setUnitId(next.units.find((u) => u.name === unit?.name)?.id);
    }
  };
  const toggleFavourite = async () => {
    if (!member) {
      const go = await Dialog.confirm({ content: t('catalog.loginForFavourite'), confirmText: t('login.submit') });
      if (go) navigate(`/login?next=${encodeURIComponent(`/products/${p.id}`)}`);
      return;
    }
    favourite.mutate({ id: p.id, on: !p.favourite }, {
      onSuccess: () => Toast.show({ content: p.favourite ? t('catalog.unfavourited') : t('catalog.favourited') }),
    });
  };
  const canOrder = !member || member.memberRole !== 'viewer' || member.isAdmin;
  const shownQty = unit ? (qty ?? firstValidQty(unit)) : 1;
  const add = async () => {
    if (!unit || unavailable) return;
    if (!member) {
      const go = await Dialog.confirm({ content: t('cart.loginToAdd'), confirmText: t('login.submit') });
      if (go) navigate(`/login?next=${encodeURIComponent(`/products/${p.id}`)}`);
      return;
    }
    addToCart.mutate({ skuUnitId: unit.id, qty: shownQty });
  };
  const toggleCompare = () => {
    if (inCompare) {
      compareList.remove(p.id);
      return;
    }
    if (!compareList.add(p.id)) {
      Toast.show({ content: t('catalog.compareFull', { max: compareList.max }) });
      return;
    }
    Toast.show({ content: t('catalog.compareAdded', { count: compareList.get().length }) });
  };

  return (
    <>
      <Bar title={t('catalog.product')} right={compareIds.length > 0 && <a className="dh-link" data-testid="to-compare" onClick={() => navigate('/compare')}>{t('catalog.compare')} {compareIds.length}</a>} />
      <div className="dh-page-body" data-testid="product-page">
        <div className="dh-gallery" data-testid="gallery">
          {p.images.length > 0 ? (
            <Swiper indicatorProps={{ color: 'white' }} loop={p.images.length > 1}>
              {p.images.map((img) => (
                <Swiper.Item key={img.id}><img src={imageUrl(img.id, 'large')} alt={p.name} /></Swiper.Item>
              ))}
            </Swiper>
          ) : <div className="dh-gallery-empty" data-testid="gallery-placeholder"><ImageIcon /><span>{t('catalog.noImage')}</span></div>}
        </div>

        <div className="dh-section dh-pad">
          <div className="dh-price-line">
            {unit ? <PriceTag price={unit.price} size="large" testId="product-price" /> : null}
            {unit?.price && <span className="dh-muted" data-testid="price-unit">/{unit.name}</span>}
          </div>
          <h1 className="dh-product-title" data-testid="product-name">{p.name}</h1>
          {p.subtitle && <div className="dh-muted" data-testid="product-subtitle">{p.subtitle}</div>}
          <div className="dh-muted" style={{ marginTop: 4 }}>
            {p.brandName && <span data-testid="product-brand">{t('catalog.brand')}：{p.brandName}</span>}
            {sku && <span style={{ marginLeft: 12 }}>{t('catalog.skuCode')}：{sku.code}</span>}
          </div>
          {unit && unit.tiers.length > 0 && (
            <table className="dh-tiers" data-testid="tiers">
              <thead><tr><th>{t('catalog.tierQty')}</th><th>{t('catalog.tierPrice')}</th></tr></thead>
              <tbody>
                {unit.tiers.map((tier) => (
                  <tr key={tier.minQty} data-testid="tier-row">
                    <td>≥{tier.minQty} {unit.name}</td>
                    <td>{formatFen(tier.priceFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>

        <div className="dh-section dh-pad">
          {p.specs.map((spec, i) => (
            <div key={spec.name} className="dh-picker-row" data-testid="spec-row">
              <div className="dh-picker-label">{spec.name}</div>
              <Selector
                showCheckMark={false}
                value={sku?.specValues[i] ? [sku.specValues[i]] : []}
                onChange={(v) => v[0] && chooseSpec(i, v[0])}
                options={spec.values.map((v) => {
                  const values = [...(sku?.specValues ?? [])];
                  values[i] = v;
                  const exists = p.skus.some((s) => s.specValues[i] === v);
                  const exact = p.skus.find((s) => values.every((x, j) => s.specValues[j] === x));
                  const description = !exact ? t('catalog.otherCombination') : soldOut(exact.stock) ? t('catalog.stock.outOfStock') : undefined;
                  return { value: v, label: <span data-testid="spec-value">{v}</span>, disabled: !exists, description };
                })}
              />
            </div>
          ))}
          {sku && (
            <div className="dh-picker-row" data-testid="unit-row">
              <div className="dh-picker-label">{t('catalog.unit')}</div>
              <Selector
                showCheckMark={false}
                value={unit ? [unit.id] : []}
                onChange={(v) => { if (v[0]) { setUnitId(v[0]); setQty(undefined); } }}
                options={sku.units.map((u) => ({ value: u.id, label: <span data-testid={`unit-${u.name}`}>{u.name}</span> }))}
              />
              {unit && unit.conversion > 1 && (
                <div className="dh-muted" data-testid="unit-conversion">{t('catalog.conversion', { unit: unit.name, count: unit.conversion, base: sku.baseUnit })}</div>
              )}
            </div>
          )}
          {unit && (
            <div className="dh-muted" data-testid="order-rule" style={{ marginTop: 8 }}>
              {unit.multiple > 1
                ? t('catalog.minAndMultiple', { min: unit.minQty, unit: unit.name, multiple: unit.multiple })
                : t('catalog.minOnly', { min: unit.minQty, unit: unit.name })}
            </div>
          )}
          {sku && <StockLine sku={sku} />}
          {sku && member && unavailable && <div className="dh-pad" style={{ paddingTop: 0 }}><StockAlertButton skuId={sku.id} /></div>}
          {unit && canOrder && !unavailable && (
            <div className="dh-picker-row dh-qty-row" data-testid="qty-row">
              <div className="dh-picker-label">{t('cart.quantity')}</div>
              <QtyStepper value={shownQty} rule={unit} onChange={setQty} testId="product-qty" />
            </div>
          )}
        </div>

        {p.params.length > 0 && (
          <div className="dh-section">
            <div className="dh-block-title">{t('catalog.params')}</div>
            <table className="dh-params" data-testid="params">
              <tbody>
                {p.params.map((row) => <tr key={row.name}><th>{row.name}</th><td>{row.value}</td></tr>)}
              </tbody>
            </table>
          </div>
        )}
        {p.descriptionHtml.trim() && (
          <div className="dh-section">
            <div className="dh-block-title">{t('catalog.description')}</div>
            {/* Sanitized by the server (src/modules/catalog/html.ts). */}
            <div className="dh-rich" data-testid="description" dangerouslySetInnerHTML={{ __html: p.descriptionHtml }} />
          </div>
        )}
        {p.instructions.trim() && (
          <div className="dh-section">
            <div className="dh-block-title">{t('catalog.instructions')}</div>
            <div className="dh-pad" style={{ whiteSpace: 'pre-wrap', paddingTop: 0 }} data-testid="instructions">{p.instructions}</div>
          </div>
        )}
      </div>

      <div className="dh-action-bar">
        <button type="button" className={p.favourite ? 'dh-action-icon active' : 'dh-action-icon'} data-testid="favourite-toggle" data-favourite={p.favourite ? 'yes' : 'no'} onClick={() => void toggleFavourite()} disabled={favourite.isPending}>
          <HeartIcon filled={p.favourite} />
          <span>{p.favourite ? t('catalog.favourited') : t('catalog.favourite')}</span>
        </button>
        {member && (
          <button type="button" className="dh-action-icon" data-testid="to-cart" onClick={() => navigate('/cart')}>
            <Badge content={cartLines > 0 ? (cartLines > 99 ? '99+' : cartLines) : null} style={{ '--right': '-4px', '--top': '2px' } as React.CSSProperties}>
              <CartIcon />
            </Badge>
            <span>{t('tab.cart')}</span>
          </button>
        )}
        <Button style={{ flex: 1 }} color="primary" fill={inCompare ? 'solid' : 'outline'} data-testid="compare-toggle" onClick={toggleCompare}>
          {inCompare ? t('catalog.inCompare') : t('catalog.addCompare')}
        </Button>
        {canOrder && (
          <Button style={{ flex: 1 }} color="danger" data-testid="add-to-cart" disabled={unavailable} loading={addToCart.isPending} onClick={() => void add()}>
            {unavailable ? t('catalog.stock.outOfStock') : t('cart.add')}
          </Button>
        )}
      </div>
    </>
  );
}

function Bar({ title, right }: { title: string; right?: React.ReactNode }) {
  const navigate = useNavigate();
  return (
    <div className="dh-navbar">
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))} right={right}>{title}</NavBar>
    </div>
  );
}
