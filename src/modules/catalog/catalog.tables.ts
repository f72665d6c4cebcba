import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt, version } from '../../platform/db/columns.js';

export const categories = pgTable('categories', {
  tenantId: tenantId(),
  id: id(),
  parentId: text('parent_id'),
  name: text('name').notNull(),
  icon: text('icon'),
  sort: integer('sort').notNull().default(0),
  version: version(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('categories_parent_idx').on(t.tenantId, t.parentId)]);

export const brands = pgTable('brands', {
  tenantId: tenantId(),
  id: id(),
  name: text('name').notNull(),
  logo: text('logo'),
  sort: integer('sort').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('brands_name_uq').on(t.tenantId, t.name)]);

export const tags = pgTable('tags', {
  tenantId: tenantId(),
  id: id(),
  name: text('name').notNull(),
  color: text('color'),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('tags_name_uq').on(t.tenantId, t.name)]);

export interface SpecDef { name: string; values: string[] }
export interface ParamRow { name: string; value: string }

/** A product (SPU); what is sold is one of its SKUs in one of the SKU's units. */
export const products = pgTable('products', {
  tenantId: tenantId(),
  id: id(),
  name: text('name').notNull(),
  subtitle: text('subtitle'),
  categoryId: text('category_id'),
  brandId: text('brand_id'),
  specs: jsonb('specs').$type<SpecDef[]>().notNull().default([]),
  params: jsonb('params').$type<ParamRow[]>().notNull().default([]),
  descriptionHtml: text('description_html').notNull().default(''),
  instructions: text('instructions').notNull().default(''),
  onShelf: boolean('on_shelf').notNull().default(false),
  /** VAT rate in basis points (1300 = 13 %); null = the tenant's default (settings.orders.defaultTaxRateBp). */
  taxRateBp: integer('tax_rate_bp'),
  /** When stock is short: block the order, accept it as a backorder, or as a pre-order (预售). */
  stockPolicy: text('stock_policy', { enum: ['block', 'backorder', 'preorder'] }).notNull().default('block'),
  /** Empty = every customer type may see it. */
  visibleTypes: text('visible_types').array().notNull().default([]),
  /** Empty = every level may see it. */
  visibleLevelIds: text('visible_level_ids').array().notNull().default([]),
  /** Lower-case name, brand, codes, barcodes, full pinyin and initials: what the search matches against. */
  searchText: text('search_text').notNull().default(''),
  salesCount: bigint('sales_count', { mode: 'number' }).notNull().default(0),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.categoryId], foreignColumns: [categories.tenantId, categories.id] }),
  foreignKey({ columns: [t.tenantId, t.brandId], foreignColumns: [brands.tenantId, brands.id] }),
  index('products_category_idx').on(t.tenantId, t.categoryId),
  index('products_brand_idx').on(t.tenantId, t.brandId),
  index('products_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  // The mall's default order (best sellers first) walks this index instead of sorting the catalog.
  index('products_sales_idx').on(t.tenantId, t.salesCount.desc().nullsFirst(), t.id.desc().nullsFirst()),
]);

/** Text compared byte by byte (collation "C"), so `key >= $p and key < $p || U+10FFFF` is exactly "starts with $p". */
const byteText = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

/**
 * Autocomplete keys (domain/search-keys.ts): the starts of a product's words, of every position in its Chinese text,
 * and of its pinyin and initials at every syllable, with its codes and barcodes. A prefix lookup is a range on the
 * primary key, which comparison operators (leakproof) serve under row-level security, unlike LIKE.
 */
export const productSearchKeys = pgTable('product_search_keys', {
  tenantId: tenantId(),
  key: byteText('key').notNull(),
  productId: text('product_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.key, t.productId] }),
  foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }).onDelete('cascade'),
  index('product_search_keys_product_idx').on(t.tenantId, t.productId),
]);

export const productTags = pgTable('product_tags', {
  tenantId: tenantId(),
  productId: text('product_id').notNull(),
  tagId: text('tag_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.productId, t.tagId] }),
  foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.tenantId, t.tagId], foreignColumns: [tags.tenantId, tags.id] }).onDelete('cascade'),
  index('product_tags_tag_idx').on(t.tenantId, t.tagId),
]);

export const productImages = pgTable('product_images', {
  tenantId: tenantId(),
  id: id(),
  productId: text('product_id').notNull(),
  sort: integer('sort').notNull().default(0),
  contentType: text('content_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }).onDelete('cascade'),
  index('product_images_product_idx').on(t.tenantId, t.productId),
]);

/** A variant: one combination of spec values (颜色 × 容量), counted in its base unit. */
export const skus = pgTable('skus', {
  tenantId: tenantId(),
  id: id(),
  productId: text('product_id').notNull(),
  code: text('code').notNull(),
  barcode: text('barcode'),
  /** Spec values in the order of the product's specs, e.g. ['黑色', '256G']. */
  specValues: text('spec_values').array().notNull().default([]),
  costPriceFen: bigint('cost_price_fen', { mode: 'number' }).notNull().default(0),
  weightGrams: integer('weight_grams').notNull().default(0),
  baseUnit: text('base_unit').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  sort: integer('sort').notNull().default(0),
  /** 低库存线 of all warehouses together (available, base units); null = none. */
  lowStockQty: bigint('low_stock_qty', { mode: 'number' }),
  /** 积压线 of all warehouses together (on hand, base units); null = none. */
  overstockQty: bigint('overstock_qty', { mode: 'number' }),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }).onDelete('cascade'),
  check('skus_stock_thresholds', sql`(${t.lowStockQty} is null or ${t.lowStockQty} >= 0) and (${t.overstockQty} is null or ${t.overstockQty} >= 0) and (${t.lowStockQty} is null or ${t.overstockQty} is null or ${t.overstockQty} > ${t.lowStockQty})`),
  unique('skus_code_uq').on(t.tenantId, t.code),
  unique('skus_barcode_uq').on(t.tenantId, t.barcode),
  index('skus_product_idx').on(t.tenantId, t.productId),
]);

/** A sell unit of a SKU: the base unit (conversion 1) or a larger one (1 箱 = 12 瓶), each with its own price and barcode. */
export const skuUnits = pgTable('sku_units', {
  tenantId: tenantId(),
  id: id(),
  skuId: text('sku_id').notNull(),
  name: text('name').notNull(),
  conversion: integer('conversion').notNull(),
  barcode: text('barcode'),
  listPriceFen: bigint('list_price_fen', { mode: 'number' }).notNull(),
  minQty: integer('min_qty').notNull().default(1),
  multiple: integer('multiple').notNull().default(1),
  enabled: boolean('enabled').notNull().default(true),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.skuId], foreignColumns: [skus.tenantId, skus.id] }).onDelete('cascade'),
  unique('sku_units_name_uq').on(t.tenantId, t.skuId, t.name),
  unique('sku_units_barcode_uq').on(t.tenantId, t.barcode),
  index('sku_units_sku_idx').on(t.tenantId, t.skuId),
]);

/** 收藏: a member's favourite products. */
export const favourites = pgTable('favourites', {
  tenantId: tenantId(),
  memberId: text('member_id').notNull(),
  productId: text('product_id').notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.memberId, t.productId] }),
  foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }).onDelete('cascade'),
]);
