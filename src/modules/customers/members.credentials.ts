import { and, eq, or } from 'drizzle-orm';
import type { MemberActor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { PrincipalStore } from '../auth/principals.js';
import { customerLevels, customerMembers, customers } from './customers.tables.js';
import { signInBlocker } from './domain/customer-status.js';

const byId = (tenantId: string, id: string) => and(eq(customerMembers.tenantId, tenantId), eq(customerMembers.id, id));

async function customerOf(tx: Tx, tenantId: string, customerId: string) {
  const [row] = await tx.select({ id: customers.id, code: customers.code, name: customers.name, type: customers.type, status: customers.status, levelName: customerLevels.name })
    .from(customers).leftJoin(customerLevels, and(eq(customerLevels.tenantId, customers.tenantId), eq(customerLevels.id, customers.levelId)))
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
  return row;
}

/** Customer member logins as seen by the auth module. */
export const memberPrincipals: PrincipalStore = {
  realm: 'member',

  async findByLogin(tx, tenantId, login) {
    const l = login.trim();
    const [row] = await tx.select().from(customerMembers)
      .where(and(eq(customerMembers.tenantId, tenantId), or(eq(customerMembers.username, l), eq(customerMembers.phone, l), eq(customerMembers.email, l.toLowerCase()))))
      .limit(1);
    return row ?? null;
  },

  async findById(tx, tenantId, id) {
    const [row] = await tx.select().from(customerMembers).where(byId(tenantId, id));
    return row ?? null;
  },

  async assertMaySignIn(tx, tenantId, principal) {
    const [m] = await tx.select({ customerId: customerMembers.customerId }).from(customerMembers).where(byId(tenantId, principal.id));
    const c = await customerOf(tx, tenantId, m.customerId);
    const blocker = signInBlocker(c.status);
    if (blocker) {
      const msg = { customer_pending_approval: '您的注册正在等待审核 / your registration is awaiting approval', customer_rejected: 'registration rejected', customer_disabled: 'this customer account is disabled' }[blocker];
      throw new AppError(blocker, { message: msg });
    }
  },

  async recordLogin(tx, tenantId, id, r) {
    await tx.update(customerMembers).set({ failedLogins: r.failedLogins, lockedUntil: r.lockedUntil, ...(r.success ? { lastLoginAt: new Date() } : {}) })
      .where(byId(tenantId, id));
  },

  async setPassword(tx, tenantId, id, passwordHash, killSessions) {
    await tx.update(customerMembers).set({ passwordHash, updatedAt: new Date(), ...(killSessions ? { sessionsValidAfter: new Date() } : {}) }).where(byId(tenantId, id));
  },

  async loadActor(tx, tenantId, id, sessionId, sessionCreatedAt): Promise<MemberActor | null> {
    const [row] = await tx.select({ m: customerMembers, status: customers.status }).from(customerMembers)
      .innerJoin(customers, and(eq(customers.tenantId, customerMembers.tenantId), eq(customers.id, customerMembers.customerId)))
      .where(byId(tenantId, id));
    if (!row || row.m.status !== 'active' || row.status !== 'active' || sessionCreatedAt < row.m.sessionsValidAfter) return null;
    const m = row.m;
    return { kind: 'member', id, name: m.name, customerId: m.customerId, memberRole: m.memberRole, isAdmin: m.isAdmin, sessionId };
  },

  async me(tx, tenantId, id) {
    const [m] = await tx.select().from(customerMembers).where(byId(tenantId, id));
    const c = await customerOf(tx, tenantId, m.customerId);
    return {
      kind: 'member' as const, id, name: m.name, username: m.username, phone: m.phone, email: m.email, memberRole: m.memberRole, isAdmin: m.isAdmin,
      customer: { id: c.id, code: c.code, name: c.name, type: c.type, status: c.status, levelName: c.levelName },
    };
  },
};
