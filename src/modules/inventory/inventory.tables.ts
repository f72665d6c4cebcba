import { sql } from 'drizzle-orm';
import { bigint, boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt, version } from '../../platform/db/columns.js';
import { skus } from '../catalog/catalog.tables.js';

/** 仓库: where stock is; `regionIds` are the delivery regions it serves (with their sub-regions). */
export const warehouses = pgTable('warehouses', {
  tenantId: tenantId(),
  id: id(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  regionIds: text('region_ids').array().notNull().default([]),
  /** Lower comes first when several warehouses could ship. */
  priority: integer('priority').notNull().default(100),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('warehouses_code_uq').on(t.tenantId, t.code)]);

/**
 * Stock of one SKU in one warehouse, in base units. `onHand` and `reserved` always equal the sums of their
 * movements (check-ledgers verifies it); the checks make overselling impossible even for a buggy caller.
 */
export const stockLevels = pgTable('stock_levels', {
  tenantId: tenantId(),
  warehouseId: text('warehouse_id').notNull(),
  skuId: text('sku_id').notNull(),
  onHand: bigint('on_hand', { mode: 'number' }).notNull().default(0),
  reserved: bigint('reserved', { mode: 'number' }).notNull().default(0),
  safetyStock: bigint('safety_stock', { mode: 'number' }).notNull().default(0),
  /** 低库存线: available below it is low stock; null = the safety stock is the low mark. */
  lowStockQty: bigint('low_stock_qty', { mode: 'number' }),
  /** 积压线: on hand above it is overstock; null = no upper mark. */
  overstockQty: bigint('overstock_qty', { mode: 'number' }),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.skuId, t.warehouseId] }),
  check('stock_levels_on_hand_nonneg', sql`${t.onHand} >= 0`),
  check('stock_levels_reserved_range', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
  check('stock_levels_thresholds', sql`(${t.lowStockQty} is null or ${t.lowStockQty} >= 0) and (${t.overstockQty} is null or ${t.overstockQty} >= 0) and (${t.lowStockQty} is null or ${t.overstockQty} is null or ${t.overstockQty} > ${t.lowStockQty})`),
  foreignKey({ columns: [t.tenantId, t.warehouseId], foreignColumns: [warehouses.tenantId, warehouses.id] }),
  foreignKey({ columns: [t.tenantId, t.skuId], foreignColumns: [skus.tenantId, skus.id] }),
]);

export const MOVEMENT_KINDS = ['inbound', 'reserve', 'release', 'ship', 'adjust', 'transfer_out', 'transfer_in', 'stocktake', 'return'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** The stock ledger: every change of on-hand or reserved is one row, with who, why and its document. */
export const stockMovements = pgTable('stock_movements', {
  tenantId: tenantId(),
  id: id(),
  warehouseId: text('warehouse_id').notNull(),
  skuId: text('sku_id').notNull(),
  kind: text('kind').$type<MovementKind>().notNull(),
  onHandDelta: bigint('on_hand_delta', { mode: 'number' }).notNull().default(0),
  reservedDelta: bigint('reserved_delta', { mode: 'number' }).notNull().default(0),
  docType: text('doc_type').notNull(),
  docId: text('doc_id').notNull(),
  reason: text('reason'),
  actorKind: text('actor_kind').notNull(),
  actorId: text('actor_id').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('stock_movements_sku_idx').on(t.tenantId, t.skuId, t.warehouseId, t.id),
  index('stock_movements_doc_idx').on(t.tenantId, t.docType, t.docId),
]);

/** Which warehouse holds how much of an order line's stock: reserved at submission, consumed at shipment. */
export const orderAllocations = pgTable('order_allocations', {
  tenantId: tenantId(),
  orderId: text('order_id').notNull(),
  skuId: text('sku_id').notNull(),
  warehouseId: text('warehouse_id').notNull(),
  /** Base units still reserved for the order in this warehouse. */
  reserved: bigint('reserved', { mode: 'number' }).notNull(),
  shipped: bigint('shipped', { mode: 'number' }).notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.orderId, t.skuId, t.warehouseId] }),
  check('order_allocations_nonneg', sql`${t.reserved} >= 0 and ${t.shipped} >= 0`),
]);

