import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { memberCtx, memberRoute } from '../../platform/http/route-auth.js';
import { idParam, idParams } from '../../platform/http/schemas.js';
import type { createStockAlertsService } from './stock-alerts.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['mall stock alerts'];
const alertOut = z.object({ id: z.string(), skuId: z.string(), skuCode: z.string(), productId: z.string(), productName: z.string(), createdAt: z.string(), notifiedAt: z.string().nullable() }).meta({ id: 'StockAlert' });

export function stockAlertRoutes(alerts: ReturnType<typeof createStockAlertsService>) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/stock-alerts', { config: memberRoute(), schema: { tags, summary: 'My out-of-stock registrations (缺货登记)', response: { 200: z.object({ items: z.array(alertOut) }), ...errors } } },
      async (req) => alerts.list(memberCtx(req)));
    r.post('/stock-alerts', { config: memberRoute({ write: true }), schema: { tags, summary: 'Tell me when this SKU is back in stock', body: z.strictObject({ skuId: idParam }), response: { 201: alertOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await alerts.add(memberCtx(req), req.body.skuId)));
    r.delete('/stock-alerts/:id', { config: memberRoute({ write: true }), schema: { tags, summary: 'Withdraw an out-of-stock registration', params: idParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => { await alerts.remove(memberCtx(req), req.params.id); return reply.status(204).send(null); });
  };
}
