import { and, eq, sql } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors/app-error.js';
import { iso } from '../../platform/http/schemas.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import { readSheet, writeSheet } from '../../platform/spreadsheet.js';
import { importProducts, type ImportMode } from '../../flows/import-products.flow.js';
import { recordAudit } from '../audit/audit.js';
import { importJobs } from './imports.tables.js';

type JobRow = typeof importJobs.$inferSelect;

/** Jobs left "importing" by a process that died: their transaction rolled back, so nothing was written. Run at start. */
export async function markInterruptedImports(database: Database, tenantId: string) {
  await database.tx(tenantId, (tx) => tx.execute(sql`update import_jobs set status = 'failed', finished_at = now(), error_count = 1,
    errors = '[{"row":0,"column":"","message":"the server stopped during the import; nothing was imported"}]'::jsonb
    where tenant_id = ${tenantId} and status in ('queued', 'validating', 'importing')`));
}
const MAX_STORED_ERRORS = 2000;

/**
 * Imports run after the upload request returns (202); the console polls the job. Progress lives in memory
 * while the import's single transaction runs (its writes are invisible until commit), the outcome in the row.
 */
export function createImportsService(database: Database, log: Logger) {
  const live = new Map<string, { processed: number; total: number }>();
  const running = new Set<Promise<unknown>>();

  const toOut = (j: JobRow) => {
    const p = live.get(j.id);
    return {
      id: j.id, kind: j.kind, mode: j.mode, status: j.status, fileName: j.fileName, totalRows: j.totalRows,
      progress: p ? { processed: p.processed, total: p.total } : { processed: j.status === 'done' ? j.summary.products ?? 0 : 0, total: j.summary.products ?? 0 },
      errorCount: j.errorCount, errors: j.errors.slice(0, 100), summary: j.summary, createdAt: j.createdAt.toISOString(), finishedAt: iso(j.finishedAt),
    };
  };

  async function finish(tenantId: string, id: string, patch: Partial<JobRow>) {
    await database.tx(tenantId, (tx) => tx.update(importJobs).set({ ...patch, finishedAt: new Date() }).where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.id, id))));
  }

  return {
    async startProducts(ctx: Ctx<Operator>, fileName: string, data: Buffer, mode: ImportMode) {
      const sheet = await readSheet(data, fileName);
      const id = newId();
      const row = await database.tx(ctx.tenantId, async (tx) => {
        const [r] = await tx.insert(importJobs).values({ tenantId: ctx.tenantId, id, kind: 'products', mode, status: 'importing', fileName: fileName.slice(0, 200), totalRows: sheet.rows.length, createdBy: ctx.actor.id }).returning();
        return r;
      });
      live.set(id, { processed: 0, total: 0 });
      const work = importProducts(database, ctx, sheet, mode, (processed, total) => live.set(id, { processed, total }))
        .then(async (res) => {
          await finish(ctx.tenantId, id, {
            status: res.written ? 'done' : 'rejected', errorCount: res.errors.length, errors: res.errors.slice(0, MAX_STORED_ERRORS),
            summary: { ...res.summary, rows: sheet.rows.length }, processedRows: sheet.rows.length,
          });
          await database.tx(ctx.tenantId, (tx) => recordAudit(tx, ctx, { action: 'product.import', entityType: 'import', entityId: id, after: { fileName, mode, written: res.written, ...res.summary, errors: res.errors.length } }));
        })
        .catch(async (err) => {
          log.error({ err, importId: id }, 'import failed');
          await finish(ctx.tenantId, id, { status: 'failed', errors: [{ row: 0, column: '', message: 'internal error; nothing was imported' }], errorCount: 1 }).catch(() => {});
        })
        .finally(() => { live.delete(id); running.delete(work); });
      running.add(work);
      return toOut(row);
    },

    async get(ctx: Ctx<Operator>, id: string) {
      const [row] = await database.tx(ctx.tenantId, (tx) => tx.select().from(importJobs).where(and(eq(importJobs.tenantId, ctx.tenantId), eq(importJobs.id, id))));
      if (!row) throw notFound('import');
      return toOut(row);
    },

    /** Every row error as a spreadsheet people can fix their file from. */
    async report(ctx: Ctx<Operator>, id: string) {
      const [row] = await database.tx(ctx.tenantId, (tx) => tx.select().from(importJobs).where(and(eq(importJobs.tenantId, ctx.tenantId), eq(importJobs.id, id))));
      if (!row) throw notFound('import');
      return writeSheet('错误报告', ['行号 row', '列 column', '问题 problem'], row.errors.map((e) => [e.row, e.column, e.message]), [10, 24, 70]);
    },


    /** Waits for running imports (graceful shutdown, tests). */
    drain: () => Promise.allSettled([...running]),
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
