import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { memberCtx, memberRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import { invoicePage, mallListQuery, orderInvoicingDetail, setRequestBody } from './invoices.schemas.js';
import type { InvoicesService } from './invoices.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['invoices'];

/** The member's own company only: orders and invoices of another company answer 404. */
export function mallInvoiceRoutes(service: InvoicesService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/orders/:id/invoicing', { config: memberRoute(), schema: { tags, summary: "My order's invoice status (未开票/部分开票/已开票), request and invoices", params: idParams, response: { 200: orderInvoicingDetail, ...errors } } },
      async (req) => service.forOrder(memberCtx(req), req.params.id));
    r.put('/orders/:id/invoice-request', { config: memberRoute({ write: true }), schema: { tags, summary: 'Request an invoice for my order with one of my invoice profiles (申请开票)', params: idParams, body: setRequestBody, response: { 200: orderInvoicingDetail, ...errors } } },
      async (req) => service.setRequest(memberCtx(req), req.params.id, req.body.profileId));
    r.get('/invoices', { config: memberRoute(), schema: { tags, summary: '我的发票: my company\'s invoices, newest first', querystring: mallListQuery, response: { 200: invoicePage, ...errors } } },
      async (req) => service.mine(memberCtx(req), req.query));
  };
}
