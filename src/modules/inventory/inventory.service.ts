import { and, asc, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { pgError, withUniqueFields } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { oncePerKey, type Replayable } from '../../platform/http/idempotency.js';
import { toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { products, skus } from '../catalog/catalog.tables.js';
import { stockLevels, stockMovements, warehouses } from './inventory.tables.js';
import { changeOnHand } from './stock-ledger.js';
import { thresholdProblem } from './domain/stock-thresholds.js';
import { assertWarehouseAllowed, inScope } from './warehouse-scope.js';

export interface LevelThresholds { safetyStock: number; lowStockQty?: number | null; overstockQty?: number | null }
export interface SkuThresholds { lowStockQty: number | null; overstockQty: number | null }

/** Only the warehouses a limited staff user may see; naming one outside them is 403 warehouse_forbidden. */
function warehouseFilter(actor: Operator, column: typeof stockLevels.warehouseId | typeof stockMovements.warehouseId, named?: string): SQL | undefined {
  if (named) {
    assertWarehouseAllowed(actor, named);
    return eq(column, named);
  }
  return inScope(actor, column);
}

function assertThresholds(t: { safetyStock?: number; lowStockQty: number | null; overstockQty: number | null }) {
  const problem = thresholdProblem(t);
  if (problem) throw new AppError('stock_thresholds_invalid', { message: `overstockQty ${problem.message}`, errors: [problem] });
}

export interface WarehouseInput { code: string; name: string; address?: string; regionIds?: string[]; priority?: number; active?: boolean }

const toWarehouse = (w: typeof warehouses.$inferSelect) => ({
  id: w.id, code: w.code, name: w.name, address: w.address, regionIds: w.regionIds, priority: w.priority, active: w.active, version: w.version,
});

interface StockAdjusted { docId: string; skuId: string; warehouseId: string; onHand: number; reserved: number; available: number }

/** 入库 / 调整 inside the caller's transaction (once per Idempotency-Key when the caller sent one). */
async function adjustOnce(tx: Tx, ctx: Ctx<Operator>, input: { warehouseId: string; skuId: string; delta: number; kind: 'inbound' | 'adjust'; reason: string }): Promise<StockAdjusted> {
  assertWarehouseAllowed(ctx.actor, input.warehouseId);
  const [w] = await tx.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, input.warehouseId)));
  if (!w) throw new AppError('validation_failed', { message: 'unknown warehouse', errors: [{ path: 'body.warehouseId', message: 'unknown warehouse' }] });
  const [s] = await tx.select({ id: skus.id }).from(skus).where(and(eq(skus.tenantId, ctx.tenantId), eq(skus.id, input.skuId)));
  if (!s) throw new AppError('validation_failed', { message: 'unknown SKU', errors: [{ path: 'body.skuId', message: 'unknown SKU' }] });
  if (input.kind === 'inbound' && input.delta <= 0) throw new AppError('validation_failed', { message: 'an inbound adds stock', errors: [{ path: 'body.delta', message: 'must be positive' }] });
  const docId = newId();
  try {
    await changeOnHand(tx, ctx.tenantId, ctx.actor, { ...input, docType: input.kind === 'inbound' ? 'inbound' : 'adjustment', docId });
  } catch (e) {
    if (pgError(e)?.code === '23514') throw new AppError('insufficient_stock', { message: 'not enough stock on hand' });
    throw e;
  }
  await recordAudit(tx, ctx, { action: `stock.${input.kind}`, entityType: 'sku', entityId: input.skuId, before: null, after: input });
  const [l] = await tx.select().from(stockLevels).where(and(eq(stockLevels.tenantId, ctx.tenantId), eq(stockLevels.skuId, input.skuId), eq(stockLevels.warehouseId, input.warehouseId)));
  return { docId, skuId: l.skuId, warehouseId: l.warehouseId, onHand: l.onHand, reserved: l.reserved, available: l.onHand - l.reserved - l.safetyStock };
}

