/**
 * Crash safety (issue 7, point 2). Several customers keep ordering over real HTTP while
 *  1. the server process is killed with SIGKILL at random moments and restarted, and then
 *  2. the app's PostgreSQL connections are cut (pg_terminate_backend) again and again while it keeps running, and
 *  3. the PostgreSQL server itself is stopped (cleanly, or crashed with `-m immediate`) and restarted again and again:
 *     a private server of the test's own (support/private-postgres.ts), never the machine's shared one.
 * The client records every answer. Afterwards: every 2xx order exists; nothing exists for a clear refusal; every
 * request left without an answer, retried with its Idempotency-Key, returns the order it made or makes it once;
 * the order count adds up; no reservation is orphaned; `dinghuo check-ledgers` balances. While connections are
 * cut the app answers 503 problem documents — never a 500, a stack trace or a hang — and recovers by itself.
 *
 * PostgreSQL server only. Reduced size in `npm test`; RELIABILITY_FULL=1 for the full size (docs/reliability.md).
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { checkStockLedgers } from '../../src/modules/inventory/check-ledgers.js';
import type { Database } from '../../src/platform/db/database.js';
import { createTestDatabase, testDbKind } from '../support/test-db.js';
import { appProcess, type AppProcess } from './support/app-process.js';
import { privatePostgres, type PrivatePostgres } from './support/private-postgres.js';
import { bodyOf, describeAnswer, login, send, sleep, type Answer, type Session } from './support/http.js';

const FULL = process.env.RELIABILITY_FULL === '1';
const SIZE = FULL
  ? { customers: 12, kills: 40, terminations: 30, restarts: 12 }
  : { customers: 6, kills: 10, terminations: 8, restarts: 4 };
/** Verification queries run on a connection of their own that the terminations spare. */
const CHECKER = 'dh-reliability-check';

interface Phase {
  name: string;
  /** The server process is killed in this phase: no answer is expected then; otherwise it is a defect. */
  crashes: boolean;
  answers: Record<string, number>;
  accepted: { key: string; id: string; orderNo: string }[];
  refused: { key: string; status: number; code: string }[];
  unknown: { key: string; first: string; retries: number; id?: string; existed?: boolean; refusedOnRetry?: string }[];
  bad: string[];
}
const newPhase = (name: string, crashes: boolean): Phase => ({ name, crashes, answers: {}, accepted: [], refused: [], unknown: [], bad: [] });

let db: Database & { url?: string };
let server: AppProcess;
let checker: pg.Client;
let customers: { session: Session; addressId: string }[] = [];
let unitId: string;

const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await checker.query(text, values)).rows as T[];

/** Tallies an answer; a 5xx other than a clean 503 problem, a stack trace or a hang is a defect. */
function tally(p: Phase, what: string, a: Answer) {
  const label = a.kind === 'http' ? `${a.status}${a.code ? ` ${a.code}` : ''}` : a.kind === 'network' ? 'no answer' : 'hang';
  p.answers[label] = (p.answers[label] ?? 0) + 1;
  if (a.kind === 'timeout') p.bad.push(`${what}: no answer within 20 s`);
  if (a.kind === 'http' && a.stack) p.bad.push(`${what}: ${a.status} leaks a stack trace`);
  if (a.kind === 'http' && a.status >= 500 && !(a.status === 503 && a.code === 'unavailable' && a.contentType.startsWith('application/problem+json'))) {
    p.bad.push(`${what}: ${describeAnswer(a)} ${JSON.stringify(a.body)}`);
  }
}

const retryable = (p: Phase, a: Answer) => (a.kind === 'network' && p.crashes) || (a.kind === 'http' && a.status === 503);

/**
 * Whether to go on retrying: always while the disturbance lasts (kills every second on a busy machine can keep a
 * server down for minutes), then for 60 s more — after that, no answer is a defect.
 */
function patience(stopped: () => boolean) {
  let calmSince: number | null = null;
  return () => {
    if (!stopped()) return true;
    calmSince ??= Date.now();
    return Date.now() - calmSince < 60_000;
  };
}

