import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { download, XLSX } from '../../platform/http/downloads.js';
import { idempotencyKeyOf } from '../../platform/http/idempotency.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import {
  exportQuery, invoiceOut, invoicePage, issueBody, listQuery, orderInvoicingDetail, queuePage, queueQuery, setRequestBody, voidBody,
} from './invoices.schemas.js';
import type { InvoicesService } from './invoices.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 413: problemSchema, 422: problemSchema };
const tags = ['invoices'];

export function adminInvoiceRoutes(service: InvoicesService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = staffRoute('invoices.read');
    const write = staffRoute('invoices.write');

    r.get('/invoices', { config: read, schema: { tags, summary: '发票: invoices newest first; filter by customer, status, type, issue dates (from–to), number or order', querystring: listQuery, response: { 200: invoicePage, ...errors } } },
      async (req) => service.list(operatorCtx(req), req.query));
    r.get('/invoices/export', { config: read, schema: { tags, summary: 'The filtered invoices as xlsx for the tax software: one row per invoice line (buyer, goods, amount, rate, tax)', querystring: exportQuery, produces: [XLSX], response: { 200: z.any().describe('xlsx file'), ...errors } } },
      async (req, reply) => reply.type(XLSX).headers(download('发票导出.xlsx')).send(await service.export(operatorCtx(req), req.query)));
    r.get('/invoices/:id', { config: read, schema: { tags, summary: 'One invoice with its lines', params: idParams, response: { 200: invoiceOut, ...errors } } },
      async (req) => service.detail(operatorCtx(req), req.params.id));
    r.post('/invoices', { config: write, schema: { tags, summary: '开票: record an invoice over parts of one customer\'s orders (optionally per shipment); more than is left of an order → 422 invoice_exceeds_remaining; Idempotency-Key header required', body: issueBody, response: { 201: invoiceOut, ...errors } } },
      async (req, reply) => {
        const res = await service.issue(operatorCtx(req), idempotencyKeyOf(req), req.body);
        return reply.status(res.status).send(res.body as z.infer<typeof invoiceOut>);
      });
    r.post('/invoices/:id/void', { config: write, schema: { tags, summary: '作废: void an invoice with a reason; its amounts may be invoiced again (twice → 409 invoice_state_conflict)', params: idParams, body: voidBody, response: { 200: invoiceOut, ...errors } } },
      async (req) => service.void(operatorCtx(req), req.params.id, req.body));
    r.get('/invoice-queue', { config: read, schema: { tags, summary: '待开票: orders with an invoice request and something left to invoice (scope=open: every open order with something left)', querystring: queueQuery, response: { 200: queuePage, ...errors } } },
      async (req) => service.queue(operatorCtx(req), req.query));
    r.get('/orders/:id/invoicing', { config: read, schema: { tags, summary: "An order's invoice status, request, amounts and invoices", params: idParams, response: { 200: orderInvoicingDetail, ...errors } } },
      async (req) => service.forOrder(operatorCtx(req), req.params.id));
    r.put('/orders/:id/invoice-request', { config: write, schema: { tags, summary: "Set the order's invoice request from one of its customer's invoice profiles", params: idParams, body: setRequestBody, response: { 200: orderInvoicingDetail, ...errors } } },
      async (req) => service.setRequest(operatorCtx(req), req.params.id, req.body.profileId));
    r.delete('/orders/:id/invoice-request', { config: write, schema: { tags, summary: "Clear the order's invoice request (issued invoices stay)", params: idParams, response: { 200: orderInvoicingDetail, ...errors } } },
      async (req) => service.clearRequest(operatorCtx(req), req.params.id));
  };
}
