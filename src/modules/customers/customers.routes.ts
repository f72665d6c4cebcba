import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Database } from '../../platform/db/database.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { pageOf } from '../../platform/http/pagination.js';
import { operatorCtx, staffRoute } from '../../platform/http/route-auth.js';
import { idParam, idParams } from '../../platform/http/schemas.js';
import { withScopedCustomer } from './customer-access.js';
import { addresses, contacts, invoiceProfilesOf, type ChildCollection } from './customer-children.js';
import {
  addressIn, addressOut, contactIn, contactOut, customerCreate, customerDetail, customerListQuery, customerSummary, customerUpdate,
  invoiceProfileIn, invoiceProfileOut, levelIn, levelOut, levelUpdate, memberCreate, memberOut, memberUpdate, regionIn, regionOut, rejectBody,
} from './customers.schemas.js';
import type { CustomersService } from './customers.service.js';
import { members } from './members.service.js';
import type { ReferenceService } from './reference.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['customers'];
const childParams = z.object({ id: idParam, childId: idParam });

export function customerAdminRoutes(deps: { database: Database; customers: CustomersService; reference: ReferenceService }) {
  const scoped = withScopedCustomer(deps.database);
  const { customers: svc, reference } = deps;

  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = staffRoute('customers.read');
    const write = staffRoute('customers.write');
    const approve = staffRoute('customers.approve');

    r.get('/regions', { config: read, schema: { tags, summary: 'Regions', response: { 200: z.object({ items: z.array(regionOut) }), ...errors } } },
      async (req) => ({ items: await reference.regions(operatorCtx(req).tenantId) }));
    r.post('/regions', { config: staffRoute('settings.write'), schema: { tags, summary: 'Add a region', body: regionIn, response: { 201: regionOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await reference.addRegion(operatorCtx(req), req.body)));

    r.get('/customer-levels', { config: read, schema: { tags, summary: 'Customer levels', response: { 200: z.object({ items: z.array(levelOut) }), ...errors } } },
      async (req) => ({ items: await reference.levels(operatorCtx(req)) }));
    r.post('/customer-levels', { config: write, schema: { tags, summary: 'Add a customer level', body: levelIn, response: { 201: levelOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await reference.addLevel(operatorCtx(req), req.body)));
    r.patch('/customer-levels/:id', { config: write, schema: { tags, summary: 'Edit a customer level', params: idParams, body: levelUpdate, response: { 200: levelOut, ...errors } } },
      async (req) => reference.updateLevel(operatorCtx(req), req.params.id, req.body));

    r.get('/customers', { config: read, schema: { tags, summary: 'List customers in my scope', querystring: customerListQuery, response: { 200: pageOf(customerSummary), ...errors } } },
      async (req) => svc.list(operatorCtx(req), req.query));
    r.post('/customers', { config: write, schema: { tags, summary: 'Create a customer (active at once)', body: customerCreate, response: { 201: customerDetail, ...errors } } },
      async (req, reply) => reply.status(201).send(await svc.create(operatorCtx(req), req.body)));
    r.get('/customers/:id', { config: read, schema: { tags, summary: 'Customer with contacts, addresses, invoice profiles and logins', params: idParams, response: { 200: customerDetail, ...errors } } },
      async (req) => svc.get(operatorCtx(req), req.params.id));
    r.patch('/customers/:id', { config: write, schema: { tags, summary: 'Edit a customer', params: idParams, body: customerUpdate, response: { 200: customerDetail, ...errors } } },
      async (req) => svc.update(operatorCtx(req), req.params.id, req.body));
    r.post('/customers/:id/approve', { config: approve, schema: { tags, summary: 'Approve a registration', params: idParams, response: { 200: customerDetail, ...errors } } },
      async (req) => svc.approve(operatorCtx(req), req.params.id));
    r.post('/customers/:id/reject', { config: approve, schema: { tags, summary: 'Reject a registration', params: idParams, body: rejectBody, response: { 200: customerDetail, ...errors } } },
      async (req) => svc.reject(operatorCtx(req), req.params.id, req.body.reason));
    r.post('/customers/:id/disable', { config: write, schema: { tags, summary: 'Disable a customer (its logins stop working)', params: idParams, response: { 200: customerDetail, ...errors } } },
      async (req) => svc.disable(operatorCtx(req), req.params.id));
    r.post('/customers/:id/enable', { config: write, schema: { tags, summary: 'Enable a disabled customer', params: idParams, response: { 200: customerDetail, ...errors } } },
      async (req) => svc.enable(operatorCtx(req), req.params.id));

    r.post('/customers/:id/members', { config: write, schema: { tags, summary: 'Add a member login', params: idParams, body: memberCreate, response: { 201: memberOut, ...errors } } },
      async (req, reply) => {
        const ctx = operatorCtx(req);
        const hash = await hashPassword(req.body.password);
        return reply.status(201).send(await scoped(ctx, req.params.id, (tx) => members.create(tx, ctx, req.params.id, req.body, hash)));
      });
    r.patch('/customers/:id/members/:childId', { config: write, schema: { tags, summary: 'Edit a member login', params: childParams, body: memberUpdate, response: { 200: memberOut, ...errors } } },
      async (req) => {
        const ctx = operatorCtx(req);
        return scoped(ctx, req.params.id, (tx) => members.update(tx, ctx, req.params.id, req.params.childId, req.body));
      });

    const children: [string, ChildCollection, z.ZodType, z.ZodType, z.ZodType][] = [
      ['contacts', contacts, contactIn, contactIn.partial(), contactOut],
      ['addresses', addresses, addressIn, addressIn.partial(), addressOut],
      ['invoice-profiles', invoiceProfilesOf, invoiceProfileIn, invoiceProfileIn, invoiceProfileOut],
    ];
    for (const [path, coll, createBody, updateBody, out] of children) {
      r.post(`/customers/:id/${path}`, { config: write, schema: { tags, summary: `Add to ${path}`, params: idParams, body: createBody, response: { 201: out, ...errors } } },
        async (req, reply) => {
          const ctx = operatorCtx(req);
          return reply.status(201).send(await scoped(ctx, req.params.id, (tx) => coll.add(tx, ctx, req.params.id, req.body as Record<string, unknown>)));
        });
      r.patch(`/customers/:id/${path}/:childId`, { config: write, schema: { tags, summary: `Edit one of ${path}`, params: childParams, body: updateBody, response: { 200: out, ...errors } } },
        async (req) => {
          const ctx = operatorCtx(req);
          return scoped(ctx, req.params.id, (tx) => coll.update(tx, ctx, req.params.id, req.params.childId, req.body as Record<string, unknown>));
        });
      r.delete(`/customers/:id/${path}/:childId`, { config: write, schema: { tags, summary: `Delete one of ${path}`, params: childParams, response: { 204: z.null(), ...errors } } },
        async (req, reply) => {
          const ctx = operatorCtx(req);
          await scoped(ctx, req.params.id, (tx) => coll.remove(tx, ctx, req.params.id, req.params.childId));
          return reply.status(204).send(null);
        });
    }
  };
}
