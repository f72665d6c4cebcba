/**
 * 调拨单 (stock transfers) with their steps: draft → in_transit (shipped: leaves the source) → received (arrives at the
 * destination); a draft can be cancelled. Each step locks the transfer row and the stock rows (global order), so a
 * transfer racing an order's reservation for the same stock can never oversell: whichever commits second sees the
 * stock the first left.
 */
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { products, skus } from '../catalog/catalog.tables.js';
import { stockLevels, stockTransfers, warehouses, type TransferStatus } from './inventory.tables.js';
import { recordMovements } from './stock-ledger.js';
import { notifyArrivals } from './stock-alerts.js';
import { emitThresholdCrossings } from './threshold-events.js';
import { readSettings } from '../settings/settings.service.js';
import { transferPrint } from './transfer-print.js';
import { allowedWarehouseIds, assertAnyWarehouseAllowed, assertWarehouseAllowed } from './warehouse-scope.js';

export interface TransferInput { fromWarehouseId: string; toWarehouseId: string; lines: { skuId: string; qty: number }[]; remark?: string }
type Row = typeof stockTransfers.$inferSelect;

const out = (t: Row) => ({
  id: t.id, transferNo: t.transferNo, fromWarehouseId: t.fromWarehouseId, toWarehouseId: t.toWarehouseId, status: t.status, lines: t.lines, remark: t.remark,
  createdBy: t.createdBy, shippedAt: t.shippedAt?.toISOString() ?? null, receivedAt: t.receivedAt?.toISOString() ?? null, createdAt: t.createdAt.toISOString(), version: t.version,
});

function merged(lines: { skuId: string; qty: number }[]) {
  const by = new Map<string, number>();
  for (const l of lines) by.set(l.skuId, (by.get(l.skuId) ?? 0) + l.qty);
  return [...by].sort(([a], [b]) => a.localeCompare(b)).map(([skuId, qty]) => ({ skuId, qty }));
}

