import { and, count, eq, sql } from 'drizzle-orm';
import type { Ctx, MemberActor } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { cartLines } from './cart.tables.js';
import { priceCart, shippingRegion, toCartView, type CartView } from './cart-view.js';
import { matchRow, type QuickRow } from './domain/quick-rows.js';
import { findUnitsByCode, loadBuyer, loadSellables, priceLine } from './sellables.js';

export const MAX_CART_LINES = 2000;
export const MAX_QTY = 1_000_000;

export interface RowReport { row: number; code: string; unit: string | null; qty: number; ok: boolean; error?: { code: string; message: string }; lineId?: string }

type Member = Ctx<MemberActor>;

/** Adds quantities of sell units to a member's cart (merging with existing lines); returns, per item, the line or why not. */
export async function addToCart(tx: Tx, ctx: Member, items: { skuUnitId: string; qty: number }[]): Promise<({ lineId: string } | { error: { code: string; message: string } })[]> {
  const { tenantId, actor } = ctx;
  const buyer = await loadBuyer(tx, tenantId, actor.customerId);
  const sellables = await loadSellables(tx, tenantId, items.map((i) => i.skuUnitId), buyer);
  const now = new Date();
  const results: ({ lineId: string } | { error: { code: string; message: string } })[] = [];
  for (const item of items) {
    const s = sellables.get(item.skuUnitId);
    if (!s || !s.visible) { results.push({ error: { code: 'not_found', message: 'no such product' } }); continue; }
    if (!s.onShelf || !s.skuEnabled || !s.unitEnabled) { results.push({ error: { code: 'off_shelf', message: 'this product cannot be ordered now' } }); continue; }
    const [row] = await tx.insert(cartLines).values({
      tenantId, id: newId(), memberId: actor.id, customerId: actor.customerId, skuUnitId: s.skuUnitId, qty: item.qty, seenPriceFen: 0,
    }).onConflictDoUpdate({
      target: [cartLines.tenantId, cartLines.memberId, cartLines.skuUnitId],
      set: { qty: sql`${cartLines.qty} + excluded.qty`, updatedAt: now },
    }).returning({ id: cartLines.id, qty: cartLines.qty });
    if (row.qty > MAX_QTY) throw new AppError('validation_failed', { message: `at most ${MAX_QTY} per line`, errors: [{ path: 'body.qty', message: 'too large' }] });
    // The price the member sees now for the new quantity is the one a later change is measured against.
    await tx.update(cartLines).set({ seenPriceFen: priceLine(s, row.qty, buyer, now).price.unitPriceFen })
      .where(and(eq(cartLines.tenantId, tenantId), eq(cartLines.id, row.id)));
    results.push({ lineId: row.id });
  }
  const [{ n }] = await tx.select({ n: count() }).from(cartLines).where(and(eq(cartLines.tenantId, tenantId), eq(cartLines.memberId, actor.id)));
  if (n > MAX_CART_LINES) throw new AppError('cart_invalid', { message: `a cart holds at most ${MAX_CART_LINES} lines` });
  return results;
}

/** Quick-order rows → cart, with a report per row. */
export async function addRows(tx: Tx, ctx: Member, rows: QuickRow[]): Promise<RowReport[]> {
  const units = await findUnitsByCode(tx, ctx.tenantId, rows.map((r) => r.code));
  const matched = rows.map((r) => ({ r, m: matchRow(r, units) }));
  const toAdd = matched.flatMap(({ m, r }) => (m.ok ? [{ skuUnitId: m.skuUnitId, qty: r.qty }] : []));
  const added = await addToCart(tx, ctx, toAdd);
  let k = 0;
  return matched.map(({ r, m }) => {
    const base = { row: r.row, code: r.code, unit: r.unit ?? null, qty: Number.isFinite(r.qty) ? r.qty : 0 };
    if (!m.ok) return { ...base, ok: false, error: { code: m.code, message: m.message } };
    const res = added[k++];
    return 'lineId' in res ? { ...base, ok: true, lineId: res.lineId } : { ...base, ok: false, error: res.error };
  });
}

