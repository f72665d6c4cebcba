import { sql } from 'drizzle-orm';
import { bigint, boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts, updatedAt, version } from '../../platform/db/columns.js';
import { customers } from '../customers/customers.tables.js';
import type { FulfilmentStatus, OrderStatus, PaymentStatus } from './domain/order-state.js';
import type { TaxLine } from './domain/order-totals.js';

export interface AddressSnapshot { receiver: string; phone: string; regionId: string | null; regionText: string; detail: string }
export interface InvoiceSnapshot { kind: 'normal' | 'special'; title: string; taxNo: string; bankName: string | null; bankAccount: string | null; address: string | null; phone: string | null }

/** 订单: the header with its three status dimensions and snapshots of who, where and how much. */
export const orders = pgTable('orders', {
  tenantId: tenantId(),
  id: id(),
  orderNo: text('order_no').notNull(),
  customerId: text('customer_id').notNull(),
  /** Snapshots taken at submission, so the queue filters and shows orders without joins. */
  customerName: text('customer_name').notNull(),
  customerCode: text('customer_code').notNull(),
  levelId: text('level_id'),
  regionId: text('region_id'),
  salespersonId: text('salesperson_id'),
  source: text('source', { enum: ['mall', 'staff'] }).notNull(),
  memberId: text('member_id'),
  staffId: text('staff_id'),
  placedByName: text('placed_by_name').notNull(),
  status: text('status').$type<OrderStatus>().notNull(),
  fulfilmentStatus: text('fulfilment_status').$type<FulfilmentStatus>().notNull().default('unfulfilled'),
  paymentStatus: text('payment_status').$type<PaymentStatus>().notNull().default('unpaid'),
  address: jsonb('address').$type<AddressSnapshot>().notNull(),
  requestedDate: date('requested_date', { mode: 'string' }),
  remark: text('remark'),
  invoice: jsonb('invoice').$type<InvoiceSnapshot | null>(),
  paymentMethod: text('payment_method').notNull(),
  goodsFen: bigint('goods_fen', { mode: 'number' }).notNull(),
  discountFen: bigint('discount_fen', { mode: 'number' }).notNull().default(0),
  shippingFen: bigint('shipping_fen', { mode: 'number' }).notNull().default(0),
  totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
  paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
  taxes: jsonb('taxes').$type<TaxLine[]>().notNull(),
  lineCount: integer('line_count').notNull(),
  quantity: integer('quantity').notNull(),
  weightGrams: bigint('weight_grams', { mode: 'number' }).notNull().default(0),
  firstLineName: text('first_line_name').notNull(),
  /** Every staff edit raises the revision; the timeline keeps each revision's changes. */
  revision: integer('revision').notNull().default(1),
  rejectReason: text('reject_reason'),
  cancelReason: text('cancel_reason'),
  /** False while an order waits for approval to reserve its stock (tenant setting orders.reserveAt = 'approval'). */
  stockReserved: boolean('stock_reserved').notNull().default(true),
  carrier: text('carrier'),
  trackingNo: text('tracking_no'),
  submittedAt: ts('submitted_at').notNull().defaultNow(),
  shippedAt: ts('shipped_at'),
  completedAt: ts('completed_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('orders_no_uq').on(t.tenantId, t.orderNo),
  index('orders_status_idx').on(t.tenantId, t.status, t.id),
  index('orders_customer_idx').on(t.tenantId, t.customerId, t.id),
  index('orders_salesperson_idx').on(t.tenantId, t.salespersonId, t.id),
  index('orders_submitted_idx').on(t.tenantId, t.submittedAt),
  index('orders_autoconfirm_idx').on(t.tenantId, t.shippedAt).where(sql`status = 'pending_receipt'`),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
]);

/** 订单明细: one SKU in one sell unit, with the price snapshot and why it was chosen. */
export const orderLines = pgTable('order_lines', {
  tenantId: tenantId(),
  id: id(),
  orderId: text('order_id').notNull(),
  lineNo: integer('line_no').notNull(),
  productId: text('product_id').notNull(),
  skuId: text('sku_id').notNull(),
  skuUnitId: text('sku_unit_id').notNull(),
  productName: text('product_name').notNull(),
  skuCode: text('sku_code').notNull(),
  specText: text('spec_text').notNull(),
  unitName: text('unit_name').notNull(),
  conversion: integer('conversion').notNull(),
  qty: integer('qty').notNull(),
  baseQty: integer('base_qty').notNull(),
  listPriceFen: bigint('list_price_fen', { mode: 'number' }).notNull(),
  unitPriceFen: bigint('unit_price_fen', { mode: 'number' }).notNull(),
  priceSource: text('price_source').notNull(),
  priceOverridden: boolean('price_overridden').notNull().default(false),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  taxRateBp: integer('tax_rate_bp').notNull(),
  weightGrams: bigint('weight_grams', { mode: 'number' }).notNull().default(0),
  imageId: text('image_id'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('order_lines_order_idx').on(t.tenantId, t.orderId, t.lineNo),
  index('order_lines_sku_idx').on(t.tenantId, t.skuCode),
  foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete('cascade'),
]);

/** The order's timeline: every transition and every edit (with its changes), in order. */
export const orderEvents = pgTable('order_events', {
  tenantId: tenantId(),
  id: id(),
  orderId: text('order_id').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  actorKind: text('actor_kind').notNull(),
  actorId: text('actor_id').notNull(),
  actorName: text('actor_name').notNull(),
  reason: text('reason'),
  revision: integer('revision').notNull(),
  changes: jsonb('changes'),
  at: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('order_events_order_idx').on(t.tenantId, t.orderId, t.id),
  foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete('cascade'),
]);
