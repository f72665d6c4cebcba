import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { operatorCtx, staffRoute, tenantOf } from '../../platform/http/route-auth.js';
import { idParam, idParams } from '../../platform/http/schemas.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { warehouses } from '../inventory/inventory.tables.js';
import { assertWarehouseAllowed } from '../inventory/warehouse-scope.js';
import { CARRIERS, type CarrierGateway } from '../logistics/carrier.js';
import { applySnapshot } from '../logistics/tracking.js';
import { findOrder } from '../orders/orders.service.js';
import { orderDetailOut, shipBody } from '../orders/orders.schemas.js';
import { readSettings } from '../settings/settings.service.js';
import { shipments } from './fulfilment.tables.js';
import { SHIPMENT_PRINTS, shipmentPrint } from './fulfilment-documents.js';
import { cancelShipmentBody, carriersOut, createShipmentBody, packBody, pickListBody, pickListOut, queueItemOut, queueQuery, shipmentListQuery, shipmentOut, shipShipmentBody } from './fulfilment.schemas.js';
import type { PickListsService } from './pick-lists.service.js';
import type { ShippingFlow } from './ship-shipment.js';
import { shipmentDetail, type ShipmentsService } from './shipments.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema, 503: problemSchema };
const tags = ['fulfilment'];

