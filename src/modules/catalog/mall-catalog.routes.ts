import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { memberCtx, memberRoute, publicRoute, tenantOf } from '../../platform/http/route-auth.js';
import { idParam, idParams, intQuery } from '../../platform/http/schemas.js';
import type { MallCatalogService } from './mall-catalog.service.js';

const tags = ['mall catalog'];
const errors = { 400: problemSchema, 404: problemSchema };
const priceOut = z.object({ priceFen: z.number().int(), listPriceFen: z.number().int() }).nullable();
const searchQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().regex(/^[0-9]{1,6}$/, 'not a cursor').optional(),
  q: z.string().trim().max(100).optional(),
  categoryId: idParam.optional(),
  brandId: idParam.optional(),
  tagId: idParam.optional(),
  minPriceFen: intQuery().optional(),
  maxPriceFen: intQuery().optional(),
  sort: z.enum(['relevance', 'newest', 'price_asc', 'price_desc', 'sales']).default('relevance'),
  /** Only products with sellable stock (有货). */
  inStock: z.enum(['true', 'false']).optional(),
});
const searchOut = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), subtitle: z.string().nullable(), brandName: z.string().nullable(), imageId: z.string().nullable(), salesCount: z.number().int(), price: priceOut })),
  nextCursor: z.string().nullable(),
  facets: z.object({ categories: z.array(z.object({ id: z.string(), count: z.number().int() })), brands: z.array(z.object({ id: z.string(), count: z.number().int() })) }),
});
const tierOut = z.object({ minQty: z.number().int(), priceFen: z.number().int() });
const productOut = z.object({
  id: z.string(), name: z.string(), subtitle: z.string().nullable(), brandName: z.string().nullable(), categoryId: z.string().nullable(), categoryName: z.string().nullable(),
  specs: z.array(z.object({ name: z.string(), values: z.array(z.string()) })), params: z.array(z.object({ name: z.string(), value: z.string() })),
  descriptionHtml: z.string(), instructions: z.string(), images: z.array(z.object({ id: z.string(), width: z.number().int(), height: z.number().int() })), tagIds: z.array(z.string()),
  favourite: z.boolean(),
  skus: z.array(z.object({
    id: z.string(), code: z.string(), barcode: z.string().nullable(), specValues: z.array(z.string()), baseUnit: z.string(),
    stock: z.object({ status: z.enum(['in_stock', 'out_of_stock', 'untracked']), available: z.number().int().nullable(), policy: z.enum(['block', 'backorder', 'preorder']) }),
    units: z.array(z.object({
      id: z.string(), name: z.string(), conversion: z.number().int(), barcode: z.string().nullable(), minQty: z.number().int(), multiple: z.number().int(),
      price: z.object({ priceFen: z.number().int(), listPriceFen: z.number().int(), source: z.enum(['customer', 'special', 'level', 'list']) }).nullable(),
      tiers: z.array(tierOut),
    })),
  })),
}).meta({ id: 'MallProduct' });

/** Browsing works for guests too (prices per the tenant's guest setting); a logged-in member sees their own prices. */
export function mallCatalogRoutes(service: MallCatalogService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/categories', { config: publicRoute, schema: { tags, summary: 'Category tree for browsing', response: { 200: z.object({ items: z.array(z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string(), icon: z.string().nullable() })) }), ...errors } } },
      async (req) => ({ items: await service.categories(tenantOf(req).id) }));
    r.get('/products', { config: publicRoute, schema: { tags, summary: 'Search and browse products with my own price (cursor is an offset)', querystring: searchQuery, response: { 200: searchOut, ...errors } } },
      async (req) => service.search(tenantOf(req).id, req.actor, req.query));
    r.get('/suggest', { config: publicRoute, schema: { tags, summary: 'Autocomplete while typing (name, pinyin, initials, code)', querystring: z.strictObject({ q: z.string().trim().min(1).max(50) }), response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }), ...errors } } },
      async (req) => ({ items: await service.suggest(tenantOf(req).id, req.actor, req.query.q) }));
    r.get('/favourites', { config: memberRoute(), schema: { tags, summary: 'My favourite products (收藏) with my prices', response: { 200: z.object({ items: searchOut.shape.items }), ...errors, 401: problemSchema, 403: problemSchema } } },
      async (req) => ({ items: await service.favourites(tenantOf(req).id, memberCtx(req).actor) }));
    r.put('/favourites/:id', { config: memberRoute(), schema: { tags, summary: 'Add a product to my favourites', params: idParams, response: { 204: z.null(), ...errors, 401: problemSchema, 403: problemSchema } } },
      async (req, reply) => { await service.setFavourite(tenantOf(req).id, memberCtx(req).actor, req.params.id, true); return reply.status(204).send(null); });
    r.delete('/favourites/:id', { config: memberRoute(), schema: { tags, summary: 'Remove a product from my favourites', params: idParams, response: { 204: z.null(), ...errors, 401: problemSchema, 403: problemSchema } } },
      async (req, reply) => { await service.setFavourite(tenantOf(req).id, memberCtx(req).actor, req.params.id, false); return reply.status(204).send(null); });
    r.get('/products/:id', { config: publicRoute, schema: { tags, summary: 'Product page with my price per unit and the quantity-break table', params: idParams, response: { 200: productOut, ...errors } } },
      async (req) => service.product(tenantOf(req).id, req.actor, req.params.id));
  };
}