export function createTransfersService(database: Database) {
  /** `end`: the warehouse the step happens at (ship: the source, receive: the destination); else either end will do. */
  async function lockTransfer(tx: Tx, ctx: Ctx<Operator>, id: string, version: number, from: TransferStatus, end?: 'from' | 'to') {
    const [t] = await tx.select().from(stockTransfers).where(and(eq(stockTransfers.tenantId, ctx.tenantId), eq(stockTransfers.id, id))).for('update');
    if (!t) throw notFound('transfer');
    if (end) assertWarehouseAllowed(ctx.actor, end === 'from' ? t.fromWarehouseId : t.toWarehouseId);
    else assertAnyWarehouseAllowed(ctx.actor, [t.fromWarehouseId, t.toWarehouseId]);
    if (t.version !== version) throw new AppError('version_conflict', { message: 'the transfer was changed by someone else; reload' });
    if (t.status !== from) throw new AppError('invalid_state', { message: `the transfer is ${t.status}`, details: { status: t.status } });
    return t;
  }
  const setStatus = (tx: Tx, ctx: Ctx<Operator>, t: Row, patch: Partial<Row>) =>
    tx.update(stockTransfers).set({ ...patch, version: t.version + 1 }).where(and(eq(stockTransfers.tenantId, ctx.tenantId), eq(stockTransfers.id, t.id))).returning();

  return {
    create: (ctx: Ctx<Operator>, input: TransferInput) => database.tx(ctx.tenantId, async (tx) => {
      assertAnyWarehouseAllowed(ctx.actor, [input.fromWarehouseId, input.toWarehouseId]);
      if (input.fromWarehouseId === input.toWarehouseId) {
        throw new AppError('validation_failed', { message: 'a transfer needs two different warehouses', errors: [{ path: 'body.toWarehouseId', message: 'same as fromWarehouseId' }] });
      }
      for (const [path, id] of [['body.fromWarehouseId', input.fromWarehouseId], ['body.toWarehouseId', input.toWarehouseId]] as const) {
        const [w] = await tx.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, id)));
        if (!w) throw new AppError('validation_failed', { message: 'unknown warehouse', errors: [{ path, message: 'unknown warehouse' }] });
      }
      const lines: { skuId: string; qty: number; skuCode: string; productName: string; baseUnit: string }[] = [];
      for (const [i, l] of merged(input.lines).entries()) {
        const [s] = await tx.select({ code: skus.code, baseUnit: skus.baseUnit, name: products.name }).from(skus)
          .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId))).where(and(eq(skus.tenantId, ctx.tenantId), eq(skus.id, l.skuId)));
        if (!s) throw new AppError('validation_failed', { message: 'unknown SKU', errors: [{ path: `body.lines.${i}.skuId`, message: 'unknown SKU' }] });
        lines.push({ ...l, skuCode: s.code, productName: s.name, baseUnit: s.baseUnit });
      }
      const n = await nextSequence(tx, ctx.tenantId, 'transfer');
      const [t] = await tx.insert(stockTransfers).values({
        tenantId: ctx.tenantId, id: newId(), transferNo: `DB${String(n).padStart(6, '0')}`, fromWarehouseId: input.fromWarehouseId, toWarehouseId: input.toWarehouseId,
        lines, remark: input.remark || null, createdBy: ctx.actor.name,
      }).returning();
      await recordAudit(tx, ctx, { action: 'transfer.create', entityType: 'stock_transfer', entityId: t.id, before: null, after: out(t) });
      return out(t);
    }),

    list: (ctx: Ctx<Operator>, q: { status?: TransferStatus; limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) => {
      const allowed = allowedWarehouseIds(ctx.actor);
      const rows = await tx.select().from(stockTransfers).where(and(eq(stockTransfers.tenantId, ctx.tenantId), q.status ? eq(stockTransfers.status, q.status) : undefined,
        allowed ? or(inArray(stockTransfers.fromWarehouseId, allowed), inArray(stockTransfers.toWarehouseId, allowed)) : undefined,
        q.cursor ? lt(stockTransfers.id, q.cursor) : undefined)).orderBy(desc(stockTransfers.id)).limit(q.limit + 1);
      return toPage(rows, q.limit, out);
    }),

    get: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const [t] = await tx.select().from(stockTransfers).where(and(eq(stockTransfers.tenantId, ctx.tenantId), eq(stockTransfers.id, id)));
      if (!t) throw notFound('transfer');
      assertAnyWarehouseAllowed(ctx.actor, [t.fromWarehouseId, t.toWarehouseId]);
      return out(t);
    }),

    print: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const [t] = await tx.select().from(stockTransfers).where(and(eq(stockTransfers.tenantId, ctx.tenantId), eq(stockTransfers.id, id)));
      if (!t) throw notFound('transfer');
      assertAnyWarehouseAllowed(ctx.actor, [t.fromWarehouseId, t.toWarehouseId]);
      const ws = await tx.select({ id: warehouses.id, name: warehouses.name }).from(warehouses).where(eq(warehouses.tenantId, ctx.tenantId));
      const name = (wid: string) => ws.find((w) => w.id === wid)?.name ?? wid;
      const { settings } = await readSettings(tx, ctx.tenantId);
      return transferPrint(t, { from: name(t.fromWarehouseId), to: name(t.toWarehouseId), company: settings.companyName });
    }),

    /** Ships: the stock leaves the source warehouse (never what is reserved for orders or kept as safety stock). */
    ship: (ctx: Ctx<Operator>, id: string, version: number) => database.tx(ctx.tenantId, async (tx) => {
      const t = await lockTransfer(tx, ctx, id, version, 'draft', 'from');
      await tx.select().from(stockLevels).where(and(eq(stockLevels.tenantId, ctx.tenantId), sql`${stockLevels.skuId} = any(${sql.param(t.lines.map((l) => l.skuId))}::text[])`))
        .orderBy(stockLevels.skuId, stockLevels.warehouseId).for('update');
      const short: { skuId: string; wanted: number; available: number }[] = [];
      for (const l of t.lines) {
        const done = await tx.update(stockLevels).set({ onHand: sql`${stockLevels.onHand} - ${l.qty}`, updatedAt: new Date() })
          .where(and(eq(stockLevels.tenantId, ctx.tenantId), eq(stockLevels.skuId, l.skuId), eq(stockLevels.warehouseId, t.fromWarehouseId),
            sql`${stockLevels.onHand} - ${stockLevels.reserved} - ${stockLevels.safetyStock} >= ${l.qty}`)).returning({ skuId: stockLevels.skuId });
        if (!done.length) {
          const [lv] = await tx.select().from(stockLevels).where(and(eq(stockLevels.tenantId, ctx.tenantId), eq(stockLevels.skuId, l.skuId), eq(stockLevels.warehouseId, t.fromWarehouseId)));
          short.push({ skuId: l.skuId, wanted: l.qty, available: lv ? Math.max(0, lv.onHand - lv.reserved - lv.safetyStock) : 0 });
        }
      }
      if (short.length) throw new AppError('insufficient_stock', { message: 'the source warehouse does not have that much free stock', details: { lines: short } });
      await recordMovements(tx, ctx.tenantId, ctx.actor, t.lines.map((l) => ({ warehouseId: t.fromWarehouseId, skuId: l.skuId, kind: 'transfer_out' as const, onHandDelta: -l.qty, docType: 'transfer', docId: t.id })));
      await emitThresholdCrossings(tx, ctx.tenantId, t.lines.map((l) => ({ skuId: l.skuId, warehouseId: t.fromWarehouseId, onHandDelta: -l.qty })));
      const [after] = await setStatus(tx, ctx, t, { status: 'in_transit', shippedAt: new Date() });
      await recordAudit(tx, ctx, { action: 'transfer.ship', entityType: 'stock_transfer', entityId: t.id, before: out(t), after: out(after) });
      return out(after);
    }),

    /** Receives: the stock arrives at the destination; waiting 缺货登记 are told. */
    receive: (ctx: Ctx<Operator>, id: string, version: number) => database.tx(ctx.tenantId, async (tx) => {
      const t = await lockTransfer(tx, ctx, id, version, 'in_transit', 'to');
      for (const l of t.lines) {
        await tx.insert(stockLevels).values({ tenantId: ctx.tenantId, skuId: l.skuId, warehouseId: t.toWarehouseId, onHand: l.qty })
          .onConflictDoUpdate({ target: [stockLevels.tenantId, stockLevels.skuId, stockLevels.warehouseId], set: { onHand: sql`${stockLevels.onHand} + ${l.qty}`, updatedAt: new Date() } });
      }
      await recordMovements(tx, ctx.tenantId, ctx.actor, t.lines.map((l) => ({ warehouseId: t.toWarehouseId, skuId: l.skuId, kind: 'transfer_in' as const, onHandDelta: l.qty, docType: 'transfer', docId: t.id })));
      await emitThresholdCrossings(tx, ctx.tenantId, t.lines.map((l) => ({ skuId: l.skuId, warehouseId: t.toWarehouseId, onHandDelta: l.qty })));
      for (const l of t.lines) await notifyArrivals(tx, ctx.tenantId, l.skuId, ctx.actor);
      const [after] = await setStatus(tx, ctx, t, { status: 'received', receivedAt: new Date() });
      await recordAudit(tx, ctx, { action: 'transfer.receive', entityType: 'stock_transfer', entityId: t.id, before: out(t), after: out(after) });
      return out(after);
    }),

    cancel: (ctx: Ctx<Operator>, id: string, version: number) => database.tx(ctx.tenantId, async (tx) => {
      const t = await lockTransfer(tx, ctx, id, version, 'draft');
      const [after] = await setStatus(tx, ctx, t, { status: 'cancelled' });
      await recordAudit(tx, ctx, { action: 'transfer.cancel', entityType: 'stock_transfer', entityId: t.id, before: out(t), after: out(after) });
      return out(after);
    }),
  };
}

export type TransfersService = ReturnType<typeof createTransfersService>;
