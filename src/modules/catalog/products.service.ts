import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { withUniqueFields } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/http/pagination.js';
import { recordAudit } from '../audit/audit.js';
import type { ProductCreate, ProductUpdate } from './catalog.schemas.js';
import { categories, products, productTags } from './catalog.tables.js';
import { descendantsOf } from './domain/category-tree.js';
import { buildSearchText, type SearchTextInput } from './domain/search-text.js';
import { writeSearchKeys } from './search/search-keys.repository.js';
import { sanitizeDescription } from './html.js';
import { writtenDetail, type ProductDetail } from './product-detail.js';
import { productValues, searchInputOf } from './product-rows.js';
import { validateProduct, type ProductNames } from './product-validation.js';
import { insertProducts } from './products-bulk.js';
import { loadDetail, selectSummaries, toSummary } from './products.repository.js';
import { writeSkus } from './sku-writes.js';

const UNIQUE = { skus_code_uq: 'body.skus', skus_barcode_uq: 'body.skus', sku_units_barcode_uq: 'body.skus', sku_units_name_uq: 'body.skus' };

/** Turns a unique-key race on codes, barcodes or unit names into `409 duplicate` on `body.skus`. */
export const withUniqueSkus = <T>(work: Promise<T>) => withUniqueFields(work, UNIQUE);

async function writeTags(tx: Tx, tenantId: string, productId: string, tagIds: string[] | undefined) {
  if (tagIds === undefined) return;
  await tx.delete(productTags).where(and(eq(productTags.tenantId, tenantId), eq(productTags.productId, productId)));
  if (tagIds.length) await tx.insert(productTags).values([...new Set(tagIds)].map((tagId) => ({ tenantId, productId, tagId })));
}

async function productDetail(tx: Tx, tenantId: string, id: string) {
  const d = await loadDetail(tx, tenantId, id);
  if (!d) throw notFound('product');
  return d;
}

/** Rebuilds the search text and keys of products after a brand or category rename or a bulk category change, so search finds the new name. */
export async function reindexSearchText(tx: Tx, tenantId: string, where: { brandId?: string; categoryId?: string; ids?: string[] }) {
  const rows = await tx.select({ id: products.id }).from(products).where(and(eq(products.tenantId, tenantId),
    where.brandId ? eq(products.brandId, where.brandId) : undefined, where.categoryId ? eq(products.categoryId, where.categoryId) : undefined,
    where.ids ? inArray(products.id, where.ids) : undefined));
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

/** Creates a product inside the caller's transaction (the API's create; the Excel import writes batches with insertProducts). */
export async function createProductTx(tx: Tx, ctx: Ctx<Operator>, input: ProductCreate) {
  const names = await validateProduct(tx, ctx.tenantId, input, null);
  const [after] = await withUniqueSkus(insertProducts(tx, ctx, [{ input, names }]));
  return after;
}

/**
 * Replaces a product inside the caller's transaction; `before` is its current detail. `known`: the brand's and
 * category's names when the caller has just found them (the import). Answers the detail as written, not reloaded.
 */
export async function updateProductTx(tx: Tx, ctx: Ctx<Operator>, id: string, input: ProductCreate, before: ProductDetail, known?: ProductNames) {
  const names = await validateProduct(tx, ctx.tenantId, input, id, known);
  const search = searchInputOf(input, names);
  const descriptionHtml = sanitizeDescription(input.descriptionHtml);
  const [stamp] = await tx.update(products).set({ ...productValues(input, descriptionHtml, buildSearchText(search)), version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(products.tenantId, ctx.tenantId), eq(products.id, id))).returning({ version: products.version, updatedAt: products.updatedAt });
  await writeSearchKeys(tx, ctx.tenantId, id, search);
  const written = await withUniqueSkus(writeSkus(tx, ctx.tenantId, id, input.skus));
  await writeTags(tx, ctx.tenantId, id, input.tagIds);
  const after = writtenDetail({
    id, ...stamp, input, descriptionHtml, names, skus: written, tagIds: input.tagIds ? [...new Set(input.tagIds)] : before.tagIds, images: before.images,
  });
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
          await reindexSearchText(tx, ctx.tenantId, { ids: input.ids });
        } else await tx.update(products).set({ onShelf: input.action === 'shelf_on', updatedAt: new Date(), version: sql`${products.version} + 1` }).where(mine);
        await recordAudit(tx, ctx, { action: `product.bulk_${input.action}`, entityType: 'product', after: { ids: input.ids, categoryId: input.categoryId } });
        return { affected: found.length };
      }),
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;
