import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts } from '../db/columns.js';

/**
 * Domain events written in the same transaction as the change they describe (transactional outbox).
 * A worker delivers them after commit (notifications, webhooks); `deliveredAt` null = not yet delivered.
 */
export const outboxEvents = pgTable('outbox_events', {
  tenantId: tenantId(),
  id: id(),
  topic: text('topic').notNull(),
  aggregateType: text('aggregate_type').notNull(),
  aggregateId: text('aggregate_id').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
  deliveredAt: ts('delivered_at'),
  /** Delivery attempts that failed (the worker retries up to a limit, then sets deliveredAt and keeps the error). */
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('outbox_events_pending_idx').on(t.tenantId, t.id).where(sql`delivered_at is null`),
  index('outbox_events_aggregate_idx').on(t.tenantId, t.aggregateType, t.aggregateId),
]);
