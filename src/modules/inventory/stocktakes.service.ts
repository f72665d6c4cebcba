/**
 * 盘点单 (stocktakes): create a count sheet of a warehouse (the book quantity of each SKU at that moment), record what
 * was counted, then confirm once: each difference (counted − book) is posted as a `stocktake` movement, never taking
 * on-hand below what is reserved for orders. Confirming twice, or a cancelled sheet, is 409 invalid_state.
 */
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { products, skus } from '../catalog/catalog.tables.js';
import { stockLevels, stocktakes, warehouses, type StocktakeLine, type StocktakeStatus } from './inventory.tables.js';
import { recordMovements } from './stock-ledger.js';
import { assertWarehouseAllowed, inScope } from './warehouse-scope.js';
import { emitThresholdCrossings } from './threshold-events.js';

type Row = typeof stocktakes.$inferSelect;
const out = (s: Row) => ({
  id: s.id, stocktakeNo: s.stocktakeNo, warehouseId: s.warehouseId, status: s.status, lines: s.lines, remark: s.remark, createdBy: s.createdBy,
  confirmedAt: s.confirmedAt?.toISOString() ?? null, createdAt: s.createdAt.toISOString(), version: s.version,
  differences: s.lines.filter((l) => l.countedQty !== null && l.countedQty !== l.systemQty).length,
});

