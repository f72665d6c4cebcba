/**
 * The no-oversell proof (issue 5): two servers — one of them in cluster mode with two worker processes — on one PostgreSQL database, 200 customers each submitting an
 * order for 1 unit of a SKU with 50 available over two warehouses → exactly 50 orders, 150 clear out-of-stock
 * refusals, no negative stock, ledgers balanced. PostgreSQL server only (processes cannot share an in-memory PGlite).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStockLedgers } from '../../src/modules/inventory/check-ledgers.js';
import type { Database } from '../../src/platform/db/database.js';
import { createTestDatabase, testDbKind } from '../support/test-db.js';

interface Server { url: string; proc: ChildProcess }
let db: Database & { url?: string };
const servers: Server[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'dh-race-'));

async function startServer(port: number, extra: Record<string, string> = {}): Promise<Server> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env, DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dataDir, String(port)), LOG_LEVEL: 'warn',
      SESSION_SECRET: 'race-test-secret-race-test-secret-0123456789', LOGIN_RATE_LIMIT_PER_MINUTE: '100000', DATABASE_POOL_SIZE: '20', WEB_DIST: dataDir, ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout!.on('data', (b) => { output += b; });
  proc.stderr!.on('data', (b) => { output += b; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (proc.exitCode !== null) throw new Error(`server on ${port} exited: ${output}`);
    try { if ((await fetch(`${url}/api/health`)).ok) return { url, proc }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server on ${port} did not start: ${output}`);
}

/** A logged-in member over real HTTP: cookies and the CSRF header by hand. */
async function session(server: Server, username: string) {
  const res = await fetch(`${server.url}/api/v1/auth/member/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 'demo' }, body: JSON.stringify({ login: username, password: 'dinghuo123' }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('dh_csrf='))!.slice('dh_csrf='.length);
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'x-tenant': 'demo', 'content-type': 'application/json' };
  return (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method, headers: { ...headers, ...extra }, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function inBatches<T>(n: number, size: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, k) => fn(i + k)))));
  return out;
}

const rows = async <T>(q: ReturnType<typeof sql>) => ((await db.owner.execute(q)) as unknown as { rows: T[] }).rows;

describe.skipIf(testDbKind() === 'pglite')('no oversell across two server processes', () => {
  let skuId: string;
  let unitId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    servers.push(await startServer(39_000 + Math.floor(Math.random() * 500))); // seeds the demo company on the empty database
    // The second server runs in cluster mode (WORKERS=2): three processes in all take the orders.
    servers.push(await startServer(39_600 + Math.floor(Math.random() * 500), { WORKERS: '2' }));
    // A product with 25 units in each warehouse, set up through the API as staff would.
    const login = await fetch(`${servers[0].url}/api/v1/auth/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 'demo' }, body: JSON.stringify({ login: 'owner', password: 'dinghuo123' }) });
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
    const staff = { cookie: cookies.join('; '), 'x-csrf-token': cookies.find((c) => c.startsWith('dh_csrf='))!.slice(8), 'x-tenant': 'demo', 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => (await fetch(`${servers[0].url}${path}`, { method: 'POST', headers: staff, body: JSON.stringify(body) })).json();
    const product = await post('/api/v1/admin/products', { name: '限量抢购 50 件', onShelf: true, skus: [{ code: 'RACE-50', baseUnit: '件', units: [{ name: '件', conversion: 1, listPriceFen: 9900 }] }] });
    skuId = product.skus[0].id;
    unitId = product.skus[0].units[0].id;
    const warehouses = (await (await fetch(`${servers[0].url}/api/v1/admin/warehouses`, { headers: staff })).json()).items as { id: string }[];
    expect(warehouses).toHaveLength(2);
    for (const w of warehouses) await post('/api/v1/admin/stock/adjustments', { warehouseId: w.id, skuId, delta: 25, kind: 'inbound', reason: '抢购备货' });
    // 200 buyer logins of dealer1's company, with dealer1's password hash (hashing 200 passwords would only cost time).
    await db.owner.execute(sql`
      insert into customer_members (tenant_id, id, customer_id, name, username, member_role, is_admin, password_hash)
      select m.tenant_id, 'RACER' || lpad(g::text, 21, '0'), m.customer_id, '抢购' || g, 'racer' || g, 'buyer', false, m.password_hash
      from customer_members m, generate_series(1, 200) g where m.username = 'dealer1'`);
  }, 240_000);

  afterAll(async () => {
    for (const s of servers) s.proc.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.proc.exitCode !== null ? r(null) : s.proc.once('exit', r)))));
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts exactly 50 of 200 concurrent orders and refuses 150 with out_of_stock', async () => {
    const buyers = await inBatches(200, 20, (i) => session(servers[i % 2], `racer${i + 1}`));
    const addressId = (await (await buyers[0]('GET', '/api/v1/mall/addresses')).json()).items[0].id;
    await inBatches(200, 20, async (i) => expect((await buyers[i]('POST', '/api/v1/mall/cart/lines', { skuUnitId: unitId, qty: 1 })).status).toBe(200));
    const total = (await (await buyers[0]('GET', `/api/v1/mall/checkout?addressId=${addressId}`)).json()).cart.totals.totalFen;

    const answers = await Promise.all(buyers.map(async (b, i) => {
      const res = await b('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': `racer-${i}-submit` });
      return { status: res.status, body: await res.json() as { code?: string; id?: string } };
    }));
    const byStatus = answers.reduce<Record<string, number>>((m, a) => ({ ...m, [`${a.status} ${a.body.code ?? ''}`.trim()]: (m[`${a.status} ${a.body.code ?? ''}`.trim()] ?? 0) + 1 }), {});
    expect(byStatus).toEqual({ 201: 50, '409 out_of_stock': 150 });

    const levels = await rows<{ on_hand: string; reserved: string }>(sql`select on_hand, reserved from stock_levels where sku_id = ${skuId}`);
    expect(levels.map((l) => [Number(l.on_hand), Number(l.reserved)])).toEqual([[25, 25], [25, 25]]);
    const [{ n }] = await rows<{ n: string }>(sql`select count(distinct order_id) as n from order_lines where sku_id = ${skuId}`);
    expect(Number(n)).toBe(50);
    const accepted = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
    const [{ n: allocated }] = await rows<{ n: string }>(sql`select count(distinct order_id) as n from order_allocations where sku_id = ${skuId} and reserved = 1`);
    expect(Number(allocated)).toBe(accepted.size);
    expect(await checkStockLedgers(db)).toEqual([]);
  }, 240_000);
});
