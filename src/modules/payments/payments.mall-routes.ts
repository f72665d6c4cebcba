import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { idempotencyKeyOf } from '../../platform/http/idempotency.js';
import { memberCtx, memberRoute, tenantOf } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import type { PaymentRouteDeps } from './payments.admin-routes.js';
import { isOnline } from './domain/payment-methods.js';
import { toPaymentView } from './payment-view.js';
import { mallPayBody, movementsOut, movementsQuery, myAccountOut, orderPaymentsOut, paymentCreatedOut, paymentOut, rechargeBody, rechargeOut, voucherOut } from './payments.schemas.js';
import type { RechargesService } from './recharges.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema };
const tags = ['mall payments'];

export interface MallPaymentRouteDeps extends Omit<PaymentRouteDeps, 'queries'> { recharges: RechargesService }

export function mallPaymentRoutes(deps: MallPaymentRouteDeps) {
  const { accounts, orderPayments, vouchers, online, recharges } = deps;
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
    r.post('/orders/:id/payments', { config: writer, schema: { tags, summary: 'Pay my order: online (wechat, alipay, unionpay: the payment comes back pending with its cashier payUrl), from the balance, on credit, or declare a bank transfer with vouchers (Idempotency-Key header required)', params: idParams, body: mallPayBody, response: { 201: paymentCreatedOut, ...errors, 502: problemSchema, 503: problemSchema } } },
      async (req, reply) => {
        const { method, amountFen, voucherIds, remark } = req.body;
        const res = isOnline(method)
          ? await online.payOrder(memberCtx(req), tenantOf(req), req.params.id, idempotencyKeyOf(req), { method, amountFen })
          : await orderPayments.pay(memberCtx(req), req.params.id, idempotencyKeyOf(req), { method, amountFen, voucherIds, remark });
        return reply.status(res.status).send(res.body as z.infer<typeof paymentCreatedOut>);
      });
    r.post('/payments/:id/refresh', { config: reader, schema: { tags, summary: 'Ask the gateway about my pending online payment now (back from the cashier, or the callback is late); an unpaid one past its window is closed as expired', params: idParams, response: { 200: paymentOut, ...errors, 502: problemSchema, 503: problemSchema } } },
      async (req) => toPaymentView(await online.refresh(memberCtx(req), req.params.id), 'mall'));
    r.get('/finance/recharges', { config: reader, schema: { tags, summary: 'My latest recharges (充值) with their states', response: { 200: z.object({ items: z.array(paymentOut) }), ...errors } } },
      async (req) => recharges.mine(memberCtx(req)));
    r.post('/finance/recharges', { config: writer, schema: { tags, summary: '充值: top up my balance online (the answer carries the cashier payUrl) or declare a bank transfer with vouchers for finance to confirm (Idempotency-Key header required)', body: rechargeBody, response: { 201: rechargeOut, ...errors, 502: problemSchema, 503: problemSchema } } },
      async (req, reply) => {
        const res = await recharges.recharge(memberCtx(req), tenantOf(req), idempotencyKeyOf(req), req.body);
        return reply.status(res.status).send(res.body as z.infer<typeof rechargeOut>);
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