const esc = (v: string | number | null) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function createStocktakesService(database: Database) {
  async function lock(tx: Tx, ctx: Ctx<Operator>, id: string, version: number) {
    const [s] = await tx.select().from(stocktakes).where(and(eq(stocktakes.tenantId, ctx.tenantId), eq(stocktakes.id, id))).for('update');
    if (!s) throw notFound('stocktake');
    assertWarehouseAllowed(ctx.actor, s.warehouseId);
    if (s.version !== version) throw new AppError('version_conflict', { message: 'the stocktake was changed by someone else; reload' });
    if (s.status !== 'counting') throw new AppError('invalid_state', { message: `the stocktake is already ${s.status}`, details: { status: s.status } });
    return s;
  }
  const save = (tx: Tx, ctx: Ctx<Operator>, s: Row, patch: Partial<Row>) =>
    tx.update(stocktakes).set({ ...patch, version: s.version + 1 }).where(and(eq(stocktakes.tenantId, ctx.tenantId), eq(stocktakes.id, s.id))).returning();

  return {
    /** A count sheet of every SKU the warehouse holds (or of the SKUs named). */
    create: (ctx: Ctx<Operator>, input: { warehouseId: string; skuIds?: string[]; remark?: string }) => database.tx(ctx.tenantId, async (tx) => {
      assertWarehouseAllowed(ctx.actor, input.warehouseId);
      const [w] = await tx.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, input.warehouseId)));
      if (!w) throw new AppError('validation_failed', { message: 'unknown warehouse', errors: [{ path: 'body.warehouseId', message: 'unknown warehouse' }] });
      const held = await tx.select({ skuId: stockLevels.skuId, onHand: stockLevels.onHand }).from(stockLevels)
        .where(and(eq(stockLevels.tenantId, ctx.tenantId), eq(stockLevels.warehouseId, input.warehouseId)));
      const ids = input.skuIds?.length ? [...new Set(input.skuIds)] : held.map((h) => h.skuId);
      if (!ids.length) throw new AppError('validation_failed', { message: 'nothing to count in this warehouse', errors: [{ path: 'body.skuIds', message: 'empty' }] });
      const found = await tx.select({ id: skus.id, code: skus.code, name: products.name, baseUnit: skus.baseUnit }).from(skus)
        .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId)))
        .where(and(eq(skus.tenantId, ctx.tenantId), inArray(skus.id, ids))).orderBy(asc(skus.code));
      if (found.length !== ids.length) throw new AppError('validation_failed', { message: 'unknown SKU', errors: [{ path: 'body.skuIds', message: 'unknown SKU' }] });
      const book = new Map(held.map((h) => [h.skuId, h.onHand]));
      const lines: StocktakeLine[] = found.map((f) => ({ skuId: f.id, skuCode: f.code, productName: f.name, baseUnit: f.baseUnit, systemQty: book.get(f.id) ?? 0, countedQty: null }));
      const n = await nextSequence(tx, ctx.tenantId, 'stocktake');
      const [s] = await tx.insert(stocktakes).values({ tenantId: ctx.tenantId, id: newId(), stocktakeNo: `PD${String(n).padStart(6, '0')}`, warehouseId: input.warehouseId,
        lines, remark: input.remark || null, createdBy: ctx.actor.name }).returning();
      await recordAudit(tx, ctx, { action: 'stocktake.create', entityType: 'stocktake', entityId: s.id, before: null, after: { stocktakeNo: s.stocktakeNo, warehouseId: s.warehouseId, lines: lines.length } });
      return out(s);
    }),

    list: (ctx: Ctx<Operator>, q: { status?: StocktakeStatus; limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) =>
      toPage(await tx.select().from(stocktakes).where(and(eq(stocktakes.tenantId, ctx.tenantId), q.status ? eq(stocktakes.status, q.status) : undefined,
        inScope(ctx.actor, stocktakes.warehouseId),
        q.cursor ? lt(stocktakes.id, q.cursor) : undefined)).orderBy(desc(stocktakes.id)).limit(q.limit + 1), q.limit, out)),

    get: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const [s] = await tx.select().from(stocktakes).where(and(eq(stocktakes.tenantId, ctx.tenantId), eq(stocktakes.id, id)));
      if (!s) throw notFound('stocktake');
      assertWarehouseAllowed(ctx.actor, s.warehouseId);
      return out(s);
    }),

    /** Records counted quantities (any subset of the sheet's SKUs; counting again overwrites). */
    count: (ctx: Ctx<Operator>, id: string, version: number, counts: { skuId: string; countedQty: number }[]) => database.tx(ctx.tenantId, async (tx) => {
      const s = await lock(tx, ctx, id, version);
      const bad = counts.findIndex((c) => !s.lines.some((l) => l.skuId === c.skuId));
      if (bad >= 0) throw new AppError('validation_failed', { message: 'that SKU is not on this count sheet', errors: [{ path: `body.counts.${bad}.skuId`, message: 'not on the sheet' }] });
      const by = new Map(counts.map((c) => [c.skuId, c.countedQty]));
      const [after] = await save(tx, ctx, s, { lines: s.lines.map((l) => (by.has(l.skuId) ? { ...l, countedQty: by.get(l.skuId)! } : l)) });
      return out(after);
    }),

    /** Posts the differences, once. Lines never counted are left alone. */
    confirm: (ctx: Ctx<Operator>, id: string, version: number) => database.tx(ctx.tenantId, async (tx) => {
      const s = await lock(tx, ctx, id, version);
      const diffs = s.lines.filter((l) => l.countedQty !== null && l.countedQty !== l.systemQty).map((l) => ({ skuId: l.skuId, delta: l.countedQty! - l.systemQty }));
      if (diffs.length) {
        await tx.select().from(stockLevels).where(and(eq(stockLevels.tenantId, ctx.tenantId), inArray(stockLevels.skuId, diffs.map((d) => d.skuId))))
          .orderBy(stockLevels.skuId, stockLevels.warehouseId).for('update');
        for (const d of diffs) {
          await tx.insert(stockLevels).values({ tenantId: ctx.tenantId, skuId: d.skuId, warehouseId: s.warehouseId }).onConflictDoNothing();
          const done = await tx.update(stockLevels).set({ onHand: sql`${stockLevels.onHand} + ${d.delta}`, updatedAt: new Date() })
            .where(and(eq(stockLevels.tenantId, ctx.tenantId), eq(stockLevels.skuId, d.skuId), eq(stockLevels.warehouseId, s.warehouseId), sql`${stockLevels.onHand} + ${d.delta} >= ${stockLevels.reserved}`))
            .returning({ skuId: stockLevels.skuId });
          if (!done.length) {
            const line = s.lines.find((l) => l.skuId === d.skuId)!;
            throw new AppError('insufficient_stock', { message: `the count of ${line.skuCode} leaves less than is reserved for orders; release or ship those first`, details: { lines: [{ skuId: d.skuId, skuCode: line.skuCode }] } });
          }
        }
        await recordMovements(tx, ctx.tenantId, ctx.actor, diffs.map((d) => ({ warehouseId: s.warehouseId, skuId: d.skuId, kind: 'stocktake' as const, onHandDelta: d.delta, docType: 'stocktake', docId: s.id })));
        await emitThresholdCrossings(tx, ctx.tenantId, diffs.map((d) => ({ skuId: d.skuId, warehouseId: s.warehouseId, onHandDelta: d.delta })));
      }
      const [after] = await save(tx, ctx, s, { status: 'confirmed', confirmedAt: new Date() });
      await recordAudit(tx, ctx, { action: 'stocktake.confirm', entityType: 'stocktake', entityId: s.id, before: null, after: { stocktakeNo: s.stocktakeNo, differences: diffs } });
      return out(after);
    }),

    cancel: (ctx: Ctx<Operator>, id: string, version: number) => database.tx(ctx.tenantId, async (tx) => out((await save(tx, ctx, await lock(tx, ctx, id, version), { status: 'cancelled' }))[0])),

    /** The printable count sheet: book quantity hidden, a blank to write the count in (a blind count). */
    print: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const [s] = await tx.select().from(stocktakes).where(and(eq(stocktakes.tenantId, ctx.tenantId), eq(stocktakes.id, id)));
      if (!s) throw notFound('stocktake');
      assertWarehouseAllowed(ctx.actor, s.warehouseId);
      const [w] = await tx.select({ name: warehouses.name }).from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, s.warehouseId)));
      return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>盘点单 ${esc(s.stocktakeNo)}</title><style>
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px}h1{font-size:20px;text-align:center}
table{width:100%;border-collapse:collapse;font-size:13px}th,td{border:1px solid #444;padding:6px}td.blank{width:120px}@media print{@page{size:A4;margin:12mm}}</style></head>
<body><h1>盘点单 ${esc(s.stocktakeNo)}</h1><p>仓库：${esc(w?.name ?? '')}　创建：${esc(s.createdBy)}　${esc(s.createdAt.toISOString().slice(0, 10))}</p>
<table><thead><tr><th>#</th><th>SKU编码</th><th>商品</th><th>实盘数量</th></tr></thead><tbody>
${s.lines.map((l, i) => `<tr><td>${i + 1}</td><td>${esc(l.skuCode)}</td><td>${esc(l.productName)}</td><td class="blank"></td></tr>`).join('\n')}
</tbody></table><p>盘点人：__________　复核人：__________</p></body></html>`;
    }),
  };
}

export type StocktakesService = ReturnType<typeof createStocktakesService>;
