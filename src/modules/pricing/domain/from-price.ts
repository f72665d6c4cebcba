import { resolvePrice, type PriceCustomer, type SkuUnitPricing } from './resolve-price.js';

/**
 * The "from" price of a product card: the lowest price this customer pays for one of the given units (its enabled
 * base units) at quantity 1, with the list price of that unit; on a tie, the unit with the lower list price. Null
 * when there is no unit. The search's SQL (price-sql.ts fromPriceWithListSql) gives the same answer.
 */
export function lowestUnitPrice(units: SkuUnitPricing[], customer: PriceCustomer | null, at: Date): { priceFen: number; listPriceFen: number } | null {
  let best: { priceFen: number; listPriceFen: number } | null = null;
  for (const p of units) {
    const r = resolvePrice(p, 1, customer, at);
    if (!best || r.unitPriceFen < best.priceFen || (r.unitPriceFen === best.priceFen && r.listPriceFen < best.listPriceFen)) {
      best = { priceFen: r.unitPriceFen, listPriceFen: r.listPriceFen };
    }
  }
  return best;
}
