import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts, updatedAt, version } from '../../platform/db/columns.js';
import { customers } from '../customers/customers.tables.js';
import { orders } from '../orders/orders.tables.js';
import type { BalanceShortPolicy, CreditPolicy } from './domain/credit.js';
import type { MovementKind, PaymentPurpose } from './domain/ledger-effect.js';

/**
 * A customer's money with the company: prepaid balance (预存款) and credit used (账期欠款), each always equal to the
 * sums of the customer's ledger rows (check-ledgers verifies it), and the payment terms finance set for them.
 * Changed only under `SELECT … FOR UPDATE`; the checks refuse a negative balance even if a caller were wrong.
 * A customer without a row has the defaults (nothing held, no credit).
 */
export const customerAccounts = pgTable('customer_accounts', {
  tenantId: tenantId(),
  customerId: text('customer_id').notNull(),
  balanceFen: bigint('balance_fen', { mode: 'number' }).notNull().default(0),
  creditUsedFen: bigint('credit_used_fen', { mode: 'number' }).notNull().default(0),
  creditLimitFen: bigint('credit_limit_fen', { mode: 'number' }).notNull().default(0),
  creditTermDays: integer('credit_term_days').notNull().default(30),
  /** Over the limit or while overdue: refuse the charge, or send it to finance review. */
  creditPolicy: text('credit_policy').$type<CreditPolicy>().notNull().default('block'),
  /** Paying from a balance that is short: refuse, or take what the balance holds (a partial payment). */
  balanceShortPolicy: text('balance_short_policy').$type<BalanceShortPolicy>().notNull().default('block'),
  /** The methods this customer may use; null = the tenant's (settings.payments.methods). */
  methods: text('methods').array(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.customerId] }),
  check('customer_accounts_balance_nonneg', sql`${t.balanceFen} >= 0`),
  check('customer_accounts_credit_used_nonneg', sql`${t.creditUsedFen} >= 0`),
  check('customer_accounts_terms', sql`${t.creditLimitFen} >= 0 and ${t.creditTermDays} between 0 and 365`),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
]);

