import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { pageOf, pageQuery, toPage } from '../../platform/http/pagination.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParam, isoDate } from '../../platform/http/schemas.js';
import { auditLog } from './audit.tables.js';

const query = z.strictObject({
  ...pageQuery,
  actorId: idParam.optional(),
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: idParam.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
const entryOut = z.object({
  id: z.string(), at: z.string(), actorKind: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(),
  action: z.string(), entityType: z.string(), entityId: z.string().nullable(), before: z.unknown(), after: z.unknown(), ip: z.string().nullable(),
}).meta({ id: 'AuditEntry' });

export function auditRoutes(database: Database) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/audit', {
      config: staffRoute('audit.read'),
      schema: { tags: ['audit'], summary: 'Read the audit trail', querystring: query, response: { 200: pageOf(entryOut), 400: problemSchema, 401: problemSchema, 403: problemSchema } },
    }, async (req) => {
      const ctx = operatorCtx(req);
      const q = req.query;
      const where: (SQL | undefined)[] = [eq(auditLog.tenantId, ctx.tenantId)];
      if (q.cursor) where.push(lt(auditLog.id, q.cursor));
      if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
      if (q.action) where.push(eq(auditLog.action, q.action));
      if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
      if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
      if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
      if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
      const rows = await database.tx(ctx.tenantId, (tx) => tx.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(q.limit + 1));
      return toPage(rows, q.limit, (r) => ({ ...r, at: r.at.toISOString(), tenantId: undefined }));
    });
  };
}