export function createInventoryService(database: Database) {
  return {
    listWarehouses: (ctx: Ctx<Operator>) => database.tx(ctx.tenantId, async (tx) => ({
      items: (await tx.select().from(warehouses).where(eq(warehouses.tenantId, ctx.tenantId)).orderBy(asc(warehouses.priority), asc(warehouses.code))).map(toWarehouse),
    })),

    createWarehouse: (ctx: Ctx<Operator>, input: WarehouseInput) => database.tx(ctx.tenantId, async (tx) => {
      const [w] = await withUniqueFields(tx.insert(warehouses).values({ tenantId: ctx.tenantId, id: newId(), ...input }).returning(), { warehouses_code_uq: 'body.code' });
      await recordAudit(tx, ctx, { action: 'warehouse.create', entityType: 'warehouse', entityId: w.id, before: null, after: toWarehouse(w) });
      return toWarehouse(w);
    }),

    updateWarehouse: (ctx: Ctx<Operator>, id: string, input: Partial<WarehouseInput> & { version: number }) => database.tx(ctx.tenantId, async (tx) => {
      const [before] = await tx.select().from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, id))).for('update');
      if (!before) throw notFound('warehouse');
      if (before.version !== input.version) throw new AppError('version_conflict', { message: 'the warehouse was changed by someone else; reload' });
      const { version, ...fields } = input;
      const [w] = await withUniqueFields(tx.update(warehouses).set({ ...fields, version: version + 1, updatedAt: new Date() })
        .where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, id))).returning(), { warehouses_code_uq: 'body.code' });
      await recordAudit(tx, ctx, { action: 'warehouse.update', entityType: 'warehouse', entityId: id, before: toWarehouse(before), after: toWarehouse(w) });
      return toWarehouse(w);
    }),

    /**
     * Stock per SKU and warehouse (those of the user's 仓库范围), with what is available to sell; `low` = on hand minus
     * reserved at or below the low mark (the low-stock quantity, else the safety stock).
     */
    stock: (ctx: Ctx<Operator>, q: { warehouseId?: string; skuId?: string; q?: string; low?: boolean; limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) => {
      const where: (SQL | undefined)[] = [eq(stockLevels.tenantId, ctx.tenantId), warehouseFilter(ctx.actor, stockLevels.warehouseId, q.warehouseId),
        q.skuId ? eq(stockLevels.skuId, q.skuId) : undefined,
        q.q ? or(ilike(skus.code, `${q.q.replace(/[\\%_]/g, '\\$&')}%`), ilike(products.name, `%${q.q.replace(/[\\%_]/g, '\\$&')}%`)) : undefined,
        q.low ? sql`${stockLevels.onHand} - ${stockLevels.reserved} <= coalesce(${stockLevels.lowStockQty}, ${stockLevels.safetyStock})` : undefined,
        q.cursor ? lt(sql`${stockLevels.skuId} || '/' || ${stockLevels.warehouseId}`, q.cursor) : undefined];
      const rows = await tx.select({ l: stockLevels, skuCode: skus.code, productName: products.name, specValues: skus.specValues, baseUnit: skus.baseUnit, warehouseName: warehouses.name,
        skuLow: skus.lowStockQty, skuOver: skus.overstockQty })
        .from(stockLevels)
        .innerJoin(skus, and(eq(skus.tenantId, stockLevels.tenantId), eq(skus.id, stockLevels.skuId)))
        .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId)))
        .innerJoin(warehouses, and(eq(warehouses.tenantId, stockLevels.tenantId), eq(warehouses.id, stockLevels.warehouseId)))
        .where(and(...where)).orderBy(desc(sql`${stockLevels.skuId} || '/' || ${stockLevels.warehouseId}`)).limit(q.limit + 1);
      return toPage(rows.map((r) => ({ ...r, id: `${r.l.skuId}/${r.l.warehouseId}` })), q.limit, (r) => ({
        skuId: r.l.skuId, warehouseId: r.l.warehouseId, warehouseName: r.warehouseName, skuCode: r.skuCode, productName: r.productName,
        specText: r.specValues.join(' / '), baseUnit: r.baseUnit, onHand: r.l.onHand, reserved: r.l.reserved, safetyStock: r.l.safetyStock,
        available: r.l.onHand - r.l.reserved - r.l.safetyStock, lowStockQty: r.l.lowStockQty, overstockQty: r.l.overstockQty,
        skuLowStockQty: r.skuLow, skuOverstockQty: r.skuOver,
      }));
    }),

    /** 入库 / 调整: one line of stock in (positive) or out (negative, never below what is reserved), with a reason. */
    adjust: (ctx: Ctx<Operator>, input: { warehouseId: string; skuId: string; delta: number; kind: 'inbound' | 'adjust'; reason: string }, key?: string) => database.tx(ctx.tenantId, async (tx) => {
      const run = async (): Promise<Replayable<StockAdjusted>> => ({ status: 201, body: await adjustOnce(tx, ctx, input) });
      return key ? oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'stock.adjust', key, body: input }, run) : run();
    }),

    /**
     * 安全库存 (kept back from sale in one warehouse) and the level's 库存预警 marks: low-stock quantity (null = the safety
     * stock is the low mark) and overstock quantity (null = none). Marks left out of the input stay as they are.
     */
    setSafetyStock: (ctx: Ctx<Operator>, skuId: string, warehouseId: string, input: LevelThresholds) => database.tx(ctx.tenantId, async (tx) => {
      assertWarehouseAllowed(ctx.actor, warehouseId);
      const [w] = await tx.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, warehouseId)));
      const [s] = await tx.select({ id: skus.id }).from(skus).where(and(eq(skus.tenantId, ctx.tenantId), eq(skus.id, skuId)));
      if (!w || !s) throw notFound('stock row');
      const [before] = await tx.select().from(stockLevels).where(and(eq(stockLevels.tenantId, ctx.tenantId), eq(stockLevels.skuId, skuId), eq(stockLevels.warehouseId, warehouseId))).for('update');
      const next = {
        safetyStock: input.safetyStock,
        lowStockQty: input.lowStockQty !== undefined ? input.lowStockQty : before?.lowStockQty ?? null,
        overstockQty: input.overstockQty !== undefined ? input.overstockQty : before?.overstockQty ?? null,
      };
      assertThresholds(next);
      await tx.insert(stockLevels).values({ tenantId: ctx.tenantId, skuId, warehouseId, ...next })
        .onConflictDoUpdate({ target: [stockLevels.tenantId, stockLevels.skuId, stockLevels.warehouseId], set: { ...next, updatedAt: new Date() } });
      const old = before ? { safetyStock: before.safetyStock, lowStockQty: before.lowStockQty, overstockQty: before.overstockQty } : null;
      await recordAudit(tx, ctx, { action: 'stock.safety_stock', entityType: 'sku', entityId: skuId, before: old && { warehouseId, ...old }, after: { warehouseId, ...next } });
      return { skuId, warehouseId, ...next };
    }),

    /** The SKU's 库存预警 marks over all active warehouses together (null = none). */
    setSkuThresholds: (ctx: Ctx<Operator>, skuId: string, input: SkuThresholds) => database.tx(ctx.tenantId, async (tx) => {
      assertThresholds(input);
      const [before] = await tx.select({ lowStockQty: skus.lowStockQty, overstockQty: skus.overstockQty }).from(skus).where(and(eq(skus.tenantId, ctx.tenantId), eq(skus.id, skuId))).for('update');
      if (!before) throw notFound('SKU');
      const next = { lowStockQty: input.lowStockQty, overstockQty: input.overstockQty };
      await tx.update(skus).set(next).where(and(eq(skus.tenantId, ctx.tenantId), eq(skus.id, skuId)));
      await recordAudit(tx, ctx, { action: 'stock.sku_thresholds', entityType: 'sku', entityId: skuId, before, after: next });
      return { skuId, ...next };
    }),

    /** The ledger of one SKU (optionally in one warehouse), newest first. */
    movements: (ctx: Ctx<Operator>, q: { skuId?: string; warehouseId?: string; limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) => {
      const rows = await tx.select({ m: stockMovements, skuCode: skus.code, productName: products.name, warehouseName: warehouses.name }).from(stockMovements)
        .innerJoin(skus, and(eq(skus.tenantId, stockMovements.tenantId), eq(skus.id, stockMovements.skuId)))
        .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId)))
        .innerJoin(warehouses, and(eq(warehouses.tenantId, stockMovements.tenantId), eq(warehouses.id, stockMovements.warehouseId)))
        .where(and(eq(stockMovements.tenantId, ctx.tenantId),
          q.skuId ? eq(stockMovements.skuId, q.skuId) : undefined, warehouseFilter(ctx.actor, stockMovements.warehouseId, q.warehouseId),
          q.cursor ? lt(stockMovements.id, q.cursor) : undefined)).orderBy(desc(stockMovements.id)).limit(q.limit + 1);
      return toPage(rows.map((r) => ({ ...r, id: r.m.id })), q.limit, ({ m, skuCode, productName, warehouseName }) => ({
        id: m.id, warehouseId: m.warehouseId, warehouseName, skuId: m.skuId, skuCode, productName, kind: m.kind, onHandDelta: m.onHandDelta, reservedDelta: m.reservedDelta,
        docType: m.docType, docId: m.docId, reason: m.reason, actorKind: m.actorKind, actorId: m.actorId, at: m.createdAt.toISOString() }));
    }),
  };
}

export type InventoryService = ReturnType<typeof createInventoryService>;