export function fulfilmentRoutes(deps: { database: Database; shipments: ShipmentsService; shipping: ShippingFlow; pickLists: PickListsService; gateway: CarrierGateway | null }) {
  const { database, shipping, pickLists, gateway } = deps;
  const svc = deps.shipments;
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const ship = staffRoute('orders.ship');

    r.get('/carriers', { config: ship, schema: { tags, summary: 'Carriers to choose from, and the carrier integration (电子面单, tracking push) if configured', response: { 200: carriersOut, ...errors } } },
      async () => ({ carriers: CARRIERS.map((c) => ({ code: c.code, name: c.name })), integration: gateway?.via ?? null }));
    r.get('/fulfilment/queue', { config: ship, schema: { tags, summary: "待发货: released orders with stock reserved in a warehouse and not yet in a shipment (one row per order and warehouse)", querystring: queueQuery, response: { 200: z.object({ items: z.array(queueItemOut) }), ...errors } } },
      async (req) => svc.queue(operatorCtx(req), req.query));
    r.get('/shipments', { config: ship, schema: { tags, summary: 'Shipments (发货单) by warehouse, status or order', querystring: shipmentListQuery, response: { 200: z.object({ items: z.array(shipmentOut), nextCursor: z.string().nullable() }), ...errors } } },
      async (req) => svc.list(operatorCtx(req), req.query));
    r.post('/shipments', { config: ship, schema: { tags, summary: 'Start a shipment of an order from one warehouse (status picking); lines default to what the order holds there', body: createShipmentBody, response: { 201: shipmentOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await svc.create(operatorCtx(req), req.body)));
    r.get('/shipments/:id', { config: ship, schema: { tags, summary: 'One shipment with its tracking', params: idParams, response: { 200: shipmentOut, ...errors } } },
      async (req) => svc.detail(operatorCtx(req), req.params.id));
    r.post('/shipments/:id/pack', { config: ship, schema: { tags, summary: 'Packed: number of parcels and weight', params: idParams, body: packBody, response: { 200: shipmentOut, ...errors } } },
      async (req) => svc.pack(operatorCtx(req), req.params.id, req.body));
    r.post('/shipments/:id/ship', { config: ship, schema: { tags, summary: 'Ship: carrier and tracking number (typed, or requested from the carrier); the stock leaves the warehouse', params: idParams, body: shipShipmentBody, response: { 200: shipmentOut, ...errors } } },
      async (req) => shipping.ship(operatorCtx(req), tenantOf(req).slug, req.params.id, req.body));
    r.post('/shipments/:id/cancel', { config: ship, schema: { tags, summary: 'Call off a shipment that has not left; its lines go back to the queue', params: idParams, body: cancelShipmentBody, response: { 200: shipmentOut, ...errors } } },
      async (req) => svc.cancel(operatorCtx(req), req.params.id, req.body));
    r.post('/shipments/:id/tracking/refresh', { config: ship, schema: { tags, summary: "Query the carrier for the parcel's tracking now", params: idParams, response: { 200: shipmentOut, ...errors } } },
      async (req) => {
        const ctx = operatorCtx(req);
        if (!gateway) throw new AppError('carrier_rejected', { message: 'no carrier integration is configured' });
        const s = await svc.detail(ctx, req.params.id);
        if (!s.trackingNo || !s.carrierCode || s.carrierCode === 'self') throw new AppError('invalid_state', { message: 'the shipment has no carrier tracking number', details: { status: s.status } });
        const snap = await gateway.query({ carrierCode: s.carrierCode, trackingNo: s.trackingNo });
        return database.tx(ctx.tenantId, async (tx) => {
          const [row] = await tx.select().from(shipments).where(and(eq(shipments.tenantId, ctx.tenantId), eq(shipments.id, s.id))).for('update');
          await applySnapshot(tx, ctx.tenantId, row, snap, 'query');
          const [after] = await tx.select().from(shipments).where(and(eq(shipments.tenantId, ctx.tenantId), eq(shipments.id, s.id)));
          return shipmentDetail(tx, ctx.tenantId, after);
        });
      });
    r.get('/shipments/:id/print/:kind', { config: ship, schema: { tags, summary: 'Print view: picking list, delivery note (发货单) or waybill label (快递单), HTML', params: z.object({ id: idParam, kind: z.enum(SHIPMENT_PRINTS) }), produces: ['text/html'], response: { 200: z.string(), ...errors } } },
      async (req, reply) => {
        const ctx = operatorCtx(req);
        const html = await database.tx(ctx.tenantId, async (tx) => {
          const [s] = await tx.select().from(shipments).where(and(eq(shipments.tenantId, ctx.tenantId), eq(shipments.id, req.params.id)));
          if (!s) throw notFound('shipment');
          if (s.warehouseId) assertWarehouseAllowed(ctx.actor, s.warehouseId);
          const o = await findOrder(tx, ctx.tenantId, ctx.actor, s.orderId);
          const [w] = s.warehouseId ? await tx.select().from(warehouses).where(and(eq(warehouses.tenantId, ctx.tenantId), eq(warehouses.id, s.warehouseId))) : [];
          const { settings } = await readSettings(tx, ctx.tenantId);
          return shipmentPrint(req.params.kind, s, o, { company: settings.companyName || tenantOf(req).name, warehouse: w ? `${w.name} ${w.address}`.trim() : '', phone: settings.supportPhone });
        });
        return reply.type('text/html; charset=utf-8').send(html);
      });
    r.post('/pick-lists', { config: ship, schema: { tags, summary: 'A batched pick list (拣货单) for several shipments of one warehouse', body: pickListBody, response: { 201: pickListOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await pickLists.create(operatorCtx(req), req.body.shipmentIds)));
    r.get('/pick-lists/:id/print', { config: ship, schema: { tags, summary: 'Print view of a batched pick list (SKUs summed, per shipment)', params: idParams, produces: ['text/html'], response: { 200: z.string(), ...errors } } },
      async (req, reply) => reply.type('text/html; charset=utf-8').send(await pickLists.print(operatorCtx(req), req.params.id)));
    r.post('/orders/:id/ship', { config: ship, schema: { tags: ['orders'], summary: '整单发货: ship everything the order still has to ship (one shipment per warehouse) with one carrier and tracking number', params: idParams, body: shipBody, response: { 200: orderDetailOut, ...errors } } },
      async (req) => shipping.shipWholeOrder(operatorCtx(req), tenantOf(req).slug, req.params.id, req.body) as Promise<z.infer<typeof orderDetailOut>>);
  };
}
