import type { Tier } from '../../api/catalog';
import type { SkuPick } from '../../api/orders';

/** One 一客一价 as GET /admin/customers/:id/prices lists it. */
export interface CustomerPrice {
  skuUnitId: string;
  productId?: string;
  productName: string;
  skuCode: string;
  specText: string;
  unitName: string;
  listPriceFen: number;
  priceFen: number;
  tiers: Tier[];
}

/** A sell unit on the tab: one with an own price, or one of a SKU looked up here (`pick`). */
export interface PriceRow {
  skuUnitId: string;
  productName: string;
  skuCode: string;
  specText: string;
  unitName: string;
  pick?: SkuPick;
}

export const customerPricesPath = (customerId: string) => `/admin/customers/${customerId}/prices`;

/** Looked-up SKUs first (newest on top, every unit), then the customer's other own prices in the server's order. */
export function priceRows(picks: SkuPick[], own: CustomerPrice[]): PriceRow[] {
  const picked: PriceRow[] = picks.flatMap((pick) =>
    pick.units.map((u) => ({ skuUnitId: u.skuUnitId, productName: pick.productName, skuCode: pick.skuCode, specText: pick.specText ?? '', unitName: u.name, pick })));
  const seen = new Set(picked.map((r) => r.skuUnitId));
  const rest: PriceRow[] = own
    .filter((p) => !seen.has(p.skuUnitId))
    .map((p) => ({ skuUnitId: p.skuUnitId, productName: p.productName, skuCode: p.skuCode, specText: p.specText, unitName: p.unitName }));
  return [...picked, ...rest];
}
