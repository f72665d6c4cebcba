import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts, updatedAt, version } from '../../platform/db/columns.js';
import { customers } from '../customers/customers.tables.js';
import { orders } from '../orders/orders.tables.js';

export const REFUND_STATUSES = ['pending_approval', 'succeeded', 'rejected'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
/** balance: back to the prepaid balance; credit: the credit charge is taken back (账期欠款 goes down); original: paid back outside (bank transfer). */
export const REFUND_DESTINATIONS = ['balance', 'credit', 'original'] as const;
export type RefundDestination = (typeof REFUND_DESTINATIONS)[number];
/** overpaid: money arrived (an online payment paid late) for an order that no longer owed it; edit: an edit lowered a paid order's total. */
export const REFUND_TRIGGERS = ['cancel', 'void', 'manual', 'overpaid', 'edit'] as const;
export type RefundTrigger = (typeof REFUND_TRIGGERS)[number];

export interface GatewayRefundEntry { paymentId: string; paymentNo: string; gateway: string; amountFen: number; outRefundNo: string; refundNo: string | null; state: 'processing' | 'succeeded' }

/**
 * 退款单: money going back to a customer for an order. Requested (automatically when a paid order is cancelled or
 * voided, or by finance), then approved by finance — which books its one ledger row — or rejected.
 */
export const refunds = pgTable('refunds', {
  tenantId: tenantId(),
  id: id(),
  refundNo: text('refund_no').notNull(),
  orderId: text('order_id').notNull(),
  customerId: text('customer_id').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  destination: text('destination').$type<RefundDestination>().notNull(),
  status: text('status').$type<RefundStatus>().notNull().default('pending_approval'),
  trigger: text('trigger').$type<RefundTrigger>().notNull(),
  reason: text('reason'),
  requestedByKind: text('requested_by_kind').notNull(),
  requestedById: text('requested_by_id').notNull(),
  requestedByName: text('requested_by_name').notNull(),
  decidedById: text('decided_by_id'),
  decidedByName: text('decided_by_name'),
  decidedAt: ts('decided_at'),
  rejectReason: text('reject_reason'),
  /** The part of an `original` refund paid back through the gateway each online payment came from (one entry each). */
  gatewayRefunds: jsonb('gateway_refunds').$type<GatewayRefundEntry[]>().notNull().default(sql`'[]'::jsonb`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('refunds_no_uq').on(t.tenantId, t.refundNo),
  index('refunds_order_idx').on(t.tenantId, t.orderId),
  index('refunds_status_idx').on(t.tenantId, t.status, t.id),
  check('refunds_amount_positive', sql`${t.amountFen} > 0`),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
]);
