/**
 * 发货: shipments of released orders, per warehouse. Create (pick) → pack → ship (ship-shipment.ts) → delivered;
 * cancel before it leaves. Every use case is one transaction that locks the order first, then the shipment, then
 * stock rows in the global order — the same order every other order action uses, so they serialise, never deadlock.
 */
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { products, skus } from '../catalog/catalog.tables.js';
import { warehouses, orderAllocations } from '../inventory/inventory.tables.js';
import { lockFreeStock, reserveMore, reservedFor } from '../inventory/shipment-stock.js';
import { allowedWarehouseIds, assertWarehouseAllowed } from '../inventory/warehouse-scope.js';
import { findOrder } from '../orders/orders.service.js';
import { loadLines, recordOrderEvent, type OrderRow } from '../orders/orders.repository.js';
import { orders } from '../orders/orders.tables.js';
import { checkShipment, defaultLines, fulfilmentOf, inShipments, sumBySku, uncovered, type LineProblem } from './domain/shipment-plan.js';
import { shipments, type ShipmentLine, type ShipmentStatus } from './fulfilment.tables.js';
import { loadShipments, loadTracking, type ShipmentRow } from './shipments.repository.js';
import { toShipmentOut } from './shipment-view.js';

export interface CreateShipmentInput { orderId: string; warehouseId: string; lines?: { skuId: string; qty: number }[]; remark?: string }

const PROBLEM_TEXT: Record<LineProblem['code'], string> = { not_in_order: 'not in the order', exceeds_ordered: 'more than the order still has to ship', insufficient_stock: 'not enough stock in this warehouse' };

/** Ordered base units per SKU and the order's shipments: what the plan functions work on. */
export async function orderPlan(tx: Tx, tenantId: string, orderId: string) {
  const lines = await loadLines(tx, tenantId, orderId);
  const list = await loadShipments(tx, tenantId, orderId);
  return { lines, list, ordered: sumBySku(lines.map((l) => ({ skuId: l.skuId, qty: l.baseQty }))) };
}

/** Re-derives the order's fulfilment status from its shipments and bumps its version (other editors see the change). */
export async function refreshFulfilment(tx: Tx, tenantId: string, o: OrderRow) {
  const { ordered, list } = await orderPlan(tx, tenantId, o.id);
  const status = fulfilmentOf(ordered, list);
  const [row] = await tx.update(orders).set({ fulfilmentStatus: status, version: o.version + 1, updatedAt: new Date() })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, o.id))).returning();
  return row;
}

export async function lockShipment(tx: Tx, ctx: Ctx<Operator>, id: string) {
  const [s] = await tx.select().from(shipments).where(and(eq(shipments.tenantId, ctx.tenantId), eq(shipments.id, id)));
  if (!s) throw notFound('shipment');
  if (s.warehouseId) assertWarehouseAllowed(ctx.actor, s.warehouseId);
  // The order first (every order action locks it), then the shipment.
  const o = await findOrder(tx, ctx.tenantId, ctx.actor, s.orderId, true);
  const [locked] = await tx.select().from(shipments).where(and(eq(shipments.tenantId, ctx.tenantId), eq(shipments.id, id))).for('update');
  return { o, s: locked };
}

export function expectState(s: ShipmentRow, version: number | undefined, allowed: ShipmentStatus[]) {
  if (version !== undefined && version !== s.version) throw new AppError('version_conflict', { message: 'the shipment was changed by someone else; reload', details: { currentVersion: s.version, status: s.status } });
  if (!allowed.includes(s.status)) throw new AppError('invalid_state', { message: `the shipment is ${s.status}`, details: { status: s.status } });
}

async function describe(tx: Tx, tenantId: string, skuIds: string[]) {
  if (!skuIds.length) return new Map<string, { code: string; name: string; baseUnit: string; spec: string }>();
  const rows = await tx.select({ id: skus.id, code: skus.code, baseUnit: skus.baseUnit, spec: skus.specValues, name: products.name }).from(skus)
    .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId))).where(and(eq(skus.tenantId, tenantId), inArray(skus.id, skuIds)));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name, baseUnit: r.baseUnit, spec: r.spec.join(' / ') }]));
}

async function warehouseNames(tx: Tx, tenantId: string) {
  const rows = await tx.select({ id: warehouses.id, name: warehouses.name }).from(warehouses).where(eq(warehouses.tenantId, tenantId));
  return new Map(rows.map((w) => [w.id, w.name]));
}

export async function shipmentDetail(tx: Tx, tenantId: string, s: ShipmentRow) {
  const [o] = await tx.select({ orderNo: orders.orderNo, customerName: orders.customerName }).from(orders).where(and(eq(orders.tenantId, tenantId), eq(orders.id, s.orderId)));
  const names = await warehouseNames(tx, tenantId);
  const events = (await loadTracking(tx, tenantId, [s.id])).get(s.id) ?? [];
  return toShipmentOut(s, { ...o, warehouseName: s.warehouseId ? names.get(s.warehouseId) ?? null : null, events });
}

