import { bigint, boolean, foreignKey, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts } from '../../platform/db/columns.js';
import { products, skuUnits } from '../catalog/catalog.tables.js';
import { customerLevels, customers } from '../customers/customers.tables.js';

const unitFk = (t: { tenantId: never; skuUnitId: never }) =>
  foreignKey({ columns: [t.tenantId, t.skuUnitId], foreignColumns: [skuUnits.tenantId, skuUnits.id] }).onDelete('cascade');

/** 等级价: per customer level, a fixed price in fen or basis points of the list price. */
export const levelPrices = pgTable('level_prices', {
  tenantId: tenantId(),
  skuUnitId: text('sku_unit_id').notNull(),
  levelId: text('level_id').notNull(),
  mode: text('mode', { enum: ['price', 'percent'] }).notNull(),
  value: bigint('value', { mode: 'number' }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.skuUnitId, t.levelId] }),
  unitFk(t as never),
  foreignKey({ columns: [t.tenantId, t.levelId], foreignColumns: [customerLevels.tenantId, customerLevels.id] }).onDelete('cascade'),
]);

/** 一客一价: one customer's own price; it always wins. */
export const customerPrices = pgTable('customer_prices', {
  tenantId: tenantId(),
  skuUnitId: text('sku_unit_id').notNull(),
  customerId: text('customer_id').notNull(),
  priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.skuUnitId, t.customerId] }),
  unitFk(t as never),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete('cascade'),
  index('customer_prices_customer_idx').on(t.tenantId, t.customerId),
]);

/** 阶梯价 on the list price (refId ''), a level price (refId = level id) or a customer price (refId = customer id). */
export const priceTiers = pgTable('price_tiers', {
  tenantId: tenantId(),
  skuUnitId: text('sku_unit_id').notNull(),
  source: text('source', { enum: ['list', 'level', 'customer'] }).notNull(),
  refId: text('ref_id').notNull().default(''),
  minQty: integer('min_qty').notNull(),
  priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.skuUnitId, t.source, t.refId, t.minQty] }), unitFk(t as never)]);

/** 特价: a time-limited price, for every level or chosen ones. */
export const specialPrices = pgTable('special_prices', {
  tenantId: tenantId(),
  id: id(),
  skuUnitId: text('sku_unit_id').notNull(),
  priceFen: bigint('price_fen', { mode: 'number' }).notNull(),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  levelIds: text('level_ids').array().notNull().default([]),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unitFk(t as never), index('special_prices_unit_idx').on(t.tenantId, t.skuUnitId)]);


/**
 * Each product's lowest price for one of its enabled base units, before specials: the list price (level '' and
 * customer ''), each level that prices some unit of the product (customer ''), and each customer with a customer
 * price on some unit of it (level '', computed with that customer's level). A product with no row for a level or a
 * customer pays what the next row says. `special` marks products with any special price row, which the search prices
 * unit by unit (specials are time-bound). Kept by triggers (migration 0022), so every writer keeps it true; search
 * sorts and filters on it (price-sql.ts fromPriceSql).
 */
export const productFromPrices = pgTable('product_from_prices', {
  tenantId: tenantId(),
  productId: text('product_id').notNull(),
  levelId: text('level_id').notNull(),
  customerId: text('customer_id').notNull(),
  fromPriceFen: bigint('from_price_fen', { mode: 'number' }),
  /** The list price of the unit giving from_price_fen (the lowest list price on a tie): the struck-through price on a card. */
  listPriceFen: bigint('list_price_fen', { mode: 'number' }),
  special: boolean('special').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.productId, t.levelId, t.customerId] }),
  foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }).onDelete('cascade'),
]);
