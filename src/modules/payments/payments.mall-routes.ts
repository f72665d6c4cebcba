import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { idempotencyKeyOf } from '../../platform/http/idempotency.js';
import { memberCtx, memberRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import type { PaymentRouteDeps } from './payments.admin-routes.js';
import { mallPayBody, movementsOut, movementsQuery, myAccountOut, orderPaymentsOut, paymentCreatedOut, voucherOut } from './payments.schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema };
const tags = ['mall payments'];

export function mallPaymentRoutes(deps: Omit<PaymentRouteDeps, 'queries'>) {
  const { accounts, orderPayments, vouchers } = deps;
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const reader = memberRoute();
    const writer = memberRoute({ write: true });

    r.get('/finance/account', { config: reader, schema: { tags, summary: 'My account: balance, credit limit, used, available, overdue; the methods I can pay with and the bank account for transfers', response: { 200: myAccountOut, ...errors } } },
      async (req) => accounts.mine(memberCtx(req)));
    r.get('/finance/movements', { config: reader, schema: { tags, summary: 'My finance ledger (every movement of my balance and credit), newest first', querystring: movementsQuery, response: { 200: movementsOut, ...errors } } },
      async (req) => accounts.myMovements(memberCtx(req), req.query));
    r.get('/orders/:id/payments', { config: reader, schema: { tags, summary: "My order's payments and what is still due", params: idParams, response: { 200: orderPaymentsOut, ...errors } } },
      async (req) => orderPayments.listForOrder(memberCtx(req), req.params.id));
    r.post('/orders/:id/payments', { config: writer, schema: { tags, summary: 'Pay my order: from the balance, on credit, or declare a bank transfer with vouchers (Idempotency-Key header required)', params: idParams, body: mallPayBody, response: { 201: paymentCreatedOut, ...errors } } },
      async (req, reply) => {
        const res = await orderPayments.pay(memberCtx(req), req.params.id, idempotencyKeyOf(req), req.body);
        return reply.status(res.status).send(res.body as z.infer<typeof paymentCreatedOut>);
      });
    r.post('/payment-vouchers', { config: writer, schema: { tags, summary: 'Upload a transfer voucher (multipart field "file"; JPEG, PNG or WebP, at most 5 MB); name its id when paying', consumes: ['multipart/form-data'], response: { 201: voucherOut, ...errors } } },
      async (req, reply) => {
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', { message: 'send the voucher as multipart/form-data in a field named "file"' });
        const file = await req.file();
        if (!file) throw new AppError('validation_failed', { message: 'no file', errors: [{ path: 'body.file', message: 'required' }] });
        return reply.status(201).send(await vouchers.upload(memberCtx(req), await file.toBuffer()));
      });
    r.get('/payment-vouchers/:id', { config: reader, schema: { tags, summary: 'One of my vouchers (WebP)', params: idParams, produces: ['image/webp'], response: { 200: z.any().describe('image/webp bytes'), ...errors } } },
      async (req, reply) => reply.type('image/webp').header('cache-control', 'private, max-age=3600').send(await vouchers.read(memberCtx(req), req.params.id)));
  };
}
