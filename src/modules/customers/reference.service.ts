import { and, asc, eq, sql } from 'drizzle-orm';
import { qcol } from '../../platform/db/qualified.js';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { withUniqueFields } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { exists } from './customers.repository.js';
import { customerLevels, regions } from './customers.tables.js';

/** Customer levels and regions: the small reference lists customers point at. */
export function createReferenceService(database: Database) {
  const levelCount = sql<number>`(select count(*)::int from customers c where c.tenant_id = ${qcol(customerLevels.tenantId)} and c.level_id = ${qcol(customerLevels.id)})`;
  const levelColumns = { id: customerLevels.id, name: customerLevels.name, rank: customerLevels.rank, version: customerLevels.version, customerCount: levelCount };

  return {
    regions: (tenantId: string) => database.tx(tenantId, (tx) =>
      tx.select({ id: regions.id, parentId: regions.parentId, name: regions.name, code: regions.code }).from(regions)
        .where(eq(regions.tenantId, tenantId)).orderBy(asc(regions.sort), asc(regions.id))),

    addRegion: (ctx: Ctx<Operator>, input: { name: string; parentId?: string | null; code?: string | null }) => database.tx(ctx.tenantId, async (tx) => {
      if (input.parentId && !(await exists(tx, regions, ctx.tenantId, input.parentId))) {
        throw new AppError('validation_failed', { message: 'unknown parent region', errors: [{ path: 'body.parentId', message: 'unknown region' }] });
      }
      const row = { tenantId: ctx.tenantId, id: newId(), name: input.name, parentId: input.parentId ?? null, code: input.code ?? null };
      await withUniqueFields(tx.insert(regions).values(row), { regions_code_uq: 'body.code' });
      await recordAudit(tx, ctx, { action: 'region.create', entityType: 'region', entityId: row.id, after: row });
      return { id: row.id, parentId: row.parentId, name: row.name, code: row.code };
    }),

    levels: (ctx: Ctx<Operator>) => database.tx(ctx.tenantId, (tx) =>
      tx.select(levelColumns).from(customerLevels).where(eq(customerLevels.tenantId, ctx.tenantId)).orderBy(asc(customerLevels.rank), asc(customerLevels.id))),

    addLevel: (ctx: Ctx<Operator>, input: { name: string; rank: number }) => database.tx(ctx.tenantId, async (tx) => {
      const row = { tenantId: ctx.tenantId, id: newId(), ...input };
      await withUniqueFields(tx.insert(customerLevels).values(row), { customer_levels_name_uq: 'body.name' });
      await recordAudit(tx, ctx, { action: 'level.create', entityType: 'customer_level', entityId: row.id, after: row });
      return { id: row.id, name: row.name, rank: row.rank, version: 1, customerCount: 0 };
    }),

    updateLevel: (ctx: Ctx<Operator>, id: string, input: { name?: string; rank?: number; version: number }) => database.tx(ctx.tenantId, async (tx) => {
      const where = and(eq(customerLevels.tenantId, ctx.tenantId), eq(customerLevels.id, id));
      const [before] = await tx.select().from(customerLevels).where(where);
      if (!before) throw notFound('level');
      if (before.version !== input.version) throw new AppError('version_conflict', { message: 'level was changed by someone else; reload' });
      const { version, ...patch } = input;
      await withUniqueFields(tx.update(customerLevels).set({ ...patch, version: version + 1 }).where(where), { customer_levels_name_uq: 'body.name' });
      const [after] = await tx.select(levelColumns).from(customerLevels).where(where);
      await recordAudit(tx, ctx, { action: 'level.update', entityType: 'customer_level', entityId: id, before, after });
      return after;
    }),
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
