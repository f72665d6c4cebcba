import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { tenantSettingsSchema } from './settings.schema.js';
import type { SettingsService } from './settings.service.js';

const out = z.object({ settings: tenantSettingsSchema, version: z.number().int() });
const body = z.strictObject({ settings: tenantSettingsSchema, version: z.number().int().min(0) });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema };

export function settingsRoutes(settings: SettingsService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/settings', { config: staffRoute('settings.read'), schema: { tags: ['settings'], summary: 'Tenant settings', response: { 200: out, ...errors } } },
      async (req) => settings.get(operatorCtx(req)));
    r.put('/settings', { config: staffRoute('settings.write'), schema: { tags: ['settings'], summary: 'Replace tenant settings', body, response: { 200: out, ...errors } } },
      async (req) => settings.update(operatorCtx(req), req.body.settings, req.body.version));
  };
}
