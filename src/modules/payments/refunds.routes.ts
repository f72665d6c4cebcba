import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { idempotencyKeyOf } from '../../platform/http/idempotency.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { memberCtx, memberRoute, operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParam, idParams, versionField } from '../../platform/http/schemas.js';
import { REFUND_DESTINATIONS, REFUND_STATUSES, REFUND_TRIGGERS } from './refunds.tables.js';
import type { RefundsService } from './refunds.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const tags = ['payments'];

export const refundOut = z.object({
  id: z.string(), refundNo: z.string(), orderId: z.string(), orderNo: z.string().nullable(), customerId: z.string(), customerName: z.string().nullable(),
  amountFen: z.number(), destination: z.enum(REFUND_DESTINATIONS), status: z.enum(REFUND_STATUSES), trigger: z.enum(REFUND_TRIGGERS), reason: z.string().nullable(),
  requestedByName: z.string(), decidedByName: z.string().nullable(), decidedAt: z.string().nullable(), rejectReason: z.string().nullable(), createdAt: z.string(), version: z.number(),
  /** The part of an `original` refund paid back through each online payment's gateway. */
  gatewayRefunds: z.array(z.object({ paymentId: z.string(), paymentNo: z.string(), gateway: z.string(), amountFen: z.number(), outRefundNo: z.string(), refundNo: z.string().nullable(), state: z.enum(['processing', 'succeeded']) })),
}).meta({ id: 'Refund' });
const refundList = z.object({ items: z.array(refundOut) });
const listQuery = z.strictObject({ status: z.enum(REFUND_STATUSES).optional(), orderId: idParam.optional(), ...pageQuery });
const requestBody = z.strictObject({
  amountFen: z.number().int().min(1).max(1_000_000_000_00),
  /** Where the part not paid on credit goes; the credit part always goes back to the credit. */
  destination: z.enum(['balance', 'original']),
  reason: z.string().trim().min(1).max(300),
});
/** `destination` sends a balance/original refund the other way (a credit part stays credit). */
const decideBody = z.strictObject({ version: versionField.optional(), destination: z.enum(['balance', 'original']).optional() });
const rejectBody = z.strictObject({ version: versionField.optional(), rejectReason: z.string().trim().min(1).max(300) });

export function adminRefundRoutes(refunds: RefundsService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/refunds', { config: staffRoute('finance.read'), schema: { tags, summary: '退款单: refunds by status or order', querystring: listQuery, response: { 200: z.object({ items: z.array(refundOut), nextCursor: z.string().nullable() }), ...errors } } },
      async (req) => refunds.list(operatorCtx(req), req.query));
    r.post('/orders/:id/refunds', { config: staffRoute('finance.write'), schema: { tags, summary: 'Request a refund of part of what an order holds (credit part back to credit first); Idempotency-Key header required', params: idParams, body: requestBody, response: { 201: refundList, ...errors } } },
      async (req, reply) => {
        const res = await refunds.request(operatorCtx(req), req.params.id, idempotencyKeyOf(req), req.body);
        return reply.status(res.status).send(res.body as z.infer<typeof refundList>);
      });
    r.post('/refunds/:id/approve', { config: staffRoute('finance.write'), schema: { tags, summary: 'Approve a refund: the money goes back (balance, credit or outside) and the order follows', params: idParams, body: decideBody, response: { 200: refundOut, ...errors, 502: problemSchema, 503: problemSchema } } },
      async (req) => refunds.approve(operatorCtx(req), req.params.id, req.body));
    r.post('/refunds/:id/reject', { config: staffRoute('finance.write'), schema: { tags, summary: 'Reject a refund with a reason', params: idParams, body: rejectBody, response: { 200: refundOut, ...errors } } },
      async (req) => refunds.reject(operatorCtx(req), req.params.id, req.body));
  };
}

export function mallRefundRoutes(refunds: RefundsService) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/orders/:id/refunds', { config: memberRoute(), schema: { tags, summary: "My order's refunds", params: idParams, response: { 200: refundList, ...errors } } },
      async (req) => refunds.mine(memberCtx(req), req.params.id));
  };
}
