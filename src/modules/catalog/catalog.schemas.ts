import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.js';
import { idParam, nameField, textField, versionField } from '../../platform/http/schemas.js';

export const fen = z.number().int('amounts are integer fen').min(0).max(1_000_000_000_00);
const code = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._\-/]+$/, 'letters, digits and . _ - /');
const barcode = z.string().trim().regex(/^[0-9A-Za-z-]{6,32}$/, 'a barcode has 6–32 digits or letters');
const unitName = z.string().trim().min(1).max(10);

export const categoryIn = z.strictObject({ name: nameField, parentId: idParam.nullable().optional(), icon: textField(200).nullable().optional(), sort: z.number().int().min(0).max(1_000_000).optional() });
export const categoryUpdate = categoryIn.partial().extend({ version: versionField });
export const categoryOut = z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string(), icon: z.string().nullable(), sort: z.number().int(), version: z.number().int(), productCount: z.number().int() }).meta({ id: 'Category' });

export const brandIn = z.strictObject({ name: nameField, logo: textField(200).nullable().optional(), sort: z.number().int().min(0).max(1_000_000).optional() });
export const brandOut = z.object({ id: z.string(), name: z.string(), logo: z.string().nullable(), sort: z.number().int(), productCount: z.number().int() }).meta({ id: 'Brand' });
export const tagIn = z.strictObject({ name: z.string().trim().min(1).max(20), color: z.string().regex(/^#[0-9a-fA-F]{6}$/).nullable().optional() });
export const tagOut = z.object({ id: z.string(), name: z.string(), color: z.string().nullable(), productCount: z.number().int() }).meta({ id: 'Tag' });

/** A unit is identified by its name within its SKU; a SKU by its code within its product. */
export const unitIn = z.strictObject({
  name: unitName,
  conversion: z.number().int().min(1).max(100_000),
  barcode: barcode.nullable().optional(),
  listPriceFen: fen,
  minQty: z.number().int().min(1).max(1_000_000).default(1),
  multiple: z.number().int().min(1).max(1_000_000).default(1),
  enabled: z.boolean().default(true),
});
export const skuIn = z.strictObject({
  specValues: z.array(z.string().trim().min(1).max(30)).max(3).default([]),
  code,
  barcode: barcode.nullable().optional(),
  costPriceFen: fen.default(0),
  weightGrams: z.number().int().min(0).max(10_000_000).default(0),
  baseUnit: unitName,
  enabled: z.boolean().default(true),
  units: z.array(unitIn).min(1).max(5),
});
const specIn = z.strictObject({ name: z.string().trim().min(1).max(20), values: z.array(z.string().trim().min(1).max(30)).min(1).max(50) });
const productFields = {
  name: z.string().trim().min(1).max(120),
  subtitle: textField(200).nullable().optional(),
  categoryId: idParam.nullable().optional(),
  brandId: idParam.nullable().optional(),
  tagIds: z.array(idParam).max(20).optional(),
  specs: z.array(specIn).max(3).default([]),
  params: z.array(z.strictObject({ name: z.string().trim().min(1).max(40), value: z.string().trim().max(200) })).max(100).default([]),
  descriptionHtml: z.string().max(100_000).default(''),
  instructions: z.string().max(20_000).default(''),
  onShelf: z.boolean().default(false),
  visibleTypes: z.array(z.enum(['dealer', 'retailer', 'consumer'])).max(3).default([]),
  visibleLevelIds: z.array(idParam).max(50).default([]),
  taxRateBp: z.number().int().min(0).max(10000).nullable().optional(),
  /** When stock is short: block the order (default), accept a backorder, or a pre-order (预售). */
  stockPolicy: z.enum(['block', 'backorder', 'preorder']).optional(),
};
export const productCreate = z.strictObject({ ...productFields, skus: z.array(skuIn).min(1).max(400) });
export const productUpdate = z.strictObject({ ...productFields, skus: z.array(skuIn).min(1).max(400), version: versionField });
export const productListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(100).optional(),
  categoryId: idParam.optional(),
  brandId: idParam.optional(),
  onShelf: z.enum(['true', 'false']).optional(),
});
export const bulkAction = z.strictObject({
  ids: z.array(idParam).min(1).max(500),
  action: z.enum(['shelf_on', 'shelf_off', 'set_category', 'delete']),
  categoryId: idParam.nullable().optional(),
});

export const unitOut = z.object({ id: z.string(), name: z.string(), conversion: z.number().int(), barcode: z.string().nullable(), listPriceFen: z.number().int(), minQty: z.number().int(), multiple: z.number().int(), enabled: z.boolean() }).meta({ id: 'SkuUnit' });
export const skuOut = z.object({
  id: z.string(), specValues: z.array(z.string()), code: z.string(), barcode: z.string().nullable(), costPriceFen: z.number().int(),
  weightGrams: z.number().int(), baseUnit: z.string(), enabled: z.boolean(), units: z.array(unitOut),
}).meta({ id: 'Sku' });
export const productSummary = z.object({
  id: z.string(), name: z.string(), subtitle: z.string().nullable(), categoryId: z.string().nullable(), categoryName: z.string().nullable(),
  brandId: z.string().nullable(), brandName: z.string().nullable(), onShelf: z.boolean(), skuCount: z.number().int(),
  minListPriceFen: z.number().int().nullable(), imageId: z.string().nullable(), updatedAt: z.string(), version: z.number().int(),
}).meta({ id: 'ProductSummary' });
export const productDetail = productSummary.extend({
  tagIds: z.array(z.string()), specs: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  params: z.array(z.object({ name: z.string(), value: z.string() })), descriptionHtml: z.string(), instructions: z.string(),
  visibleTypes: z.array(z.string()), visibleLevelIds: z.array(z.string()), taxRateBp: z.number().int().nullable(), stockPolicy: z.enum(['block', 'backorder', 'preorder']), skus: z.array(skuOut),
  images: z.array(z.object({ id: z.string(), width: z.number().int(), height: z.number().int() })),
}).meta({ id: 'ProductDetail' });

export type ProductCreate = z.infer<typeof productCreate>;
export type ProductUpdate = z.infer<typeof productUpdate>;
export type SkuIn = z.infer<typeof skuIn>;
