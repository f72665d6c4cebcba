import { and, asc, eq, sql } from 'drizzle-orm';
import { qcol } from '../../platform/db/qualified.js';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { withUniqueFields } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { brands, categories, products, productTags, tags } from './catalog.tables.js';
import { wouldCycle } from './domain/category-tree.js';
import { reindexSearchText } from './products.service.js';

const count = (table: 'category_id' | 'brand_id', ref: Parameters<typeof qcol>[0]) =>
  sql<number>`(select count(*)::int from products p where p.tenant_id = ${qcol(categories.tenantId)} and p.${sql.raw(table)} = ${qcol(ref)})`;

/** Categories (a tree), brands and tags: the catalog's classification. */
export function createTaxonomyService(database: Database) {
  async function parentsMap(tx: Tx, tenantId: string) {
    const all = await tx.select({ id: categories.id, parentId: categories.parentId }).from(categories).where(eq(categories.tenantId, tenantId));
    return new Map(all.map((c) => [c.id, c.parentId]));
  }
  const categoryColumns = {
    id: categories.id, parentId: categories.parentId, name: categories.name, icon: categories.icon, sort: categories.sort, version: categories.version,
    productCount: count('category_id', categories.id),
  };

  return {
    categories: (tenantId: string) => database.tx(tenantId, (tx) =>
      tx.select(categoryColumns).from(categories).where(eq(categories.tenantId, tenantId)).orderBy(asc(categories.sort), asc(categories.id))),

    createCategory: (ctx: Ctx<Operator>, input: { name: string; parentId?: string | null; icon?: string | null; sort?: number }) => database.tx(ctx.tenantId, async (tx) => {
      if (input.parentId && !(await parentsMap(tx, ctx.tenantId)).has(input.parentId)) {
        throw new AppError('validation_failed', { message: 'unknown parent', errors: [{ path: 'body.parentId', message: 'unknown category' }] });
      }
      const row = { tenantId: ctx.tenantId, id: newId(), name: input.name, parentId: input.parentId ?? null, icon: input.icon ?? null, sort: input.sort ?? 0 };
      await tx.insert(categories).values(row);
      await recordAudit(tx, ctx, { action: 'category.create', entityType: 'category', entityId: row.id, after: row });
      return { ...row, version: 1, productCount: 0 };
    }),

    updateCategory: (ctx: Ctx<Operator>, id: string, input: { name?: string; parentId?: string | null; icon?: string | null; sort?: number; version: number }) =>
      database.tx(ctx.tenantId, async (tx) => {
        const where = and(eq(categories.tenantId, ctx.tenantId), eq(categories.id, id));
        const [before] = await tx.select().from(categories).where(where).for('update');
        if (!before) throw notFound('category');
        if (before.version !== input.version) throw new AppError('version_conflict', { message: 'the category was changed by someone else; reload' });
        if (input.parentId !== undefined) {
          const parents = await parentsMap(tx, ctx.tenantId);
          if (input.parentId && !parents.has(input.parentId)) throw new AppError('validation_failed', { message: 'unknown parent', errors: [{ path: 'body.parentId', message: 'unknown category' }] });
          if (wouldCycle(parents, id, input.parentId)) throw new AppError('category_cycle', { message: 'a category cannot be moved below itself', errors: [{ path: 'body.parentId', message: 'would create a cycle' }] });
        }
        const { version, ...patch } = input;
        await tx.update(categories).set({ ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), version: version + 1 }).where(where);
        if (input.name !== undefined && input.name !== before.name) await reindexSearchText(tx, ctx.tenantId, { categoryId: id });
        const [after] = await tx.select(categoryColumns).from(categories).where(where);
        await recordAudit(tx, ctx, { action: 'category.update', entityType: 'category', entityId: id, before, after });
        return after;
      }),

    deleteCategory: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const where = and(eq(categories.tenantId, ctx.tenantId), eq(categories.id, id));
      const [before] = await tx.select().from(categories).where(where);
      if (!before) throw notFound('category');
      const [{ children }] = await tx.select({ children: sql<number>`count(*)::int` }).from(categories).where(and(eq(categories.tenantId, ctx.tenantId), eq(categories.parentId, id)));
      const [{ used }] = await tx.select({ used: sql<number>`count(*)::int` }).from(products).where(and(eq(products.tenantId, ctx.tenantId), eq(products.categoryId, id)));
      if (children || used) throw new AppError('in_use', { message: `the category still has ${children} sub-categories and ${used} products`, details: { children, products: used } });
      await tx.delete(categories).where(where);
      await recordAudit(tx, ctx, { action: 'category.delete', entityType: 'category', entityId: id, before });
    }),

    brands: (tenantId: string) => database.tx(tenantId, (tx) =>
      tx.select({ id: brands.id, name: brands.name, logo: brands.logo, sort: brands.sort, productCount: sql<number>`(select count(*)::int from products p where p.tenant_id = ${qcol(brands.tenantId)} and p.brand_id = ${qcol(brands.id)})` })
        .from(brands).where(eq(brands.tenantId, tenantId)).orderBy(asc(brands.sort), asc(brands.name))),

    createBrand: (ctx: Ctx<Operator>, input: { name: string; logo?: string | null; sort?: number }) => database.tx(ctx.tenantId, async (tx) => {
      const row = { tenantId: ctx.tenantId, id: newId(), name: input.name, logo: input.logo ?? null, sort: input.sort ?? 0 };
      await withUniqueFields(tx.insert(brands).values(row), { brands_name_uq: 'body.name' });
      await recordAudit(tx, ctx, { action: 'brand.create', entityType: 'brand', entityId: row.id, after: row });
      return { id: row.id, name: row.name, logo: row.logo, sort: row.sort, productCount: 0 };
    }),

    updateBrand: (ctx: Ctx<Operator>, id: string, input: { name?: string; logo?: string | null; sort?: number }) => database.tx(ctx.tenantId, async (tx) => {
      const where = and(eq(brands.tenantId, ctx.tenantId), eq(brands.id, id));
      const [before] = await tx.select().from(brands).where(where);
      if (!before) throw notFound('brand');
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      // an empty PATCH changes nothing (Drizzle refuses an update without values: that was a 500)
      if (Object.keys(changes).length) await withUniqueFields(tx.update(brands).set(changes).where(where), { brands_name_uq: 'body.name' });
      if (input.name !== undefined && input.name !== before.name) await reindexSearchText(tx, ctx.tenantId, { brandId: id });
      const [after] = await tx.select().from(brands).where(where);
      await recordAudit(tx, ctx, { action: 'brand.update', entityType: 'brand', entityId: id, before, after });
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(products).where(and(eq(products.tenantId, ctx.tenantId), eq(products.brandId, id)));
      return { id, name: after.name, logo: after.logo, sort: after.sort, productCount: n };
    }),

    deleteBrand: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const where = and(eq(brands.tenantId, ctx.tenantId), eq(brands.id, id));
      const [before] = await tx.select().from(brands).where(where);
      if (!before) throw notFound('brand');
      const [{ used }] = await tx.select({ used: sql<number>`count(*)::int` }).from(products).where(and(eq(products.tenantId, ctx.tenantId), eq(products.brandId, id)));
      if (used) throw new AppError('in_use', { message: `the brand still has ${used} products`, details: { products: used } });
      await tx.delete(brands).where(where);
      await recordAudit(tx, ctx, { action: 'brand.delete', entityType: 'brand', entityId: id, before });
    }),

    tags: (tenantId: string) => database.tx(tenantId, (tx) =>
      tx.select({ id: tags.id, name: tags.name, color: tags.color, productCount: sql<number>`(select count(*)::int from product_tags pt where pt.tenant_id = ${qcol(tags.tenantId)} and pt.tag_id = ${qcol(tags.id)})` })
        .from(tags).where(eq(tags.tenantId, tenantId)).orderBy(asc(tags.name))),

    createTag: (ctx: Ctx<Operator>, input: { name: string; color?: string | null }) => database.tx(ctx.tenantId, async (tx) => {
      const row = { tenantId: ctx.tenantId, id: newId(), name: input.name, color: input.color ?? null };
      await withUniqueFields(tx.insert(tags).values(row), { tags_name_uq: 'body.name' });
      await recordAudit(tx, ctx, { action: 'tag.create', entityType: 'tag', entityId: row.id, after: row });
      return { id: row.id, name: row.name, color: row.color, productCount: 0 };
    }),

    deleteTag: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const where = and(eq(tags.tenantId, ctx.tenantId), eq(tags.id, id));
      const [before] = await tx.select().from(tags).where(where);
      if (!before) throw notFound('tag');
      await tx.delete(productTags).where(and(eq(productTags.tenantId, ctx.tenantId), eq(productTags.tagId, id)));
      await tx.delete(tags).where(where);
      await recordAudit(tx, ctx, { action: 'tag.delete', entityType: 'tag', entityId: id, before });
    }),
  };
}

export type TaxonomyService = ReturnType<typeof createTaxonomyService>;
