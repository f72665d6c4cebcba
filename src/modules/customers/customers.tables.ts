import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, signInColumns, tenantId, ts, updatedAt, version } from '../../platform/db/columns.js';
import { staffUsers } from '../staff/staff.tables.js';

/** Sales regions (province → city → district); they drive regional-manager scopes and, later, warehouse matching. */
export const regions = pgTable('regions', {
  tenantId: tenantId(),
  id: id(),
  parentId: text('parent_id'),
  name: text('name').notNull(),
  code: text('code'),
  sort: integer('sort').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('regions_code_uq').on(t.tenantId, t.code)]);

export const customerLevels = pgTable('customer_levels', {
  tenantId: tenantId(),
  id: id(),
  name: text('name').notNull(),
  rank: integer('rank').notNull().default(0),
  version: version(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('customer_levels_name_uq').on(t.tenantId, t.name)]);

export const customerTypes = ['dealer', 'retailer', 'consumer'] as const;
export const customerStatuses = ['pending', 'active', 'disabled', 'rejected'] as const;

export const customers = pgTable('customers', {
  tenantId: tenantId(),
  id: id(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  type: text('type', { enum: customerTypes }).notNull(),
  levelId: text('level_id'),
  regionId: text('region_id'),
  salespersonId: text('salesperson_id'),
  status: text('status', { enum: customerStatuses }).notNull(),
  contactName: text('contact_name').notNull(),
  phone: text('phone').notNull(),
  email: text('email'),
  remark: text('remark'),
  /** Trusted customers' orders may skip the order review (settings.orders.autoApproveTrusted). */
  trusted: boolean('trusted').notNull().default(false),
  /** A buyer's order waits for an approver of the customer's own company (pending_approval). */
  orderApproval: boolean('order_approval').notNull().default(false),
  rejectReason: text('reject_reason'),
  source: text('source', { enum: ['staff', 'registration'] }).notNull(),
  reviewedBy: text('reviewed_by'),
  reviewedAt: ts('reviewed_at'),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  unique('customers_code_uq').on(t.tenantId, t.code),
  foreignKey({ columns: [t.tenantId, t.levelId], foreignColumns: [customerLevels.tenantId, customerLevels.id] }),
  foreignKey({ columns: [t.tenantId, t.regionId], foreignColumns: [regions.tenantId, regions.id] }),
  foreignKey({ columns: [t.tenantId, t.salespersonId], foreignColumns: [staffUsers.tenantId, staffUsers.id] }),
  index('customers_status_idx').on(t.tenantId, t.status),
  index('customers_salesperson_idx').on(t.tenantId, t.salespersonId),
  index('customers_region_idx').on(t.tenantId, t.regionId),
]);

export const customerContacts = pgTable('customer_contacts', {
  tenantId: tenantId(),
  id: id(),
  customerId: text('customer_id').notNull(),
  name: text('name').notNull(),
  phone: text('phone'),
  email: text('email'),
  position: text('position'),
  isPrimary: boolean('is_primary').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete('cascade'), index('customer_contacts_customer_idx').on(t.tenantId, t.customerId)]);

export const customerAddresses = pgTable('customer_addresses', {
  tenantId: tenantId(),
  id: id(),
  customerId: text('customer_id').notNull(),
  receiver: text('receiver').notNull(),
  phone: text('phone').notNull(),
  regionId: text('region_id'),
  regionText: text('region_text').notNull(),
  detail: text('detail').notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete('cascade'), index('customer_addresses_customer_idx').on(t.tenantId, t.customerId)]);

export const invoiceProfiles = pgTable('invoice_profiles', {
  tenantId: tenantId(),
  id: id(),
  customerId: text('customer_id').notNull(),
  kind: text('kind', { enum: ['normal', 'special'] }).notNull(),
  title: text('title').notNull(),
  taxNo: text('tax_no').notNull(),
  bankName: text('bank_name'),
  bankAccount: text('bank_account'),
  address: text('address'),
  phone: text('phone'),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete('cascade'), index('invoice_profiles_customer_idx').on(t.tenantId, t.customerId)]);

export const memberRoles = ['buyer', 'approver', 'viewer'] as const;

/** A login of a customer company; a company may have many. */
export const customerMembers = pgTable('customer_members', {
  tenantId: tenantId(),
  id: id(),
  customerId: text('customer_id').notNull(),
  name: text('name').notNull(),
  username: text('username'),
  phone: text('phone'),
  email: text('email'),
  memberRole: text('member_role', { enum: memberRoles }).notNull(),
  isAdmin: boolean('is_admin').notNull().default(false),
  ...signInColumns(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.id] }),
  foreignKey({ columns: [t.tenantId, t.customerId], foreignColumns: [customers.tenantId, customers.id] }).onDelete('cascade'),
  unique('members_username_uq').on(t.tenantId, t.username),
  unique('members_phone_uq').on(t.tenantId, t.phone),
  unique('members_email_uq').on(t.tenantId, t.email),
  index('members_customer_idx').on(t.tenantId, t.customerId),
]);
