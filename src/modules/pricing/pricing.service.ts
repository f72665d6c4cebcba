import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, notFound, type FieldError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { categories, products, skus, skuUnits } from '../catalog/catalog.tables.js';
import { customersInScope } from '../customers/index.js';
import { customerLevels, customers } from '../customers/customers.tables.js';
import { percentOf } from './domain/money.js';
import { descendantsOf } from '../catalog/domain/category-tree.js';
import type { Tier } from './domain/resolve-price.js';
import { validateTiers } from './domain/tiers.js';
import { loadPricing } from './pricing.repository.js';
import type { UnitPricesIn } from './pricing.schemas.js';
import { customerPrices, levelPrices, priceTiers, specialPrices } from './pricing.tables.js';

function tierErrors(tiers: Tier[], path: string): FieldError[] {
  const problem = validateTiers(tiers);
  return problem ? [{ path, message: problem }] : [];
}

const outOf = (skuUnitId: string, p: Awaited<ReturnType<typeof loadPricing>> extends Map<string, infer V> ? V : never) => ({
  skuUnitId, ...p, specialPrices: p.specialPrices.map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
});

async function scopedCustomer(tx: Tx, ctx: Ctx<Operator>, customerId: string) {
  const [c] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, customerId), customersInScope(ctx.actor)));
  if (!c) throw notFound('customer');
}

