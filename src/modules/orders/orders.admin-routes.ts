import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { XLSX, download } from '../../platform/http/downloads.js';
import { idempotencyKeyOf } from '../../platform/http/idempotency.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParam, idParams } from '../../platform/http/schemas.js';
import { customersInScope } from '../customers/customer-scope.js';
import { customers } from '../customers/customers.tables.js';
import { loadBuyer } from '../cart/sellables.js';
import { lookupSkus } from '../cart/sku-lookup.js';
import { readSettings } from '../settings/settings.service.js';
import type { PlaceOrderFlow } from '../../flows/place-order.flow.js';
import { and, eq } from 'drizzle-orm';
import { orderSheet, ordersSheet, printHtml, PRINT_KINDS } from './order-documents.js';
import { editOrderTx } from './order-edit.js';
import { adminWhere, listPage } from './order-queries.js';
import { findOrder, orderDetail, type OrdersService } from './orders.service.js';
import { loadLines } from './orders.repository.js';
import { adminListQuery, bulkApproveBody, bulkApproveOut, countsOut, editBody, orderDetailOut, orderSummaryOut, reasonBody, skuPickOut, staffLookupQuery, staffOrderBody, versionBody } from './orders.schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['orders'];
const EXPORT_LIMIT = 10_000;

export function adminOrderRoutes(deps: { database: Database; orders: OrdersService; place: PlaceOrderFlow }) {
  const { database, orders, place } = deps;
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = staffRoute('orders.read');

    r.get('/orders', { config: read, schema: { tags, summary: 'The order queue: tabs, filters, order-number search', querystring: adminListQuery, response: { 200: z.object({ items: z.array(orderSummaryOut), nextCursor: z.string().nullable() }), ...errors } } },
      async (req) => orders.adminList(operatorCtx(req), req.query));
    r.get('/orders/counts', { config: read, schema: { tags, summary: 'Orders per tab and the newest order (polled for new orders)', response: { 200: countsOut, ...errors } } },
      async (req) => orders.adminCounts(operatorCtx(req)));
    r.get('/orders/export', { config: read, schema: { tags, summary: 'The order queue of the current filter as xlsx', querystring: adminListQuery.omit({ limit: true, cursor: true }), produces: [XLSX], response: { 200: z.any().describe('xlsx file'), ...errors } } },
      async (req, reply) => {
        const ctx = operatorCtx(req);
        const rows = await database.tx(ctx.tenantId, async (tx) => listPage(tx, await adminWhere(tx, ctx.tenantId, ctx.actor, req.query), EXPORT_LIMIT));
        return reply.type(XLSX).headers(download('订单导出.xlsx')).send(await ordersSheet(rows.slice(0, EXPORT_LIMIT)));
      });
    r.get('/orders/sku-lookup', { config: staffRoute('orders.create'), schema: { tags, summary: "SKUs matching a code or name, priced for one customer (代客下单 grid)", querystring: staffLookupQuery, response: { 200: z.object({ items: z.array(skuPickOut) }), ...errors } } },
      async (req) => {
        const ctx = operatorCtx(req);
        return database.tx(ctx.tenantId, async (tx) => {
          const [c] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, req.query.customerId), customersInScope(ctx.actor)));
          if (!c) throw new AppError('not_found', { message: 'customer not found' });
          return { items: await lookupSkus(tx, ctx.tenantId, await loadBuyer(tx, ctx.tenantId, c.id), req.query.q) };
        });
      });
    r.post('/orders', { config: staffRoute('orders.create'), schema: { tags, summary: '代客下单: place an order for a customer (Idempotency-Key header required)', body: staffOrderBody, response: { 201: orderDetailOut, ...errors } } },
      async (req, reply) => {
        const res = await place.staffCreate(operatorCtx(req), idempotencyKeyOf(req), req.body);
        return reply.status(res.status).send(res.body as z.infer<typeof orderDetailOut>);
      });
    r.post('/orders/bulk-approve', { config: read, schema: { tags, summary: 'Approve many orders, each at its current review step', body: bulkApproveBody, response: { 200: bulkApproveOut, ...errors } } },
      async (req) => orders.bulkApprove(operatorCtx(req), req.body.ids));
    r.get('/orders/:id', { config: read, schema: { tags, summary: 'One order with lines, totals and timeline', params: idParams, response: { 200: orderDetailOut, ...errors } } },
      async (req) => orders.detail(operatorCtx(req), req.params.id));

    const actions = [
      ['approve', versionBody, 'Approve the order at its current review step (needs that step\'s permission)'],
      ['reject', reasonBody, 'Reject the order at its current review step, with a reason'],
      ['void', reasonBody, 'Void the order (作废), with a reason'],
      ['receive', versionBody, "Confirm receipt on the customer's behalf"],
    ] as const;
    for (const [action, body, summary] of actions) {
      r.post(`/orders/:id/${action}`, { config: action === 'void' ? staffRoute('orders.void') : action === 'receive' ? staffRoute('orders.ship') : read,
        schema: { tags, summary, params: idParams, body, response: { 200: orderDetailOut, ...errors } } },
      async (req) => orders.act(operatorCtx(req), req.params.id, action, req.body as { version: number }));
    }

    r.put('/orders/:id', { config: staffRoute('orders.edit'), schema: { tags, summary: 'Edit an order before release (lines, prices, address, remark); optionally remember prices as customer prices', params: idParams, body: editBody, response: { 200: orderDetailOut, ...errors } } },
      async (req) => {
        const ctx = operatorCtx(req);
        return database.tx(ctx.tenantId, async (tx) => {
          const o = await findOrder(tx, ctx.tenantId, ctx.actor, req.params.id, true);
          return orderDetail(tx, ctx.tenantId, ctx.actor, await editOrderTx(tx, ctx, o, req.body));
        });
      });

    r.get('/orders/:id/print/:kind', { config: read, schema: { tags, summary: 'Print view: order, picking list or delivery note (HTML)', params: z.object({ id: idParam, kind: z.enum(PRINT_KINDS) }), produces: ['text/html'], response: { 200: z.string(), ...errors } } },
      async (req, reply) => {
        const ctx = operatorCtx(req);
        const html = await database.tx(ctx.tenantId, async (tx) => {
          const o = await findOrder(tx, ctx.tenantId, ctx.actor, req.params.id);
          const { settings } = await readSettings(tx, ctx.tenantId);
          return printHtml(req.params.kind, o, await loadLines(tx, ctx.tenantId, o.id), settings.companyName || req.tenant!.name);
        });
        return reply.type('text/html; charset=utf-8').send(html);
      });
    r.get('/orders/:id/export', { config: read, schema: { tags, summary: 'One order as xlsx', params: idParams, produces: [XLSX], response: { 200: z.any().describe('xlsx file'), ...errors } } },
      async (req, reply) => {
        const ctx = operatorCtx(req);
        const { o, lines } = await database.tx(ctx.tenantId, async (tx) => {
          const o = await findOrder(tx, ctx.tenantId, ctx.actor, req.params.id);
          return { o, lines: await loadLines(tx, ctx.tenantId, o.id) };
        });
        return reply.type(XLSX).headers(download(`${o.orderNo}.xlsx`)).send(await orderSheet(o, lines));
      });
  };
}
