import client from 'prom-client';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { tenants } from '../../modules/tenants/tenants.tables.js';

/** Upper bounds in seconds: a 2-core machine answers most requests in 1–50 ms; checkouts of big carts take longer. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The Prometheus registry of one app: HTTP traffic by route pattern and status, database pool usage, outbox lag,
 * and prom-client's default process metrics. Each app has its own registry (tests build many apps in one process).
 */
export function createMetrics(database: Database) {
  const register = new client.Registry();
  client.collectDefaultMetrics({ register });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new client.Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by route pattern and status', labelNames, registers: [register] });
  const duration = new client.Histogram({ name: 'http_request_duration_seconds', help: 'Time to answer an HTTP request, by route pattern and status', labelNames, buckets: LATENCY_BUCKETS, registers: [register] });
  const errors = new client.Counter({ name: 'http_request_errors_total', help: 'HTTP requests answered with a 5xx status', labelNames, registers: [register] });

  // Gauges read when scraped. Summed over cluster workers (each has its own pool), except the outbox, which every
  // worker sees whole (its lag is the maximum, not the sum).
  const pool = (name: string, help: string, pick: (s: ReturnType<Database['poolStats']>) => number) =>
    new client.Gauge({ name, help, registers: [register], collect() { this.set(pick(database.poolStats())); } });
  pool('dinghuo_db_pool_connections', 'Database connections open (PGlite: 1)', (s) => s.total);
  pool('dinghuo_db_pool_idle_connections', 'Open database connections not in use', (s) => s.idle);
  pool('dinghuo_db_pool_waiting_requests', 'Queries waiting for a free database connection', (s) => s.waiting);

  // One read of the outbox per scrape serves both gauges.
  let lag: { at: number; value: Promise<{ pending: number; oldestAgeSeconds: number } | null> } | null = null;
  const readLag = () => {
    if (!lag || Date.now() - lag.at > 1000) lag = { at: Date.now(), value: outboxLag(database).catch(() => null) };
    return lag.value;
  };
  new client.Gauge({
    name: 'dinghuo_outbox_pending_events', help: 'Outbox events not yet delivered, all tenants (NaN when the database could not be read)', aggregator: 'max', registers: [register],
    async collect() { this.set((await readLag())?.pending ?? Number.NaN); },
  });
  new client.Gauge({
    name: 'dinghuo_outbox_oldest_pending_age_seconds', help: 'Age of the oldest undelivered outbox event (0 when none; NaN when the database could not be read)', aggregator: 'max', registers: [register],
    async collect() { this.set((await readLag())?.oldestAgeSeconds ?? Number.NaN); },
  });

  return {
    register,
    /** Counts every answered request under its route pattern (never the raw URL: ids would explode the series). */
    instrument(app: FastifyInstance) {
      app.addHook('onResponse', async (req, reply) => {
        const labels = { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
        requests.inc(labels);
        duration.observe(labels, reply.elapsedTime / 1000);
        if (reply.statusCode >= 500) errors.inc(labels);
      });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Undelivered outbox events over all tenants. Row-level security hides other tenants' rows even from the owner
 * (unless it is a superuser), so each tenant is read with its own tenant setting, all in one transaction.
 */
export async function outboxLag(database: Database): Promise<{ pending: number; oldestAgeSeconds: number }> {
  return database.tx(null, async (tx) => {
    let pending = 0;
    let oldest = 0;
    for (const t of await tx.select({ id: tenants.id }).from(tenants)) {
      await tx.execute(sql`select set_config('app.tenant_id', ${t.id}, true)`);
      const { rows } = (await tx.execute(sql`select count(*)::int as n, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as age
        from outbox_events where tenant_id = ${t.id} and delivered_at is null`)) as unknown as { rows: { n: number; age: number }[] };
      pending += Number(rows[0].n);
      oldest = Math.max(oldest, Number(rows[0].age));
    }
    return { pending, oldestAgeSeconds: oldest };
  });
}
