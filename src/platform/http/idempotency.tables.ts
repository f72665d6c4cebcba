import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from '../db/columns.js';

/**
 * The first answer to each `Idempotency-Key`, per caller. Written in the same transaction as the effect,
 * so a stored answer exists exactly when the effect committed.
 */
export const idempotencyKeys = pgTable('idempotency_keys', {
  tenantId: tenantId(),
  /** Who sent it (actor kind + id) and to which operation: keys are not shared between callers or routes. */
  scope: text('scope').notNull(),
  key: text('key').notNull(),
  requestHash: text('request_hash').notNull(),
  status: integer('status').notNull(),
  response: jsonb('response').notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.scope, t.key] })]);