/** A preparatory step (cart, preview): repeated while the server is down or the database unreachable. */
async function step(p: Phase, s: Session, stopped: () => boolean, method: string, path: string, body?: unknown) {
  const goOn = patience(stopped);
  for (;;) {
    const a = await s.request(method, path, body);
    tally(p, `${s.username} ${method} ${path}`, a);
    if (a.kind === 'http' && a.status < 300) return a;
    if (!retryable(p, a)) { p.bad.push(`${s.username} ${method} ${path}: ${describeAnswer(a)}`); return null; }
    if (!goOn()) break;
    await sleep(100);
  }
  p.bad.push(`${s.username} ${method} ${path}: no success within 60 s of the last disturbance`);
  return null;
}

/** One customer ordering until told to stop: empty the cart, add a line, preview, submit with a fresh key. */
async function orderLoop(p: Phase, c: { session: Session; addressId: string }, stopped: () => boolean) {
  const s = c.session;
  for (let n = 1; !stopped(); n++) {
    if (!(await step(p, s, stopped, 'DELETE', '/api/v1/mall/cart'))) return;
    if (!(await step(p, s, stopped, 'POST', '/api/v1/mall/cart/lines', { skuUnitId: unitId, qty: 1 + (n % 3) }))) return;
    const preview = await step(p, s, stopped, 'GET', `/api/v1/mall/checkout?addressId=${c.addressId}`);
    if (!preview || preview.kind !== 'http') return;
    const body = { addressId: c.addressId, paymentMethod: 'offline', expectedTotalFen: (preview.body as { cart: { totals: { totalFen: number } } }).cart.totals.totalFen };
    const key = `${s.username}-${p.name}-${n}`;
    const submit = () => s.request('POST', '/api/v1/mall/checkout', body, { 'idempotency-key': key });
    const a = await submit();
    tally(p, `${key} checkout`, a);
    if (a.kind === 'http' && a.status === 201) {
      p.accepted.push({ key, id: String(a.body!.id), orderNo: String(a.body!.orderNo) });
    } else if (a.kind === 'http' && a.status >= 400 && a.status < 500 && a.code) {
      p.refused.push({ key, status: a.status, code: a.code });
    } else if (retryable(p, a)) {
      // No answer (or 503): the order may or may not exist. Retry with the same key until an answer comes.
      const u: Phase['unknown'][number] = { key, first: describeAnswer(a), retries: 0 };
      p.unknown.push(u);
      const retrySentAt = Date.now();
      const goOn = patience(stopped);
      for (;;) {
        await sleep(100);
        u.retries++;
        const r = await submit();
        tally(p, `${key} checkout retry`, r);
        if (retryable(p, r) && goOn()) continue;
        if (r.kind === 'http' && r.status === 201) {
          u.id = String(r.body!.id);
          // Made by the request that got no answer (it committed before the crash) or by this retry?
          u.existed = Date.parse(String(r.body!.submittedAt)) < retrySentAt;
        } else if (r.kind === 'http' && r.status >= 400 && r.status < 500 && r.code) {
          u.refusedOnRetry = r.code;
        } else {
          p.bad.push(`${key} checkout retry: ${describeAnswer(r)}`);
        }
        break;
      }
    } else {
      p.bad.push(`${key} checkout: ${describeAnswer(a)}`);
    }
  }
}

async function runLoad(p: Phase, disturb: () => Promise<void>) {
  let stop = false;
  const loops = customers.map((c) => orderLoop(p, c, () => stop));
  const started = Date.now();
  try {
    await disturb();
  } finally {
    stop = true;
    await Promise.all(loops);
  }
  return (Date.now() - started) / 1000;
}

