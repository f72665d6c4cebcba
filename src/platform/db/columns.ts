import { integer, text, timestamp } from 'drizzle-orm/pg-core';

/** Every business table starts with these; `tenant_id` leads every primary and unique key (Citus-ready). */
export const tenantId = () => text('tenant_id').notNull();
export const id = () => text('id').notNull();
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const version = () => integer('version').notNull().default(1);
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The sign-in bookkeeping every kind of login (staff user, customer member) carries. */
export const signInColumns = () => ({
  passwordHash: text('password_hash').notNull(),
  status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  lastLoginAt: ts('last_login_at'),
  /** Sessions created before this instant are dead (password reset, disable). */
  sessionsValidAfter: ts('sessions_valid_after').notNull().defaultNow(),
});
