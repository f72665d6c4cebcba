import { and, eq, sql } from 'drizzle-orm';
import { qcol } from '../../platform/db/qualified.js';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { withUniqueFields } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { BUILT_IN_ROLES, isPermission } from './domain/permissions.js';
import type { RoleCreate, RoleUpdate } from './staff.schemas.js';
import { roles, staffRoles } from './staff.tables.js';

const UNIQUE = { roles_name_uq: 'body.name', roles_code_uq: 'body.code' };

function checkPermissions(list: readonly string[]) {
  const unknown = list.filter((p) => !isPermission(p));
  if (unknown.length) {
    throw new AppError('validation_failed', { message: 'unknown permissions', errors: unknown.map((p) => ({ path: 'body.permissions', message: `unknown permission ${p}` })) });
  }
}

/** Creates the built-in roles of a tenant, or brings their permissions up to what the code defines. */
export async function syncBuiltInRoles(tx: Tx, tenantId: string): Promise<void> {
  for (const def of BUILT_IN_ROLES) {
    await tx.insert(roles).values({ tenantId, id: newId(), code: def.code, name: def.zh, permissions: [...def.permissions], dataScope: def.dataScope, builtIn: true })
      .onConflictDoUpdate({ target: [roles.tenantId, roles.code], set: { permissions: [...def.permissions], dataScope: def.dataScope, builtIn: true } });
  }
}

export function createRolesService(database: Database) {
  async function load(tx: Tx, tenantId: string, id: string) {
    const [row] = await tx.select().from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.id, id)));
    if (!row) throw notFound('role');
    return row;
  }

  return {
    list: (ctx: Ctx<Operator>) => database.tx(ctx.tenantId, (tx) =>
      tx.select({
        id: roles.id, code: roles.code, name: roles.name, permissions: roles.permissions, dataScope: roles.dataScope,
        builtIn: roles.builtIn, version: roles.version,
        staffCount: sql<number>`(select count(*)::int from staff_roles sr where sr.tenant_id = ${qcol(roles.tenantId)} and sr.role_id = ${qcol(roles.id)})`,
      }).from(roles).orderBy(sql`${roles.builtIn} desc`, roles.id)),

    create: (ctx: Ctx<Operator>, input: RoleCreate) => database.tx(ctx.tenantId, async (tx) => {
      checkPermissions(input.permissions);
      const row = { tenantId: ctx.tenantId, id: newId(), code: null, name: input.name, permissions: [...new Set(input.permissions)], dataScope: input.dataScope, builtIn: false };
      await withUniqueFields(tx.insert(roles).values(row), UNIQUE);
      await recordAudit(tx, ctx, { action: 'role.create', entityType: 'role', entityId: row.id, after: row });
      return { ...row, version: 1, staffCount: 0 };
    }),

    update: (ctx: Ctx<Operator>, id: string, input: RoleUpdate) => database.tx(ctx.tenantId, async (tx) => {
      const before = await load(tx, ctx.tenantId, id);
      if (before.builtIn) throw new AppError('role_immutable', { message: 'built-in roles cannot be changed; create a custom role instead' });
      if (before.version !== input.version) throw new AppError('version_conflict', { message: 'role was changed by someone else; reload' });
      if (input.permissions) checkPermissions(input.permissions);
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.permissions ? { permissions: [...new Set(input.permissions)] } : {}),
        ...(input.dataScope ? { dataScope: input.dataScope } : {}),
        version: before.version + 1,
      };
      const updated = await withUniqueFields(tx.update(roles).set(patch)
        .where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.id, id), eq(roles.version, input.version))).returning(), UNIQUE);
      if (!updated.length) throw new AppError('version_conflict');
      await recordAudit(tx, ctx, { action: 'role.update', entityType: 'role', entityId: id, before, after: updated[0] });
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(staffRoles).where(and(eq(staffRoles.tenantId, ctx.tenantId), eq(staffRoles.roleId, id)));
      return { ...updated[0], staffCount: n };
    }),

    remove: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const before = await load(tx, ctx.tenantId, id);
      if (before.builtIn) throw new AppError('role_immutable', { message: 'built-in roles cannot be deleted' });
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(staffRoles).where(and(eq(staffRoles.tenantId, ctx.tenantId), eq(staffRoles.roleId, id)));
      if (n > 0) throw new AppError('role_in_use', { message: `role is assigned to ${n} staff`, details: { staffCount: n } });
      await tx.delete(roles).where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.id, id)));
      await recordAudit(tx, ctx, { action: 'role.delete', entityType: 'role', entityId: id, before });
    }),
  };
}

export type RolesService = ReturnType<typeof createRolesService>;
