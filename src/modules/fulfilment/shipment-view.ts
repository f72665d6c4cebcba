import type { ShipmentRow, TrackingEventRow } from './shipments.repository.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toShipmentOut(s: ShipmentRow, extra: { orderNo?: string; customerName?: string; warehouseName?: string | null; events?: TrackingEventRow[] } = {}) {
  return {
    id: s.id, shipmentNo: s.shipmentNo, orderId: s.orderId, orderNo: extra.orderNo ?? null, customerName: extra.customerName ?? null,
    warehouseId: s.warehouseId, warehouseName: extra.warehouseName ?? null, status: s.status, lines: s.lines,
    quantity: s.lines.reduce((a, l) => a + l.qty, 0), packages: s.packages, weightGrams: s.weightGrams,
    carrierCode: s.carrierCode, carrierName: s.carrierName, trackingNo: s.trackingNo, waybillVia: s.waybillVia, trackingVia: s.trackingVia,
    trackingState: s.trackingState, pickListId: s.pickListId, remark: s.remark, createdAt: s.createdAt.toISOString(), packedAt: iso(s.packedAt),
    shippedAt: iso(s.shippedAt), deliveredAt: iso(s.deliveredAt), cancelledAt: iso(s.cancelledAt), version: s.version,
    ...(extra.events ? { tracking: extra.events.map(toTrackingOut) } : {}),
  };
}

export const toTrackingOut = (e: TrackingEventRow) => ({ at: e.occurredAt.toISOString(), state: e.state, description: e.description, location: e.location, source: e.source });
