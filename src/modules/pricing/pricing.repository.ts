import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { skuUnits } from '../catalog/catalog.tables.js';
import type { SkuUnitPricing, Tier } from './domain/resolve-price.js';
import { customerPrices, levelPrices, priceTiers, specialPrices } from './pricing.tables.js';

/**
 * Price snapshots for many sell units at once, for one customer (or everyone when `customerId` is undefined,
 * as the console needs). Four queries whatever the number of units: lists and product pages stay fast.
 */
export async function loadPricing(tx: Tx, tenantId: string, unitIds: string[], customerId?: string | null): Promise<Map<string, SkuUnitPricing>> {
  const out = new Map<string, SkuUnitPricing>();
  if (!unitIds.length) return out;
  const units = await tx.select({ id: skuUnits.id, listPriceFen: skuUnits.listPriceFen }).from(skuUnits)
    .where(and(eq(skuUnits.tenantId, tenantId), inArray(skuUnits.id, unitIds)));
  for (const u of units) out.set(u.id, { listPriceFen: Number(u.listPriceFen), listTiers: [], levelPrices: [], customerPrices: [], specialPrices: [] });

  const forCustomer = customerId === undefined ? undefined : eq(customerPrices.customerId, customerId ?? '');
  const tierRefs = customerId === undefined ? undefined : or(eq(priceTiers.source, 'list'), eq(priceTiers.source, 'level'), eq(priceTiers.refId, customerId ?? ''));
  const [levels, customers, tiers, specials] = [
    await tx.select().from(levelPrices).where(and(eq(levelPrices.tenantId, tenantId), inArray(levelPrices.skuUnitId, unitIds))),
    await tx.select().from(customerPrices).where(and(eq(customerPrices.tenantId, tenantId), inArray(customerPrices.skuUnitId, unitIds), forCustomer)),
    await tx.select().from(priceTiers).where(and(eq(priceTiers.tenantId, tenantId), inArray(priceTiers.skuUnitId, unitIds), tierRefs)),
    await tx.select().from(specialPrices).where(and(eq(specialPrices.tenantId, tenantId), inArray(specialPrices.skuUnitId, unitIds))),
  ];
  // Group every row by its unit once: a 1,000-line cart must not scan every price list per unit.
  const group = <T extends { skuUnitId: string }>(rows: T[]) => {
    const by = new Map<string, T[]>();
    for (const r of rows) (by.get(r.skuUnitId) ?? by.set(r.skuUnitId, []).get(r.skuUnitId)!).push(r);
    return by;
  };
  const tiersBy = new Map<string, Tier[]>();
  for (const t of tiers) {
    const k = `${t.skuUnitId}\u0000${t.source}\u0000${t.refId}`;
    (tiersBy.get(k) ?? tiersBy.set(k, []).get(k)!).push({ minQty: t.minQty, priceFen: Number(t.priceFen) });
  }
  for (const list of tiersBy.values()) list.sort((a, b) => a.minQty - b.minQty);
  const tiersOf = (unitId: string, source: 'list' | 'level' | 'customer', refId = ''): Tier[] => tiersBy.get(`${unitId}\u0000${source}\u0000${refId}`) ?? [];
  const levelsBy = group(levels);
  const customersBy = group(customers);
  const specialsBy = group(specials);
  for (const [id, p] of out) {
    p.listTiers = tiersOf(id, 'list');
    p.levelPrices = (levelsBy.get(id) ?? []).map((l) => ({ levelId: l.levelId, mode: l.mode, value: Number(l.value), tiers: tiersOf(id, 'level', l.levelId) }));
    p.customerPrices = (customersBy.get(id) ?? []).map((c) => ({ customerId: c.customerId, priceFen: Number(c.priceFen), tiers: tiersOf(id, 'customer', c.customerId) }));
    p.specialPrices = (specialsBy.get(id) ?? []).map((x) => ({ priceFen: Number(x.priceFen), startsAt: x.startsAt, endsAt: x.endsAt, levelIds: x.levelIds }));
  }
  return out;
}

/** Sets one level's fixed price on one unit, inside the caller's transaction (Excel import). */
export async function upsertLevelPriceTx(tx: Tx, tenantId: string, skuUnitId: string, levelId: string, priceFen: number) {
  await tx.insert(levelPrices).values({ tenantId, skuUnitId, levelId, mode: 'price', value: priceFen })
    .onConflictDoUpdate({ target: [levelPrices.tenantId, levelPrices.skuUnitId, levelPrices.levelId], set: { mode: 'price', value: priceFen } });
}

/** Price memory (价格记忆): a price staff set on an order becomes the customer's own price, without tiers. */
export async function rememberCustomerPriceTx(tx: Tx, tenantId: string, customerId: string, skuUnitId: string, priceFen: number) {
  await tx.insert(customerPrices).values({ tenantId, skuUnitId, customerId, priceFen })
    .onConflictDoUpdate({ target: [customerPrices.tenantId, customerPrices.skuUnitId, customerPrices.customerId], set: { priceFen } });
  await tx.delete(priceTiers).where(and(eq(priceTiers.tenantId, tenantId), eq(priceTiers.skuUnitId, skuUnitId), eq(priceTiers.source, 'customer'), eq(priceTiers.refId, customerId)));
}
