import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts } from '../../platform/db/columns.js';

/** A long-running import: its progress is polled by the console; its row report can be downloaded. */
export const importJobs = pgTable('import_jobs', {
  tenantId: tenantId(),
  id: id(),
  kind: text('kind', { enum: ['products'] }).notNull(),
  mode: text('mode', { enum: ['all_or_nothing', 'valid_rows'] }).notNull(),
  status: text('status', { enum: ['queued', 'validating', 'importing', 'done', 'rejected', 'failed'] }).notNull(),
  fileName: text('file_name').notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  /** The first 2,000 row errors: { row, column, message }. */
  errors: jsonb('errors').$type<{ row: number; column: string; message: string }[]>().notNull().default([]),
  summary: jsonb('summary').$type<Record<string, number>>().notNull().default({}),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  finishedAt: ts('finished_at'),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('import_jobs_created_idx').on(t.tenantId, t.createdAt)]);