export function createCartService(database: Database) {
  async function view(tx: Tx, ctx: Member, addressId?: string): Promise<CartView> {
    const cart = await priceCart(tx, ctx.tenantId, ctx.actor.id, ctx.actor.customerId);
    return toCartView(cart, await shippingRegion(tx, ctx.tenantId, ctx.actor.customerId, addressId));
  }
  const lineWhere = (ctx: Member, id: string) => and(eq(cartLines.tenantId, ctx.tenantId), eq(cartLines.memberId, ctx.actor.id), eq(cartLines.id, id));

  return {
    view: (ctx: Member, addressId?: string) => database.tx(ctx.tenantId, (tx) => view(tx, ctx, addressId)),

    add: (ctx: Member, item: { skuUnitId: string; qty: number }) => database.tx(ctx.tenantId, async (tx) => {
      const [res] = await addToCart(tx, ctx, [item]);
      if ('error' in res) throw res.error.code === 'not_found' ? notFound('product') : new AppError('cart_invalid', { message: res.error.message });
      return view(tx, ctx);
    }),

    setQty: (ctx: Member, lineId: string, qty: number) => database.tx(ctx.tenantId, async (tx) => {
      const [line] = await tx.select().from(cartLines).where(lineWhere(ctx, lineId)).for('update');
      if (!line) throw notFound('cart line');
      const buyer = await loadBuyer(tx, ctx.tenantId, ctx.actor.customerId);
      const s = (await loadSellables(tx, ctx.tenantId, [line.skuUnitId], buyer)).get(line.skuUnitId)!;
      await tx.update(cartLines).set({ qty, seenPriceFen: priceLine(s, qty, buyer, new Date()).price.unitPriceFen, updatedAt: new Date() }).where(lineWhere(ctx, lineId));
      return view(tx, ctx);
    }),

    remove: (ctx: Member, lineId: string) => database.tx(ctx.tenantId, async (tx) => {
      const gone = await tx.delete(cartLines).where(lineWhere(ctx, lineId)).returning({ id: cartLines.id });
      if (!gone.length) throw notFound('cart line');
      return view(tx, ctx);
    }),

    clear: (ctx: Member) => database.tx(ctx.tenantId, async (tx) => {
      await tx.delete(cartLines).where(and(eq(cartLines.tenantId, ctx.tenantId), eq(cartLines.memberId, ctx.actor.id)));
    }),

    acknowledgePrices: (ctx: Member) => database.tx(ctx.tenantId, async (tx) => {
      const cart = await priceCart(tx, ctx.tenantId, ctx.actor.id, ctx.actor.customerId);
      for (const l of cart.lines.filter((x) => x.seenPriceFen !== x.priced.price.unitPriceFen)) {
        await tx.update(cartLines).set({ seenPriceFen: l.priced.price.unitPriceFen }).where(lineWhere(ctx, l.id));
      }
      return view(tx, ctx);
    }),

    quick: (ctx: Member, rows: QuickRow[]) => database.tx(ctx.tenantId, async (tx) => ({ report: await addRows(tx, ctx, rows), cart: await view(tx, ctx) })),

    /** Adds items (a saved list, a past order) and reports each. */
    addItems: (ctx: Member, items: { skuUnitId: string; qty: number; label: string }[]) => database.tx(ctx.tenantId, async (tx) => {
      const res = await addToCart(tx, ctx, items);
      const report: RowReport[] = items.map((it, i) => {
        const r = res[i];
        const base = { row: i + 1, code: it.label, unit: null, qty: it.qty };
        return 'lineId' in r ? { ...base, ok: true, lineId: r.lineId } : { ...base, ok: false, error: r.error };
      });
      return { report, cart: await view(tx, ctx) };
    }),
  };
}

export type CartService = ReturnType<typeof createCartService>;
