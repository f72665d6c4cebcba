import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built web app: /admin/* → console, /m/* → mall (single-page apps), /assets/* hashed files. */
export async function registerWeb(app: FastifyInstance, dist: string) {
  // Read again whenever the file changes: a rebuild (new hashed chunk names) must not leave the server handing out
  // an index that points at deleted chunks until it restarts.
  const cache = new Map<string, { mtimeMs: number; body: string }>();
  const page = (name: string) => () => {
    const file = join(dist, name);
    if (!existsSync(file)) return `<!doctype html><meta charset="utf-8"><p>Web app not built: run <code>npm run build:web</code>.</p>`;
    const { mtimeMs } = statSync(file);
    const hit = cache.get(name);
    if (hit && hit.mtimeMs === mtimeMs) return hit.body;
    const body = readFileSync(file, 'utf8');
    cache.set(name, { mtimeMs, body });
    return body;
  };
  const admin = page('admin.html');
  const mall = page('mall.html');
  if (existsSync(join(dist, 'assets'))) {
    await app.register(fastifyStatic, { root: join(dist, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d', decorateReply: false });
  }
  const html = (body: () => string) => async (_req: unknown, reply: import('fastify').FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body());
  const hide = { schema: { hide: true } };
  app.get('/', hide, async (_req, reply) => reply.redirect('/m'));
  app.get('/admin', hide, html(admin));
  app.get('/admin/*', hide, html(admin));
  app.get('/m', hide, html(mall));
  app.get('/m/*', hide, html(mall));
}
