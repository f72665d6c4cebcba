import { bigint, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from '../../platform/db/columns.js';
import { skuUnits } from '../catalog/catalog.tables.js';
import { customerMembers, customers } from '../customers/customers.tables.js';

/** One member login's cart: stored server-side, so it survives logout and follows the login across devices. */
export const cartLines = pgTable('cart_lines', {
  tenantId: tenantId(),
  id: id(),
  memberId: text('member_id').notNull(),
  customerId: text('customer_id').notNull(),
  skuUnitId: text('sku_unit_id').notNull(),
  qty: integer('qty').notNull(),
  /** The unit price the member last saw for this line; a different current price is shown as a change. */
  seenPriceFen: bigint('seen_price_fen', { mode: 'number' }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('cart_lines_member_unit_uq').on(t.tenantId, t.memberId, t.skuUnitId),
  foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [customerMembers.tenantId, customerMembers.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.tenantId, t.skuUnitId], foreignColumns: [skuUnits.tenantId, skuUnits.id] }).onDelete('cascade'),
]);

/** 常购清单: named lists of SKU units and quantities a customer's members reuse. */
export const savedLists = pgTable('saved_lists', {
  tenantId: tenantId(),
  id: id(),
  customerId: text('customer_id').notNull(),
  memberId: text('member_id').notNull(),
  name: text('name').notNull(),
  lines: jsonb('lines').$type<{ skuUnitId: string; qty: number }[]>().notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('saved_lists_customer_idx').on(t.tenantId, t.customerId),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete('cascade'),
]);
