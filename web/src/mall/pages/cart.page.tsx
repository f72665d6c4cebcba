import { Button, Dialog, Empty, ErrorBlock, NavBar, NoticeBar, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/api/error-message';
import { CART_KEY, cartApi, type CartView, useCart } from '../api/cart';
import { CHECKOUT } from '../api/checkout';
import { SAVED_LISTS, savedListsApi } from '../api/saved-lists';
import { useMember } from '../auth/use-member';
import { CartLineItem } from '../components/cart-line-item';
import { PageLoading } from '../components/page-loading';
import { PromptDialog } from '../components/prompt-dialog';
import { TabFooter } from '../components/tab-footer';
import { TotalsBlock } from '../components/totals-block';
import { useAction } from '../hooks/use-action';
import { useCartWriter } from '../hooks/use-cart-writer';
import { formatFen } from '../lib/money';

const withQty = (cart: CartView, { id, qty }: { id: string; qty: number }): CartView => ({
  ...cart,
  lines: cart.lines.map((l) => (l.id === id ? { ...l, qty, amountFen: l.unitPriceFen * qty } : l)),
});
const without = (cart: CartView, id: string): CartView => ({ ...cart, lines: cart.lines.filter((l) => l.id !== id) });

/** 购物车: every line re-checked by the server, problems per line, totals, and the way to checkout. */
export default function CartPage() {
  const { t } = useTranslation();
  const me = useMember();
  const navigate = useNavigate();
  const cart = useCart();
  const [naming, setNaming] = useState(false);

  const setQty = useCartWriter(cartApi.setQty, { preview: withQty });
  const remove = useCartWriter(cartApi.remove, { preview: without });
  const acknowledge = useCartWriter(() => cartApi.acknowledgePrices());
  const clear = useAction(cartApi.clear, { success: t('cart.cleared'), invalidate: [CART_KEY, [CHECKOUT]] });
  const saveList = useAction((name: string) => savedListsApi.create({ name }), {
    success: t('cart.listSaved'),
    invalidate: [[SAVED_LISTS]],
    onSuccess: () => setNaming(false),
  });

  const confirmClear = async () => {
    if (await Dialog.confirm({ content: t('cart.clearConfirm') })) clear.mutate(undefined);
  };
  const confirmRemove = async (id: string) => {
    if (await Dialog.confirm({ content: t('cart.removeConfirm') })) remove.run(id);
  };

  const view = cart.data;
  const lines = view?.lines ?? [];
  const blockedCount = lines.filter((l) => l.problems.some((p) => p.blocking)).length;
  const skuLines = new Map<string, number>();
  for (const l of lines) skuLines.set(l.skuId, (skuLines.get(l.skuId) ?? 0) + 1);
  const canCheckout = me.canEdit && lines.length > 0 && !view?.blocking;
  const tryCheckout = () => {
    if (canCheckout) navigate('/checkout');
    else if (view?.blocking) Toast.show({ content: t('cart.blockingHint') });
  };

  return (
    <>
      <div className="dh-navbar">
        <NavBar backIcon={false} right={me.canEdit && lines.length > 0 && <a className="dh-link" data-testid="cart-clear" onClick={() => void confirmClear()}>{t('cart.clear')}</a>}>
          {t('cart.title')}
        </NavBar>
      </div>
      <div className="dh-cart-tools">
        {me.canEdit && <Button size="small" data-testid="to-quick-order" onClick={() => navigate('/quick-order')}>{t('quick.title')}</Button>}
        <Button size="small" data-testid="to-saved-lists" onClick={() => navigate('/me/lists')}>{t('lists.title')}</Button>
        {me.canEdit && lines.length > 0 && <Button size="small" data-testid="cart-save-list" onClick={() => setNaming(true)}>{t('cart.saveAsList')}</Button>}
      </div>
      {!me.canEdit && <NoticeBar content={t('cart.viewerCannotOrder')} color="info" wrap />}
      {cart.isLoading && <PageLoading />}
      {cart.error && <ErrorBlock status="default" title={errorMessage(cart.error, t)} description="" />}
      {view && lines.length === 0 && (
        <div data-testid="cart-empty" style={{ padding: '48px 0', textAlign: 'center' }}>
          <Empty description={t('cart.empty')} />
          <Button color="primary" fill="outline" onClick={() => navigate('/')}>{t('cart.goShopping')}</Button>
        </div>
      )}
      {blockedCount > 0 && (
        <NoticeBar data-testid="cart-blocking" color="alert" wrap content={t('cart.blockedLines', { count: blockedCount })} />
      )}
      {lines.length > 0 && (
        <div className="dh-section" data-testid="cart-lines">
          {lines.map((line) => (
            <CartLineItem
              key={line.id}
              line={line}
              editable={me.canEdit}
              onQty={(qty) => setQty.run({ id: line.id, qty })}
              onRemove={() => void confirmRemove(line.id)}
              onAcknowledge={() => acknowledge.run(undefined)}
              sharesSku={(skuLines.get(line.skuId) ?? 0) > 1}
            />
          ))}
        </div>
      )}
      {view && lines.length > 0 && (
        <div className="dh-section">
          <TotalsBlock totals={view.totals} />
          <div className="dh-muted dh-pad" style={{ paddingTop: 0 }}>{t('cart.shippingHint')}</div>
        </div>
      )}
      {view && lines.length > 0 && (
        <TabFooter>
          <div className="dh-submit-bar" data-testid="cart-bar">
            <div className="dh-submit-bar-sum">
              <span>{t('totals.total')}</span>
              <span className="dh-price-own" data-testid="cart-total">{formatFen(view.totals.totalFen)}</span>
              <span className="dh-muted">{t('cart.lineCount', { count: lines.length })}</span>
            </div>
            <Button color="primary" data-testid="cart-checkout" disabled={!canCheckout} onClick={tryCheckout}>
              {t('cart.checkout')}
            </Button>
          </div>
        </TabFooter>
      )}
      <PromptDialog
        visible={naming}
        title={t('cart.saveAsList')}
        placeholder={t('cart.listNamePlaceholder')}
        required
        maxLength={40}
        busy={saveList.isPending}
        testId="list-name"
        onConfirm={(name) => saveList.mutate(name)}
        onClose={() => setNaming(false)}
      />
    </>
  );
}
