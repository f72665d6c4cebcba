import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { withUniqueFields } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import type { ProductCreate, ProductUpdate, SkuIn } from './catalog.schemas.js';
import { brands, categories, products, productTags, skus, skuUnits } from './catalog.tables.js';
import { descendantsOf } from './domain/category-tree.js';
import { buildSearchText, type SearchTextInput } from './domain/search-text.js';
import { writeSearchKeys } from './search/search-keys.repository.js';
import { sanitizeDescription } from './html.js';
import { validateProduct } from './product-validation.js';
import { loadDetail, selectSummaries, toSummary } from './products.repository.js';

const UNIQUE = { skus_code_uq: 'body.skus', skus_barcode_uq: 'body.skus', sku_units_barcode_uq: 'body.skus', sku_units_name_uq: 'body.skus' };

/** What search and autocomplete index of a product being written: its words, its brand's and category's names, its codes. */
async function searchInputFor(tx: Tx, tenantId: string, input: ProductCreate): Promise<SearchTextInput> {
  const [brand] = input.brandId ? await tx.select({ name: brands.name }).from(brands).where(and(eq(brands.tenantId, tenantId), eq(brands.id, input.brandId))) : [];
  const [category] = input.categoryId ? await tx.select({ name: categories.name }).from(categories).where(and(eq(categories.tenantId, tenantId), eq(categories.id, input.categoryId))) : [];
  return {
    name: input.name, subtitle: input.subtitle, brand: brand?.name, category: category?.name,
    codes: input.skus.map((s) => s.code),
    barcodes: input.skus.flatMap((s) => [s.barcode, ...s.units.map((u) => u.barcode)]).filter((b): b is string => !!b),
  };
}

/** Creates or updates the SKUs of a product: a SKU is matched by code, a unit by name; what is gone is disabled, never deleted (orders point at it). */
async function writeSkus(tx: Tx, tenantId: string, productId: string, list: SkuIn[]) {
  const existing = await tx.select().from(skus).where(and(eq(skus.tenantId, tenantId), eq(skus.productId, productId)));
  const keep = new Set<string>();
  for (const [sort, s] of list.entries()) {
    const prior = existing.find((e) => e.code === s.code);
    const skuId = prior?.id ?? newId();
    keep.add(skuId);
    const values = { specValues: s.specValues, barcode: s.barcode ?? null, costPriceFen: s.costPriceFen, weightGrams: s.weightGrams, baseUnit: s.baseUnit, enabled: s.enabled, sort };
    if (prior) await tx.update(skus).set(values).where(and(eq(skus.tenantId, tenantId), eq(skus.id, skuId)));
    else await tx.insert(skus).values({ tenantId, id: skuId, productId, code: s.code, ...values });
    const units = prior ? await tx.select().from(skuUnits).where(and(eq(skuUnits.tenantId, tenantId), eq(skuUnits.skuId, skuId))) : [];
    for (const u of s.units) {
      const same = units.find((x) => x.name === u.name);
      const v = { conversion: u.conversion, barcode: u.barcode ?? null, listPriceFen: u.listPriceFen, minQty: u.minQty, multiple: u.multiple, enabled: u.enabled };
      if (same) await tx.update(skuUnits).set(v).where(and(eq(skuUnits.tenantId, tenantId), eq(skuUnits.id, same.id)));
      else await tx.insert(skuUnits).values({ tenantId, id: newId(), skuId, name: u.name, ...v });
    }
    const gone = units.filter((x) => !s.units.some((u) => u.name === x.name)).map((x) => x.id);
    if (gone.length) await tx.update(skuUnits).set({ enabled: false }).where(and(eq(skuUnits.tenantId, tenantId), inArray(skuUnits.id, gone)));
  }
  const goneSkus = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
  if (goneSkus.length) await tx.update(skus).set({ enabled: false }).where(and(eq(skus.tenantId, tenantId), inArray(skus.id, goneSkus)));
}

async function writeTags(tx: Tx, tenantId: string, productId: string, tagIds: string[] | undefined) {
  if (tagIds === undefined) return;
  await tx.delete(productTags).where(and(eq(productTags.tenantId, tenantId), eq(productTags.productId, productId)));
  if (tagIds.length) await tx.insert(productTags).values([...new Set(tagIds)].map((tagId) => ({ tenantId, productId, tagId })));
}

const productValues = (input: ProductCreate, searchText: string) => ({
  name: input.name, subtitle: input.subtitle ?? null, categoryId: input.categoryId ?? null, brandId: input.brandId ?? null,
  specs: input.specs, params: input.params, descriptionHtml: sanitizeDescription(input.descriptionHtml), instructions: input.instructions,
  onShelf: input.onShelf, visibleTypes: input.visibleTypes, visibleLevelIds: input.visibleLevelIds, taxRateBp: input.taxRateBp ?? null, stockPolicy: input.stockPolicy ?? 'block', searchText,
});

async function productDetail(tx: Tx, tenantId: string, id: string) {
  const d = await loadDetail(tx, tenantId, id);
  if (!d) throw notFound('product');
  return d;
}

/** Rebuilds the search text of products after a brand or category rename, so search finds the new name. */
export async function reindexSearchText(tx: Tx, tenantId: string, where: { brandId?: string; categoryId?: string }) {
  const rows = await tx.select({ id: products.id }).from(products).where(and(eq(products.tenantId, tenantId),
    where.brandId ? eq(products.brandId, where.brandId) : undefined, where.categoryId ? eq(products.categoryId, where.categoryId) : undefined));
  for (const { id } of rows) {
    const d = (await loadDetail(tx, tenantId, id))!;
    const input: SearchTextInput = {
      name: d.name, subtitle: d.subtitle, brand: d.brandName, category: d.categoryName, codes: d.skus.map((s) => s.code),
      barcodes: d.skus.flatMap((s) => [s.barcode, ...s.units.map((u) => u.barcode)]).filter((b): b is string => !!b),
    };
    await tx.update(products).set({ searchText: buildSearchText(input) }).where(and(eq(products.tenantId, tenantId), eq(products.id, id)));
    await writeSearchKeys(tx, tenantId, id, input);
  }
  return rows.length;
}

