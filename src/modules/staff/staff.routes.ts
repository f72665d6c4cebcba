import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/errors/problem.js';
import { pageOf } from '../../platform/http/pagination.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import { PERMISSIONS } from './domain/permissions.js';
import type { RolesService } from './roles.service.js';
import { resetPasswordBody, roleCreate, roleOut, roleUpdate, staffCreate, staffListQuery, staffOut, staffUpdate } from './staff.schemas.js';
import type { StaffService } from './staff.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export function staffRoutes(deps: { staff: StaffService; roles: RolesService }) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/permissions', {
      config: staffRoute(null),
      schema: { tags: ['roles'], summary: 'Permission catalogue', response: { 200: z.array(z.object({ code: z.string(), group: z.string(), zh: z.string(), en: z.string() })), ...errors } },
    }, async () => PERMISSIONS.map((p) => ({ ...p })));

    r.get('/roles', { config: staffRoute('roles.read'), schema: { tags: ['roles'], summary: 'List roles', response: { 200: z.object({ items: z.array(roleOut) }), ...errors } } },
      async (req) => ({ items: await deps.roles.list(operatorCtx(req)) }));
    r.post('/roles', { config: staffRoute('roles.write'), schema: { tags: ['roles'], summary: 'Create a custom role', body: roleCreate, response: { 201: roleOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await deps.roles.create(operatorCtx(req), req.body)));
    r.patch('/roles/:id', { config: staffRoute('roles.write'), schema: { tags: ['roles'], summary: 'Edit a custom role', params: idParams, body: roleUpdate, response: { 200: roleOut, ...errors } } },
      async (req) => deps.roles.update(operatorCtx(req), req.params.id, req.body));
    r.delete('/roles/:id', { config: staffRoute('roles.write'), schema: { tags: ['roles'], summary: 'Delete an unused custom role', params: idParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => { await deps.roles.remove(operatorCtx(req), req.params.id); return reply.status(204).send(null); });

    r.get('/staff', { config: staffRoute('staff.read'), schema: { tags: ['staff'], summary: 'List staff', querystring: staffListQuery, response: { 200: pageOf(staffOut), ...errors } } },
      async (req) => deps.staff.list(operatorCtx(req), req.query));
    r.post('/staff', { config: staffRoute('staff.write'), schema: { tags: ['staff'], summary: 'Create a staff user', body: staffCreate, response: { 201: staffOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await deps.staff.create(operatorCtx(req), req.body)));
    r.get('/staff/:id', { config: staffRoute('staff.read'), schema: { tags: ['staff'], summary: 'One staff user', params: idParams, response: { 200: staffOut, ...errors } } },
      async (req) => deps.staff.get(operatorCtx(req), req.params.id));
    r.patch('/staff/:id', { config: staffRoute('staff.write'), schema: { tags: ['staff'], summary: 'Edit a staff user (roles, regions, status)', params: idParams, body: staffUpdate, response: { 200: staffOut, ...errors } } },
      async (req) => deps.staff.update(operatorCtx(req), req.params.id, req.body));
    r.post('/staff/:id/reset-password', { config: staffRoute('staff.write'), schema: { tags: ['staff'], summary: "Set a staff user's password (logs them out)", params: idParams, body: resetPasswordBody, response: { 204: z.null(), ...errors } } },
      async (req, reply) => { await deps.staff.resetPassword(operatorCtx(req), req.params.id, req.body.newPassword); return reply.status(204).send(null); });
  };
}
