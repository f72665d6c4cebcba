import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CartLine } from '../api/cart';
import { formatFen } from '../lib/money';
import { problemText, stockCount } from '../lib/problem-text';
import { validQtyAtLeast, validQtyAtMost } from '../lib/quantity';
import { LineThumb } from './line-thumb';
import { QtyStepper } from './qty-stepper';

interface Props {
  line: CartLine;
  editable: boolean;
  onQty: (qty: number) => void;
  onRemove: () => void;
  onAcknowledge: () => void;
  /** another line of the cart holds the same SKU (in another unit): stock is shared, so no one-tap stock fix */
  sharesSku?: boolean;
}

const QTY_PROBLEMS = ['below_minimum', 'not_multiple'];

/**
 * One cart line: picture, name, spec, my unit price, the quantity stepper and delete. Problems the server
 * found are shown under it: blocking ones in red (with a one-tap fix for quantities, and down to what is in
 * stock), notices in orange (a price change with the old and new price, a backorder).
 */
export function CartLineItem({ line, editable, onQty, onRemove, onAcknowledge, sharesSku = false }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rule = { minQty: line.minQty, multiple: line.multiple };
  const fixQty = validQtyAtLeast(line.qty, rule);
  const blocked = line.problems.some((p) => p.blocking);
  // below_minimum and not_multiple often come together; one fix link answers both
  const fixOn = line.problems.find((p) => QTY_PROBLEMS.includes(p.code))?.code;
  // Short of stock: the most this line can have from what is left (base units → this unit, a valid quantity).
  const left = stockCount(line.problems.find((p) => p.code === 'out_of_stock')?.message ?? '');
  const stockFix = left === undefined || sharesSku ? 0 : validQtyAtMost(Math.floor(left / Math.max(1, line.conversion)), rule);
  return (
    <div className={blocked ? 'dh-cart-line dh-cart-line-blocked' : 'dh-cart-line'} data-testid="cart-line" data-sku-code={line.skuCode} data-line-id={line.id}>
      <LineThumb url={line.imageUrl} alt={line.productName} onClick={() => navigate(`/products/${line.productId}`)} />
      <div className="dh-cart-line-main">
        <div className="dh-product-name" data-testid="cart-line-name">{line.productName}</div>
        <div className="dh-muted dh-ellipsis">
          {[line.specText, line.skuCode].filter(Boolean).join(' · ')}
        </div>
        {line.conversion > 1 && (
          <div className="dh-muted">{t('catalog.conversion', { unit: line.unitName, count: line.conversion, base: line.baseUnit })}</div>
        )}
        <div className="dh-cart-line-foot">
          <span>
            <span className="dh-price-own" data-testid="cart-line-price">{formatFen(line.unitPriceFen)}</span>
            <span className="dh-muted">/{line.unitName}</span>
          </span>
          <QtyStepper value={line.qty} rule={rule} onChange={onQty} disabled={!editable} testId="cart-line-qty" />
        </div>
        <div className="dh-cart-line-foot">
          <span className="dh-muted">{t('cart.amount')} <span data-testid="cart-line-amount">{formatFen(line.amountFen)}</span></span>
          {editable && <a className="dh-link dh-link-small" data-testid="cart-line-remove" onClick={onRemove}>{t('common:action.delete')}</a>}
        </div>
        {line.problems.map((p) => (
          <div key={p.code} className={p.blocking ? 'dh-problem dh-problem-blocking' : 'dh-problem dh-problem-warning'} data-testid={`cart-problem-${p.code}`}>
            <span>
              {p.code === 'price_changed'
                ? t('cart.priceChanged', { old: formatFen(line.seenPriceFen), new: formatFen(line.unitPriceFen) })
                : problemText(t, p, line)}
            </span>
            {editable && p.code === 'price_changed' && (
              <a className="dh-link dh-link-small" data-testid="cart-acknowledge" onClick={onAcknowledge}>{t('cart.acknowledge')}</a>
            )}
            {editable && p.code === fixOn && fixQty !== line.qty && (
              <a className="dh-link dh-link-small" data-testid="cart-fix-qty" onClick={() => onQty(fixQty)}>{t('cart.fixTo', { qty: fixQty, unit: line.unitName })}</a>
            )}
            {editable && p.code === 'out_of_stock' && !fixOn && stockFix > 0 && stockFix < line.qty && (
              <a className="dh-link dh-link-small" data-testid="cart-fix-stock" onClick={() => onQty(stockFix)}>{t('cart.fixTo', { qty: stockFix, unit: line.unitName })}</a>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