/** 缺货登记: a customer's login asks to be told when an out-of-stock SKU arrives; `notifiedAt` set when it did. */
export const stockAlerts = pgTable('stock_alerts', {
  tenantId: tenantId(),
  id: id(),
  customerId: text('customer_id').notNull(),
  memberId: text('member_id').notNull(),
  skuId: text('sku_id').notNull(),
  createdAt: createdAt(),
  notifiedAt: timestamp('notified_at', { withTimezone: true, mode: 'date' }),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('stock_alerts_member_sku_uq').on(t.tenantId, t.memberId, t.skuId),
  index('stock_alerts_sku_idx').on(t.tenantId, t.skuId),
  foreignKey({ columns: [t.tenantId, t.skuId], foreignColumns: [skus.tenantId, skus.id] }),
]);

export const TRANSFER_STATUSES = ['draft', 'in_transit', 'received', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** 调拨单: stock moved between two warehouses; it leaves the source when shipped and is in transit until received. */
export const stockTransfers = pgTable('stock_transfers', {
  tenantId: tenantId(),
  id: id(),
  transferNo: text('transfer_no').notNull(),
  fromWarehouseId: text('from_warehouse_id').notNull(),
  toWarehouseId: text('to_warehouse_id').notNull(),
  status: text('status').$type<TransferStatus>().notNull().default('draft'),
  lines: jsonb('lines').$type<{ skuId: string; qty: number; skuCode?: string; productName?: string; baseUnit?: string }[]>().notNull(),
  remark: text('remark'),
  createdBy: text('created_by').notNull(),
  shippedAt: timestamp('shipped_at', { withTimezone: true, mode: 'date' }),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('stock_transfers_no_uq').on(t.tenantId, t.transferNo),
  check('stock_transfers_two_warehouses', sql`${t.fromWarehouseId} <> ${t.toWarehouseId}`),
]);

export const STOCKTAKE_STATUSES = ['counting', 'confirmed', 'cancelled'] as const;
export type StocktakeStatus = (typeof STOCKTAKE_STATUSES)[number];
export interface StocktakeLine { skuId: string; skuCode: string; productName: string; baseUnit?: string; systemQty: number; countedQty: number | null }

/** 盘点单: a count sheet of one warehouse; confirming it posts each difference (counted − book at creation) as a movement. */
export const stocktakes = pgTable('stocktakes', {
  tenantId: tenantId(),
  id: id(),
  stocktakeNo: text('stocktake_no').notNull(),
  warehouseId: text('warehouse_id').notNull(),
  status: text('status').$type<StocktakeStatus>().notNull().default('counting'),
  lines: jsonb('lines').$type<StocktakeLine[]>().notNull(),
  remark: text('remark'),
  createdBy: text('created_by').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
  version: version(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('stocktakes_no_uq').on(t.tenantId, t.stocktakeNo)]);

export const RECEIPT_STATUSES = ['draft', 'confirmed', 'cancelled'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
export interface ReceiptLine { skuId: string; skuCode: string; productName: string; baseUnit: string; qty: number; costPriceFen: number | null }

/** 入库单: goods received into a warehouse (with their cost price); the stock moves only when it is confirmed, once. */
export const inboundReceipts = pgTable('inbound_receipts', {
  tenantId: tenantId(),
  id: id(),
  receiptNo: text('receipt_no').notNull(),
  warehouseId: text('warehouse_id').notNull(),
  status: text('status').$type<ReceiptStatus>().notNull().default('draft'),
  supplier: text('supplier'),
  lines: jsonb('lines').$type<ReceiptLine[]>().notNull(),
  remark: text('remark'),
  createdBy: text('created_by').notNull(),
  confirmedBy: text('confirmed_by'),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
  version: version(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('inbound_receipts_no_uq').on(t.tenantId, t.receiptNo)]);
