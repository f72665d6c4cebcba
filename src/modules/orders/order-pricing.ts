import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { regions } from '../customers/customers.tables.js';
import { readSettings } from '../settings/settings.service.js';
import type { TenantSettings } from '../settings/settings.schema.js';
import type { PricedLine } from '../cart/sellables.js';
import { computeTotals, type Totals, type TotalsLine } from './domain/order-totals.js';
import { pickRule, shippingFee } from './domain/shipping-fee.js';

/** What pricing a cart or an order needs beyond its lines: the tenant's settings and the region tree for shipping. */
export interface PricingContext { settings: TenantSettings; parentOf: Map<string, string | null> }

export async function loadPricingContext(tx: Tx, tenantId: string): Promise<PricingContext> {
  const { settings } = await readSettings(tx, tenantId);
  const parentOf = new Map<string, string | null>();
  if (settings.shippingRules.length) {
    for (const r of await tx.select({ id: regions.id, parentId: regions.parentId }).from(regions).where(eq(regions.tenantId, tenantId))) parentOf.set(r.id, r.parentId);
  }
  return { settings, parentOf };
}

function regionPath(ctx: PricingContext, regionId: string | null): string[] {
  const path: string[] = [];
  for (let id = regionId; id && !path.includes(id); id = ctx.parentOf.get(id) ?? null) path.push(id);
  return path;
}

export const taxRateOf = (ctx: PricingContext, own: number | null) => own ?? ctx.settings.orders.defaultTaxRateBp;

/** Totals of priced lines delivered to `regionId` (undefined = no address chosen yet: no shipping). */
export function totalsOf(ctx: PricingContext, lines: readonly TotalsLine[], regionId: string | null | undefined): Totals {
  const rule = regionId === undefined ? undefined : pickRule(ctx.settings.shippingRules, regionPath(ctx, regionId));
  return computeTotals({ lines, promotions: [], shipping: rule === undefined ? undefined : (goods) => shippingFee(rule, goods) });
}

export const totalsLine = (ctx: PricingContext, key: string, l: PricedLine): TotalsLine => ({
  key, amountFen: l.amountFen, qty: l.qty, baseQty: l.qty * l.sellable.conversion, weightGrams: l.qty * l.sellable.weightGrams,
  taxRateBp: taxRateOf(ctx, l.sellable.taxRateBp),
});
