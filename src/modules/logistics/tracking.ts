/**
 * Stores a parcel's tracking (from a push or a query) idempotently: every step once, the shipment's state from its
 * newest step (so an older push arriving late changes nothing), and a delivered parcel marked delivered.
 */
import { createHash, createHmac } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { emitEvent } from '../../platform/outbox/outbox.js';
import { shipments, trackingEvents } from '../fulfilment/fulfilment.tables.js';
import type { ShipmentRow } from '../fulfilment/shipments.repository.js';
import type { TrackingSnapshot } from './carrier.js';

/** The per-parcel secret the carrier signs its pushes with: derived, never stored, different for every shipment. */
export const pushSalt = (secret: string, via: string, tenantId: string, shipmentId: string) =>
  createHmac('sha256', secret).update(`${via}:${tenantId}:${shipmentId}`).digest('hex').slice(0, 32);

export async function applySnapshot(tx: Tx, tenantId: string, s: ShipmentRow, snap: TrackingSnapshot, source: 'push' | 'query'): Promise<{ added: number }> {
  const rows = snap.steps.map((st) => ({
    tenantId, id: newId(), shipmentId: s.id, occurredAt: st.at, state: st.state, description: st.description, location: st.location, source,
    fingerprint: createHash('sha256').update(`${st.at.toISOString()}|${st.description}`).digest('hex').slice(0, 32),
  }));
  const added = rows.length ? await tx.insert(trackingEvents).values(rows).onConflictDoNothing().returning({ id: trackingEvents.id }) : [];
  const [latest] = await tx.select({ state: trackingEvents.state }).from(trackingEvents)
    .where(and(eq(trackingEvents.tenantId, tenantId), eq(trackingEvents.shipmentId, s.id))).orderBy(desc(trackingEvents.occurredAt), desc(trackingEvents.id)).limit(1);
  const state = latest?.state ?? null;
  const delivered = state === 'delivered' && s.status === 'shipped';
  if (state !== s.trackingState || delivered) {
    const now = new Date();
    await tx.update(shipments).set({ trackingState: state, updatedAt: now, ...(delivered ? { status: 'delivered' as const, deliveredAt: now } : {}) })
      .where(and(eq(shipments.tenantId, tenantId), eq(shipments.id, s.id)));
  }
  if (added.length) {
    await emitEvent(tx, tenantId, { topic: 'shipment.tracking', aggregateType: 'shipment', aggregateId: s.id, payload: { orderId: s.orderId, trackingNo: s.trackingNo, state, added: added.length } });
  }
  return { added: added.length };
}
