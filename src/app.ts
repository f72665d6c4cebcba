import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiKeysService } from './modules/auth/api-keys.service.js';
import { apiKeyRoutes } from './modules/auth/api-keys.routes.js';
import { registerAuthHooks, requireRouteAuth } from './modules/auth/auth.hooks.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { createCatalogModule } from './modules/catalog/index.js';
import { createPricingService, pricingRoutes } from './modules/pricing/index.js';
import { createImportsService } from './modules/imports/imports.service.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { createCustomersModule, memberPrincipals } from './modules/customers/index.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { createSettingsService } from './modules/settings/settings.service.js';
import { createStaffModule, staffPrincipals } from './modules/staff/index.js';
import { createTenantsService } from './modules/tenants/tenants.service.js';
import { createReadCache } from './platform/cache/read-cache.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { AppError } from './platform/errors/app-error.js';
import { registerErrorHandling } from './platform/errors/error-handler.js';
import { createLogger, type Logger } from './platform/logger.js';
import { createNotifier, type Notifier } from './platform/mail/notifier.js';
import { registerWeb } from './platform/http/web.js';
import { localBlobStore, type BlobStore } from './platform/storage/blob-store.js';
import fastifyMultipart from '@fastify/multipart';
import { MAX_IMAGE_BYTES } from './modules/catalog/images.service.js';
import { createCartService } from './modules/cart/cart.service.js';
import { cartRoutes } from './modules/cart/cart.routes.js';
import { createSavedListsService } from './modules/cart/saved-lists.service.js';
import { createOrdersService } from './modules/orders/orders.service.js';
import { mallOrderRoutes } from './modules/orders/orders.mall-routes.js';
import { adminOrderRoutes } from './modules/orders/orders.admin-routes.js';
import { createPlaceOrderFlow } from './flows/place-order.flow.js';
import { createInventoryService } from './modules/inventory/inventory.service.js';
import { inventoryRoutes } from './modules/inventory/inventory.routes.js';
import { createTransfersService } from './modules/inventory/transfers.service.js';
import { createStocktakesService } from './modules/inventory/stocktakes.service.js';
import { createReceiptsService } from './modules/inventory/receipts.service.js';
import { createStockAlertsService } from './modules/inventory/stock-alerts.js';
import { stockAlertRoutes } from './modules/inventory/stock-alerts.routes.js';
import { registerTextGuard } from './platform/http/text-guard.js';
import { problem } from './platform/errors/problem.js';
import type { CarrierGateway } from './modules/logistics/carrier.js';
import { kuaidi100Gateway } from './modules/logistics/kuaidi100.adapter.js';
import { carrierWebhookRoutes } from './modules/logistics/webhook.routes.js';
import { createShipmentsService } from './modules/fulfilment/shipments.service.js';
import { createShippingFlow } from './modules/fulfilment/ship-shipment.js';
import { createPickListsService } from './modules/fulfilment/pick-lists.service.js';
import { fulfilmentRoutes } from './modules/fulfilment/fulfilment.routes.js';
import { mallShipmentRoutes } from './modules/fulfilment/fulfilment.mall-routes.js';
import { registerOperations } from './platform/metrics/operations.js';
import type { Readiness } from './platform/metrics/readiness.js';
import { createPaymentsModule, type GatewayRegistry } from './modules/payments/index.js';
import { paymentGatewaysFromConfig } from './modules/payments/gateways-from-config.js';
import { createInvoicesModule } from './modules/invoices/index.js';
import { createFinanceModule } from './modules/finance/index.js';

export interface AppDeps {
  config: Config;
  database: Database;
  logger?: Logger;
  notifier?: Notifier;
  blobStore?: BlobStore;
  /** The carrier integration; default: Kuaidi100 when the config names an account, else none (numbers typed in). */
  carrierGateway?: CarrierGateway | null;
  /** The online payment gateways; default: those the config names accounts for (none: online methods cannot be paid). */
  paymentGateways?: GatewayRegistry;
  /** The gateways are local simulators (沙箱支付); the mall says so. Default: config.paymentSimulator. */
  paymentSandbox?: boolean;
  /** What /api/health/ready reports (main.ts: starting → ready → draining); default: ready. */
  readiness?: Readiness;
}

export const BODY_LIMIT = 1024 * 1024;

