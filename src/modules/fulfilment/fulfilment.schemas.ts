import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.js';
import { idParam, versionField } from '../../platform/http/schemas.js';
import { CARRIER_CODES } from '../logistics/carrier.js';
import { SHIPMENT_STATUSES, TRACKING_STATES } from './fulfilment.tables.js';

const qty = z.number().int().min(1).max(10_000_000);
export const shipmentLinesIn = z.array(z.strictObject({ skuId: idParam, qty })).min(1).max(1000);

export const createShipmentBody = z.strictObject({
  orderId: idParam, warehouseId: idParam,
  /** Base units per SKU; omitted = everything the order holds in this warehouse that no open shipment takes. */
  lines: shipmentLinesIn.optional(),
  remark: z.string().trim().max(200).optional(),
});
export const packBody = z.strictObject({ version: versionField.optional(), packages: z.number().int().min(1).max(999).default(1), weightGrams: z.number().int().min(1).max(100_000_000).nullable().optional() });
export const shipShipmentBody = z.strictObject({
  version: versionField.optional(),
  carrierCode: z.enum(CARRIER_CODES),
  trackingNo: z.string().trim().min(4).max(40).regex(/^[0-9A-Za-z-]+$/, 'letters, digits and -').optional(),
  /** Ask the carrier integration for a waybill number (电子面单) instead of typing one. */
  requestWaybill: z.boolean().optional(),
});
export const cancelShipmentBody = z.strictObject({ version: versionField.optional() });
export const shipmentListQuery = z.strictObject({ warehouseId: idParam.optional(), status: z.enum(SHIPMENT_STATUSES).optional(), orderId: idParam.optional(), ...pageQuery });
export const queueQuery = z.strictObject({ warehouseId: idParam.optional(), orderId: idParam.optional(), limit: pageQuery.limit });
export const pickListBody = z.strictObject({ shipmentIds: z.array(idParam).min(1).max(100) });

const lineOut = z.object({ skuId: z.string(), skuCode: z.string(), productName: z.string(), specText: z.string(), baseUnit: z.string(), qty: z.number() });
export const trackingOut = z.object({ at: z.string(), state: z.enum(TRACKING_STATES), description: z.string(), location: z.string().nullable(), source: z.string() });
export const shipmentOut = z.object({
  id: z.string(), shipmentNo: z.string(), orderId: z.string(), orderNo: z.string().nullable(), customerName: z.string().nullable(),
  warehouseId: z.string().nullable(), warehouseName: z.string().nullable(), status: z.enum(SHIPMENT_STATUSES), lines: z.array(lineOut), quantity: z.number(),
  packages: z.number(), weightGrams: z.number().nullable(), carrierCode: z.string().nullable(), carrierName: z.string().nullable(), trackingNo: z.string().nullable(),
  waybillVia: z.string().nullable(), trackingVia: z.string().nullable(), trackingState: z.string().nullable(), pickListId: z.string().nullable(), remark: z.string().nullable(),
  createdAt: z.string(), packedAt: z.string().nullable(), shippedAt: z.string().nullable(), deliveredAt: z.string().nullable(), cancelledAt: z.string().nullable(),
  version: z.number(), tracking: z.array(trackingOut).optional(),
});
export const queueItemOut = z.object({
  orderId: z.string(), orderNo: z.string(), customerName: z.string(), submittedAt: z.string(), requestedDate: z.string().nullable(),
  address: z.object({ receiver: z.string(), phone: z.string(), regionId: z.string().nullable(), regionText: z.string(), detail: z.string() }),
  fulfilmentStatus: z.string(), warehouseId: z.string(), warehouseName: z.string(),
  lines: z.array(z.object({ skuId: z.string(), skuCode: z.string(), productName: z.string(), specText: z.string(), baseUnit: z.string(), qty: z.number() })), openShipments: z.number(),
});
export const pickListOut = z.object({ id: z.string(), pickNo: z.string(), warehouseId: z.string().nullable(), shipmentIds: z.array(z.string()), createdAt: z.string() });
export const carriersOut = z.object({ carriers: z.array(z.object({ code: z.string(), name: z.string() })), integration: z.string().nullable() });
