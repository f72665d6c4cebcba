import { useTranslation } from 'react-i18next';
import type { MallPrice } from '../api/catalog';
import { formatFen } from '../lib/money';

/** The member's own price, the list price struck through when higher; hidden prices ask a guest to log in. */
export function PriceTag({ price, size = 'normal', testId = 'price' }: { price: MallPrice | null; size?: 'normal' | 'large'; testId?: string }) {
  const { t } = useTranslation();
  if (!price) return <span className="dh-price-hidden" data-testid={`${testId}-hidden`}>{t('catalog.priceHidden')}</span>;
  return (
    <span className={size === 'large' ? 'dh-price dh-price-large' : 'dh-price'}>
      <span className="dh-price-own" data-testid={testId}>{formatFen(price.priceFen)}</span>
      {price.listPriceFen > price.priceFen && <del className="dh-price-list" data-testid={`${testId}-list`}>{formatFen(price.listPriceFen)}</del>}
    </span>
  );
}
