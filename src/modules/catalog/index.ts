import type { Database } from '../../platform/db/database.js';
import { catalogAdminRoutes } from './catalog.routes.js';
import { createProductsService } from './products.service.js';
import { createTaxonomyService } from './taxonomy.service.js';
import { createMallCatalogService } from './mall-catalog.service.js';
import { mallCatalogRoutes } from './mall-catalog.routes.js';

export function createCatalogModule(database: Database) {
  const products = createProductsService(database);
  const taxonomy = createTaxonomyService(database);
  const mall = createMallCatalogService(database);
  return { products, taxonomy, mall, adminRoutes: catalogAdminRoutes({ products, taxonomy }), mallRoutes: mallCatalogRoutes(mall) };
}
