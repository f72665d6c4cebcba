import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { sha256 } from '../../platform/auth/secrets.js';
import { newToken } from '../../platform/ids.js';
import { sessions } from './auth.tables.js';
import type { Realm } from './principals.js';

export interface NewSession { token: string; csrfToken: string; id: string; expiresAt: Date }

export async function createSession(tx: Tx, tenantId: string, realm: Realm, principalId: string, ttlHours: number, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken(18);
  const id = sha256(token);
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await tx.insert(sessions).values({ tenantId, id, principalKind: realm, principalId, csrfToken, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null });
  return { token, csrfToken, id, expiresAt };
}

export async function findLiveSession(tx: Tx, tenantId: string, token: string) {
  const [row] = await tx.select().from(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, sha256(token)), gt(sessions.expiresAt, sql`now()`)));
  return row ?? null;
}

/** Sliding expiry, written at most every five minutes per session so reads stay reads. */
export async function touchSession(tx: Tx, tenantId: string, id: string, lastSeenAt: Date, ttlHours: number) {
  if (Date.now() - lastSeenAt.getTime() < 5 * 60_000) return;
  await tx.update(sessions).set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + ttlHours * 3600_000) })
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id)));
}

export async function deleteSession(tx: Tx, tenantId: string, id: string) {
  await tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.id, id)));
}

export async function deleteOtherSessions(tx: Tx, tenantId: string, realm: Realm, principalId: string, keepId: string): Promise<number> {
  const gone = await tx.delete(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.principalKind, realm), eq(sessions.principalId, principalId), ne(sessions.id, keepId)))
    .returning({ id: sessions.id });
  return gone.length;
}
