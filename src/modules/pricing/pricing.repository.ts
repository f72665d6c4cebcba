import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/rows.js';
import type { SkuUnitPricing, Tier } from './domain/resolve-price.js';
import { customerPrices, priceTiers } from './pricing.tables.js';

/**
 * Price snapshots for many sell units at once, for one customer (or everyone when `customerId` is undefined,
 * as the console needs). One statement whatever the number of units: each unit's level, customer, tier and special
 * prices come back as JSON arrays beside it (a product page or a 1,000-line cart is one round trip, not five).
 */
export async function loadPricing(tx: Tx, tenantId: string, unitIds: string[], customerId?: string | null): Promise<Map<string, SkuUnitPricing>> {
  const out = new Map<string, SkuUnitPricing>();
  if (!unitIds.length) return out;
  const everyone = customerId === undefined;
  const customer = customerId ?? '';
  const rows = rowsOf<PricingRow>(await tx.execute(sql`
    select u.id, u.list_price_fen::text as list_price_fen,
      (select json_agg(json_build_object('l', l.level_id, 'm', l.mode, 'v', l.value::text)) from level_prices l
        where l.tenant_id = u.tenant_id and l.sku_unit_id = u.id) as levels,
      (select json_agg(json_build_object('c', c.customer_id, 'p', c.price_fen::text)) from customer_prices c
        where c.tenant_id = u.tenant_id and c.sku_unit_id = u.id and (${everyone} or c.customer_id = ${customer})) as customers,
      (select json_agg(json_build_object('s', t.source, 'r', t.ref_id, 'q', t.min_qty, 'p', t.price_fen::text) order by t.min_qty) from price_tiers t
        where t.tenant_id = u.tenant_id and t.sku_unit_id = u.id and (${everyone} or t.source <> 'customer' or t.ref_id = ${customer})) as tiers,
      (select json_agg(json_build_object('p', x.price_fen::text, 'a', x.starts_at, 'b', x.ends_at, 'l', x.level_ids)) from special_prices x
        where x.tenant_id = u.tenant_id and x.sku_unit_id = u.id) as specials
    from sku_units u where u.tenant_id = ${tenantId} and u.id = any(${sql.param(unitIds)}::text[])`));
  for (const r of rows) {
    const tiers = r.tiers ?? [];
    const tiersOf = (source: string, refId = ''): Tier[] => tiers.filter((t) => t.s === source && t.r === refId).map((t) => ({ minQty: t.q, priceFen: Number(t.p) }));
    out.set(r.id, {
      listPriceFen: Number(r.list_price_fen),
      listTiers: tiersOf('list'),
      levelPrices: (r.levels ?? []).map((l) => ({ levelId: l.l, mode: l.m, value: Number(l.v), tiers: tiersOf('level', l.l) })),
      customerPrices: (r.customers ?? []).map((c) => ({ customerId: c.c, priceFen: Number(c.p), tiers: tiersOf('customer', c.c) })),
      specialPrices: (r.specials ?? []).map((x) => ({ priceFen: Number(x.p), startsAt: new Date(x.a), endsAt: new Date(x.b), levelIds: x.l })),
    });
  }
  return out;
}

/** One unit's prices as the statement above returns them (bigints as text, so no precision is lost on the way). */
interface PricingRow {
  id: string;
  list_price_fen: string;
  levels: { l: string; m: 'price' | 'percent'; v: string }[] | null;
  customers: { c: string; p: string }[] | null;
  tiers: { s: 'list' | 'level' | 'customer'; r: string; q: number; p: string }[] | null;
  specials: { p: string; a: string; b: string; l: string[] }[] | null;
}

/** Price memory (价格记忆): a price staff set on an order becomes the customer's own price, without tiers. */
export async function rememberCustomerPriceTx(tx: Tx, tenantId: string, customerId: string, skuUnitId: string, priceFen: number) {
  await tx.insert(customerPrices).values({ tenantId, skuUnitId, customerId, priceFen })
    .onConflictDoUpdate({ target: [customerPrices.tenantId, customerPrices.skuUnitId, customerPrices.customerId], set: { priceFen } });
  await tx.delete(priceTiers).where(and(eq(priceTiers.tenantId, tenantId), eq(priceTiers.skuUnitId, skuUnitId), eq(priceTiers.source, 'customer'), eq(priceTiers.refId, customerId)));
}
