import { useTranslation } from 'react-i18next';
import type { Totals } from '../api/cart';
import { formatFen } from '../lib/money';

const percent = (bp: number) => String(bp / 100);

/** Goods, discounts, shipping and the tax each rate contains (prices include tax), then the total. */
export function TotalsBlock({ totals, extra }: { totals: Totals; extra?: { label: string; fen: number; testId: string }[] }) {
  const { t } = useTranslation();
  return (
    <div className="dh-totals" data-testid="totals">
      <div><span>{t('totals.goods')}</span><span data-testid="totals-goods">{formatFen(totals.goodsFen)}</span></div>
      {totals.adjustments.map((a, i) => (
        <div key={`${a.kind}-${i}`}><span>{a.label}</span><span>{formatFen(a.amountFen)}</span></div>
      ))}
      {totals.discountFen !== 0 && (
        <div><span>{t('totals.discount')}</span><span>-{formatFen(Math.abs(totals.discountFen))}</span></div>
      )}
      <div><span>{t('totals.shipping')}</span><span data-testid="totals-shipping">{totals.shippingFen === 0 ? t('totals.freeShipping') : formatFen(totals.shippingFen)}</span></div>
      {totals.taxes.filter((x) => x.taxFen > 0).map((x) => (
        <div key={x.rateBp} className="dh-muted"><span>{t('totals.tax', { rate: percent(x.rateBp) })}</span><span>{formatFen(x.taxFen)}</span></div>
      ))}
      <div className="dh-totals-total"><span>{t('totals.total')}</span><span className="dh-price-own" data-testid="totals-total">{formatFen(totals.totalFen)}</span></div>
      {extra?.map((e) => (
        <div key={e.testId}><span>{e.label}</span><span data-testid={e.testId}>{formatFen(e.fen)}</span></div>
      ))}
    </div>
  );
}
