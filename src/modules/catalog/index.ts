import type { Database } from '../../platform/db/database.js';
import type { ReadCache } from '../../platform/cache/read-cache.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { createImagesService } from './images.service.js';
import { imageAdminRoutes, imagePublicRoutes } from './images.routes.js';
import { catalogAdminRoutes } from './catalog.routes.js';
import { createProductsService } from './products.service.js';
import { createTaxonomyService } from './taxonomy.service.js';
import { createMallCatalogService } from './mall-catalog.service.js';
import { mallCatalogRoutes } from './mall-catalog.routes.js';

export function createCatalogModule(database: Database, store: BlobStore, opts: { cache?: ReadCache } = {}) {
  const images = createImagesService(database, store);
  const products = createProductsService(database);
  const taxonomy = createTaxonomyService(database);
  const mall = createMallCatalogService(database, { cache: opts.cache });
  return {
    products, taxonomy, mall, images,
    adminRoutes: catalogAdminRoutes({ products, taxonomy }), imageAdminRoutes: imageAdminRoutes(images), imagePublicRoutes: imagePublicRoutes(images),
    mallRoutes: mallCatalogRoutes(mall),
  };
}
