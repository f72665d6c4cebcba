import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts, updatedAt, version } from '../../platform/db/columns.js';
import type { Direction, RecordStatus } from './domain/records.js';

/**
 * 收支类别: the company's list of income and expense categories (采购付款, 运费, 房租, 工资 …). Created with
 * defaults the first time the company uses 收支记录; renamed, reordered or switched off, never deleted, since
 * records name them.
 */
export const financeCategories = pgTable('finance_categories', {
  tenantId: tenantId(),
  id: id(),
  direction: text('direction').$type<Direction>().notNull(),
  name: text('name').notNull(),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('finance_categories_name_uq').on(t.tenantId, t.direction, t.name),
  check('finance_categories_direction', sql`${t.direction} in ('income', 'expense')`),
]);

/**
 * 收支记录 (`SZ000123`): money the company paid or received outside customer orders, on a China calendar day, by
 * an account or method (现金, 对公账户, 微信 …), with whom. Its direction is its category's. Voided with a reason,
 * never deleted; reports count active records only.
 */
export const financeRecords = pgTable('finance_records', {
  tenantId: tenantId(),
  id: id(),
  recordNo: text('record_no').notNull(),
  direction: text('direction').$type<Direction>().notNull(),
  categoryId: text('category_id').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
  account: text('account'),
  counterparty: text('counterparty'),
  note: text('note'),
  status: text('status').$type<RecordStatus>().notNull().default('active'),
  voidReason: text('void_reason'),
  voidedById: text('voided_by_id'),
  voidedByName: text('voided_by_name'),
  voidedAt: ts('voided_at'),
  createdByKind: text('created_by_kind').notNull(),
  createdById: text('created_by_id').notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('finance_records_no_uq').on(t.tenantId, t.recordNo),
  // The list (newest day first) and the month / category totals filter on the day.
  index('finance_records_day_idx').on(t.tenantId, t.occurredOn, t.id),
  index('finance_records_category_idx').on(t.tenantId, t.categoryId, t.occurredOn),
  check('finance_records_amount_positive', sql`${t.amountFen} > 0`),
  check('finance_records_direction', sql`${t.direction} in ('income', 'expense')`),
  check('finance_records_void', sql`(${t.status} = 'voided') = (${t.voidReason} is not null) and ${t.status} in ('active', 'voided')`),
  foreignKey({ columns: [t.tenantId, t.categoryId], foreignColumns: [financeCategories.tenantId, financeCategories.id] }),
]);
