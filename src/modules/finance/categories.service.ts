/**
 * 收支类别: the company's income and expense categories. The defaults are created the first time the company lists
 * or uses them (a company that switched every category off still has its rows, so they never come back unasked).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { withUniqueFields } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { DEFAULT_CATEGORIES, type Direction } from './domain/records.js';
import { financeCategories } from './finance.tables.js';

export type CategoryRow = typeof financeCategories.$inferSelect;
const UNIQUE = { finance_categories_name_uq: 'body.name' };

export const toCategoryOut = (c: CategoryRow) => ({ id: c.id, direction: c.direction, name: c.name, sort: c.sort, active: c.active, version: c.version });

export async function ensureDefaultCategories(tx: Tx, tenantId: string): Promise<void> {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(financeCategories).where(eq(financeCategories.tenantId, tenantId));
  if (Number(n) > 0) return;
  await tx.insert(financeCategories).values(DEFAULT_CATEGORIES.map((c, i) => ({ tenantId, id: newId(), direction: c.direction, name: c.name, sort: i * 10 })))
    .onConflictDoNothing();
}

export async function findCategory(tx: Tx, tenantId: string, id: string): Promise<CategoryRow | undefined> {
  const [c] = await tx.select().from(financeCategories).where(and(eq(financeCategories.tenantId, tenantId), eq(financeCategories.id, id)));
  return c;
}

export interface CategoryInput { direction: Direction; name: string; sort?: number }
export interface CategoryPatch { name?: string; sort?: number; active?: boolean; version?: number }

export function createCategoriesService(database: Database) {
  return {
    list: (ctx: Ctx<Operator>) => database.tx(ctx.tenantId, async (tx) => {
      await ensureDefaultCategories(tx, ctx.tenantId);
      const rows = await tx.select().from(financeCategories).where(eq(financeCategories.tenantId, ctx.tenantId))
        .orderBy(asc(financeCategories.direction), asc(financeCategories.sort), asc(financeCategories.name));
      return { items: rows.map(toCategoryOut) };
    }),

    create: (ctx: Ctx<Operator>, input: CategoryInput) => withUniqueFields(database.tx(ctx.tenantId, async (tx) => {
      await ensureDefaultCategories(tx, ctx.tenantId);
      const [row] = await tx.insert(financeCategories).values({ tenantId: ctx.tenantId, id: newId(), direction: input.direction, name: input.name, sort: input.sort ?? 100 }).returning();
      await recordAudit(tx, ctx, { action: 'finance_category.create', entityType: 'finance_category', entityId: row.id, after: toCategoryOut(row) });
      return toCategoryOut(row);
    }), UNIQUE),

    update: (ctx: Ctx<Operator>, id: string, patch: CategoryPatch) => withUniqueFields(database.tx(ctx.tenantId, async (tx) => {
      const [c] = await tx.select().from(financeCategories).where(and(eq(financeCategories.tenantId, ctx.tenantId), eq(financeCategories.id, id))).for('update');
      if (!c) throw notFound('category');
      if (patch.version !== undefined && patch.version !== c.version) {
        throw new AppError('version_conflict', { message: 'the category was changed by someone else; reload it', details: { currentVersion: c.version } });
      }
      const next = { name: patch.name ?? c.name, sort: patch.sort ?? c.sort, active: patch.active ?? c.active };
      const [row] = await tx.update(financeCategories).set({ ...next, version: c.version + 1, updatedAt: new Date() })
        .where(and(eq(financeCategories.tenantId, ctx.tenantId), eq(financeCategories.id, id))).returning();
      await recordAudit(tx, ctx, { action: 'finance_category.update', entityType: 'finance_category', entityId: id, before: toCategoryOut(c), after: toCategoryOut(row) });
      return toCategoryOut(row);
    }), UNIQUE),
  };
}

export type CategoriesService = ReturnType<typeof createCategoriesService>;
