/** 拣货单 (batched): several shipments of one warehouse picked in one walk. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { warehouses } from '../inventory/inventory.tables.js';
import { assertWarehouseAllowed } from '../inventory/warehouse-scope.js';
import { orders } from '../orders/orders.tables.js';
import { readSettings } from '../settings/settings.service.js';
import { pickLists, shipments } from './fulfilment.tables.js';
import { pickListPrint } from './fulfilment-documents.js';

export function createPickListsService(database: Database) {
  return {
    create: (ctx: Ctx<Operator>, shipmentIds: string[]) => database.tx(ctx.tenantId, async (tx) => {
      const ids = [...new Set(shipmentIds)];
      const rows = await tx.select().from(shipments).where(and(eq(shipments.tenantId, ctx.tenantId), inArray(shipments.id, ids))).for('update');
      if (rows.length !== ids.length) throw new AppError('validation_failed', { message: 'unknown shipment', errors: [{ path: 'body.shipmentIds', message: 'unknown shipment' }] });
      const whs = new Set(rows.map((r) => r.warehouseId));
      if (whs.size !== 1) throw new AppError('validation_failed', { message: 'a pick list is for one warehouse', errors: [{ path: 'body.shipmentIds', message: 'several warehouses' }] });
      const warehouseId = rows[0].warehouseId;
      if (warehouseId) assertWarehouseAllowed(ctx.actor, warehouseId);
      const notPicking = rows.filter((r) => r.status !== 'picking');
      if (notPicking.length) throw new AppError('invalid_state', { message: `only shipments being picked go on a pick list: ${notPicking.map((r) => r.shipmentNo).join(', ')}`, details: { shipmentIds: notPicking.map((r) => r.id) } });
      const n = await nextSequence(tx, ctx.tenantId, 'pick_list');
      const [p] = await tx.insert(pickLists).values({ tenantId: ctx.tenantId, id: newId(), pickNo: `JH${String(n).padStart(6, '0')}`, warehouseId, shipmentIds: ids, createdBy: ctx.actor.name }).returning();
      await tx.update(shipments).set({ pickListId: p.id }).where(and(eq(shipments.tenantId, ctx.tenantId), inArray(shipments.id, ids)));
      return { id: p.id, pickNo: p.pickNo, warehouseId, shipmentIds: ids, createdAt: p.createdAt.toISOString() };
    }),

    print: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const [p] = await tx.select().from(pickLists).where(and(eq(pickLists.tenantId, ctx.tenantId), eq(pickLists.id, id)));
      if (!p) throw notFound('pick list');
      if (p.warehouseId) assertWarehouseAllowed(ctx.actor, p.warehouseId);
      const list = await tx.select({ s: shipments, orderNo: orders.orderNo }).from(shipments)
        .innerJoin(orders, and(eq(orders.tenantId, shipments.tenantId), eq(orders.id, shipments.orderId)))
        .where(and(eq(shipments.tenantId, ctx.tenantId), inArray(shipments.id, p.shipmentIds)));
      const [w] = p.warehouseId ? await tx.select({ name: warehouses.name }).from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, p.warehouseId))) : [];
      const { settings } = await readSettings(tx, ctx.tenantId);
      return pickListPrint(p, list, { company: settings.companyName, warehouse: w?.name ?? '' });
    }),
  };
}

export type PickListsService = ReturnType<typeof createPickListsService>;
