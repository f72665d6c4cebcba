// Every table of the application, for Drizzle's typed queries and for drizzle-kit's migration generator.
export * from './sequences.tables.js';
export * from '../../modules/tenants/tenants.tables.js';
export * from '../../modules/staff/staff.tables.js';
export * from '../../modules/customers/customers.tables.js';
export * from '../../modules/auth/auth.tables.js';
export * from '../../modules/audit/audit.tables.js';
export * from '../../modules/catalog/catalog.tables.js';
export * from '../../modules/pricing/pricing.tables.js';
export * from '../../modules/imports/imports.tables.js';
export * from '../outbox/outbox.tables.js';
export * from '../http/idempotency.tables.js';
export * from '../../modules/cart/cart.tables.js';
export * from '../../modules/orders/orders.tables.js';
export * from '../../modules/inventory/inventory.tables.js';
export * from '../../modules/fulfilment/fulfilment.tables.js';
export * from '../../modules/payments/payments.tables.js';
export * from '../../modules/payments/refunds.tables.js';
