import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParam, idParams } from '../../platform/http/schemas.js';
import { bulkLevelPricesIn, customerPriceIn, unitPricesIn, unitPricesOut } from './pricing.schemas.js';
import type { PricingService } from './pricing.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['prices'];

export function pricingRoutes(pricing: PricingService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/sku-units/:id/prices', { config: staffRoute('catalog.read'), schema: { tags, summary: 'The price sheet of one sell unit', params: idParams, response: { 200: unitPricesOut, ...errors } } },
      async (req) => pricing.get(operatorCtx(req), req.params.id));
    r.put('/sku-units/:id/prices', { config: staffRoute('prices.write'), schema: { tags, summary: 'Replace list tiers, level prices and special prices of one sell unit', params: idParams, body: unitPricesIn, response: { 200: unitPricesOut, ...errors } } },
      async (req) => pricing.set(operatorCtx(req), req.params.id, req.body));
    r.put('/customers/:id/prices/:skuUnitId', {
      config: staffRoute('prices.write'),
      schema: { tags, summary: "Set a customer's own price (一客一价) for one sell unit", params: z.object({ id: idParam, skuUnitId: idParam }), body: customerPriceIn,
        response: { 200: z.object({ customerId: z.string(), priceFen: z.number().int(), tiers: z.array(z.object({ minQty: z.number().int(), priceFen: z.number().int() })) }), ...errors } },
    }, async (req) => pricing.setCustomerPrice(operatorCtx(req), req.params.id, req.params.skuUnitId, req.body));
    r.get('/customers/:id/prices', { config: staffRoute('catalog.read'), schema: { tags, summary: "Every customer price (一客一价) of one customer", params: idParams,
      response: { 200: z.object({ items: z.array(z.object({ skuUnitId: z.string(), productId: z.string(), productName: z.string(), skuCode: z.string(), specText: z.string(), unitName: z.string(),
        listPriceFen: z.number().int(), priceFen: z.number().int(), tiers: z.array(z.object({ minQty: z.number().int(), priceFen: z.number().int() })) })) }), ...errors } } },
    async (req) => pricing.listCustomerPrices(operatorCtx(req), req.params.id));
    r.delete('/customers/:id/prices/:skuUnitId', { config: staffRoute('prices.write'), schema: { tags, summary: "Remove a customer's own price for one sell unit", params: z.object({ id: idParam, skuUnitId: idParam }), response: { 204: z.null(), ...errors } } },
      async (req, reply) => { await pricing.deleteCustomerPrice(operatorCtx(req), req.params.id, req.params.skuUnitId); return reply.status(204).send(null); });
    r.post('/prices/bulk-level', { config: staffRoute('prices.write'), schema: { tags, summary: 'Set one level price on many products by formula (list or cost × %)', body: bulkLevelPricesIn, response: { 200: z.object({ affected: z.number().int() }), ...errors } } },
      async (req) => pricing.bulkLevelPrices(operatorCtx(req), req.body));
  };
}