/** Creates a product inside the caller's transaction (the API and the Excel import share it). */
export async function createProductTx(tx: Tx, ctx: Ctx<Operator>, input: ProductCreate) {
  await validateProduct(tx, ctx.tenantId, input, null);
  const id = newId();
  const search = await searchInputFor(tx, ctx.tenantId, input);
  await tx.insert(products).values({ tenantId: ctx.tenantId, id, ...productValues(input, buildSearchText(search)) });
  await writeSearchKeys(tx, ctx.tenantId, id, search);
  await withUniqueFields(writeSkus(tx, ctx.tenantId, id, input.skus), UNIQUE);
  await writeTags(tx, ctx.tenantId, id, input.tagIds);
  const after = await productDetail(tx, ctx.tenantId, id);
  await recordAudit(tx, ctx, { action: 'product.create', entityType: 'product', entityId: id, after });
  return after;
}

/** Replaces a product inside the caller's transaction; `before` is its current detail. */
export async function updateProductTx(tx: Tx, ctx: Ctx<Operator>, id: string, input: ProductCreate, before: Awaited<ReturnType<typeof productDetail>>) {
  await validateProduct(tx, ctx.tenantId, input, id);
  const search = await searchInputFor(tx, ctx.tenantId, input);
  await tx.update(products).set({ ...productValues(input, buildSearchText(search)), version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(products.tenantId, ctx.tenantId), eq(products.id, id)));
  await writeSearchKeys(tx, ctx.tenantId, id, search);
  await withUniqueFields(writeSkus(tx, ctx.tenantId, id, input.skus), UNIQUE);
  await writeTags(tx, ctx.tenantId, id, input.tagIds);
  const after = await productDetail(tx, ctx.tenantId, id);
  await recordAudit(tx, ctx, { action: 'product.update', entityType: 'product', entityId: id, before, after });
  return after;
}

export function createProductsService(database: Database) {
  const detail = productDetail;

  return {
    async list(ctx: Ctx<Operator>, q: { limit: number; cursor?: string; q?: string; categoryId?: string; brandId?: string; onShelf?: 'true' | 'false' }) {
      return database.tx(ctx.tenantId, async (tx) => {
        const where: (SQL | undefined)[] = [eq(products.tenantId, ctx.tenantId)];
        if (q.cursor) where.push(lt(products.id, q.cursor));
        if (q.brandId) where.push(eq(products.brandId, q.brandId));
        if (q.onShelf) where.push(eq(products.onShelf, q.onShelf === 'true'));
        if (q.categoryId) {
          const all = await tx.select({ id: categories.id, parentId: categories.parentId }).from(categories).where(eq(categories.tenantId, ctx.tenantId));
          where.push(inArray(products.categoryId, descendantsOf(new Map(all.map((c) => [c.id, c.parentId])), q.categoryId)));
        }
        if (q.q) where.push(sql`${products.searchText} like ${`%${q.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`}`);
        const rows = await selectSummaries(tx, and(...where)).orderBy(desc(products.id)).limit(q.limit + 1);
        return toPage(rows.map((r) => ({ ...r, id: r.p.id })), q.limit, toSummary);
      });
    },

    get: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, (tx) => detail(tx, ctx.tenantId, id)),

    create: (ctx: Ctx<Operator>, input: ProductCreate) => database.tx(ctx.tenantId, (tx) => createProductTx(tx, ctx, input)),

    update: (ctx: Ctx<Operator>, id: string, input: ProductUpdate) => database.tx(ctx.tenantId, async (tx) => {
      const before = await productDetail(tx, ctx.tenantId, id);
      if (before.version !== input.version) throw new AppError('version_conflict', { message: 'the product was changed by someone else; reload' });
      return updateProductTx(tx, ctx, id, input, before);
    }),

    bulk: (ctx: Ctx<Operator>, input: { ids: string[]; action: 'shelf_on' | 'shelf_off' | 'set_category' | 'delete'; categoryId?: string | null }) =>
      database.tx(ctx.tenantId, async (tx) => {
        const mine = and(eq(products.tenantId, ctx.tenantId), inArray(products.id, input.ids));
        const found = await tx.select({ id: products.id }).from(products).where(mine);
        if (found.length !== new Set(input.ids).size) throw notFound('product');
        if (input.action === 'delete') await tx.delete(products).where(mine);
        else if (input.action === 'set_category') {
          if (input.categoryId) {
            const [c] = await tx.select({ id: categories.id }).from(categories).where(and(eq(categories.tenantId, ctx.tenantId), eq(categories.id, input.categoryId)));
            if (!c) throw new AppError('validation_failed', { message: 'unknown category', errors: [{ path: 'body.categoryId', message: 'unknown category' }] });
          }
          await tx.update(products).set({ categoryId: input.categoryId ?? null, updatedAt: new Date(), version: sql`${products.version} + 1` }).where(mine);
        } else await tx.update(products).set({ onShelf: input.action === 'shelf_on', updatedAt: new Date(), version: sql`${products.version} + 1` }).where(mine);
        await recordAudit(tx, ctx, { action: `product.bulk_${input.action}`, entityType: 'product', after: { ids: input.ids, categoryId: input.categoryId } });
        return { affected: found.length };
      }),
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;
