import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, ts } from '../../platform/db/columns.js';

/** Server-side sessions; `id` is the SHA-256 of the cookie token, so a leaked table cannot be replayed. */
export const sessions = pgTable('sessions', {
  tenantId: tenantId(),
  id: id(),
  principalKind: text('principal_kind', { enum: ['staff', 'member'] }).notNull(),
  principalId: text('principal_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: createdAt(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('sessions_principal_idx').on(t.tenantId, t.principalKind, t.principalId)]);

export const resetCodes = pgTable('reset_codes', {
  tenantId: tenantId(),
  id: id(),
  realm: text('realm', { enum: ['staff', 'member'] }).notNull(),
  principalId: text('principal_id').notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull().default(0),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('reset_codes_principal_idx').on(t.tenantId, t.realm, t.principalId)]);

/** Integration keys: only a SHA-256 of the secret is kept; `id` doubles as the public prefix of the token. */
export const apiKeys = pgTable('api_keys', {
  tenantId: tenantId(),
  id: id(),
  name: text('name').notNull(),
  secretHash: text('secret_hash').notNull(),
  scopes: text('scopes').array().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);
