import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { XLSX, download } from '../../platform/http/downloads.js';
import { idempotencyKeyOf } from '../../platform/http/idempotency.js';
import { memberCtx, memberRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import type { CartService } from '../cart/cart.service.js';
import type { PlaceOrderFlow } from '../../flows/place-order.flow.js';
import { orderSheet } from './order-documents.js';
import { findOrder } from './orders.service.js';
import type { OrdersService } from './orders.service.js';
import { loadLines } from './orders.repository.js';
import { cancelBody, cartOut, cartQuery, checkoutBody, mallListQuery, orderDetailOut, orderSummaryOut, reasonBody, reportOut, versionBody } from './orders.schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['mall orders'];
const tabCounts = z.object({ all: z.number(), approval: z.number(), review: z.number(), shipping: z.number(), receiving: z.number(), completed: z.number(), closed: z.number() });

export function mallOrderRoutes(deps: { database: Database; orders: OrdersService; place: PlaceOrderFlow; cart: CartService }) {
  const { orders, place } = deps;
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const reader = memberRoute();
    const writer = memberRoute({ write: true });

    r.get('/checkout', { config: reader, schema: { tags, summary: 'Checkout preview: the cart priced for an address, payment methods, whether internal approval is needed', querystring: cartQuery,
      response: { 200: z.object({ cart: cartOut, paymentMethods: z.array(z.object({ code: z.string(), name: z.string() })), needsApproval: z.boolean() }), ...errors } } },
    async (req) => place.preview(memberCtx(req), req.query.addressId));

    r.post('/checkout', { config: writer, schema: { tags, summary: 'Submit the cart as an order (Idempotency-Key header required; a retry answers the same order)', body: checkoutBody, response: { 201: orderDetailOut, ...errors } } },
      async (req, reply) => {
        const res = await place.checkout(memberCtx(req), idempotencyKeyOf(req), req.body);
        return reply.status(res.status).send(res.body as z.infer<typeof orderDetailOut>);
      });

    r.get('/orders', { config: reader, schema: { tags, summary: "My company's orders by status tab", querystring: mallListQuery, response: { 200: z.object({ items: z.array(orderSummaryOut), nextCursor: z.string().nullable(), counts: tabCounts }), ...errors } } },
      async (req) => orders.mallList(memberCtx(req), req.query));
    r.get('/orders/:id', { config: reader, schema: { tags, summary: 'One of my orders with its timeline', params: idParams, response: { 200: orderDetailOut, ...errors } } },
      async (req) => orders.detail(memberCtx(req), req.params.id));
    r.post('/orders/:id/cancel', { config: writer, schema: { tags, summary: 'Cancel my order (before release to the warehouse)', params: idParams, body: cancelBody, response: { 200: orderDetailOut, ...errors } } },
      async (req) => orders.memberAct(memberCtx(req), req.params.id, 'cancel', req.body));
    r.post('/orders/:id/receive', { config: writer, schema: { tags, summary: 'Confirm receipt of my order', params: idParams, body: versionBody, response: { 200: orderDetailOut, ...errors } } },
      async (req) => orders.memberAct(memberCtx(req), req.params.id, 'receive', req.body));
    r.post('/orders/:id/approve', { config: writer, schema: { tags, summary: "Internal approval of a buyer's order (approver or company admin)", params: idParams, body: versionBody, response: { 200: orderDetailOut, ...errors } } },
      async (req) => orders.memberAct(memberCtx(req), req.params.id, 'approve', req.body));
    r.post('/orders/:id/reject', { config: writer, schema: { tags, summary: "Refuse a buyer's order internally", params: idParams, body: reasonBody, response: { 200: orderDetailOut, ...errors } } },
      async (req) => orders.memberAct(memberCtx(req), req.params.id, 'reject', req.body));
    r.post('/orders/:id/reorder', { config: writer, schema: { tags, summary: 'Buy again (再来一单): put the order\'s lines into my cart', params: idParams, response: { 200: reportOut, ...errors } } },
      async (req) => {
        const ctx = memberCtx(req);
        const lines = await deps.database.tx(ctx.tenantId, async (tx) => {
          await findOrder(tx, ctx.tenantId, ctx.actor, req.params.id);
          return loadLines(tx, ctx.tenantId, req.params.id);
        });
        return deps.cart.addItems(ctx, lines.map((l) => ({ skuUnitId: l.skuUnitId, qty: l.qty, label: l.skuCode })));
      });
    r.get('/orders/:id/export', { config: reader, schema: { tags, summary: 'Download my order as xlsx', params: idParams, produces: [XLSX], response: { 200: z.any().describe('xlsx file'), ...errors } } },
      async (req, reply) => {
        const ctx = memberCtx(req);
        const { o, lines } = await deps.database.tx(ctx.tenantId, async (tx) => {
          const o = await findOrder(tx, ctx.tenantId, ctx.actor, req.params.id);
          return { o, lines: await loadLines(tx, ctx.tenantId, o.id) };
        });
        return reply.type(XLSX).headers(download(`${o.orderNo}.xlsx`)).send(await orderSheet(o, lines));
      });
  };
}
