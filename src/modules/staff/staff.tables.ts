import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, signInColumns, tenantId, updatedAt, version } from '../../platform/db/columns.js';

export const roles = pgTable('roles', {
  tenantId: tenantId(),
  id: id(),
  code: text('code'),
  name: text('name').notNull(),
  permissions: text('permissions').array().notNull(),
  dataScope: text('data_scope', { enum: ['all', 'region', 'assigned'] }).notNull(),
  builtIn: boolean('built_in').notNull().default(false),
  version: version(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('roles_code_uq').on(t.tenantId, t.code),
  unique('roles_name_uq').on(t.tenantId, t.name),
]);

export const staffUsers = pgTable('staff_users', {
  tenantId: tenantId(),
  id: id(),
  name: text('name').notNull(),
  username: text('username').notNull(),
  phone: text('phone'),
  email: text('email'),
  regionIds: text('region_ids').array().notNull().default([]),
  /** 仓库范围: the warehouses whose stock this user may work on; empty = all warehouses. */
  warehouseIds: text('warehouse_ids').array().notNull().default([]),
  ...signInColumns(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('staff_username_uq').on(t.tenantId, t.username),
  unique('staff_phone_uq').on(t.tenantId, t.phone),
  unique('staff_email_uq').on(t.tenantId, t.email),
]);

export const staffRoles = pgTable('staff_roles', {
  tenantId: tenantId(),
  staffId: text('staff_id').notNull(),
  roleId: text('role_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.staffId, t.roleId] }),
  foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staffUsers.tenantId, staffUsers.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.tenantId, t.roleId], foreignColumns: [roles.tenantId, roles.id] }),
  index('staff_roles_role_idx').on(t.tenantId, t.roleId),
]);
