import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Actor, Ctx } from '../../platform/auth/actor.js';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { hmac, safeEqual, sha256 } from '../../platform/auth/secrets.js';
import { noReadCache, type ReadCache } from '../../platform/cache/read-cache.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import type { Notifier } from '../../platform/mail/notifier.js';
import { recordAudit } from '../audit/audit.js';
import { resetCodes } from './auth.tables.js';
import { afterAttempt, isLocked } from './domain/lockout.js';
import type { PrincipalStore, Realm } from './principals.js';
import { createSession, deleteOtherSessions, deleteSession, findLiveSession, touchSession } from './sessions.js';

export interface AuthDeps {
  database: Database;
  stores: Record<Realm, PrincipalStore>;
  notifier: Notifier;
  sessionSecret: string;
  sessionTtlHours: number;
  /** Session → actor for a few seconds (src/platform/cache/read-cache.ts); absent = every request reads the database. */
  cache?: ReadCache;
}

const RESET_CODE_MINUTES = 15;
const RESET_CODE_ATTEMPTS = 5;

export function createAuthService(deps: AuthDeps) {
  const { database, stores } = deps;
  const cache = deps.cache ?? noReadCache;

  return {
    async login(tenantId: string, realm: Realm, login: string, password: string, meta: { ip?: string; userAgent?: string }) {
      const store = stores[realm];
      const principal = await database.tx(tenantId, (tx) => store.findByLogin(tx, tenantId, login));
      if (!principal) {
        await verifyPassword(await dummyHash(), password); // same cost as a real check: no account enumeration by timing
        throw new AppError('invalid_credentials', { message: 'wrong login or password' });
      }
      const now = new Date();
      if (isLocked(principal, now)) {
        throw new AppError('account_locked', { message: 'too many failed logins; try again later', details: { lockedUntil: principal.lockedUntil!.toISOString() } });
      }
      const ok = await verifyPassword(principal.passwordHash, password);
      const state = afterAttempt(principal, ok, now);
      return database.tx(tenantId, async (tx) => {
        await store.recordLogin(tx, tenantId, principal.id, { ...state, success: ok });
        if (!ok) return { failed: true as const, locked: state.lockedUntil !== null };
        if (principal.status !== 'active') return { failed: true as const, disabled: true };
        await store.assertMaySignIn(tx, tenantId, principal);
        const session = await createSession(tx, tenantId, realm, principal.id, deps.sessionTtlHours, meta);
        const actorStub = { kind: realm === 'staff' ? 'staff' : 'member', id: principal.id, name: principal.name } as Actor;
        await recordAudit(tx, { tenantId, actor: actorStub, ip: meta.ip }, { action: `${realm}.login`, entityType: realm, entityId: principal.id });
        return { failed: false as const, session, me: await store.me(tx, tenantId, principal.id) };
      }).then((r) => {
        // Failure bookkeeping must commit, so the error is thrown after the transaction.
        if (r.failed) {
          if ('disabled' in r) throw new AppError('account_disabled', { message: 'this account is disabled' });
          if (r.locked) throw new AppError('account_locked', { message: 'too many failed logins; locked for 15 minutes' });
          throw new AppError('invalid_credentials', { message: 'wrong login or password' });
        }
        return r;
      });
    },

    /** Resolves a session cookie to an actor, or null when the session is unknown, expired or revoked. */
    async authenticate(tenantId: string, token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
      const found = await cache.get(tenantId, `session:${sha256(token)}`, () => database.tx(tenantId, async (tx) => {
        const session = await findLiveSession(tx, tenantId, token);
        if (!session) return null;
        const actor = await stores[session.principalKind].loadActor(tx, tenantId, session.principalId, session.id, session.createdAt);
        if (!actor) return null;
        await touchSession(tx, tenantId, session.id, session.lastSeenAt, deps.sessionTtlHours);
        return { actor, csrfToken: session.csrfToken, expiresAt: session.expiresAt.getTime() };
      }));
      return found && found.expiresAt > Date.now() ? { actor: found.actor, csrfToken: found.csrfToken } : null;
    },

    me: (ctx: Ctx) => database.tx(ctx.tenantId, (tx) => stores[ctx.actor.kind === 'member' ? 'member' : 'staff'].me(tx, ctx.tenantId, ctx.actor.id)),

    logout: (tenantId: string, sessionId: string) => database.tx(tenantId, (tx) => deleteSession(tx, tenantId, sessionId)),

    logoutOthers: (ctx: Ctx, realm: Realm, sessionId: string) =>
      database.tx(ctx.tenantId, async (tx) => {
        const revoked = await deleteOtherSessions(tx, ctx.tenantId, realm, ctx.actor.id, sessionId);
        await recordAudit(tx, ctx, { action: `${realm}.logout_others`, entityType: realm, entityId: ctx.actor.id, after: { revoked } });
        return revoked;
      }),

    async changePassword(ctx: Ctx, realm: Realm, sessionId: string, current: string, next: string) {
      const store = stores[realm];
      const principal = await database.tx(ctx.tenantId, (tx) => store.findById(tx, ctx.tenantId, ctx.actor.id));
      if (!principal || !(await verifyPassword(principal.passwordHash, current))) throw new AppError('wrong_password', { message: 'the current password is wrong', errors: [{ path: 'body.currentPassword', message: 'wrong password' }] });
      const hash = await hashPassword(next);
      await database.tx(ctx.tenantId, async (tx) => {
        await store.setPassword(tx, ctx.tenantId, principal.id, hash, false);
        await deleteOtherSessions(tx, ctx.tenantId, realm, principal.id, sessionId);
        await recordAudit(tx, ctx, { action: `${realm}.change_password`, entityType: realm, entityId: principal.id });
      });
    },

    /** Always succeeds from the caller's view, so it cannot be used to find out which logins exist. */
    async requestReset(tenantId: string, realm: Realm, login: string) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const target = await database.tx(tenantId, async (tx) => {
        const principal = await stores[realm].findByLogin(tx, tenantId, login);
        if (!principal || principal.status !== 'active' || (!principal.email && !principal.phone)) return null;
        await tx.insert(resetCodes).values({
          tenantId, id: newId(), realm, principalId: principal.id, codeHash: hmac(deps.sessionSecret, `${principal.id}:${code}`),
          expiresAt: new Date(Date.now() + RESET_CODE_MINUTES * 60_000),
        });
        return principal;
      });
      if (target) {
        await deps.notifier.send({
          to: { email: target.email, phone: target.phone },
          subject: '订货系统密码重置验证码 / Dinghuo password reset code',
          text: `您的验证码是 ${code}，${RESET_CODE_MINUTES} 分钟内有效。\nYour code is ${code}; it is valid for ${RESET_CODE_MINUTES} minutes.`,
        });
      }
    },

    async confirmReset(tenantId: string, realm: Realm, login: string, code: string, newPassword: string) {
      const hash = await hashPassword(newPassword);
      const outcome = await database.tx(tenantId, async (tx) => {
        const principal = await stores[realm].findByLogin(tx, tenantId, login);
        if (!principal) return false;
        const [row] = await tx.select().from(resetCodes).where(and(
          eq(resetCodes.tenantId, tenantId), eq(resetCodes.realm, realm), eq(resetCodes.principalId, principal.id),
          isNull(resetCodes.usedAt), gt(resetCodes.expiresAt, sql`now()`),
        )).orderBy(desc(resetCodes.id)).limit(1).for('update');
        if (!row || row.attempts >= RESET_CODE_ATTEMPTS) return false;
        if (!safeEqual(row.codeHash, hmac(deps.sessionSecret, `${principal.id}:${code}`))) {
          await tx.update(resetCodes).set({ attempts: row.attempts + 1 }).where(and(eq(resetCodes.tenantId, tenantId), eq(resetCodes.id, row.id)));
          return false;
        }
        await tx.update(resetCodes).set({ usedAt: new Date() }).where(and(eq(resetCodes.tenantId, tenantId), eq(resetCodes.id, row.id)));
        await stores[realm].setPassword(tx, tenantId, principal.id, hash, true);
        await stores[realm].recordLogin(tx, tenantId, principal.id, { failedLogins: 0, lockedUntil: null, success: false });
        const actor = { kind: realm === 'staff' ? 'staff' : 'member', id: principal.id, name: principal.name } as Actor;
        await recordAudit(tx, { tenantId, actor }, { action: `${realm}.reset_password`, entityType: realm, entityId: principal.id });
        return true;
      });
      if (!outcome) throw new AppError('reset_code_invalid', { message: 'the code is wrong or expired; request a new one' });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