export function createPricingService(database: Database) {
  async function unitExists(tx: Tx, tenantId: string, id: string) {
    const [u] = await tx.select({ id: skuUnits.id }).from(skuUnits).where(and(eq(skuUnits.tenantId, tenantId), eq(skuUnits.id, id)));
    if (!u) throw notFound('sku unit');
  }
  async function read(tx: Tx, tenantId: string, id: string) {
    return outOf(id, (await loadPricing(tx, tenantId, [id])).get(id)!);
  }

  return {
    get: (ctx: Ctx<Operator>, skuUnitId: string) => database.tx(ctx.tenantId, async (tx) => {
      await unitExists(tx, ctx.tenantId, skuUnitId);
      return read(tx, ctx.tenantId, skuUnitId);
    }),

    /** Replaces the list tiers, level prices and special prices of one unit. */
    set: (ctx: Ctx<Operator>, skuUnitId: string, input: UnitPricesIn) => database.tx(ctx.tenantId, async (tx) => {
      await unitExists(tx, ctx.tenantId, skuUnitId);
      const errors: FieldError[] = [...tierErrors(input.listTiers, 'body.listTiers')];
      const levelIds = input.levelPrices.map((l) => l.levelId);
      if (new Set(levelIds).size !== levelIds.length) errors.push({ path: 'body.levelPrices', message: 'a level appears twice' });
      const known = levelIds.length ? await tx.select({ id: customerLevels.id }).from(customerLevels).where(and(eq(customerLevels.tenantId, ctx.tenantId), inArray(customerLevels.id, levelIds))) : [];
      input.levelPrices.forEach((l, i) => {
        if (!known.some((k) => k.id === l.levelId)) errors.push({ path: `body.levelPrices.${i}.levelId`, message: 'unknown level' });
        if (l.mode === 'percent' && l.value > 10000) errors.push({ path: `body.levelPrices.${i}.value`, message: 'a level price is at most 100 % of the list price' });
        errors.push(...tierErrors(l.tiers, `body.levelPrices.${i}.tiers`));
      });
      input.specialPrices.forEach((s, i) => {
        if (new Date(s.endsAt) <= new Date(s.startsAt)) errors.push({ path: `body.specialPrices.${i}.endsAt`, message: 'must be after startsAt' });
      });
      if (errors.length) throw new AppError('validation_failed', { message: 'the prices are not valid', errors });

      const before = await read(tx, ctx.tenantId, skuUnitId);
      const mine = (t: typeof levelPrices | typeof specialPrices) => and(eq(t.tenantId, ctx.tenantId), eq(t.skuUnitId, skuUnitId));
      await tx.delete(levelPrices).where(mine(levelPrices));
      await tx.delete(specialPrices).where(mine(specialPrices));
      await tx.delete(priceTiers).where(and(eq(priceTiers.tenantId, ctx.tenantId), eq(priceTiers.skuUnitId, skuUnitId), sql`${priceTiers.source} <> 'customer'`));
      const tierRows = [
        ...input.listTiers.map((t) => ({ source: 'list' as const, refId: '', ...t })),
        ...input.levelPrices.flatMap((l) => l.tiers.map((t) => ({ source: 'level' as const, refId: l.levelId, ...t }))),
      ];
      if (tierRows.length) await tx.insert(priceTiers).values(tierRows.map((t) => ({ tenantId: ctx.tenantId, skuUnitId, ...t })));
      if (input.levelPrices.length) await tx.insert(levelPrices).values(input.levelPrices.map((l) => ({ tenantId: ctx.tenantId, skuUnitId, levelId: l.levelId, mode: l.mode, value: l.value })));
      if (input.specialPrices.length) {
        await tx.insert(specialPrices).values(input.specialPrices.map((s) => ({
          tenantId: ctx.tenantId, id: newId(), skuUnitId, priceFen: s.priceFen, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), levelIds: s.levelIds,
        })));
      }
      const after = await read(tx, ctx.tenantId, skuUnitId);
      await recordAudit(tx, ctx, { action: 'prices.update', entityType: 'sku_unit', entityId: skuUnitId, before, after });
      return after;
    }),

    /** 一客一价 for one customer in the operator's scope. */
    setCustomerPrice: (ctx: Ctx<Operator>, customerId: string, skuUnitId: string, input: { priceFen: number; tiers: Tier[] }) => database.tx(ctx.tenantId, async (tx) => {
      const [c] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, customerId), customersInScope(ctx.actor)));
      if (!c) throw notFound('customer');
      await unitExists(tx, ctx.tenantId, skuUnitId);
      const errors = tierErrors(input.tiers, 'body.tiers');
      // A quantity break that does not lower the customer's own price would never apply (the resolver never raises a price).
      if (!errors.length && input.tiers.some((t) => t.priceFen >= input.priceFen)) errors.push({ path: 'body.tiers', message: 'tier_not_below_base' });
      if (errors.length) throw new AppError('validation_failed', { message: 'the tiers are not valid', errors });
      const before = (await read(tx, ctx.tenantId, skuUnitId)).customerPrices.find((p) => p.customerId === customerId) ?? null;
      await tx.insert(customerPrices).values({ tenantId: ctx.tenantId, skuUnitId, customerId, priceFen: input.priceFen })
        .onConflictDoUpdate({ target: [customerPrices.tenantId, customerPrices.skuUnitId, customerPrices.customerId], set: { priceFen: input.priceFen } });
      await tx.delete(priceTiers).where(and(eq(priceTiers.tenantId, ctx.tenantId), eq(priceTiers.skuUnitId, skuUnitId), eq(priceTiers.source, 'customer'), eq(priceTiers.refId, customerId)));
      if (input.tiers.length) await tx.insert(priceTiers).values(input.tiers.map((t) => ({ tenantId: ctx.tenantId, skuUnitId, source: 'customer' as const, refId: customerId, ...t })));
      const after = { customerId, priceFen: input.priceFen, tiers: input.tiers };
      await recordAudit(tx, ctx, { action: 'prices.customer_price', entityType: 'sku_unit', entityId: skuUnitId, before, after });
      return after;
    }),

    /** Every 一客一价 of one customer, with what it applies to. */
    listCustomerPrices: (ctx: Ctx<Operator>, customerId: string) => database.tx(ctx.tenantId, async (tx) => {
      await scopedCustomer(tx, ctx, customerId);
      const rows = await tx.select({ skuUnitId: customerPrices.skuUnitId, priceFen: customerPrices.priceFen, unitName: skuUnits.name, listPriceFen: skuUnits.listPriceFen,
        skuCode: skus.code, specValues: skus.specValues, productId: products.id, productName: products.name })
        .from(customerPrices)
        .innerJoin(skuUnits, and(eq(skuUnits.tenantId, customerPrices.tenantId), eq(skuUnits.id, customerPrices.skuUnitId)))
        .innerJoin(skus, and(eq(skus.tenantId, skuUnits.tenantId), eq(skus.id, skuUnits.skuId)))
        .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId)))
        .where(and(eq(customerPrices.tenantId, ctx.tenantId), eq(customerPrices.customerId, customerId))).orderBy(skus.code, skuUnits.conversion);
      const tiers = rows.length ? await tx.select().from(priceTiers).where(and(eq(priceTiers.tenantId, ctx.tenantId), eq(priceTiers.source, 'customer'), eq(priceTiers.refId, customerId))) : [];
      return { items: rows.map((r) => ({
        skuUnitId: r.skuUnitId, productId: r.productId, productName: r.productName, skuCode: r.skuCode, specText: r.specValues.join(' / '), unitName: r.unitName,
        listPriceFen: Number(r.listPriceFen), priceFen: Number(r.priceFen),
        tiers: tiers.filter((t) => t.skuUnitId === r.skuUnitId).map((t) => ({ minQty: t.minQty, priceFen: Number(t.priceFen) })).sort((a, b) => a.minQty - b.minQty),
      })) };
    }),

    /** Removes a customer's own price: the level or list price applies again. */
    deleteCustomerPrice: (ctx: Ctx<Operator>, customerId: string, skuUnitId: string) => database.tx(ctx.tenantId, async (tx) => {
      await scopedCustomer(tx, ctx, customerId);
      const gone = await tx.delete(customerPrices).where(and(eq(customerPrices.tenantId, ctx.tenantId), eq(customerPrices.customerId, customerId), eq(customerPrices.skuUnitId, skuUnitId))).returning();
      if (!gone.length) throw notFound('customer price');
      await tx.delete(priceTiers).where(and(eq(priceTiers.tenantId, ctx.tenantId), eq(priceTiers.skuUnitId, skuUnitId), eq(priceTiers.source, 'customer'), eq(priceTiers.refId, customerId)));
      await recordAudit(tx, ctx, { action: 'prices.customer_price_delete', entityType: 'sku_unit', entityId: skuUnitId, before: { customerId, priceFen: Number(gone[0].priceFen) }, after: null });
    }),

    /** Bulk repricing: one level's price on many products = list or cost price × basis points. */
    bulkLevelPrices: (ctx: Ctx<Operator>, input: { levelId: string; base: 'list' | 'cost'; basisPoints: number; productIds?: string[]; categoryId?: string }) =>
      database.tx(ctx.tenantId, async (tx) => {
        const [level] = await tx.select({ id: customerLevels.id }).from(customerLevels).where(and(eq(customerLevels.tenantId, ctx.tenantId), eq(customerLevels.id, input.levelId)));
        if (!level) throw new AppError('validation_failed', { message: 'unknown level', errors: [{ path: 'body.levelId', message: 'unknown level' }] });
        let categoryIds: string[] | undefined;
        if (input.categoryId) {
          const all = await tx.select({ id: categories.id, parentId: categories.parentId }).from(categories).where(eq(categories.tenantId, ctx.tenantId));
          if (!all.some((c) => c.id === input.categoryId)) throw new AppError('validation_failed', { message: 'unknown category', errors: [{ path: 'body.categoryId', message: 'unknown category' }] });
          // A category means it and everything below it, as in the product list.
          categoryIds = descendantsOf(new Map(all.map((c) => [c.id, c.parentId])), input.categoryId);
        }
        const units = await tx.select({ id: skuUnits.id, list: skuUnits.listPriceFen, cost: skus.costPriceFen, conversion: skuUnits.conversion }).from(skuUnits)
          .innerJoin(skus, and(eq(skus.tenantId, skuUnits.tenantId), eq(skus.id, skuUnits.skuId)))
          .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId)))
          .where(and(eq(skuUnits.tenantId, ctx.tenantId),
            input.productIds ? inArray(products.id, input.productIds) : undefined,
            categoryIds ? inArray(products.categoryId, categoryIds) : undefined));
        for (const u of units) {
          // Cost is per base unit: a carton of 12 costs 12 × the bottle's cost.
          const base = input.base === 'list' ? Number(u.list) : Number(u.cost) * u.conversion;
          const value = percentOf(base, input.basisPoints);
          await tx.insert(levelPrices).values({ tenantId: ctx.tenantId, skuUnitId: u.id, levelId: input.levelId, mode: 'price', value })
            .onConflictDoUpdate({ target: [levelPrices.tenantId, levelPrices.skuUnitId, levelPrices.levelId], set: { mode: 'price', value } });
        }
        await recordAudit(tx, ctx, { action: 'prices.bulk_level', entityType: 'customer_level', entityId: input.levelId, after: { ...input, units: units.length } });
        return { affected: units.length };
      }),
  };
}

export type PricingService = ReturnType<typeof createPricingService>;
