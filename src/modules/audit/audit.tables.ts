import { index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { id, tenantId, ts } from '../../platform/db/columns.js';

export const auditLog = pgTable('audit_log', {
  tenantId: tenantId(),
  id: id(),
  at: ts('at').notNull().defaultNow(),
  actorKind: text('actor_kind', { enum: ['staff', 'member', 'apikey', 'system'] }).notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  index('audit_entity_idx').on(t.tenantId, t.entityType, t.entityId),
  index('audit_actor_idx').on(t.tenantId, t.actorId),
]);