export const PAYMENT_STATES = ['pending', 'pending_confirmation', 'succeeded', 'failed', 'rejected'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/**
 * 收款单 (`SK000123`): money coming in for an order, a recharge or a credit repayment, by any method.
 * pending (an online gateway's answer is awaited) · pending_confirmation (finance confirms a transfer voucher or
 * reviews a credit charge) → succeeded | failed (gateway) | rejected (finance). Only a succeeded payment has its
 * ledger row. A gateway's trade number is unique, so a repeated callback can never record a payment twice.
 */
export const payments = pgTable('payments', {
  tenantId: tenantId(),
  id: id(),
  paymentNo: text('payment_no').notNull(),
  purpose: text('purpose').$type<PaymentPurpose>().notNull(),
  customerId: text('customer_id').notNull(),
  orderId: text('order_id'),
  method: text('method').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  status: text('status').$type<PaymentState>().notNull(),
  /** Why a credit charge waits for finance: `credit_limit_exceeded` or `credit_overdue`. */
  reviewReason: text('review_reason'),
  voucherIds: text('voucher_ids').array().notNull().default(sql`'{}'::text[]`),
  /** The payer's note (转账备注) and finance's reference (bank serial number). */
  remark: text('remark'),
  reference: text('reference'),
  gateway: text('gateway'),
  gatewayTradeNo: text('gateway_trade_no'),
  /** An online payment's cashier: a page to open (`redirect`) or a QR code to scan (`qr`), until `expiresAt`. */
  payKind: text('pay_kind'),
  payUrl: text('pay_url'),
  expiresAt: ts('expires_at'),
  /** Why an online payment failed: `superseded` (a newer attempt), `closed` (the gateway closed it), `expired`. */
  failReason: text('fail_reason'),
  createdByKind: text('created_by_kind').notNull(),
  createdById: text('created_by_id').notNull(),
  createdByName: text('created_by_name').notNull(),
  decidedById: text('decided_by_id'),
  decidedByName: text('decided_by_name'),
  decidedAt: ts('decided_at'),
  rejectReason: text('reject_reason'),
  succeededAt: ts('succeeded_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('payments_no_uq').on(t.tenantId, t.paymentNo),
  unique('payments_gateway_trade_uq').on(t.tenantId, t.gateway, t.gatewayTradeNo),
  index('payments_order_idx').on(t.tenantId, t.orderId),
  index('payments_status_idx').on(t.tenantId, t.status, t.id),
  index('payments_customer_idx').on(t.tenantId, t.customerId, t.id),
  check('payments_amount_positive', sql`${t.amountFen} > 0`),
  check('payments_order_purpose', sql`(${t.purpose} = 'order') = (${t.orderId} is not null)`),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
]);

/**
 * The finance ledger: every money movement is one row, tied to its document (a payment, an adjustment, later a
 * refund), with who and why. A customer's balance and credit used are the sums of `balance_delta_fen` and
 * `credit_delta_fen`; an order's paid amount is its receipts, balance payments and credit charges less refunds.
 * The checks hold each kind to its signs.
 */
export const moneyMovements = pgTable('money_movements', {
  tenantId: tenantId(),
  id: id(),
  customerId: text('customer_id').notNull(),
  kind: text('kind').$type<MovementKind>().notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  balanceDeltaFen: bigint('balance_delta_fen', { mode: 'number' }).notNull().default(0),
  creditDeltaFen: bigint('credit_delta_fen', { mode: 'number' }).notNull().default(0),
  orderId: text('order_id'),
  method: text('method'),
  docType: text('doc_type').notNull(),
  docId: text('doc_id').notNull(),
  /** A credit charge's last day to pay (China calendar day). */
  dueOn: date('due_on', { mode: 'string' }),
  /** Why (an adjustment's rebate / correction / other) and the free-text note. */
  reason: text('reason'),
  note: text('note'),
  actorKind: text('actor_kind').notNull(),
  actorId: text('actor_id').notNull(),
  actorName: text('actor_name').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  // One document, one movement: confirming a payment twice can never book it twice.
  unique('money_movements_doc_uq').on(t.tenantId, t.docType, t.docId),
  index('money_movements_customer_idx').on(t.tenantId, t.customerId, t.id),
  index('money_movements_order_idx').on(t.tenantId, t.orderId).where(sql`order_id is not null`),
  check('money_movements_amount_positive', sql`${t.amountFen} > 0`),
  check('money_movements_signs', sql`case ${t.kind}
    when 'receipt' then ${t.balanceDeltaFen} = 0 and ${t.creditDeltaFen} = 0 and ${t.orderId} is not null
    when 'balance_payment' then ${t.balanceDeltaFen} = -${t.amountFen} and ${t.creditDeltaFen} = 0 and ${t.orderId} is not null
    when 'credit_charge' then ${t.balanceDeltaFen} = 0 and ${t.creditDeltaFen} = ${t.amountFen} and ${t.orderId} is not null and ${t.dueOn} is not null
    when 'credit_repayment' then ${t.balanceDeltaFen} = 0 and ${t.creditDeltaFen} = -${t.amountFen}
    when 'recharge' then ${t.balanceDeltaFen} = ${t.amountFen} and ${t.creditDeltaFen} = 0
    when 'adjustment' then abs(${t.balanceDeltaFen}) = ${t.amountFen} and ${t.creditDeltaFen} = 0
    when 'refund' then ${t.balanceDeltaFen} in (0, ${t.amountFen}) and ${t.creditDeltaFen} in (0, -${t.amountFen})
    else false end`),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
  foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }),
]);

/** 付款凭证: an image the customer uploaded (re-encoded, so only real images are kept), attached to one payment. */
export const paymentVouchers = pgTable('payment_vouchers', {
  tenantId: tenantId(),
  id: id(),
  customerId: text('customer_id').notNull(),
  memberId: text('member_id').notNull(),
  paymentId: text('payment_id'),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('payment_vouchers_customer_idx').on(t.tenantId, t.customerId, t.id),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }),
]);
