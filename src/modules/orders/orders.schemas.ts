import { z } from 'zod';
import { idParam, intQuery, versionField } from '../../platform/http/schemas.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ORDER_STATUSES } from './domain/order-state.js';
import { CHECKOUT_METHODS } from '../payments/domain/payment-methods.js';

const fen = z.number().int();
const reasonField = z.string().trim().min(1).max(300);
const optionalReason = z.string().trim().max(300).optional();

export const lineProblemOut = z.object({ code: z.string(), message: z.string(), blocking: z.boolean(), data: z.record(z.string(), z.number()).optional() });
export const totalsOut = z.object({
  goodsFen: fen, discountFen: fen, shippingFen: fen, totalFen: fen, lineCount: fen, quantity: fen, weightGrams: fen,
  taxes: z.array(z.object({ rateBp: fen, amountFen: fen, taxFen: fen })),
  adjustments: z.array(z.object({ kind: z.string(), label: z.string(), amountFen: fen })),
}).meta({ id: 'Totals' });
export const cartLineOut = z.object({
  id: z.string(), skuUnitId: z.string(), skuId: z.string(), productId: z.string(), productName: z.string(), skuCode: z.string(), specText: z.string(),
  unitName: z.string(), conversion: fen, baseUnit: z.string(), imageUrl: z.string().nullable(), qty: fen, minQty: fen, multiple: fen,
  listPriceFen: fen, unitPriceFen: fen, priceSource: z.string(), seenPriceFen: fen, amountFen: fen, taxRateBp: fen, problems: z.array(lineProblemOut),
}).meta({ id: 'CartLine' });
export const cartOut = z.object({ lines: z.array(cartLineOut), totals: totalsOut, blocking: z.boolean() }).meta({ id: 'CartView' });
export const rowReportOut = z.object({
  row: fen, code: z.string(), unit: z.string().nullable(), qty: z.number(), ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).optional(), lineId: z.string().optional(),
}).meta({ id: 'RowReport' });
export const reportOut = z.object({ report: z.array(rowReportOut), cart: cartOut });
export const skuPickOut = z.object({
  skuId: z.string(), skuCode: z.string(), barcode: z.string().nullable(), productId: z.string(), productName: z.string(), specText: z.string(), imageUrl: z.string().nullable(),
  units: z.array(z.object({ skuUnitId: z.string(), name: z.string(), conversion: fen, minQty: fen, multiple: fen, barcode: z.string().nullable(), unitPriceFen: fen })),
}).meta({ id: 'SkuPick' });

const qtyField = z.number().int().min(1).max(1_000_000);
export const addLineBody = z.strictObject({ skuUnitId: idParam, qty: qtyField });
export const setQtyBody = z.strictObject({ qty: qtyField });
export const quickBody = z.strictObject({
  rows: z.array(z.strictObject({ code: z.string().trim().min(1).max(64), unit: z.string().trim().max(20).optional(), qty: z.number() })).min(1).max(500),
});
export const lookupQuery = z.strictObject({ q: z.string().trim().min(1).max(64) });
export const cartQuery = z.strictObject({ addressId: idParam.optional() });

export const savedListOut = z.object({
  id: z.string(), name: z.string(), createdAt: z.string(),
  lines: z.array(z.object({ skuUnitId: z.string(), qty: fen, productName: z.string(), skuCode: z.string(), specText: z.string(), unitName: z.string() })),
}).meta({ id: 'SavedList' });
export const savedListBody = z.strictObject({ name: z.string().trim().min(1).max(50), lines: z.array(z.strictObject({ skuUnitId: idParam, qty: qtyField })).min(1).max(2000).optional() });

