import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { publicRoute, tenantOf } from '../../platform/http/route-auth.js';
import { readSettings } from '../settings/settings.service.js';
import { registerBody, regionOut } from './customers.schemas.js';
import type { ReferenceService } from './reference.service.js';
import type { createRegistrationService } from './registration.service.js';

/** What a visitor of the mall may see and do before logging in. */
export function publicRoutes(deps: { database: Database; reference: ReferenceService; registration: ReturnType<typeof createRegistrationService>; loginRateLimitPerMinute: number }) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/tenant', {
      config: publicRoute,
      schema: { tags: ['public'], summary: 'The company behind this mall', response: { 200: z.object({ slug: z.string(), name: z.string(), registrationOpen: z.boolean(), autoApprove: z.boolean(), guestPriceMode: z.enum(['hidden', 'list']) }), 400: problemSchema, 404: problemSchema } },
    }, async (req) => {
      const tenant = tenantOf(req);
      const { settings } = await deps.database.tx(tenant.id, (tx) => readSettings(tx, tenant.id));
      return { slug: tenant.slug, name: settings.companyName || tenant.name, registrationOpen: settings.registrationOpen, autoApprove: settings.autoApproveRegistration, guestPriceMode: settings.guestPriceMode };
    });

    r.get('/regions', { config: publicRoute, schema: { tags: ['public'], summary: 'Regions for address and registration pickers', response: { 200: z.object({ items: z.array(regionOut) }), 400: problemSchema } } },
      async (req) => ({ items: await deps.reference.regions(tenantOf(req).id) }));

    r.post('/auth/register', {
      config: { ...publicRoute, rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Register a customer company from the mall', body: registerBody, response: { 201: z.object({ customerId: z.string(), status: z.enum(['pending', 'active']) }), 400: problemSchema, 403: problemSchema, 409: problemSchema, 429: problemSchema } },
    }, async (req, reply) => reply.status(201).send(await deps.registration.register(tenantOf(req).id, req.body, req.ip)));
  };
}
