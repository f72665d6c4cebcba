import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { MallSku, MallStock } from '../api/catalog';

/** Out of stock and the product refuses orders beyond stock: nothing can be added to the cart. */
export const soldOut = (stock: MallStock | undefined) => stock?.status === 'out_of_stock' && stock.policy === 'block';

/**
 * The selected SKU's stock on the product page: 有货, 库存 N瓶 (when the company shows exact stock) or 缺货,
 * with a 预售 tag for pre-order products and 可缺货下单 when a backorder product is out of stock.
 * Nothing when the company keeps no stock.
 */
export function StockLine({ sku }: { sku: MallSku }) {
  const { t } = useTranslation();
  const { status, available, policy } = sku.stock;
  if (status === 'untracked') return null;
  const out = status === 'out_of_stock';
  const text = out
    ? t('catalog.stock.outOfStock')
    : available !== null ? t('catalog.stock.available', { count: available, unit: sku.baseUnit }) : t('catalog.stock.inStock');
  return (
    <div className="dh-stock-line" data-testid="stock-line" data-status={status}>
      <span className={out ? 'dh-stock-out' : 'dh-stock-in'} data-testid="stock-status">{text}</span>
      {policy === 'preorder' && <span data-testid="stock-preorder"><Tag color="warning" fill="outline">{t('catalog.stock.preorder')}</Tag></span>}
      {policy === 'backorder' && out && <span className="dh-muted" data-testid="stock-backorder">{t('catalog.stock.backorder')}</span>}
    </div>
  );
}
