/**
 * Operations (issue 7, point 7): Prometheus metrics at /metrics (request rate and latency by route and status, 5xx
 * errors, database pool, outbox lag, process metrics), METRICS_TOKEN and METRICS=off, and /api/health/ready.
 * In-process on both databases; the cluster-wide sum and the SIGTERM drain are in graceful.test.ts.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createLogger } from '../../src/platform/logger.js';
import { outboxLag } from '../../src/platform/metrics/metrics.js';
import { createReadiness } from '../../src/platform/metrics/readiness.js';
import { createTestApp, testConfig, type TestApp } from '../support/test-app.js';

let t: TestApp;
const extra: FastifyInstance[] = [];

/** Another app on the same database, with its own configuration and registry. */
async function appWith(env: Record<string, string>, opts: { readiness?: ReturnType<typeof createReadiness>; routes?: (app: FastifyInstance) => void } = {}) {
  const app = await buildApp({ config: testConfig(env), database: t.database, logger: createLogger('silent'), carrierGateway: null, readiness: opts.readiness });
  opts.routes?.(app);
  await app.ready();
  extra.push(app);
  return app;
}

/** The value of one series in the Prometheus text format, or undefined. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => {
  for (const app of extra) await app.close();
  await t?.close();
});

describe('GET /metrics', () => {
  it('exposes request counts and the latency histogram by route pattern and status, errors, pool, outbox and process metrics', async () => {
    const app = await appWith({}, { routes: (a) => a.get('/test/boom', { schema: { hide: true } }, async () => { throw new Error('boom'); }) });
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/mall/orders/0NOSUCHORDER000000000000000', headers: { 'x-tenant': 'demo' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/no/such/page' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/test/boom' })).statusCode).toBe(500);
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    const health = { method: 'GET', route: '/api/health', status: '200' };
    expect(series(text, 'http_requests_total', health)).toBe(3);
    expect(series(text, 'http_request_duration_seconds_count', health)).toBe(3);
    expect(series(text, 'http_request_duration_seconds_bucket', { ...health, le: '+Inf' })).toBe(3);
    expect(series(text, 'http_request_duration_seconds_bucket', { ...health, le: '0.005' })).toBeGreaterThanOrEqual(0);
    expect(series(text, 'http_request_duration_seconds_sum', health)).toBeGreaterThan(0);
    // Route patterns, never raw URLs (ids would make a series per object).
    expect(series(text, 'http_requests_total', { route: '/api/v1/mall/orders/:id', status: '401' })).toBe(1);
    expect(text).not.toContain('0NOSUCHORDER');
    expect(series(text, 'http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
    expect(series(text, 'http_request_errors_total', { route: '/test/boom', status: '500' })).toBe(1);
    expect(series(text, 'http_request_errors_total', health)).toBeUndefined();

    const pool = series(text, 'dinghuo_db_pool_connections')!;
    if (t.database.kind === 'pglite') expect([pool, series(text, 'dinghuo_db_pool_waiting_requests')]).toEqual([1, 0]);
    else expect(pool).toBeGreaterThanOrEqual(1);
    expect(series(text, 'dinghuo_db_pool_idle_connections')).toBeLessThanOrEqual(pool);
    expect(series(text, 'dinghuo_outbox_pending_events')).toBeGreaterThanOrEqual(0);
    expect(series(text, 'dinghuo_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(series(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(series(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('counts undelivered outbox events of every tenant, with the age of the oldest', async () => {
    const before = await outboxLag(t.database);
    const [tenant] = ((await t.database.owner.execute(sql`select id from tenants limit 1`)) as unknown as { rows: { id: string }[] }).rows;
    await t.database.tx(tenant.id, (tx) => tx.execute(sql`insert into outbox_events (tenant_id, id, topic, aggregate_type, aggregate_id, payload, created_at)
      values (${tenant.id}, 'TESTOUTBOXLAG0000000000001', 'test.lag', 'test', 'x', '{}'::jsonb, now() - interval '90 seconds')`));
    const after = await outboxLag(t.database);
    expect(after.pending).toBe(before.pending + 1);
    expect(after.oldestAgeSeconds).toBeGreaterThanOrEqual(90);
    await t.database.tx(tenant.id, (tx) => tx.execute(sql`delete from outbox_events where id = 'TESTOUTBOXLAG0000000000001'`));
  });

  it('with METRICS_TOKEN answers only Authorization: Bearer <token>', async () => {
    const app = await appWith({ METRICS_TOKEN: 'scrape-token-0123456789' });
    const anonymous = await app.inject({ method: 'GET', url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    expect(anonymous.json().code).toBe('unauthenticated');
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-token-wrong-0000' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Basic scrape-token-0123456789' } })).statusCode).toBe(401);
    const ok = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-token-0123456789' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('is switched off by METRICS=off; a short token is a configuration error', async () => {
    const app = await appWith({ METRICS: 'off' });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    expect(() => testConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('GET /api/health/ready', () => {
  it('answers 503 while starting, 200 when ready, 503 while draining', async () => {
    const readiness = createReadiness();
    const app = await appWith({}, { readiness });
    const ready = () => app.inject({ method: 'GET', url: '/api/health/ready' });
    expect([(await ready()).statusCode, (await ready()).json()]).toEqual([503, { status: 'starting' }]);
    readiness.ready();
    expect([(await ready()).statusCode, (await ready()).json()]).toEqual([200, { status: 'ready' }]);
    readiness.drain();
    expect([(await ready()).statusCode, (await ready()).json()]).toEqual([503, { status: 'draining' }]);
    readiness.ready(); // draining is final
    expect((await ready()).statusCode).toBe(503);
    // Liveness is unchanged.
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('is ready without a readiness from main.ts (tests, scripts)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).json()).toEqual({ status: 'ready' });
  });
});