/** Creates a shipment (status picking) in the caller's transaction; the order row must already be locked. */
export async function createShipmentTx(tx: Tx, ctx: Ctx<Operator>, o: OrderRow, input: CreateShipmentInput): Promise<ShipmentRow> {
  if (o.status !== 'pending_shipment') throw new AppError('order_state_conflict', { message: `the order is ${o.status}; only released orders (待发货) ship`, details: { status: o.status } });
  assertWarehouseAllowed(ctx.actor, input.warehouseId);
  const [w] = await tx.select().from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, input.warehouseId)));
  if (!w) throw new AppError('validation_failed', { message: 'unknown warehouse', errors: [{ path: 'body.warehouseId', message: 'unknown warehouse' }] });
  if (!w.active) throw new AppError('invalid_state', { message: 'the warehouse is switched off', details: { warehouseId: w.id } });
  const { ordered, list } = await orderPlan(tx, ctx.tenantId, o.id);
  const left = uncovered(ordered, list);
  const reservedHere = await reservedFor(tx, ctx.tenantId, o.id, w.id);
  const openHere = inShipments(list, 'open', w.id);
  const want = input.lines ?? defaultLines(reservedHere, openHere, left);
  if (!want.length) throw new AppError('exceeds_ordered', { message: 'nothing of this order is left to ship from this warehouse', errors: [{ path: 'body.lines', message: 'nothing to ship' }] });
  const freeHere = await lockFreeStock(tx, ctx.tenantId, w.id, want.map((l) => l.skuId));
  const { problems, toReserve } = checkShipment(want, { left, reservedHere, openHere, freeHere, tracked: true });
  if (problems.length) {
    const code = problems.some((p) => p.code === 'insufficient_stock') && problems.every((p) => p.code === 'insufficient_stock') ? 'insufficient_stock' : 'exceeds_ordered';
    throw new AppError(code, { message: 'some lines cannot ship from this warehouse', errors: problems.map((p) => ({ path: `body.lines.${p.index}.qty`, message: PROBLEM_TEXT[p.code] })), details: { lines: problems } });
  }
  if (toReserve.length) await reserveMore(tx, ctx.tenantId, ctx.actor, o.id, w.id, toReserve);
  const info = await describe(tx, ctx.tenantId, want.map((l) => l.skuId));
  const lines: ShipmentLine[] = [...sumBySku(want)].map(([skuId, qty]) => {
    const d = info.get(skuId)!;
    return { skuId, skuCode: d.code, productName: d.name, specText: d.spec, baseUnit: d.baseUnit, qty };
  });
  const n = await nextSequence(tx, ctx.tenantId, 'shipment');
  const [s] = await tx.insert(shipments).values({
    tenantId: ctx.tenantId, id: newId(), shipmentNo: `FH${String(n).padStart(6, '0')}`, orderId: o.id, warehouseId: w.id, lines,
    weightGrams: null, remark: input.remark?.trim() || null, createdBy: ctx.actor.name,
  }).returning();
  const after = await refreshFulfilment(tx, ctx.tenantId, o);
  await recordOrderEvent(tx, ctx.tenantId, o, ctx.actor, { action: 'shipment_created', from: o.status, to: after.status, revision: o.revision, changes: { shipmentId: s.id, shipmentNo: s.shipmentNo, warehouse: w.name, lines: lines.map((l) => ({ skuCode: l.skuCode, qty: l.qty, baseUnit: l.baseUnit })) } });
  return s;
}