const statusSchema = z.enum(ORDER_STATUSES);
export const orderSummaryOut = z.object({
  id: z.string(), orderNo: z.string(), status: statusSchema, fulfilmentStatus: z.string(), paymentStatus: z.string(), source: z.enum(['mall', 'staff']),
  customerId: z.string(), customerCode: z.string(), customerName: z.string(), placedByName: z.string(), totalFen: fen, lineCount: fen, quantity: fen,
  firstLineName: z.string(), submittedAt: z.string(), version: fen,
}).meta({ id: 'OrderSummary' });
const addressSnapshot = z.object({ receiver: z.string(), phone: z.string(), regionId: z.string().nullable(), regionText: z.string(), detail: z.string() });
export const orderDetailOut = orderSummaryOut.extend({
  address: addressSnapshot, requestedDate: z.string().nullable(), remark: z.string().nullable(),
  invoice: z.object({ kind: z.enum(['normal', 'special']), title: z.string(), taxNo: z.string(), bankName: z.string().nullable(), bankAccount: z.string().nullable(), address: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  paymentMethod: z.string(), totals: totalsOut, paidFen: fen, amountDueFen: fen, revision: fen, rejectReason: z.string().nullable(), cancelReason: z.string().nullable(),
  carrier: z.string().nullable(), trackingNo: z.string().nullable(),
  lines: z.array(z.object({
    id: z.string(), lineNo: fen, productId: z.string(), skuId: z.string(), skuUnitId: z.string(), productName: z.string(), skuCode: z.string(), specText: z.string(),
    unitName: z.string(), conversion: fen, qty: fen, baseQty: fen, listPriceFen: fen, unitPriceFen: fen, priceSource: z.string(), priceOverridden: z.boolean(),
    amountFen: fen, taxRateBp: fen, imageUrl: z.string().nullable(),
  })),
  events: z.array(z.object({
    id: z.string(), at: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), actorKind: z.string(),
    actorName: z.string(), reason: z.string().nullable(), revision: fen, changes: z.unknown().nullable(),
  })),
  allowedActions: z.array(z.enum(['approve', 'reject', 'void', 'ship', 'receive', 'edit', 'cancel', 'reorder'])),
  payments: z.array(z.never()),
  /** The order's parcels (发货单), not cancelled ones; the shipment page has the lines and tracking. */
  shipments: z.array(z.object({ id: z.string(), shipmentNo: z.string(), status: z.string(), warehouseId: z.string().nullable(), quantity: z.number(), carrierName: z.string().nullable(), trackingNo: z.string().nullable(), shippedAt: z.string().nullable() })),
}).meta({ id: 'OrderDetail' });

export const versionBody = z.strictObject({ version: versionField });
export const reasonBody = z.strictObject({ version: versionField, reason: reasonField });
export const cancelBody = z.strictObject({ version: versionField, reason: optionalReason });
export const shipBody = z.strictObject({ version: versionField, carrier: z.string().trim().max(40).optional(), trackingNo: z.string().trim().max(60).optional() });

const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a date');
const remarkField = z.string().trim().max(500).optional();
/** The method chosen at checkout (the order keeps it); paying happens on the order afterwards. */
export const paymentMethodField = z.enum(CHECKOUT_METHODS);
export const checkoutBody = z.strictObject({
  addressId: idParam, requestedDate: dateField.optional(), remark: remarkField, invoiceProfileId: idParam.nullable().optional(),
  paymentMethod: paymentMethodField, expectedTotalFen: z.number().int().min(0),
});
const staffLine = z.strictObject({ skuUnitId: idParam, qty: qtyField, unitPriceFen: z.number().int().min(0).max(1_000_000_000_00).optional() });
export const staffOrderBody = z.strictObject({
  customerId: idParam, addressId: idParam, lines: z.array(staffLine).min(1).max(2000), requestedDate: dateField.optional(), remark: remarkField,
  invoiceProfileId: idParam.nullable().optional(), paymentMethod: paymentMethodField,
});
export const addressIn = z.strictObject({
  receiver: z.string().trim().min(1).max(50), phone: z.string().trim().min(3).max(30), regionId: idParam.nullable().optional(),
  regionText: z.string().trim().min(1).max(100), detail: z.string().trim().min(1).max(200),
});
export const editBody = z.strictObject({
  version: versionField,
  lines: z.array(staffLine.extend({ id: idParam.optional() })).min(1).max(2000),
  address: addressIn.optional(), remark: z.string().trim().max(500).nullable().optional(), rememberPrices: z.boolean().optional(),
});
export const bulkApproveBody = z.strictObject({ ids: z.array(idParam).min(1).max(200) });
export const bulkApproveOut = z.object({ results: z.array(z.object({ id: z.string(), ok: z.boolean(), status: z.string().optional(), code: z.string().optional() })) });

export const adminTabs = ['todo', 'open', 'completed', 'closed', 'all'] as const;
export const mallTabs = ['all', 'approval', 'review', 'shipping', 'receiving', 'completed', 'closed'] as const;
const amountQuery = intQuery(1_000_000_000_00);
export const adminListQuery = z.strictObject({
  ...pageQuery, tab: z.enum(adminTabs).default('all'), status: statusSchema.optional(), customerId: idParam.optional(), salespersonId: idParam.optional(),
  regionId: idParam.optional(), from: dateField.optional(), to: dateField.optional(), minFen: amountQuery.optional(), maxFen: amountQuery.optional(),
  sku: z.string().trim().min(1).max(64).optional(), q: z.string().trim().min(1).max(64).optional(),
});
export const mallListQuery = z.strictObject({ ...pageQuery, tab: z.enum(mallTabs).default('all'), q: z.string().trim().min(1).max(64).optional() });
export const countsOut = z.object({ todo: fen, open: fen, completed: fen, closed: fen, all: fen, latestId: z.string().nullable(), latestAt: z.string().nullable() });
export const staffLookupQuery = z.strictObject({ customerId: idParam, q: z.string().trim().min(1).max(64) });
