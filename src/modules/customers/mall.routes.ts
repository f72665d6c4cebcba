import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Database } from '../../platform/db/database.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { memberCtx, memberRoute } from '../../platform/http/route-auth.js';
import { emailField, idParams, nameField, phoneField, versionField } from '../../platform/http/schemas.js';
import { memberMe } from '../auth/auth.schemas.js';
import { withOwnCustomer } from './customer-access.js';
import { addresses, invoiceProfilesOf, type ChildCollection } from './customer-children.js';
import { loadDetail } from './customers.repository.js';
import { addressIn, addressOut, customerDetail, invoiceProfileIn, invoiceProfileOut, memberCreate, memberOut, memberUpdate } from './customers.schemas.js';
import { memberPrincipals } from './members.credentials.js';
import { members } from './members.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['mall account'];
const profileBody = z.strictObject({ name: nameField.optional(), phone: phoneField.optional(), email: emailField.nullable().optional(), version: versionField.optional() });

export function mallAccountRoutes(deps: { database: Database }) {
  const own = withOwnCustomer(deps.database);

  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const reader = memberRoute();
    const writer = memberRoute({ write: true });
    const admin = memberRoute({ admin: true });

    r.get('/account', { config: reader, schema: { tags, summary: 'My login and my company', response: { 200: z.object({ member: memberMe, customer: customerDetail.omit({ members: true }) }), ...errors } } },
      async (req) => {
        const ctx = memberCtx(req);
        return own(ctx, async (tx, customerId) => {
          const { members: _omit, ...customer } = (await loadDetail(tx, ctx.tenantId, customerId))!;
          return { member: (await memberPrincipals.me(tx, ctx.tenantId, ctx.actor.id)) as z.infer<typeof memberMe>, customer };
        });
      });

    r.patch('/account/profile', { config: reader, schema: { tags, summary: 'Edit my own login (name, phone, email)', body: profileBody, response: { 200: memberOut, ...errors } } },
      async (req) => {
        const ctx = memberCtx(req);
        return own(ctx, async (tx, customerId) => {
          const current = (await members.list(tx, ctx.tenantId, customerId)).find((m) => m.id === ctx.actor.id)!;
          return members.update(tx, ctx, customerId, ctx.actor.id, { ...req.body, version: req.body.version ?? current.version });
        });
      });

    const children: [string, ChildCollection, z.ZodType, z.ZodType, z.ZodType][] = [
      ['addresses', addresses, addressIn, addressIn.partial(), addressOut],
      ['invoice-profiles', invoiceProfilesOf, invoiceProfileIn, invoiceProfileIn, invoiceProfileOut],
    ];
    for (const [path, coll, createBody, updateBody, out] of children) {
      r.get(`/${path}`, { config: reader, schema: { tags, summary: `My company's ${path}`, response: { 200: z.object({ items: z.array(out) }), ...errors } } },
        async (req) => {
          const ctx = memberCtx(req);
          return { items: await own(ctx, (tx, customerId) => coll.list(tx, ctx.tenantId, customerId)) };
        });
      r.post(`/${path}`, { config: writer, schema: { tags, summary: `Add to ${path}`, body: createBody, response: { 201: out, ...errors } } },
        async (req, reply) => {
          const ctx = memberCtx(req);
          return reply.status(201).send(await own(ctx, (tx, customerId) => coll.add(tx, ctx, customerId, req.body as Record<string, unknown>)));
        });
      r.patch(`/${path}/:id`, { config: writer, schema: { tags, summary: `Edit one of ${path}`, params: idParams, body: updateBody, response: { 200: out, ...errors } } },
        async (req) => {
          const ctx = memberCtx(req);
          return own(ctx, (tx, customerId) => coll.update(tx, ctx, customerId, req.params.id, req.body as Record<string, unknown>));
        });
      r.post(`/${path}/:id/default`, { config: writer, schema: { tags, summary: `Make one of ${path} the default`, params: idParams, response: { 200: out, ...errors } } },
        async (req) => {
          const ctx = memberCtx(req);
          return own(ctx, (tx, customerId) => coll.update(tx, ctx, customerId, req.params.id, { isDefault: true }));
        });
      r.delete(`/${path}/:id`, { config: writer, schema: { tags, summary: `Delete one of ${path}`, params: idParams, response: { 204: z.null(), ...errors } } },
        async (req, reply) => {
          const ctx = memberCtx(req);
          await own(ctx, (tx, customerId) => coll.remove(tx, ctx, customerId, req.params.id));
          return reply.status(204).send(null);
        });
    }

    r.get('/members', { config: reader, schema: { tags, summary: "My company's logins", response: { 200: z.object({ items: z.array(memberOut) }), ...errors } } },
      async (req) => {
        const ctx = memberCtx(req);
        return { items: await own(ctx, (tx, customerId) => members.list(tx, ctx.tenantId, customerId)) };
      });
    r.post('/members', { config: admin, schema: { tags, summary: 'Add a login to my company (company admin only)', body: memberCreate, response: { 201: memberOut, ...errors } } },
      async (req, reply) => {
        const ctx = memberCtx(req);
        const hash = await hashPassword(req.body.password);
        return reply.status(201).send(await own(ctx, (tx, customerId) => members.create(tx, ctx, customerId, req.body, hash)));
      });
    r.patch('/members/:id', { config: admin, schema: { tags, summary: "Edit a login of my company (company admin only)", params: idParams, body: memberUpdate, response: { 200: memberOut, ...errors } } },
      async (req) => {
        const ctx = memberCtx(req);
        return own(ctx, (tx, customerId) => members.update(tx, ctx, customerId, req.params.id, req.body));
      });
  };
}
