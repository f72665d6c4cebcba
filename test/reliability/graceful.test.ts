/**
 * Graceful operations of a real server in cluster mode (WORKERS=2, PostgreSQL server only): /metrics answers the sum
 * over the worker processes, and SIGTERM lets the requests in flight finish (orders blocked on a stock row lock are
 * all placed) before the processes exit, with /api/health/ready no longer answering 200.
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStockLedgers } from '../../src/modules/inventory/check-ledgers.js';
import type { Database } from '../../src/platform/db/database.js';
import { createTestDatabase, testDbKind } from '../support/test-db.js';
import { appProcess, type AppProcess } from './support/app-process.js';
import { bodyOf, describeAnswer, login, send, sleep, type Answer } from './support/http.js';

/** A GET on a connection of its own (no keep-alive), so the cluster's round robin spreads the requests. */
const getOnNewConnection = (url: string) => new Promise<number>((resolve, reject) => {
  http.get(url, { agent: false }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); }).on('error', reject);
});

let db: Database & { url?: string };
let server: AppProcess;

function series(text: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe.skipIf(testDbKind() === 'pglite')('a cluster of server processes', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await appProcess({ databaseUrl: db.url!, env: { WORKERS: '2' } });
    await server.start();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    server?.cleanup();
    await db?.close();
  });

  it('answers /metrics summed over its workers', async () => {
    // Once both workers listen (the banner), requests on fresh connections are dealt to them in turn.
    for (let i = 0; !server.output().includes('Dinghuo 订货 is running'); i++) {
      if (i > 300) throw new Error('the second worker did not start');
      await sleep(100);
    }
    for (let i = 0; i < 20; i++) expect(await getOnNewConnection(`${server.url}/api/health`)).toBe(200);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    // Each worker counted its share; the answer is the whole.
    expect(series(text, 'http_requests_total', { method: 'GET', route: '/api/health', status: '200' })).toBe(20);
    expect(series(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/health', status: '200' })).toBe(20);
    expect(text).toMatch(/^dinghuo_db_pool_connections \d+$/m);
    expect(text).toMatch(/^dinghuo_outbox_pending_events \d+$/m);
  });

  it('drains the requests in flight on SIGTERM', async () => {
    const staff = await login(() => server.url, 'staff', 'owner');
    const product = bodyOf(await staff.request('POST', '/api/v1/admin/products', { name: '停机测试商品', onShelf: true, skus: [{ code: 'DRAIN-1', baseUnit: '件', units: [{ name: '件', conversion: 1, listPriceFen: 500 }] }] }));
    const skuId = product.skus[0].id as string;
    for (const w of bodyOf(await staff.request('GET', '/api/v1/admin/warehouses')).items as { id: string }[]) {
      expect(describeAnswer(await staff.request('POST', '/api/v1/admin/stock/adjustments', { warehouseId: w.id, skuId, delta: 100, kind: 'inbound', reason: '停机测试' }))).toBe('201');
    }
    const buyers = await Promise.all(['dealer1', 'dealer2', 'retailer1', 'consumer1'].map(async (username) => {
      const s = await login(() => server.url, 'member', username);
      const addressId = (bodyOf(await s.request('GET', '/api/v1/mall/addresses')).items as { id: string }[])[0].id;
      await s.request('DELETE', '/api/v1/mall/cart');
      expect(describeAnswer(await s.request('POST', '/api/v1/mall/cart/lines', { skuUnitId: product.skus[0].units[0].id, qty: 1 }))).toBe('200');
      const totalFen = bodyOf(await s.request('GET', `/api/v1/mall/checkout?addressId=${addressId}`)).cart.totals.totalFen as number;
      return { s, body: { addressId, paymentMethod: 'offline', expectedTotalFen: totalFen } };
    }));

    // Hold the SKU's stock rows, so the four checkouts stop inside their transactions: provably in flight.
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from stock_levels where sku_id = $1 for update', [skuId]);
      const answers: Promise<Answer>[] = buyers.map((b, i) => b.s.request('POST', '/api/v1/mall/checkout', b.body, { 'idempotency-key': `drain-test-${i}` }));
      const dbName = new URL(db.url!).pathname.slice(1);
      for (let i = 0; ; i++) {
        const { rows } = await holder.query(`select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`, [dbName]);
        if (rows[0].n >= buyers.length) break;
        if (i > 200) throw new Error(`the checkouts did not reach the lock (${rows[0].n} waiting)`);
        await sleep(100);
      }
      const exited = server.stop();
      await sleep(1000);
      let gone = false;
      void exited.then(() => { gone = true; });
      await sleep(0);
      expect(gone, 'the server exited with requests in flight').toBe(false);
      expect(describeAnswer(await send(`${server.url}/api/health/ready`))).not.toBe('200');
      await holder.query('commit');
      expect((await Promise.all(answers)).map(describeAnswer)).toEqual(['201', '201', '201', '201']);
      const answered = Date.now();
      expect(await exited).toBe(0);
      // The workers exit as soon as their last answer is out, well before the primary's 10 s hard stop.
      expect(Date.now() - answered).toBeLessThan(5000);
    } finally {
      await holder.end();
    }
    const { rows } = await db.owner.execute(sql`select count(distinct order_id)::int as n from order_lines where sku_id = ${skuId}`) as unknown as { rows: { n: number }[] };
    expect(rows[0].n).toBe(4);
    expect(await checkStockLedgers(db)).toEqual([]);
  }, 120_000);
});
