/**
 * Carrier push endpoint (物流推送): POST /api/v1/webhooks/{via}/{tenant}/{shipmentId}, form-encoded as the carrier
 * sends it. The signature is verified with the parcel's own salt before anything is read from the database; a forged
 * push is refused (401) and logged. Pushes repeat the whole history, so storing them is idempotent by construction.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { publicRoute, tenantOf } from '../../platform/http/route-auth.js';
import { idParam } from '../../platform/http/schemas.js';
import { shipments } from '../fulfilment/fulfilment.tables.js';
import { tenantSlugPattern } from '../tenants/tenants.service.js';
import type { CarrierGateway } from './carrier.js';
import { applySnapshot, pushSalt } from './tracking.js';

const PUSH_LIMIT = 256 * 1024;

export function carrierWebhookRoutes(deps: { database: Database; gateway: CarrierGateway | null; secret: string }) {
  const { database, gateway, secret } = deps;
  return async function (app: FastifyInstance) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: PUSH_LIMIT },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
    app.withTypeProvider<ZodTypeProvider>().post('/webhooks/:via/:tenant/:shipmentId', {
      config: publicRoute, bodyLimit: PUSH_LIMIT,
      schema: {
        tags: ['webhooks'], summary: 'Carrier tracking push (快递100 format: form fields param + sign); idempotent',
        params: z.object({ via: z.enum(['kuaidi100']), tenant: z.string().regex(tenantSlugPattern, 'not a tenant slug'), shipmentId: idParam }),
        body: z.strictObject({ param: z.string().max(200_000), sign: z.string().max(64) }),
        response: { 200: z.object({ result: z.boolean(), returnCode: z.string(), message: z.string() }), 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    }, async (req) => {
      const tenant = tenantOf(req);
      if (!gateway || gateway.via !== req.params.via) throw notFound('carrier integration');
      let snap;
      try {
        snap = gateway.verifyPush(req.body, pushSalt(secret, gateway.via, tenant.id, req.params.shipmentId));
      } catch (e) {
        if (e instanceof AppError && e.code === 'signature_invalid') req.log.warn({ shipmentId: req.params.shipmentId, ip: req.ip }, 'forged carrier push refused');
        throw e;
      }
      await database.tx(tenant.id, async (tx) => {
        const [s] = await tx.select().from(shipments).where(and(eq(shipments.tenantId, tenant.id), eq(shipments.id, req.params.shipmentId))).for('update');
        if (!s) throw notFound('shipment');
        if (s.trackingNo !== snap.trackingNo) throw new AppError('validation_failed', { message: 'the push is for another tracking number', errors: [{ path: 'body.param', message: 'tracking number mismatch' }] });
        await applySnapshot(tx, tenant.id, s, snap, 'push');
      });
      return { result: true, returnCode: '200', message: '成功' };
    });
  };
}