/** The whole application, wired. Used by `npm start`, the CLI and the tests alike. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const notifier = deps.notifier ?? createNotifier(logger, config.smtp);

  const app: FastifyInstance = Fastify({ loggerInstance: logger as FastifyBaseLogger, bodyLimit: BODY_LIMIT, trustProxy: config.trustProxy, routerOptions: { maxParamLength: 200 },
    // URL errors found by the router (over-long or badly %-encoded ids) are answered before any hook; keep them problem documents.
    frameworkErrors: (_err, _req, reply) => {
      (reply as FastifyReply).status(400).type('application/problem+json; charset=utf-8').send(problem('validation_failed', 'The URL is malformed or a path segment is too long', [{ path: 'params', message: 'malformed' }]));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  requireRouteAuth(app);
  registerOperations(app, { config, database, readiness: deps.readiness });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd injects its CSS-in-JS styles at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', { message: `too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s` }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Dinghuo API', version: '1', description: 'Dinghuo (订货) B2B ordering: console (/api/v1/admin), mall (/api/v1/mall), auth and public endpoints. Errors are application/problem+json with a stable `code`.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dh_sid', description: 'Browser session; unsafe methods also need the X-CSRF-Token header.' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'Integration key: dh_<id>.<secret>' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const tenants = createTenantsService(database);
  const readCache = createReadCache({ ttlMs: config.readCacheMs });
  const auth = createAuthService({ database, stores: { staff: staffPrincipals, member: memberPrincipals }, notifier, sessionSecret: config.sessionSecret, sessionTtlHours: config.sessionTtlHours, cache: readCache });
  const apiKeys = createApiKeysService(database);
  const staff = createStaffModule(database);
  const customers = createCustomersModule(database, { loginRateLimitPerMinute: config.loginRateLimitPerMinute });
  const settings = createSettingsService(database);
  const imports = createImportsService(database, logger);
  app.addHook('onClose', async () => { await imports.drain(); });
  const blobStore = deps.blobStore ?? localBlobStore(config.uploadsDir);
  const catalog = createCatalogModule(database, blobStore, { cache: readCache });
  const cart = createCartService(database);
  const lists = createSavedListsService(database, cart);
  const orders = createOrdersService(database);
  const paymentGateways = deps.paymentGateways ?? paymentGatewaysFromConfig(config);
  const place = createPlaceOrderFlow(database, { onlineGateways: () => Object.keys(paymentGateways) });
  const payments = createPaymentsModule(database, blobStore, { gateways: paymentGateways, publicUrl: config.publicUrl, sandbox: deps.paymentSandbox ?? config.paymentSimulator });
  const invoices = createInvoicesModule(database);
  const finance = createFinanceModule(database);
  registerAuthHooks(app, { tenants, auth, apiKeys, readCache });
  registerTextGuard(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', {
    schema: { tags: ['public'], summary: 'Liveness and database check', response: { 200: z.object({ status: z.literal('ok'), db: z.literal('ok') }), 503: z.object({ status: z.literal('degraded'), db: z.literal('down') }) } },
  }, async (_req, reply) => {
    try {
      await database.ping();
      return { status: 'ok' as const, db: 'ok' as const };
    } catch {
      return reply.status(503).send({ status: 'degraded' as const, db: 'down' as const });
    }
  });

  const gateway = deps.carrierGateway !== undefined ? deps.carrierGateway : config.kuaidi100 ? kuaidi100Gateway(config.kuaidi100) : null;
  const shipping = createShippingFlow(database, { gateway, publicUrl: config.publicUrl, secret: config.sessionSecret, logger });
  await app.register(async (v1) => {
    await v1.register(carrierWebhookRoutes({ database, gateway, secret: config.sessionSecret }));
    await v1.register(payments.webhookRoutes);
    await v1.register(customers.publicRoutes);
    await v1.register(catalog.imagePublicRoutes);
    await v1.register(authRoutes({ auth, secureCookies: config.secureCookies, loginRateLimitPerMinute: config.loginRateLimitPerMinute }), { prefix: '/auth' });
    await v1.register(async (admin) => {
      await admin.register(staff.routes);
      await admin.register(customers.adminRoutes);
      await admin.register(auditRoutes(database));
      await admin.register(settingsRoutes(settings));
      await admin.register(apiKeyRoutes(apiKeys));
      await admin.register(catalog.adminRoutes);
      await admin.register(catalog.imageAdminRoutes);
      await admin.register(importRoutes({ database, imports, products: catalog.products }));
      await admin.register(pricingRoutes(createPricingService(database)));
      await admin.register(adminOrderRoutes({ database, orders, place }));
      await admin.register(payments.adminRoutes);
      await admin.register(payments.refundAdminRoutes);
      await admin.register(invoices.adminRoutes);
      await admin.register(finance.adminRoutes);
      await admin.register(fulfilmentRoutes({ database, shipments: createShipmentsService(database), shipping, pickLists: createPickListsService(database), gateway }));
      await admin.register(inventoryRoutes(createInventoryService(database), createTransfersService(database), createStocktakesService(database), createReceiptsService(database), database));
    }, { prefix: '/admin' });
    await v1.register(customers.mallRoutes, { prefix: '/mall' });
    await v1.register(catalog.mallRoutes, { prefix: '/mall' });
    await v1.register(cartRoutes({ database, cart, lists }), { prefix: '/mall' });
    await v1.register(mallOrderRoutes({ database, orders, place, cart }), { prefix: '/mall' });
    await v1.register(mallShipmentRoutes(database), { prefix: '/mall' });
    await v1.register(payments.mallRoutes, { prefix: '/mall' });
    await v1.register(payments.refundMallRoutes, { prefix: '/mall' });
    await v1.register(invoices.mallRoutes, { prefix: '/mall' });
    await v1.register(finance.mallRoutes, { prefix: '/mall' });
    await v1.register(stockAlertRoutes(createStockAlertsService(database)), { prefix: '/mall' });
  }, { prefix: '/api/v1' });

  await registerWeb(app, config.webDist);
  return app;
}
