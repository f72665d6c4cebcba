import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { memberCtx, memberRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import { findOrder } from '../orders/orders.service.js';
import { shipmentOut } from './fulfilment.schemas.js';
import { loadShipments, loadTracking } from './shipments.repository.js';
import { toShipmentOut } from './shipment-view.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** The customer's view of an order's parcels: what is in each, the carrier and number, and the tracking timeline. */
export function mallShipmentRoutes(database: Database) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/orders/:id/shipments', { config: memberRoute(), schema: { tags: ['orders'], summary: "My order's parcels with their tracking timelines", params: idParams, response: { 200: z.object({ items: z.array(shipmentOut) }), ...errors } } },
      async (req) => {
        const ctx = memberCtx(req);
        return database.tx(ctx.tenantId, async (tx) => {
          const o = await findOrder(tx, ctx.tenantId, ctx.actor, req.params.id);
          const list = (await loadShipments(tx, ctx.tenantId, o.id)).filter((s) => s.status !== 'cancelled');
          const tracking = await loadTracking(tx, ctx.tenantId, list.map((s) => s.id));
          return { items: list.map((s) => toShipmentOut(s, { orderNo: o.orderNo, customerName: o.customerName, events: [...(tracking.get(s.id) ?? [])].reverse() })) };
        });
      });
  };
}
