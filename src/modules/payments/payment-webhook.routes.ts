/**
 * Payment gateway callbacks (支付结果通知): POST /api/v1/webhooks/pay-{gateway}/{tenant}. The body is kept as the exact
 * text received, because the signature covers those bytes; the adapter verifies it (and decrypts, WeChat) before
 * anything is read from the database. A forged callback is refused (401 `signature_invalid`) and logged; the same
 * callback ten times books one payment (applyTrade finds it succeeded); an older state arriving late changes nothing.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { publicRoute, tenantOf } from '../../platform/http/route-auth.js';
import { tenantSlugPattern } from '../tenants/tenants.service.js';
import { GATEWAY_NAMES } from './gateways/payment-gateway.js';
import type { GatewayRegistry } from './online-gateways.js';
import type { OnlinePaymentsService } from './online-payments.service.js';

const CALLBACK_LIMIT = 64 * 1024;

export function paymentWebhookRoutes(deps: { online: OnlinePaymentsService; gateways: GatewayRegistry }) {
  return async function (app: FastifyInstance) {
    // Every content type arrives as its raw text: JSON (WeChat) and forms (Alipay, UnionPay) alike.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: CALLBACK_LIMIT }, (_req, body, done) => done(null, body));
    for (const name of GATEWAY_NAMES) {
      app.post(`/webhooks/pay-${name}/:tenant`, {
        config: publicRoute, bodyLimit: CALLBACK_LIMIT,
        schema: {
          tags: ['webhooks'], summary: `${name} payment result callback, in the gateway's own signed format; idempotent`,
          params: z.object({ tenant: z.string().regex(tenantSlugPattern, 'not a tenant slug') }),
          response: { 200: z.string().describe("the gateway's own acknowledgement, as its specification wants it (WeChat: empty, Alipay: success, UnionPay: ok)"), 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
        },
      }, async (req, reply) => {
        const gw = deps.gateways[name];
        if (!gw) throw new AppError('not_found', { message: `no ${name} gateway is configured here` });
        const tenant = tenantOf(req);
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v]));
        let trade;
        try {
          trade = await gw.parseCallback({ headers, rawBody: typeof req.body === 'string' ? req.body : '' });
        } catch (e) {
          if (e instanceof AppError && e.code === 'signature_invalid') req.log.warn({ gateway: name, tenant: tenant.slug, ip: req.ip }, 'forged payment callback refused');
          throw e;
        }
        try {
          const outcome = await deps.online.applyCallback(tenant.id, name, trade);
          req.log.info({ gateway: name, outTradeNo: trade.outTradeNo, state: trade.state, outcome }, 'payment callback');
        } catch (e) {
          if (e instanceof AppError) req.log.warn({ gateway: name, outTradeNo: trade.outTradeNo, code: e.code }, 'payment callback refused');
          throw e;
        }
        const ack = gw.ack(true);
        // The gateway's own acknowledgement (text or JSON, as its spec wants), sent as-is.
        return (reply as FastifyReply).status(ack.status).type(ack.contentType).send(ack.body);
      });
    }
  };
}
