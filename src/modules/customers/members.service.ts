import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Tx } from '../../platform/db/database.js';
import { withUniqueFields } from '../../platform/db/db-errors.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import type { MemberCreate, MemberUpdate } from './customers.schemas.js';
import { toMemberOut } from './customers.repository.js';
import { customerMembers } from './customers.tables.js';

export const MEMBER_UNIQUE = { members_username_uq: 'body.username', members_phone_uq: 'body.phone', members_email_uq: 'body.email' };

/**
 * Member logins of one customer company. Called by staff (console) and by the company's admin member (mall),
 * always inside the caller's transaction, after the caller has established it may touch `customerId`.
 */
export const members = {
  list: async (tx: Tx, tenantId: string, customerId: string) =>
    (await tx.select().from(customerMembers).where(and(eq(customerMembers.tenantId, tenantId), eq(customerMembers.customerId, customerId))).orderBy(asc(customerMembers.id))).map(toMemberOut),

  async create(tx: Tx, ctx: Ctx<Ctx['actor']>, customerId: string, input: MemberCreate, passwordHash: string) {
    const row = {
      tenantId: ctx.tenantId, id: newId(), customerId, name: input.name, username: input.username ?? null, phone: input.phone ?? null,
      email: input.email ?? null, passwordHash, memberRole: input.memberRole, isAdmin: input.isAdmin,
    };
    const [created] = await withUniqueFields(tx.insert(customerMembers).values(row).returning(), MEMBER_UNIQUE);
    await recordAudit(tx, ctx, { action: 'member.create', entityType: 'member', entityId: row.id, after: toMemberOut(created) });
    return toMemberOut(created);
  },

  async update(tx: Tx, ctx: Ctx<Ctx['actor']>, customerId: string, id: string, input: MemberUpdate) {
    const [before] = await tx.select().from(customerMembers)
      .where(and(eq(customerMembers.tenantId, ctx.tenantId), eq(customerMembers.customerId, customerId), eq(customerMembers.id, id))).for('update');
    if (!before) throw notFound('member');
    if (before.version !== input.version) throw new AppError('version_conflict', { message: 'the login was changed by someone else; reload' });
    const losesAdmin = before.isAdmin && (input.isAdmin === false || input.status === 'disabled');
    if (losesAdmin) {
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(customerMembers).where(and(
        eq(customerMembers.tenantId, ctx.tenantId), eq(customerMembers.customerId, customerId), ne(customerMembers.id, id),
        eq(customerMembers.isAdmin, true), eq(customerMembers.status, 'active')));
      if (n === 0) throw new AppError('last_admin', { message: 'the company needs at least one active admin login' });
    }
    const { version, password, ...fields } = input;
    const next = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    if (!next.username && !next.phone && !next.email) {
      throw new AppError('validation_failed', { message: 'a login needs a username, phone or email', errors: [{ path: 'body.username', message: 'required' }] });
    }
    const killSessions = password !== undefined || input.status === 'disabled';
    const [after] = await withUniqueFields(tx.update(customerMembers).set({
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(password ? { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null } : {}),
      ...(killSessions ? { sessionsValidAfter: new Date() } : {}),
      version: version + 1, updatedAt: new Date(),
    }).where(and(eq(customerMembers.tenantId, ctx.tenantId), eq(customerMembers.id, id))).returning(), MEMBER_UNIQUE);
    await recordAudit(tx, ctx, { action: 'member.update', entityType: 'member', entityId: id, before: toMemberOut(before), after: toMemberOut(after) });
    return toMemberOut(after);
  },
};
