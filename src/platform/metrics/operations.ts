import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { safeEqual } from '../auth/secrets.js';
import { AppError } from '../errors/app-error.js';
import { clusterMetricsText, reportToPrimary } from './cluster-metrics.js';
import { createMetrics } from './metrics.js';
import { createReadiness, type Readiness } from './readiness.js';

/**
 * Operational endpoints outside /api/v1: readiness (`/api/health/ready`) and Prometheus metrics (`/metrics`, unless
 * METRICS=off; with METRICS_TOKEN only for `Authorization: Bearer <token>`). Register before any route, so the
 * request metrics see every route.
 */
export function registerOperations(app: FastifyInstance, deps: { config: Config; database: Database; readiness?: Readiness }) {
  // Without a readiness from main.ts (tests, scripts) the app counts as ready once it is built.
  const readiness = deps.readiness ?? createReadiness('ready');
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Draining: an answer to a request that was in flight at SIGTERM closes its keep-alive connection. Otherwise the
  // client keeps it open (up to the 72 s keep-alive) and the server cannot finish closing until then.
  app.addHook('onSend', async (_req, reply, payload) => {
    if (readiness.state === 'draining') reply.header('connection', 'close');
    return payload;
  });

  r.get('/api/health/ready', {
    schema: {
      tags: ['public'], summary: 'Readiness: 200 while this server process takes traffic, 503 while it starts or drains (SIGTERM)',
      response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.enum(['starting', 'draining']) }) },
    },
  }, async (_req, reply) => {
    const state = readiness.state;
    return state === 'ready' ? { status: state } : reply.status(503).send({ status: state });
  });

  const { metrics: settings } = deps.config;
  if (!settings.enabled) return;
  const metrics = createMetrics(deps.database);
  metrics.instrument(app);
  if (cluster.isWorker) reportToPrimary(metrics.register);
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (settings.token) {
      const [scheme, token] = (req.headers.authorization ?? '').split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token || !safeEqual(token, settings.token)) {
        throw new AppError('unauthenticated', { message: 'send Authorization: Bearer <METRICS_TOKEN>', headers: { 'www-authenticate': 'Bearer' } });
      }
    }
    const text = cluster.isWorker ? await clusterMetricsText().catch((err: Error) => { throw new AppError('unavailable', { message: `metrics: ${err.message}` }); })
      : await metrics.register.metrics();
    return reply.type(metrics.register.contentType).header('cache-control', 'no-store').send(text);
  });
}
