/** Shipment rows as other modules need them (orders closes them on receipt, voids cancel the open ones). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { shipments, trackingEvents } from './fulfilment.tables.js';

export type ShipmentRow = typeof shipments.$inferSelect;
export type TrackingEventRow = typeof trackingEvents.$inferSelect;

export const loadShipments = (tx: Tx, tenantId: string, orderId: string) =>
  tx.select().from(shipments).where(and(eq(shipments.tenantId, tenantId), eq(shipments.orderId, orderId))).orderBy(asc(shipments.id));

export async function loadTracking(tx: Tx, tenantId: string, shipmentIds: string[]): Promise<Map<string, TrackingEventRow[]>> {
  const by = new Map<string, TrackingEventRow[]>();
  if (!shipmentIds.length) return by;
  const rows = await tx.select().from(trackingEvents).where(and(eq(trackingEvents.tenantId, tenantId), inArray(trackingEvents.shipmentId, shipmentIds)))
    .orderBy(asc(trackingEvents.occurredAt), asc(trackingEvents.id));
  for (const r of rows) by.set(r.shipmentId, [...(by.get(r.shipmentId) ?? []), r]);
  return by;
}

/** The customer (or the auto-confirm job) confirmed receipt: every shipped parcel of the order counts as delivered. */
export const deliverShippedParcels = (tx: Tx, tenantId: string, orderId: string, at: Date) =>
  tx.update(shipments).set({ status: 'delivered', deliveredAt: at, updatedAt: at })
    .where(and(eq(shipments.tenantId, tenantId), eq(shipments.orderId, orderId), eq(shipments.status, 'shipped')));

/** A voided order's parcels that have not left are called off (their stock is released with the order's). */
export const cancelOpenShipments = (tx: Tx, tenantId: string, orderId: string, at: Date) =>
  tx.update(shipments).set({ status: 'cancelled', cancelledAt: at, updatedAt: at })
    .where(and(eq(shipments.tenantId, tenantId), eq(shipments.orderId, orderId), inArray(shipments.status, ['picking', 'packed'])));
