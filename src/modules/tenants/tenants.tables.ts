import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt } from '../../platform/db/columns.js';

/** The registry of tenants. Not tenant-scoped itself: the app role may only read it. */
export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  createdAt: createdAt(),
});

export const tenantSettings = pgTable('tenant_settings', {
  tenantId: tenantId(),
  settings: jsonb('settings').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.tenantId] })]);
