import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts, updatedAt, version } from '../../platform/db/columns.js';

export const SHIPMENT_STATUSES = ['picking', 'packed', 'shipped', 'delivered', 'cancelled'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export interface ShipmentLine { skuId: string; skuCode: string; productName: string; specText: string; baseUnit: string; qty: number }

/**
 * 发货单: part (or all) of one order leaving one warehouse. picking → packed → shipped → delivered; cancelled before
 * it ships. Quantities are base units per SKU, drawn from the order's reservation in that warehouse; the stock leaves
 * on-hand only when the shipment ships. `warehouseId` is null only for a company that does not track stock.
 */
export const shipments = pgTable('shipments', {
  tenantId: tenantId(),
  id: id(),
  shipmentNo: text('shipment_no').notNull(),
  orderId: text('order_id').notNull(),
  warehouseId: text('warehouse_id'),
  status: text('status').$type<ShipmentStatus>().notNull().default('picking'),
  lines: jsonb('lines').$type<ShipmentLine[]>().notNull(),
  pickListId: text('pick_list_id'),
  packages: integer('packages').notNull().default(1),
  weightGrams: bigint('weight_grams', { mode: 'number' }),
  carrierCode: text('carrier_code'),
  carrierName: text('carrier_name'),
  trackingNo: text('tracking_no'),
  /** How the tracking number came: typed in (`manual`) or issued by a carrier integration (e.g. `kuaidi100`). */
  waybillVia: text('waybill_via'),
  /** Carrier integration that pushes this parcel's tracking, once subscribed. */
  trackingVia: text('tracking_via'),
  trackingState: text('tracking_state'),
  remark: text('remark'),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  packedAt: ts('packed_at'),
  shippedAt: ts('shipped_at'),
  deliveredAt: ts('delivered_at'),
  cancelledAt: ts('cancelled_at'),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('shipments_no_uq').on(t.tenantId, t.shipmentNo),
  index('shipments_order_idx').on(t.tenantId, t.orderId),
  index('shipments_queue_idx').on(t.tenantId, t.warehouseId, t.status, t.id),
  index('shipments_tracking_idx').on(t.tenantId, t.trackingNo).where(sql`tracking_no is not null`),
]);

/** 拣货单: one walk through a warehouse for one or several shipments, quantities summed per SKU. */
export const pickLists = pgTable('pick_lists', {
  tenantId: tenantId(),
  id: id(),
  pickNo: text('pick_no').notNull(),
  warehouseId: text('warehouse_id'),
  shipmentIds: text('shipment_ids').array().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('pick_lists_no_uq').on(t.tenantId, t.pickNo)]);

export const TRACKING_STATES = ['collected', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'returned'] as const;
export type TrackingState = (typeof TRACKING_STATES)[number];

/**
 * One step of a parcel's journey (物流轨迹). A carrier resends its whole history with every push, so each event has a
 * fingerprint (time + text) and is stored once however often it arrives.
 */
export const trackingEvents = pgTable('tracking_events', {
  tenantId: tenantId(),
  id: id(),
  shipmentId: text('shipment_id').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  state: text('state').$type<TrackingState>().notNull(),
  description: text('description').notNull(),
  location: text('location'),
  source: text('source').notNull(),
  fingerprint: text('fingerprint').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('tracking_events_fp_uq').on(t.tenantId, t.shipmentId, t.fingerprint),
  index('tracking_events_shipment_idx').on(t.tenantId, t.shipmentId, t.occurredAt),
]);