/** Every invariant of the issue over what the clients saw in `p`. */
async function verify(p: Phase) {
  expect(p.bad, `defects in phase ${p.name}`).toEqual([]);
  // Every 2xx order exists, under the number the client was given.
  const ids = [...p.accepted.map((a) => a.id), ...p.unknown.filter((u) => u.id).map((u) => u.id!)];
  const found = await q<{ id: string; order_no: string }>('select id, order_no from orders where id = any($1)', [ids]);
  const byId = new Map(found.map((o) => [o.id, o.order_no]));
  for (const a of p.accepted) expect(byId.get(a.id), `accepted order ${a.key}`).toBe(a.orderNo);
  for (const u of p.unknown.filter((x) => x.id)) expect(byId.has(u.id!), `retried order ${u.key}`).toBe(true);
  // One order per key: no two keys share an order, and the keys of this phase made exactly these orders.
  expect(new Set(ids).size).toBe(ids.length);
  const keyed = await q<{ key: string; status: number; id: string | null }>(
    `select key, status, response->>'id' as id from idempotency_keys where key like $1`, [`%-${p.name}-%`]);
  expect(keyed.filter((k) => k.status === 0), 'idempotency keys left half-done').toEqual([]);
  const madeBy = new Map(keyed.filter((k) => k.status === 201).map((k) => [k.key, k.id]));
  // Nothing exists for a request the client was told failed.
  for (const r of p.refused) expect(madeBy.has(r.key), `refused ${r.key} (${r.code}) made an order`).toBe(false);
  for (const u of p.unknown.filter((x) => x.refusedOnRetry)) expect(madeBy.has(u.key), `unknown ${u.key} refused on retry made an order`).toBe(false);
  // The order count = accepted + the unknown ones that turned out to exist (or were made by their retry).
  expect([...madeBy.values()].sort()).toEqual([...ids].sort());
  const [{ n }] = await q<{ n: number }>(`select count(*)::int as n from orders o where exists (
    select 1 from idempotency_keys k where k.key like $1 and k.response->>'id' = o.id)`, [`%-${p.name}-%`]);
  expect(n).toBe(ids.length);
  const [{ total }] = await q<{ total: number }>('select count(*)::int as total from orders where member_id = any($1)', [await memberIds()]);
  expect(total).toBe(placedSoFar.size + ids.length);
  for (const id of ids) placedSoFar.add(id);
  // No orphaned reservation: an open order holds exactly its lines; nothing else holds stock.
  expect(await q(`
    select o.id, o.status, o.stock_reserved, l.qty, a.reserved from orders o
    left join (select tenant_id, order_id, sum(base_qty)::int as qty from order_lines group by 1, 2) l on l.tenant_id = o.tenant_id and l.order_id = o.id
    left join (select tenant_id, order_id, sum(reserved)::int as reserved from order_allocations group by 1, 2) a on a.tenant_id = o.tenant_id and a.order_id = o.id
    where coalesce(a.reserved, 0) <> case when o.stock_reserved then l.qty else 0 end`)).toEqual([]);
  expect(await q('select a.order_id from order_allocations a where not exists (select 1 from orders o where o.tenant_id = a.tenant_id and o.id = a.order_id)')).toEqual([]);
  expect(await checkStockLedgers(db)).toEqual([]);
  expect(await runCli(['check-ledgers'], { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' })).toBe(0);
}

const placedSoFar = new Set<string>();
let members: string[] = [];
const memberIds = async () => members;

function report(p: Phase, seconds: number, disturbances: string) {
  const existed = p.unknown.filter((u) => u.existed).length;
  const retried = p.unknown.filter((u) => u.id && !u.existed).length;
  console.log([
    `crash test [${p.name}] ${seconds.toFixed(1)} s, ${customers.length} customers, ${disturbances}`,
    `  accepted (2xx) ${p.accepted.length} · refused (4xx) ${p.refused.length} · unknown ${p.unknown.length} ` +
      `(${Object.entries(p.unknown.reduce<Record<string, number>>((m, u) => ({ ...m, [u.first]: (m[u.first] ?? 0) + 1 }), {})).map(([k, v]) => `${k} ×${v}`).join(', ') || '-'}): ` +
      `${existed} had been made, ${retried} made by the retry, ${p.unknown.filter((u) => u.refusedOnRetry).length} refused on retry`,
    `  answers: ${Object.entries(p.answers).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ×${v}`).join(' · ')}`,
  ].join('\n'));
}

/** A migrated database on `serverUrl` (default: the shared test server), the app on it, a product with stock and the buying customers. */
async function setUp(serverUrl?: string) {
  db = await createTestDatabase(serverUrl);
  placedSoFar.clear();
  server = await appProcess({ databaseUrl: db.url! });
  await server.start(); // migrates and seeds the demo company
  await connectChecker();

  const staff = await login(() => server.url, 'staff', 'owner');
  const product = await staff.request('POST', '/api/v1/admin/products', { name: '压测商品', onShelf: true, skus: [{ code: 'CRASH-1', baseUnit: '件', units: [{ name: '件', conversion: 1, listPriceFen: 1990 }] }] });
  if (product.kind !== 'http' || product.status !== 201) throw new Error(`product: ${describeAnswer(product)}`);
  const sku = (product.body as { skus: { id: string; units: { id: string }[] }[] }).skus[0];
  unitId = sku.units[0].id;
  const warehouses = await staff.request('GET', '/api/v1/admin/warehouses');
  for (const w of bodyOf<{ items: { id: string }[] }>(warehouses).items) {
    const r = await staff.request('POST', '/api/v1/admin/stock/adjustments', { warehouseId: w.id, skuId: sku.id, delta: 1_000_000, kind: 'inbound', reason: '压测备货' });
    if (r.kind !== 'http' || r.status >= 300) throw new Error(`stock: ${describeAnswer(r)}`);
  }
  // Buyer logins spread over the demo's four customer companies (admin logins: no internal approval step).
  await db.owner.execute(sql`
    insert into customer_members (tenant_id, id, customer_id, name, username, member_role, is_admin, password_hash)
    select m.tenant_id, 'CRASHER' || lpad(g::text, 19, '0'), c.customer_id, '压测' || g, 'crasher' || g, 'buyer', true, m.password_hash
    from customer_members m,
         generate_series(1, ${SIZE.customers}) g,
         lateral (select customer_id from customer_members where username in ('dealer1', 'dealer2', 'retailer1', 'consumer1')
                  order by username offset (g % 4) limit 1) c
    where m.username = 'dealer1'`);
  members = (await q<{ id: string }>(`select id from customer_members where username like 'crasher%'`)).map((r) => r.id);
  customers = await Promise.all(Array.from({ length: SIZE.customers }, async (_, i) => {
    const session = await login(() => server.url, 'member', `crasher${i + 1}`);
    const addresses = await session.request('GET', '/api/v1/mall/addresses');
    return { session, addressId: bodyOf<{ items: { id: string }[] }>(addresses).items[0].id };
  }));
}

/** Stops the app and drops the database. */
async function tearDown() {
  await server?.stop();
  server?.cleanup();
  await checker?.end().catch(() => { /* already cut */ });
  await db?.close();
}

/**
 * The verification connection (application_name CHECKER, which pg_terminate_backend spares). A server restart cuts
 * it (its 'error' is expected then, not a failure): connect a new one afterwards.
 */
async function connectChecker() {
  const url = new URL(db.url!);
  url.searchParams.set('application_name', CHECKER);
  const c = new pg.Client({ connectionString: url.toString() });
  c.on('error', () => { /* the server went away; the next phase connects anew */ });
  await c.connect();
  checker = c;
}

/** It recovers by itself: with the database left alone, every customer's next order goes through at the first try. */
async function ordersGoThroughAtFirstTry(p: Phase) {
  expect(describeAnswer(await send(`${server.url}/api/health/ready`))).toBe('200');
  for (const c of customers) {
    const s = c.session;
    expect(describeAnswer(await s.request('DELETE', '/api/v1/mall/cart'))).toBe('204');
    expect(describeAnswer(await s.request('POST', '/api/v1/mall/cart/lines', { skuUnitId: unitId, qty: 1 }))).toBe('200');
    const preview = await s.request('GET', `/api/v1/mall/checkout?addressId=${c.addressId}`);
    expect(describeAnswer(preview)).toBe('200');
    const totalFen = bodyOf(preview).cart.totals.totalFen as number;
    const key = `${s.username}-${p.name}-after`;
    const a = await s.request('POST', '/api/v1/mall/checkout', { addressId: c.addressId, paymentMethod: 'offline', expectedTotalFen: totalFen }, { 'idempotency-key': key });
    expect(describeAnswer(a)).toBe('201');
    p.accepted.push({ key, id: String(bodyOf(a).id), orderNo: String(bodyOf(a).orderNo) });
  }
}

describe.skipIf(testDbKind() === 'pglite')('crash safety under order load', () => {
  beforeAll(() => setUp(), 180_000);
  afterAll(tearDown);

  it(`keeps every answered order through ${SIZE.kills} SIGKILLs at random moments`, async () => {
    const p = newPhase('kill', true);
    const seconds = await runLoad(p, async () => {
      for (let k = 0; k < SIZE.kills; k++) {
        await sleep(300 + Math.random() * 1200);
        await server.crash();
        await server.start();
      }
      await sleep(1000);
    });
    report(p, seconds, `${SIZE.kills} SIGKILLs`);
    expect(p.accepted.length).toBeGreaterThan(0);
    await verify(p);
  }, FULL ? 900_000 : 240_000);

  it(`answers 503 and recovers when its database connections are cut ${SIZE.terminations} times`, async () => {
    const p = newPhase('pgterm', false);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const dbName = new URL(db.url!).pathname.slice(1);
    let cut = 0;
    try {
      const seconds = await runLoad(p, async () => {
        for (let k = 0; k < SIZE.terminations; k++) {
          await sleep(300 + Math.random() * 1200);
          const { rows } = await admin.query(`select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity
            where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend' and application_name <> $2) t`, [dbName, CHECKER]);
          cut += rows[0].n;
        }
        await sleep(1000);
      });
      report(p, seconds, `${SIZE.terminations} rounds of pg_terminate_backend (${cut} connections cut)`);
      if (p.answers['no answer']) p.bad.push(`the server stopped answering; its output:\n${server.output().slice(-4000)}`);
    } finally {
      await admin.end();
    }
    expect(cut).toBeGreaterThan(SIZE.terminations);
    await ordersGoThroughAtFirstTry(p);
    await verify(p);
  }, FULL ? 900_000 : 240_000);
});

