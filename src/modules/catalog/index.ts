import type { Database } from '../../platform/db/database.js';
import { catalogAdminRoutes } from './catalog.routes.js';
import { createProductsService } from './products.service.js';
import { createTaxonomyService } from './taxonomy.service.js';

export function createCatalogModule(database: Database) {
  const products = createProductsService(database);
  const taxonomy = createTaxonomyService(database);
  return { products, taxonomy, adminRoutes: catalogAdminRoutes({ products, taxonomy }) };
}
