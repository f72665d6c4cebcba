import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { pageOf } from '../../platform/http/pagination.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import {
  brandIn, brandOut, bulkAction, categoryIn, categoryOut, categoryUpdate, productCreate, productDetail, productListQuery, productSummary,
  productUpdate, tagIn, tagOut,
} from './catalog.schemas.js';
import type { ProductsService } from './products.service.js';
import type { TaxonomyService } from './taxonomy.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['catalog'];

export function catalogAdminRoutes(deps: { products: ProductsService; taxonomy: TaxonomyService }) {
  const { products, taxonomy } = deps;
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = staffRoute('catalog.read');
    const write = staffRoute('catalog.write');

    r.get('/categories', { config: read, schema: { tags, summary: 'Category tree (flat, with parentId)', response: { 200: z.object({ items: z.array(categoryOut) }), ...errors } } },
      async (req) => ({ items: await taxonomy.categories(operatorCtx(req).tenantId) }));
    r.post('/categories', { config: write, schema: { tags, summary: 'Add a category', body: categoryIn, response: { 201: categoryOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await taxonomy.createCategory(operatorCtx(req), req.body)));
    r.patch('/categories/:id', { config: write, schema: { tags, summary: 'Rename, move or reorder a category', params: idParams, body: categoryUpdate, response: { 200: categoryOut, ...errors } } },
      async (req) => taxonomy.updateCategory(operatorCtx(req), req.params.id, req.body));
    r.delete('/categories/:id', { config: write, schema: { tags, summary: 'Delete an empty category', params: idParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => { await taxonomy.deleteCategory(operatorCtx(req), req.params.id); return reply.status(204).send(null); });

    r.get('/brands', { config: read, schema: { tags, summary: 'Brands', response: { 200: z.object({ items: z.array(brandOut) }), ...errors } } },
      async (req) => ({ items: await taxonomy.brands(operatorCtx(req).tenantId) }));
    r.post('/brands', { config: write, schema: { tags, summary: 'Add a brand', body: brandIn, response: { 201: brandOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await taxonomy.createBrand(operatorCtx(req), req.body)));
    r.patch('/brands/:id', { config: write, schema: { tags, summary: 'Rename a brand (search follows)', params: idParams, body: brandIn.partial(), response: { 200: brandOut, ...errors } } },
      async (req) => taxonomy.updateBrand(operatorCtx(req), req.params.id, req.body));
    r.delete('/brands/:id', { config: write, schema: { tags, summary: 'Delete a brand without products', params: idParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => { await taxonomy.deleteBrand(operatorCtx(req), req.params.id); return reply.status(204).send(null); });
    r.get('/tags', { config: read, schema: { tags, summary: 'Product tags', response: { 200: z.object({ items: z.array(tagOut) }), ...errors } } },
      async (req) => ({ items: await taxonomy.tags(operatorCtx(req).tenantId) }));
    r.post('/tags', { config: write, schema: { tags, summary: 'Add a tag', body: tagIn, response: { 201: tagOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await taxonomy.createTag(operatorCtx(req), req.body)));
    r.delete('/tags/:id', { config: write, schema: { tags, summary: 'Delete a tag (removed from its products)', params: idParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => { await taxonomy.deleteTag(operatorCtx(req), req.params.id); return reply.status(204).send(null); });

    r.get('/products', { config: read, schema: { tags, summary: 'List products', querystring: productListQuery, response: { 200: pageOf(productSummary), ...errors } } },
      async (req) => products.list(operatorCtx(req), req.query));
    r.post('/products', { config: write, schema: { tags, summary: 'Create a product with its SKUs and units', body: productCreate, response: { 201: productDetail, ...errors } } },
      async (req, reply) => reply.status(201).send(await products.create(operatorCtx(req), req.body)));
    r.get('/products/:id', { config: read, schema: { tags, summary: 'A product with SKUs, units, tags and images', params: idParams, response: { 200: productDetail, ...errors } } },
      async (req) => products.get(operatorCtx(req), req.params.id));
    r.put('/products/:id', { config: write, schema: { tags, summary: 'Replace a product (SKUs matched by code, units by name)', params: idParams, body: productUpdate, response: { 200: productDetail, ...errors } } },
      async (req) => products.update(operatorCtx(req), req.params.id, req.body));
    r.post('/products/bulk', { config: write, schema: { tags, summary: 'Shelf on/off, set category or delete many products', body: bulkAction, response: { 200: z.object({ affected: z.number().int() }), ...errors } } },
      async (req) => products.bulk(operatorCtx(req), req.body));
  };
}