export function createShipmentsService(database: Database) {
  return {
    create: (ctx: Ctx<Operator>, input: CreateShipmentInput) => database.tx(ctx.tenantId, async (tx) => {
      const o = await findOrder(tx, ctx.tenantId, ctx.actor, input.orderId, true);
      return shipmentDetail(tx, ctx.tenantId, await createShipmentTx(tx, ctx, o, input));
    }),

    pack: (ctx: Ctx<Operator>, id: string, input: { version?: number; packages: number; weightGrams?: number | null }) => database.tx(ctx.tenantId, async (tx) => {
      const { o, s } = await lockShipment(tx, ctx, id);
      expectState(s, input.version, ['picking', 'packed']);
      const [row] = await tx.update(shipments).set({ status: 'packed', packages: input.packages, weightGrams: input.weightGrams ?? null, packedAt: new Date(), updatedAt: new Date(), version: s.version + 1 })
        .where(and(eq(shipments.tenantId, ctx.tenantId), eq(shipments.id, s.id))).returning();
      await refreshFulfilment(tx, ctx.tenantId, o);
      return shipmentDetail(tx, ctx.tenantId, row);
    }),

    cancel: (ctx: Ctx<Operator>, id: string, input: { version?: number }) => database.tx(ctx.tenantId, async (tx) => {
      const { o, s } = await lockShipment(tx, ctx, id);
      expectState(s, input.version, ['picking', 'packed']);
      const [row] = await tx.update(shipments).set({ status: 'cancelled', cancelledAt: new Date(), updatedAt: new Date(), version: s.version + 1 })
        .where(and(eq(shipments.tenantId, ctx.tenantId), eq(shipments.id, s.id))).returning();
      const after = await refreshFulfilment(tx, ctx.tenantId, o);
      await recordOrderEvent(tx, ctx.tenantId, o, ctx.actor, { action: 'shipment_cancelled', from: o.status, to: after.status, revision: o.revision, changes: { shipmentId: s.id, shipmentNo: s.shipmentNo } });
      return shipmentDetail(tx, ctx.tenantId, row);
    }),

    detail: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const [s] = await tx.select().from(shipments).where(and(eq(shipments.tenantId, ctx.tenantId), eq(shipments.id, id)));
      if (!s) throw notFound('shipment');
      await findOrder(tx, ctx.tenantId, ctx.actor, s.orderId);
      return shipmentDetail(tx, ctx.tenantId, s);
    }),

    list: (ctx: Ctx<Operator>, q: { warehouseId?: string; status?: ShipmentStatus; orderId?: string; limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) => {
      const allowed = allowedWarehouseIds(ctx.actor);
      const rows = await tx.select({ s: shipments, orderNo: orders.orderNo, customerName: orders.customerName }).from(shipments)
        .innerJoin(orders, and(eq(orders.tenantId, shipments.tenantId), eq(orders.id, shipments.orderId)))
        .where(and(eq(shipments.tenantId, ctx.tenantId),
          q.warehouseId ? eq(shipments.warehouseId, q.warehouseId) : undefined,
          allowed ? inArray(shipments.warehouseId, allowed) : undefined,
          q.status ? eq(shipments.status, q.status) : undefined,
          q.orderId ? eq(shipments.orderId, q.orderId) : undefined,
          q.cursor ? lt(shipments.id, q.cursor) : undefined))
        .orderBy(desc(shipments.id)).limit(q.limit + 1);
      const names = await warehouseNames(tx, ctx.tenantId);
      return toPage(rows.map((r) => ({ ...r, id: r.s.id })), q.limit, (r) => toShipmentOut(r.s, { orderNo: r.orderNo, customerName: r.customerName, warehouseName: r.s.warehouseId ? names.get(r.s.warehouseId) ?? null : null }));
    }),

    /**
     * 待发货队列: released orders with something reserved in a warehouse that no open shipment takes yet, one row per
     * order and warehouse (oldest first), with the lines a new shipment would take by default.
     */
    queue: (ctx: Ctx<Operator>, q: { warehouseId?: string; orderId?: string; limit: number }) => database.tx(ctx.tenantId, async (tx) => {
      if (q.warehouseId) assertWarehouseAllowed(ctx.actor, q.warehouseId);
      const allowed = allowedWarehouseIds(ctx.actor);
      const pairs = await tx.select({ orderId: orderAllocations.orderId, warehouseId: orderAllocations.warehouseId }).from(orderAllocations)
        .innerJoin(orders, and(eq(orders.tenantId, orderAllocations.tenantId), eq(orders.id, orderAllocations.orderId)))
        .where(and(eq(orderAllocations.tenantId, ctx.tenantId), sql`${orderAllocations.reserved} > 0`, eq(orders.status, 'pending_shipment'),
          q.warehouseId ? eq(orderAllocations.warehouseId, q.warehouseId) : undefined, q.orderId ? eq(orderAllocations.orderId, q.orderId) : undefined, allowed ? inArray(orderAllocations.warehouseId, allowed) : undefined))
        .groupBy(orderAllocations.orderId, orderAllocations.warehouseId, orders.submittedAt)
        .orderBy(asc(orders.submittedAt), asc(orderAllocations.orderId), asc(orderAllocations.warehouseId)).limit(q.limit * 2);
      const names = await warehouseNames(tx, ctx.tenantId);
      const items = [];
      for (const p of pairs) {
        if (items.length >= q.limit) break;
        const [o] = await tx.select().from(orders).where(and(eq(orders.tenantId, ctx.tenantId), eq(orders.id, p.orderId)));
        const { ordered, list, lines } = await orderPlan(tx, ctx.tenantId, o.id);
        const toShip = defaultLines(await reservedFor(tx, ctx.tenantId, o.id, p.warehouseId), inShipments(list, 'open', p.warehouseId), uncovered(ordered, list));
        if (!toShip.length) continue;
        const bySku = new Map(lines.map((l) => [l.skuId, l]));
        const info = await describe(tx, ctx.tenantId, toShip.map((l) => l.skuId));
        items.push({
          orderId: o.id, orderNo: o.orderNo, customerName: o.customerName, submittedAt: o.submittedAt.toISOString(), requestedDate: o.requestedDate,
          address: o.address, fulfilmentStatus: o.fulfilmentStatus, warehouseId: p.warehouseId, warehouseName: names.get(p.warehouseId) ?? '',
          lines: toShip.map((l) => ({ skuId: l.skuId, skuCode: bySku.get(l.skuId)?.skuCode ?? '', productName: bySku.get(l.skuId)?.productName ?? '', specText: bySku.get(l.skuId)?.specText ?? '', baseUnit: info.get(l.skuId)?.baseUnit ?? '', qty: l.qty })),
          openShipments: list.filter((s) => s.status === 'picking' || s.status === 'packed').length,
        });
      }
      return { items };
    }),
  };
}

export type ShipmentsService = ReturnType<typeof createShipmentsService>;
