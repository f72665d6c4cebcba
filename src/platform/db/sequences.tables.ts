import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tenantId } from './columns.js';

/** Per-tenant counters for human numbers (customer codes, order numbers). */
export const sequences = pgTable('sequences', {
  tenantId: tenantId(),
  name: text('name').notNull(),
  value: bigint('value', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.name] })]);
