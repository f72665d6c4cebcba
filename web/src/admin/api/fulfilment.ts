import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { OrderAddress } from './orders';

/** Console-only shapes of docs/api.md "Fulfilment — console" (发货). Quantities are integers in the SKU's base unit. */

export const CARRIERS = '/admin/carriers';
export const FULFILMENT_QUEUE = '/admin/fulfilment/queue';
export const SHIPMENTS = '/admin/shipments';
export const PICK_LISTS = '/admin/pick-lists';

export const SHIPMENT_STATUSES = ['picking', 'packed', 'shipped', 'delivered', 'cancelled'] as const;
/** 拣货中 → 已打包 → 已发货 → 已签收; before it leaves it can be 已取消. */
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export type ShipmentStep = 'pack' | 'ship' | 'cancel';

export const TRACKING_STATES = ['collected', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'returned'] as const;
/** 已揽收 · 运输中 · 派送中 · 已签收 · 异常 · 已退回 */
export type TrackingState = (typeof TRACKING_STATES)[number];

export interface Carrier {
  /** the carrier's Kuaidi100 company code; `self` = own truck or pick-up (no tracking number) */
  code: string;
  name: string;
}

export interface CarriersInfo {
  carriers: Carrier[];
  /** the carrier integration (电子面单 and tracking push) when configured, else null */
  integration: string | null;
}

export interface TrackingEvent {
  at: string;
  state: TrackingState;
  description: string;
  location: string | null;
  /** `push` (the carrier pushed it) or `query` (asked by 刷新物流) */
  source: string;
}

export interface ShipmentLine {
  skuId: string;
  skuCode: string;
  productName: string;
  specText: string;
  baseUnit: string;
  qty: number;
}

/** 发货单: what leaves one warehouse for one order. */
export interface Shipment {
  id: string;
  /** FH000001 */
  shipmentNo: string;
  orderId: string;
  orderNo: string | null;
  customerName: string | null;
  warehouseId: string | null;
  warehouseName: string | null;
  status: ShipmentStatus;
  lines: ShipmentLine[];
  quantity: number;
  packages: number;
  weightGrams: number | null;
  carrierCode: string | null;
  carrierName: string | null;
  trackingNo: string | null;
  /** `kuaidi100` when the number was issued by the carrier (电子面单), `manual` when typed */
  waybillVia: string | null;
  trackingVia: string | null;
  trackingState: TrackingState | null;
  pickListId: string | null;
  remark: string | null;
  createdAt: string;
  packedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  version: number;
  /** oldest first; only on GET /shipments/:id and the write answers */
  tracking?: TrackingEvent[];
}

/** One row of 待发货: a released order and one warehouse holding its stock, with what a new shipment would take. */
export interface QueueItem {
  orderId: string;
  orderNo: string;
  customerName: string;
  submittedAt: string;
  requestedDate: string | null;
  address: OrderAddress;
  fulfilmentStatus: string;
  warehouseId: string;
  warehouseName: string;
  lines: { skuId: string; skuCode: string; productName: string; specText: string; baseUnit: string; qty: number }[];
  /** shipments of this order being picked or packed (any warehouse) */
  openShipments: number;
}

export interface ShipmentIn {
  orderId: string;
  warehouseId: string;
  /** omitted: everything the order holds in this warehouse */
  lines?: { skuId: string; qty: number }[];
  remark?: string;
}

export interface PackIn {
  version: number;
  packages: number;
  weightGrams?: number;
}

export interface ShipIn {
  version: number;
  carrierCode: string;
  trackingNo?: string;
  requestWaybill?: boolean;
}

export interface PickList {
  id: string;
  /** JH000001 */
  pickNo: string;
  warehouseId: string | null;
  shipmentIds: string[];
  createdAt: string;
}

export const queueKey = (warehouseId: string | undefined) => [FULFILMENT_QUEUE, warehouseId ?? 'all'];
export const shipmentPath = (id: string) => `${SHIPMENTS}/${id}`;
/** The print views (HTML) open in a new tab: full paths, not relative to the API client. */
export const SHIPMENT_PRINTS = ['picking', 'delivery', 'waybill'] as const;
export type ShipmentPrint = (typeof SHIPMENT_PRINTS)[number];
export const shipmentPrintUrl = (id: string, kind: ShipmentPrint) => `/api/v1${SHIPMENTS}/${id}/print/${kind}`;
export const pickListPrintUrl = (id: string) => `/api/v1${PICK_LISTS}/${id}/print`;

/** 自送/自提 needs no tracking number. */
export const SELF_CARRIER = 'self';

/** The carriers to pick from and whether 电子面单 is available (cached for the session). */
export const useCarriers = (enabled = true) =>
  useQuery({ queryKey: [CARRIERS], queryFn: () => api.get<CarriersInfo>(CARRIERS), staleTime: 10 * 60_000, enabled });

/** The shipments still open (picking or packed) can be packed, shipped or called off. */
export const isOpenShipment = (s: Pick<Shipment, 'status'>) => s.status === 'picking' || s.status === 'packed';
