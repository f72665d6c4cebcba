import { and, eq, or } from 'drizzle-orm';
import type { StaffActor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import type { PrincipalStore } from '../auth/principals.js';
import { widestScope } from './domain/permissions.js';
import { roles, staffRoles, staffUsers } from './staff.tables.js';

async function rolesFor(tx: Tx, tenantId: string, staffId: string) {
  return tx.select({ id: roles.id, code: roles.code, name: roles.name, permissions: roles.permissions, dataScope: roles.dataScope })
    .from(staffRoles).innerJoin(roles, and(eq(roles.tenantId, staffRoles.tenantId), eq(roles.id, staffRoles.roleId)))
    .where(and(eq(staffRoles.tenantId, tenantId), eq(staffRoles.staffId, staffId)));
}

const byId = (tenantId: string, id: string) => and(eq(staffUsers.tenantId, tenantId), eq(staffUsers.id, id));

/** Staff users as seen by the auth module. */
export const staffPrincipals: PrincipalStore = {
  realm: 'staff',

  async findByLogin(tx, tenantId, login) {
    const l = login.trim();
    const [row] = await tx.select().from(staffUsers)
      .where(and(eq(staffUsers.tenantId, tenantId), or(eq(staffUsers.username, l), eq(staffUsers.phone, l), eq(staffUsers.email, l.toLowerCase()))))
      .limit(1);
    return row ?? null;
  },

  async findById(tx, tenantId, id) {
    const [row] = await tx.select().from(staffUsers).where(byId(tenantId, id));
    return row ?? null;
  },

  async assertMaySignIn() {},

  async recordLogin(tx, tenantId, id, r) {
    await tx.update(staffUsers).set({ failedLogins: r.failedLogins, lockedUntil: r.lockedUntil, ...(r.success ? { lastLoginAt: new Date() } : {}) })
      .where(byId(tenantId, id));
  },

  async setPassword(tx, tenantId, id, passwordHash, killSessions) {
    await tx.update(staffUsers).set({ passwordHash, updatedAt: new Date(), ...(killSessions ? { sessionsValidAfter: new Date() } : {}) }).where(byId(tenantId, id));
  },

  async loadActor(tx, tenantId, id, sessionId, sessionCreatedAt): Promise<StaffActor | null> {
    const [row] = await tx.select().from(staffUsers).where(byId(tenantId, id));
    if (!row || row.status !== 'active' || sessionCreatedAt < row.sessionsValidAfter) return null;
    const list = await rolesFor(tx, tenantId, id);
    return {
      kind: 'staff', id, name: row.name, sessionId, regionIds: row.regionIds, warehouseIds: row.warehouseIds,
      permissions: new Set(list.flatMap((r) => r.permissions)),
      dataScope: widestScope(list.map((r) => r.dataScope)),
    };
  },

  async me(tx, tenantId, id) {
    const [row] = await tx.select().from(staffUsers).where(byId(tenantId, id));
    const list = await rolesFor(tx, tenantId, id);
    return {
      kind: 'staff' as const, id, name: row.name, username: row.username, phone: row.phone, email: row.email,
      roles: list.map((r) => ({ id: r.id, code: r.code, name: r.name })),
      permissions: [...new Set(list.flatMap((r) => r.permissions))].sort(),
      dataScope: widestScope(list.map((r) => r.dataScope)),
      warehouseIds: row.warehouseIds,
    };
  },
};
