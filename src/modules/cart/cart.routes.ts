import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { memberCtx, memberRoute } from '../../platform/http/route-auth.js';
import { idParams } from '../../platform/http/schemas.js';
import { readSheet } from '../../platform/spreadsheet.js';
import { addLineBody, cartOut, cartQuery, lookupQuery, quickBody, reportOut, savedListBody, savedListOut, setQtyBody, skuPickOut } from '../orders/orders.schemas.js';
import type { CartService } from './cart.service.js';
import { rowsFromSheet } from './domain/quick-rows.js';
import type { SavedListsService } from './saved-lists.service.js';
import { loadBuyer } from './sellables.js';
import { lookupSkus } from './sku-lookup.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema };
const tags = ['mall cart'];

export function cartRoutes(deps: { database: Database; cart: CartService; lists: SavedListsService }) {
  const { cart, lists } = deps;
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const reader = memberRoute();
    const writer = memberRoute({ write: true });

    r.get('/cart', { config: reader, schema: { tags, summary: 'My cart, every line re-checked and priced now', querystring: cartQuery, response: { 200: cartOut, ...errors } } },
      async (req) => cart.view(memberCtx(req), req.query.addressId));
    r.post('/cart/lines', { config: writer, schema: { tags, summary: 'Add a SKU unit to the cart (adds to the line of the same unit)', body: addLineBody, response: { 200: cartOut, ...errors } } },
      async (req) => cart.add(memberCtx(req), req.body));
    r.patch('/cart/lines/:id', { config: writer, schema: { tags, summary: 'Change the quantity of a cart line', params: idParams, body: setQtyBody, response: { 200: cartOut, ...errors } } },
      async (req) => cart.setQty(memberCtx(req), req.params.id, req.body.qty));
    r.delete('/cart/lines/:id', { config: writer, schema: { tags, summary: 'Remove a cart line', params: idParams, response: { 200: cartOut, ...errors } } },
      async (req) => cart.remove(memberCtx(req), req.params.id));
    r.delete('/cart', { config: writer, schema: { tags, summary: 'Empty the cart', response: { 204: z.null(), ...errors } } },
      async (req, reply) => { await cart.clear(memberCtx(req)); return reply.status(204).send(null); });
    r.post('/cart/acknowledge-prices', { config: writer, schema: { tags, summary: 'Accept the current prices of every cart line', response: { 200: cartOut, ...errors } } },
      async (req) => cart.acknowledgePrices(memberCtx(req)));
    r.post('/cart/quick', { config: writer, schema: { tags, summary: 'Quick order: many rows of code (SKU code or barcode), unit and quantity', body: quickBody, response: { 200: reportOut, ...errors } } },
      async (req) => cart.quick(memberCtx(req), req.body.rows.map((row, i) => ({ ...row, row: i + 1 }))));
    r.post('/cart/upload', { config: writer, schema: { tags, summary: 'Quick order from an .xlsx or .csv file (multipart field "file": code, unit, quantity)', consumes: ['multipart/form-data'], response: { 200: reportOut, ...errors } } },
      async (req) => {
        if (!req.isMultipart()) throw new AppError('unsupported_media_type', { message: 'send the file as multipart/form-data in a field named "file"' });
        const part = await req.file();
        if (!part) throw new AppError('validation_failed', { message: 'no file', errors: [{ path: 'body.file', message: 'required' }] });
        if (!/\.(xlsx|csv)$/i.test(part.filename)) throw new AppError('unsupported_media_type', { message: 'upload an .xlsx or .csv file' });
        const sheet = await readSheet(await part.toBuffer(), part.filename, 500);
        const rows = rowsFromSheet(sheet.headers, sheet.rows);
        if (!rows.length) throw new AppError('validation_failed', { message: 'the file has no rows', errors: [{ path: 'body.file', message: 'empty' }] });
        if (rows.length > 500) throw new AppError('payload_too_large', { message: 'at most 500 rows at once' });
        return cart.quick(memberCtx(req), rows);
      });
    r.get('/cart/lookup', { config: reader, schema: { tags, summary: 'SKUs matching a code, barcode or name, with my prices (quick-order form)', querystring: lookupQuery, response: { 200: z.object({ items: z.array(skuPickOut) }), ...errors } } },
      async (req) => {
        const ctx = memberCtx(req);
        return deps.database.tx(ctx.tenantId, async (tx) => ({ items: await lookupSkus(tx, ctx.tenantId, await loadBuyer(tx, ctx.tenantId, ctx.actor.customerId), req.query.q) }));
      });

    r.get('/saved-lists', { config: reader, schema: { tags, summary: "My company's saved order lists (常购清单)", response: { 200: z.object({ items: z.array(savedListOut) }), ...errors } } },
      async (req) => lists.list(memberCtx(req)));
    r.post('/saved-lists', { config: writer, schema: { tags, summary: 'Save a list (the given lines, or the cart)', body: savedListBody, response: { 201: savedListOut, ...errors } } },
      async (req, reply) => reply.status(201).send(await lists.create(memberCtx(req), req.body)));
    r.get('/saved-lists/:id', { config: reader, schema: { tags, summary: 'One saved list', params: idParams, response: { 200: savedListOut, ...errors } } },
      async (req) => lists.get(memberCtx(req), req.params.id));
    r.delete('/saved-lists/:id', { config: writer, schema: { tags, summary: 'Delete a saved list', params: idParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => { await lists.remove(memberCtx(req), req.params.id); return reply.status(204).send(null); });
    r.post('/saved-lists/:id/to-cart', { config: writer, schema: { tags, summary: 'Put a saved list into the cart', params: idParams, response: { 200: reportOut, ...errors } } },
      async (req) => lists.toCart(memberCtx(req), req.params.id));
  };
}
