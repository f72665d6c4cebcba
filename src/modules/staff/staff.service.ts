import { and, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { withUniqueFields } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { iso } from '../../platform/http/schemas.js';
import { toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { unknownRegionIds } from '../customers/index.js';
import { allowedWarehouseIds, unknownWarehouseIds } from '../inventory/warehouse-scope.js';
import type { StaffCreate, StaffUpdate } from './staff.schemas.js';
import { roles, staffRoles, staffUsers } from './staff.tables.js';

const UNIQUE = { staff_username_uq: 'body.username', staff_phone_uq: 'body.phone', staff_email_uq: 'body.email' };
type StaffRow = typeof staffUsers.$inferSelect;

async function rolesOf(tx: Tx, tenantId: string, staffIds: string[]) {
  if (!staffIds.length) return new Map<string, { id: string; code: string | null; name: string }[]>();
  const rows = await tx.select({ staffId: staffRoles.staffId, id: roles.id, code: roles.code, name: roles.name })
    .from(staffRoles).innerJoin(roles, and(eq(roles.tenantId, staffRoles.tenantId), eq(roles.id, staffRoles.roleId)))
    .where(and(eq(staffRoles.tenantId, tenantId), inArray(staffRoles.staffId, staffIds)));
  const map = new Map<string, { id: string; code: string | null; name: string }[]>();
  for (const r of rows) map.set(r.staffId, [...(map.get(r.staffId) ?? []), { id: r.id, code: r.code, name: r.name }]);
  return map;
}

function toOut(row: StaffRow, roleList: { id: string; code: string | null; name: string }[]) {
  return {
    id: row.id, name: row.name, username: row.username, phone: row.phone, email: row.email, status: row.status,
    roles: roleList, regionIds: row.regionIds, warehouseIds: row.warehouseIds, lastLoginAt: iso(row.lastLoginAt), createdAt: row.createdAt.toISOString(), version: row.version,
  };
}

/** Nobody hands out more than they hold: every permission of the assigned roles must be the actor's own. */
async function checkAssignableRoles(tx: Tx, ctx: Ctx<Operator>, roleIds: string[]) {
  const found = await tx.select().from(roles).where(and(eq(roles.tenantId, ctx.tenantId), inArray(roles.id, roleIds)));
  const missing = roleIds.filter((id) => !found.some((r) => r.id === id));
  if (missing.length) throw new AppError('validation_failed', { message: 'unknown role', errors: missing.map((id) => ({ path: 'body.roleIds', message: `unknown role ${id}` })) });
  const beyond = found.flatMap((r) => r.permissions).filter((p) => !ctx.actor.permissions.has(p));
  if (beyond.length) throw new AppError('forbidden', { message: `cannot assign permissions you do not hold: ${[...new Set(beyond)].join(', ')}` });
  return found;
}

async function checkRegions(tx: Tx, tenantId: string, regionIds: readonly string[] | undefined) {
  const unknown = regionIds ? await unknownRegionIds(tx, tenantId, regionIds) : [];
  if (unknown.length) throw new AppError('validation_failed', { message: 'unknown region', errors: unknown.map((id) => ({ path: 'body.regionIds', message: `unknown region ${id}` })) });
}

/**
 * 仓库范围: known warehouses only, and nobody hands out more than they hold — a user limited to some warehouses can
 * give others only (some of) those, never "all" (empty).
 */
async function checkWarehouses(tx: Tx, ctx: Ctx<Operator>, warehouseIds: readonly string[] | undefined) {
  if (!warehouseIds) return;
  const unknown = await unknownWarehouseIds(tx, ctx.tenantId, warehouseIds);
  if (unknown.length) throw new AppError('validation_failed', { message: 'unknown warehouse', errors: unknown.map((id) => ({ path: 'body.warehouseIds', message: `unknown warehouse ${id}` })) });
  const own = allowedWarehouseIds(ctx.actor);
  if (own && (!warehouseIds.length || warehouseIds.some((id) => !own.includes(id)))) {
    throw new AppError('warehouse_forbidden', { message: 'you can only give warehouses within your own 仓库范围' });
  }
}

/** The company must keep at least one active owner. */
async function assertOwnerRemains(tx: Tx, tenantId: string, staffId: string) {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(staffRoles)
    .innerJoin(roles, and(eq(roles.tenantId, staffRoles.tenantId), eq(roles.id, staffRoles.roleId)))
    .innerJoin(staffUsers, and(eq(staffUsers.tenantId, staffRoles.tenantId), eq(staffUsers.id, staffRoles.staffId)))
    .where(and(eq(staffRoles.tenantId, tenantId), eq(roles.code, 'owner'), eq(staffUsers.status, 'active'), sql`${staffUsers.id} <> ${staffId}`));
  if (n === 0) throw new AppError('last_admin', { message: 'the last active owner cannot be disabled or lose the owner role' });
}

export function createStaffService(database: Database) {
  async function load(tx: Tx, tenantId: string, id: string) {
    const [row] = await tx.select().from(staffUsers).where(and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, id)));
    if (!row) throw notFound('staff');
    return row;
  }
  async function detail(tx: Tx, tenantId: string, id: string) {
    const row = await load(tx, tenantId, id);
    return toOut(row, (await rolesOf(tx, tenantId, [id])).get(id) ?? []);
  }

  return {
    async list(ctx: Ctx<Operator>, q: { limit: number; cursor?: string; q?: string; status?: 'active' | 'disabled'; roleId?: string }) {
      return database.tx(ctx.tenantId, async (tx) => {
        const where: SQL[] = [eq(staffUsers.tenantId, ctx.tenantId)];
        if (q.cursor) where.push(lt(staffUsers.id, q.cursor));
        if (q.status) where.push(eq(staffUsers.status, q.status));
        if (q.q) {
          const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
          where.push(or(ilike(staffUsers.name, like), ilike(staffUsers.username, like), ilike(staffUsers.phone, like))!);
        }
        if (q.roleId) where.push(sql`exists (select 1 from staff_roles sr where sr.tenant_id = ${staffUsers.tenantId} and sr.staff_id = ${staffUsers.id} and sr.role_id = ${q.roleId})`);
        const rows = await tx.select().from(staffUsers).where(and(...where)).orderBy(desc(staffUsers.id)).limit(q.limit + 1);
        const roleMap = await rolesOf(tx, ctx.tenantId, rows.map((r) => r.id));
        return toPage(rows, q.limit, (r) => toOut(r, roleMap.get(r.id) ?? []));
      });
    },

    get: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, (tx) => detail(tx, ctx.tenantId, id)),

    async create(ctx: Ctx<Operator>, input: StaffCreate) {
      const passwordHash = await hashPassword(input.password);
      return database.tx(ctx.tenantId, async (tx) => {
        await checkAssignableRoles(tx, ctx, input.roleIds);
        await checkRegions(tx, ctx.tenantId, input.regionIds);
        const warehouseIds = [...new Set(input.warehouseIds ?? [])];
        await checkWarehouses(tx, ctx, warehouseIds);
        const row = {
          tenantId: ctx.tenantId, id: newId(), name: input.name, username: input.username, phone: input.phone ?? null,
          email: input.email ?? null, passwordHash, regionIds: input.regionIds, warehouseIds,
        };
        await withUniqueFields(tx.insert(staffUsers).values(row), UNIQUE);
        await tx.insert(staffRoles).values(input.roleIds.map((roleId) => ({ tenantId: ctx.tenantId, staffId: row.id, roleId })));
        const out = await detail(tx, ctx.tenantId, row.id);
        await recordAudit(tx, ctx, { action: 'staff.create', entityType: 'staff', entityId: row.id, after: out });
        return out;
      });
    },

    update: (ctx: Ctx<Operator>, id: string, input: StaffUpdate) => database.tx(ctx.tenantId, async (tx) => {
      const before = await detail(tx, ctx.tenantId, id);
      if (before.version !== input.version) throw new AppError('version_conflict', { message: 'staff was changed by someone else; reload' });
      const isOwner = before.roles.some((r) => r.code === 'owner');
      await checkRegions(tx, ctx.tenantId, input.regionIds);
      await checkWarehouses(tx, ctx, input.warehouseIds);
      if (input.roleIds) {
        const next = await checkAssignableRoles(tx, ctx, input.roleIds);
        if (isOwner && !next.some((r) => r.code === 'owner')) await assertOwnerRemains(tx, ctx.tenantId, id);
      }
      if (input.status === 'disabled' && isOwner) await assertOwnerRemains(tx, ctx.tenantId, id);
      if (input.status === 'disabled' && ctx.actor.kind === 'staff' && ctx.actor.id === id) {
        throw new AppError('invalid_state', { message: 'you cannot disable yourself' });
      }
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.regionIds ? { regionIds: input.regionIds } : {}),
        ...(input.warehouseIds ? { warehouseIds: [...new Set(input.warehouseIds)] } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.status === 'disabled' ? { sessionsValidAfter: new Date() } : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      };
      const done = await withUniqueFields(tx.update(staffUsers).set(patch)
        .where(and(eq(staffUsers.tenantId, ctx.tenantId), eq(staffUsers.id, id), eq(staffUsers.version, input.version))).returning({ id: staffUsers.id }), UNIQUE);
      if (!done.length) throw new AppError('version_conflict');
      if (input.roleIds) {
        await tx.delete(staffRoles).where(and(eq(staffRoles.tenantId, ctx.tenantId), eq(staffRoles.staffId, id)));
        await tx.insert(staffRoles).values(input.roleIds.map((roleId) => ({ tenantId: ctx.tenantId, staffId: id, roleId })));
      }
      const after = await detail(tx, ctx.tenantId, id);
      await recordAudit(tx, ctx, { action: 'staff.update', entityType: 'staff', entityId: id, before, after });
      return after;
    }),

    async resetPassword(ctx: Ctx<Operator>, id: string, newPassword: string) {
      const passwordHash = await hashPassword(newPassword);
      await database.tx(ctx.tenantId, async (tx) => {
        await load(tx, ctx.tenantId, id);
        await tx.update(staffUsers).set({ passwordHash, sessionsValidAfter: new Date(), failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
          .where(and(eq(staffUsers.tenantId, ctx.tenantId), eq(staffUsers.id, id)));
        await recordAudit(tx, ctx, { action: 'staff.reset_password', entityType: 'staff', entityId: id });
      });
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