describe.skipIf(testDbKind() === 'pglite')('crash safety when the PostgreSQL server restarts', () => {
  let pgServer: PrivatePostgres;
  beforeAll(async () => {
    pgServer = await privatePostgres();
    await setUp(pgServer.adminUrl);
  }, 240_000);
  afterAll(async () => {
    await tearDown();
    await pgServer?.destroy();
  });

  it(`answers 503 while its server is down and recovers after ${SIZE.restarts} restarts (clean and crashed)`, async () => {
    const p = newPhase('pgrestart', false);
    const modes: ('fast' | 'immediate')[] = [];
    const seconds = await runLoad(p, async () => {
      for (let k = 0; k < SIZE.restarts; k++) {
        await sleep(500 + Math.random() * 1500);
        const mode = k % 2 ? 'immediate' : 'fast';
        modes.push(mode);
        await pgServer.stop(mode);
        await sleep(300 + Math.random() * 1500);
        await pgServer.start();
      }
      await sleep(1500);
    });
    report(p, seconds, `${SIZE.restarts} server restarts (${modes.filter((m) => m === 'fast').length} clean, ${modes.filter((m) => m === 'immediate').length} crashed: -m immediate)`);
    if (p.answers['no answer']) p.bad.push(`the app stopped answering; its output:\n${server.output().slice(-4000)}`);
    // The server really was unreachable at times: the app said so (503) instead of failing otherwise.
    expect(p.answers['503 unavailable'] ?? 0).toBeGreaterThan(0);
    await connectChecker();
    await ordersGoThroughAtFirstTry(p);
    await verify(p);
  }, FULL ? 900_000 : 300_000);
});
