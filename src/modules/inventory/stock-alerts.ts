import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor, Ctx, MemberActor } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { products, skus } from '../catalog/catalog.tables.js';
import { loadBuyer } from '../cart/sellables.js';
import { visibleFor } from '../cart/domain/line-checks.js';
import { availableBySku } from './availability.js';
import { stockAlerts } from './inventory.tables.js';

/**
 * When stock of a SKU arrives and some is available, every open 缺货登记 for it is marked notified and one
 * `stock.arrived` event goes to the outbox (in the same transaction) for the notifications worker to deliver.
 */
export async function notifyArrivals(tx: Tx, tenantId: string, skuId: string, actor: Actor) {
  const open = await tx.select().from(stockAlerts).where(and(eq(stockAlerts.tenantId, tenantId), eq(stockAlerts.skuId, skuId), isNull(stockAlerts.notifiedAt)));
  if (!open.length) return;
  const available = (await availableBySku(tx, tenantId, [skuId]))?.get(skuId) ?? 0;
  if (available <= 0) return;
  await tx.update(stockAlerts).set({ notifiedAt: new Date() }).where(and(eq(stockAlerts.tenantId, tenantId), eq(stockAlerts.skuId, skuId), isNull(stockAlerts.notifiedAt)));
  await emitEvent(tx, tenantId, { topic: 'stock.arrived', aggregateType: 'sku', aggregateId: skuId, payload: { skuId, available, memberIds: open.map((a) => a.memberId), by: actor.id } });
}

type Member = Ctx<MemberActor>;

export function createStockAlertsService(database: Database) {
  const list = (tx: Tx, ctx: Member) => tx.select({ id: stockAlerts.id, skuId: stockAlerts.skuId, skuCode: skus.code, productId: products.id, productName: products.name, createdAt: stockAlerts.createdAt, notifiedAt: stockAlerts.notifiedAt })
    .from(stockAlerts).innerJoin(skus, and(eq(skus.tenantId, stockAlerts.tenantId), eq(skus.id, stockAlerts.skuId)))
    .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId)))
    .where(and(eq(stockAlerts.tenantId, ctx.tenantId), eq(stockAlerts.memberId, ctx.actor.id))).orderBy(desc(stockAlerts.id));
  const out = (r: Awaited<ReturnType<typeof list>>[number]) => ({ ...r, createdAt: r.createdAt.toISOString(), notifiedAt: r.notifiedAt?.toISOString() ?? null });

  return {
    list: (ctx: Member) => database.tx(ctx.tenantId, async (tx) => ({ items: (await list(tx, ctx)).map(out) })),

    /** Registers (or re-opens) interest in a SKU the member can see. */
    add: (ctx: Member, skuId: string) => database.tx(ctx.tenantId, async (tx) => {
      const [s] = await tx.select({ visibleTypes: products.visibleTypes, visibleLevelIds: products.visibleLevelIds, onShelf: products.onShelf }).from(skus)
        .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId))).where(and(eq(skus.tenantId, ctx.tenantId), eq(skus.id, skuId)));
      if (!s || !s.onShelf || !visibleFor(s, await loadBuyer(tx, ctx.tenantId, ctx.actor.customerId))) throw notFound('product');
      await tx.insert(stockAlerts).values({ tenantId: ctx.tenantId, id: newId(), customerId: ctx.actor.customerId, memberId: ctx.actor.id, skuId })
        .onConflictDoUpdate({ target: [stockAlerts.tenantId, stockAlerts.memberId, stockAlerts.skuId], set: { notifiedAt: null } });
      return out((await list(tx, ctx)).find((a) => a.skuId === skuId)!);
    }),

    remove: (ctx: Member, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const gone = await tx.delete(stockAlerts).where(and(eq(stockAlerts.tenantId, ctx.tenantId), eq(stockAlerts.memberId, ctx.actor.id), eq(stockAlerts.id, id))).returning({ id: stockAlerts.id });
      if (!gone.length) throw notFound('stock alert');
    }),
  };
}
