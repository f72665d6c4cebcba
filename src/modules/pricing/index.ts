export { loadPricing } from './pricing.repository.js';
export { upsertLevelPricesTx } from './level-prices.repository.js';
export { resolvePrice, type ResolvedPrice, type SkuUnitPricing, type PriceCustomer } from './domain/resolve-price.js';
export { createPricingService, type PricingService } from './pricing.service.js';
export { pricingRoutes } from './pricing.routes.js';
