import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web app: /admin/* → console, /m/* → mall (single-page apps), /assets/* hashed files. */
export async function registerWeb(app: FastifyInstance, dist: string) {
  const page = (name: string) => {
    const file = join(dist, name);
    return existsSync(file) ? readFileSync(file, 'utf8') : `<!doctype html><meta charset="utf-8"><p>Web app not built: run <code>npm run build:web</code>.</p>`;
  };
  const admin = page('admin.html');
  const mall = page('mall.html');
  if (existsSync(join(dist, 'assets'))) {
    await app.register(fastifyStatic, { root: join(dist, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d', decorateReply: false });
  }
  const html = (body: string) => async (_req: unknown, reply: import('fastify').FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);
  const hide = { schema: { hide: true } };
  app.get('/', hide, async (_req, reply) => reply.redirect('/m'));
  app.get('/admin', hide, html(admin));
  app.get('/admin/*', hide, html(admin));
  app.get('/m', hide, html(mall));
  app.get('/m/*', hide, html(mall));
}
