import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiKeyActor, Ctx, Operator } from '../../platform/auth/actor.js';
import { safeEqual, sha256 } from '../../platform/auth/secrets.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { iso } from '../../platform/http/schemas.js';
import { newId, newToken } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { isPermission } from '../staff/domain/permissions.js';
import { apiKeys } from './auth.tables.js';

type Row = typeof apiKeys.$inferSelect;
const toOut = (r: Row) => ({
  id: r.id, name: r.name, scopes: r.scopes, createdBy: r.createdBy, createdAt: r.createdAt.toISOString(),
  lastUsedAt: iso(r.lastUsedAt), revokedAt: iso(r.revokedAt), prefix: `dh_${r.id.slice(0, 8)}…`,
});

/** Token format: `dh_<id>.<secret>`; the id finds the row, the secret is compared by hash. */
const TOKEN = /^dh_([0-9A-Z]{26})\.([A-Za-z0-9_-]{40,60})$/;

export function createApiKeysService(database: Database) {
  return {
    list: (ctx: Ctx<Operator>) => database.tx(ctx.tenantId, async (tx) =>
      (await tx.select().from(apiKeys).where(eq(apiKeys.tenantId, ctx.tenantId)).orderBy(desc(apiKeys.id))).map(toOut)),

    create: (ctx: Ctx<Operator>, input: { name: string; scopes: string[] }) => database.tx(ctx.tenantId, async (tx) => {
      const unknown = input.scopes.filter((s) => !isPermission(s));
      if (unknown.length) throw new AppError('validation_failed', { message: 'unknown scopes', errors: unknown.map((s) => ({ path: 'body.scopes', message: `unknown scope ${s}` })) });
      const beyond = input.scopes.filter((s) => !ctx.actor.permissions.has(s));
      if (beyond.length) throw new AppError('forbidden', { message: `cannot grant scopes you do not hold: ${beyond.join(', ')}` });
      const id = newId();
      const secret = newToken(32);
      const [row] = await tx.insert(apiKeys).values({ tenantId: ctx.tenantId, id, name: input.name, secretHash: sha256(secret), scopes: [...new Set(input.scopes)], createdBy: ctx.actor.id }).returning();
      await recordAudit(tx, ctx, { action: 'apikey.create', entityType: 'apikey', entityId: id, after: toOut(row) });
      return { apiKey: toOut(row), token: `dh_${id}.${secret}` };
    }),

    revoke: (ctx: Ctx<Operator>, id: string) => database.tx(ctx.tenantId, async (tx) => {
      const [row] = await tx.select().from(apiKeys).where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id)));
      if (!row) throw notFound('API key');
      if (row.revokedAt) return toOut(row);
      const [after] = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id))).returning();
      await recordAudit(tx, ctx, { action: 'apikey.revoke', entityType: 'apikey', entityId: id, before: toOut(row), after: toOut(after) });
      return toOut(after);
    }),

    async authenticate(tenantId: string, token: string): Promise<ApiKeyActor | null> {
      const m = TOKEN.exec(token);
      if (!m) return null;
      return database.tx(tenantId, async (tx) => {
        const [row] = await tx.select().from(apiKeys).where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, m[1]), isNull(apiKeys.revokedAt)));
        if (!row || !safeEqual(row.secretHash, sha256(m[2]))) return null;
        if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
          await tx.update(apiKeys).set({ lastUsedAt: new Date() }).where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, row.id)));
        }
        return { kind: 'apikey', id: row.id, name: row.name, permissions: new Set(row.scopes.filter(isPermission)), dataScope: 'all' };
      });
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
