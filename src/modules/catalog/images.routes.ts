import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { problemSchema } from '../../platform/errors/problem.js';
import { operatorCtx, publicRoute, staffRoute, tenantOf } from '../../platform/http/route-auth.js';
import { idParam, idParams } from '../../platform/http/schemas.js';
import type { ImagesService } from './images.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 413: problemSchema, 415: problemSchema };
const tags = ['catalog'];
const imageOut = z.object({ id: z.string(), width: z.number().int(), height: z.number().int() });

export function imageAdminRoutes(images: ImagesService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const write = staffRoute('catalog.write');
    r.post('/products/:id/images', {
      config: write,
      schema: { tags, summary: 'Upload a product image (multipart field "file"; JPEG, PNG, WebP or GIF, at most 5 MB)', consumes: ['multipart/form-data'], params: idParams, response: { 201: imageOut, ...errors } },
    }, async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('unsupported_media_type', { message: 'send the image as multipart/form-data in a field named "file"' });
      const file = await req.file();
      if (!file) throw new AppError('validation_failed', { message: 'no file', errors: [{ path: 'body.file', message: 'required' }] });
      const data = await file.toBuffer();
      return reply.status(201).send(await images.upload(operatorCtx(req), req.params.id, data));
    });
    r.delete('/products/:id/images/:imageId', { config: write, schema: { tags, summary: 'Remove a product image', params: z.object({ id: idParam, imageId: idParam }), response: { 204: z.null(), ...errors } } },
      async (req, reply) => { await images.remove(operatorCtx(req), req.params.id, req.params.imageId); return reply.status(204).send(null); });
    r.put('/products/:id/images/order', {
      config: write,
      schema: { tags, summary: 'Reorder the gallery', params: idParams, body: z.strictObject({ ids: z.array(idParam).max(20) }), response: { 200: z.object({ items: z.array(z.object({ id: z.string() })) }), ...errors } },
    }, async (req) => ({ items: await images.reorder(operatorCtx(req), req.params.id, req.body.ids) }));
  };
}

export function imagePublicRoutes(images: ImagesService) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/images/:id/:size', {
      config: publicRoute,
      schema: { tags: ['public'], summary: 'A product image (WebP), large or thumbnail', produces: ['image/webp'], params: z.object({ id: idParam, size: z.enum(['large', 'thumb']) }),
        response: { 200: z.any().describe('image/webp bytes'), 400: problemSchema, 404: problemSchema } },
    }, async (req, reply) => {
      const bytes = await images.read(tenantOf(req).id, req.params.id, req.params.size);
      if (!bytes) throw new AppError('not_found', { message: 'image not found' });
      // Image ids are never reused, so the bytes behind a URL never change.
      return reply.type('image/webp').header('cache-control', 'public, max-age=31536000, immutable').send(bytes);
    });
  };
}
