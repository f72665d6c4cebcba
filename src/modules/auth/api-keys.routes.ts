import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import type { ApiKeysService } from './api-keys.service.js';
import { apiKeyCreate, apiKeyOut } from './auth.schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export function apiKeyRoutes(apiKeys: ApiKeysService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = staffRoute('apikeys.manage');
    r.get('/api-keys', { config: manage, schema: { tags: ['api keys'], summary: 'List API keys', response: { 200: z.object({ items: z.array(apiKeyOut) }), ...errors } } },
      async (req) => ({ items: await apiKeys.list(operatorCtx(req)) }));
    r.post('/api-keys', { config: manage, schema: { tags: ['api keys'], summary: 'Create an API key (the token is shown once)', body: apiKeyCreate, response: { 201: z.object({ apiKey: apiKeyOut, token: z.string() }), ...errors } } },
      async (req, reply) => reply.status(201).send(await apiKeys.create(operatorCtx(req), req.body)));
    r.delete('/api-keys/:id', { config: manage, schema: { tags: ['api keys'], summary: 'Revoke an API key', params: idParams, response: { 200: apiKeyOut, ...errors } } },
      async (req) => apiKeys.revoke(operatorCtx(req), req.params.id));
  };
}
