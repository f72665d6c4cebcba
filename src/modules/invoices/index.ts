import type { Database } from '../../platform/db/database.js';
import { adminInvoiceRoutes } from './invoices.admin-routes.js';
import { mallInvoiceRoutes } from './invoices.mall-routes.js';
import { createInvoicesService } from './invoices.service.js';

export { TAX_RATES, taxOf } from './domain/invoice-tax.js';

/** 发票: invoice requests, issuing and voiding, the 待开票 queue, the mall's view and the tax-software export. */
export function createInvoicesModule(database: Database) {
  const service = createInvoicesService(database);
  return { service, adminRoutes: adminInvoiceRoutes(service), mallRoutes: mallInvoiceRoutes(service) };
}
