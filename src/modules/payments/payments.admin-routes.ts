import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { idempotencyKeyOf } from '../../platform/http/idempotency.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import type { AccountsService } from './accounts.service.js';
import type { OrderPaymentsService } from './order-payments.service.js';
import type { createPaymentQueries } from './payment-queries.js';
import {
  accountOut, adjustBody, adjustedOut, confirmBody, customerParams, moneyInBody, moneyInOut, movementsOut, movementsQuery, orderPaymentsOut,
  paymentCreatedOut, paymentListQuery, paymentOut, recordReceiptBody, rejectBody, termsBody,
} from './payments.schemas.js';
import type { VouchersService } from './vouchers.service.js';
import type { OnlinePaymentsService } from './online-payments.service.js';
import { toPaymentView } from './payment-view.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['payments'];

export interface PaymentRouteDeps {
  accounts: AccountsService;
  orderPayments: OrderPaymentsService;
  queries: ReturnType<typeof createPaymentQueries>;
  vouchers: VouchersService;
  online: OnlinePaymentsService;
}

export function adminPaymentRoutes(deps: PaymentRouteDeps) {
  const { accounts, orderPayments, queries, vouchers, online } = deps;
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = staffRoute('finance.read');
    const write = staffRoute('finance.write');

    r.get('/payments', { config: read, schema: { tags, summary: '收款单: payments newest first; filter by status (pending_confirmation = 待确认), method, purpose, customer, order', querystring: paymentListQuery,
      response: { 200: z.object({ items: z.array(paymentOut), nextCursor: z.string().nullable() }), ...errors } } },
    async (req) => queries.list(operatorCtx(req), req.query));
    r.get('/payments/:id', { config: read, schema: { tags, summary: 'One payment with its vouchers', params: idParams, response: { 200: paymentOut, ...errors } } },
      async (req) => orderPayments.detail(operatorCtx(req), req.params.id));
    r.post('/payments/:id/refresh', { config: read, schema: { tags, summary: 'Ask the gateway about a pending online payment now (a late callback); an unpaid one past its window is closed as expired', params: idParams, response: { 200: paymentOut, ...errors, 502: problemSchema, 503: problemSchema } } },
      async (req) => {
        const p = await online.refresh(operatorCtx(req), req.params.id);
        return orderPayments.detail(operatorCtx(req), p.id);
      });
    r.post('/payments/:id/confirm', { config: write, schema: { tags, summary: 'Confirm a payment awaiting finance (transfer voucher, credit charge under review); a second answer is 409 payment_state_conflict', params: idParams, body: confirmBody, response: { 200: paymentOut, ...errors } } },
      async (req) => orderPayments.confirm(operatorCtx(req), req.params.id, req.body));
    r.post('/payments/:id/reject', { config: write, schema: { tags, summary: 'Reject a payment awaiting finance, with a reason', params: idParams, body: rejectBody, response: { 200: paymentOut, ...errors } } },
      async (req) => orderPayments.reject(operatorCtx(req), req.params.id, req.body));
    r.get('/payment-vouchers/:id', { config: read, schema: { tags, summary: 'A transfer voucher image (WebP)', params: idParams, produces: ['image/webp'], response: { 200: z.any().describe('image/webp bytes'), ...errors } } },
      async (req, reply) => reply.type('image/webp').header('cache-control', 'private, max-age=3600').send(await vouchers.read(operatorCtx(req), req.params.id)));

    r.get('/orders/:id/payments', { config: staffRoute('orders.read'), schema: { tags, summary: "An order's payments and what is still due", params: idParams, response: { 200: orderPaymentsOut, ...errors } } },
      async (req) => orderPayments.listForOrder(operatorCtx(req), req.params.id));
    r.post('/orders/:id/payments', { config: write, schema: { tags, summary: 'Record money received for an order (bank transfer, cash on delivery); Idempotency-Key header required', params: idParams, body: recordReceiptBody, response: { 201: paymentCreatedOut, ...errors } } },
      async (req, reply) => {
        const res = await orderPayments.recordReceipt(operatorCtx(req), req.params.id, idempotencyKeyOf(req), req.body);
        return reply.status(res.status).send(res.body as z.infer<typeof paymentCreatedOut>);
      });

    r.get('/customers/:id/account', { config: read, schema: { tags, summary: "A customer's account: balance, credit terms, credit used and overdue, payment methods", params: customerParams, response: { 200: accountOut, ...errors } } },
      async (req) => accounts.get(operatorCtx(req), req.params.id));
    r.get('/customers/:id/account/movements', { config: read, schema: { tags, summary: "The customer's finance ledger, newest first", params: customerParams, querystring: movementsQuery, response: { 200: movementsOut, ...errors } } },
      async (req) => accounts.movements(operatorCtx(req), req.params.id, req.query));
    r.post('/customers/:id/account/adjustments', { config: write, schema: { tags, summary: 'Credit (rebate, correction) or debit the balance with a reason; Idempotency-Key header required', params: customerParams, body: adjustBody, response: { 201: adjustedOut, ...errors } } },
      async (req, reply) => {
        const res = await accounts.adjust(operatorCtx(req), req.params.id, idempotencyKeyOf(req), req.body);
        return reply.status(res.status).send(res.body as z.infer<typeof adjustedOut>);
      });
    r.put('/customers/:id/account/terms', { config: write, schema: { tags, summary: 'Set credit limit, term days and policies, and the payment methods of the customer (null = the company\'s)', params: customerParams, body: termsBody, response: { 200: accountOut, ...errors } } },
      async (req) => accounts.setTerms(operatorCtx(req), req.params.id, req.body));
    for (const [path, summary, run] of [
      ['recharges', 'Record a recharge (储值) received by bank transfer; Idempotency-Key header required', accounts.recharge],
      ['credit-repayments', 'Record a credit repayment (还款) received by bank transfer; Idempotency-Key header required', accounts.repayCredit],
    ] as const) {
      r.post(`/customers/:id/account/${path}`, { config: write, schema: { tags, summary, params: customerParams, body: moneyInBody, response: { 201: moneyInOut, ...errors } } },
        async (req, reply) => {
          const res = await run(operatorCtx(req), req.params.id, idempotencyKeyOf(req), req.body);
          return reply.status(res.status).send(res.body as z.infer<typeof moneyInOut>);
        });
    }
  };
}
