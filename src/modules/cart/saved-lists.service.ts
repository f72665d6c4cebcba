import { and, desc, eq } from 'drizzle-orm';
import type { Ctx, MemberActor } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { cartLines, savedLists } from './cart.tables.js';
import { loadBuyer, loadSellables } from './sellables.js';
import type { CartService } from './cart.service.js';

type Member = Ctx<MemberActor>;
type ListRow = typeof savedLists.$inferSelect;
const MAX_LISTS = 50;

/** 常购清单: lists shared by the members of one company. */
export function createSavedListsService(database: Database, cart: CartService) {
  async function describe(tx: Tx, ctx: Member, rows: ListRow[]) {
    const buyer = await loadBuyer(tx, ctx.tenantId, ctx.actor.customerId);
    const sellables = await loadSellables(tx, ctx.tenantId, rows.flatMap((r) => r.lines.map((l) => l.skuUnitId)), buyer);
    return rows.map((r) => ({
      id: r.id, name: r.name, createdAt: r.createdAt.toISOString(),
      lines: r.lines.flatMap((l) => {
        const s = sellables.get(l.skuUnitId);
        return s && s.visible ? [{ skuUnitId: l.skuUnitId, qty: l.qty, productName: s.productName, skuCode: s.skuCode, specText: s.specText, unitName: s.unitName }] : [];
      }),
    }));
  }
  const own = (ctx: Member, id: string) => and(eq(savedLists.tenantId, ctx.tenantId), eq(savedLists.customerId, ctx.actor.customerId), eq(savedLists.id, id));
  async function one(tx: Tx, ctx: Member, id: string) {
    const [row] = await tx.select().from(savedLists).where(own(ctx, id));
    if (!row) throw notFound('saved list');
    return row;
  }

  return {
    list: (ctx: Member) => database.tx(ctx.tenantId, async (tx) => ({
      items: await describe(tx, ctx, await tx.select().from(savedLists)
        .where(and(eq(savedLists.tenantId, ctx.tenantId), eq(savedLists.customerId, ctx.actor.customerId))).orderBy(desc(savedLists.id))),
    })),

    get: (ctx: Member, id: string) => database.tx(ctx.tenantId, async (tx) => (await describe(tx, ctx, [await one(tx, ctx, id)]))[0]),

    /** A new list from the given lines, or from the member's cart when none are given. */
    create: (ctx: Member, input: { name: string; lines?: { skuUnitId: string; qty: number }[] }) => database.tx(ctx.tenantId, async (tx) => {
      const existing = await tx.select({ id: savedLists.id }).from(savedLists).where(and(eq(savedLists.tenantId, ctx.tenantId), eq(savedLists.customerId, ctx.actor.customerId)));
      if (existing.length >= MAX_LISTS) throw new AppError('validation_failed', { message: `at most ${MAX_LISTS} lists`, errors: [{ path: 'body.name', message: 'too many lists' }] });
      const lines = input.lines ?? (await tx.select({ skuUnitId: cartLines.skuUnitId, qty: cartLines.qty }).from(cartLines)
        .where(and(eq(cartLines.tenantId, ctx.tenantId), eq(cartLines.memberId, ctx.actor.id))));
      if (!lines.length) throw new AppError('cart_empty', { message: 'nothing to save: the cart is empty' });
      const buyer = await loadBuyer(tx, ctx.tenantId, ctx.actor.customerId);
      const sellables = await loadSellables(tx, ctx.tenantId, lines.map((l) => l.skuUnitId), buyer);
      if (lines.some((l) => !sellables.get(l.skuUnitId)?.visible)) throw new AppError('not_found', { message: 'a line names a product that does not exist' });
      const [row] = await tx.insert(savedLists).values({ tenantId: ctx.tenantId, id: newId(), customerId: ctx.actor.customerId, memberId: ctx.actor.id, name: input.name, lines }).returning();
      return (await describe(tx, ctx, [row]))[0];
    }),

    remove: (ctx: Member, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const gone = await tx.delete(savedLists).where(own(ctx, id)).returning({ id: savedLists.id });
      if (!gone.length) throw notFound('saved list');
    }),

    async toCart(ctx: Member, id: string) {
      const list = await database.tx(ctx.tenantId, (tx) => one(tx, ctx, id));
      return cart.addItems(ctx, list.lines.map((l) => ({ ...l, label: l.skuUnitId })));
    },
  };
}

export type SavedListsService = ReturnType<typeof createSavedListsService>;
