#!/usr/bin/env node
// npm run soak -- [--minutes 30] [--warmup <min>] [--customers 8] [--staff 2] [--think-ms 300] [--keep-db]
//
// Soak (issue 7, point 6): the app as its own process (production mode) on a throw-away PostgreSQL database, under a
// steady, moderate mix for N minutes — logged-in customers search, suggest, open product pages, fill their cart and
// place orders; staff read the order queue and its counts, filter it, open orders and approve them. Every minute it
// prints the app's RSS, the request count, p50/p99 latency and the errors. It fails (exit code 1) when any request
// fails (a 5xx, a connection error or a 60 s hang), when the app's RSS grows more than 20 % after the warm-up, or
// when `dinghuo check-ledgers` does not balance at the end. Figures are printed, not asserted (docs/reliability.md).
//
// The database server: SOAK_DATABASE_URL, else BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres;
// a database `dh_bench_<time>` is created there and dropped at the end (--keep-db keeps it).
import { randomBytes } from 'node:crypto';
import { buildServer, startApp } from '../bench/lib/app-process.mjs';
import { createBenchDatabase, DEFAULT_ADMIN_URL, withClient } from '../bench/lib/db.mjs';
import { httpUser } from '../bench/lib/flow.mjs';
import { checkLedgers } from '../bench/lib/ledgers.mjs';
import { log } from '../bench/lib/log.mjs';
import { rssMb } from '../bench/lib/proc.mjs';
import { login } from '../bench/lib/session.mjs';
import { percentile } from '../bench/lib/stats.mjs';

const USAGE = 'usage: npm run soak -- [--minutes 30] [--warmup <minutes>] [--customers 8] [--staff 2] [--think-ms 300] [--keep-db]';
const RSS_GROWTH_LIMIT = 0.2;
const RSS_SAMPLE_MS = 5_000;
const TENANT = 'demo';

function parseArgs(argv) {
  const opts = { minutes: 30, warmup: null, customers: 8, staff: 2, thinkMs: 300, keepDb: false };
  const numeric = { '--minutes': 'minutes', '--warmup': 'warmup', '--customers': 'customers', '--staff': 'staff', '--think-ms': 'thinkMs' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--keep-db') opts.keepDb = true;
    else if (flag === '--help' || flag === '-h') opts.help = true;
    else if (numeric[flag]) {
      const value = Number(inline ?? argv[++i]);
      if (!(value >= 0) || !Number.isFinite(value)) throw new Error(`${flag} needs a number`);
      opts[numeric[flag]] = value;
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!(opts.minutes > 0)) throw new Error('--minutes must be > 0');
  if (!(opts.customers >= 1)) throw new Error('--customers must be ≥ 1');
  // the first 2 minutes by default; a short smoke run keeps at least half of its time for the measurement
  opts.warmup ??= Math.min(2, opts.minutes / 2);
  if (opts.warmup >= opts.minutes) throw new Error('--warmup must be shorter than --minutes');
  return opts;
}

let opts;
try { opts = parseArgs(process.argv.slice(2)); } catch (err) { console.error(`${err.message}\n${USAGE}`); process.exit(2); }
if (opts.help) { console.log(USAGE); process.exit(0); }

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rand = (n) => Math.floor(Math.random() * n);
const pick = (list) => list[rand(list.length)];
const think = () => sleep(opts.thinkMs * (0.5 + Math.random()));
const fmt = (n) => n.toLocaleString('en');
const ms = (x) => (x === null || x === undefined ? '-' : `${Math.round(x)} ms`);

/** What happened in one minute (and, merged, in the whole run). */
class Window {
  constructor() { this.latencies = []; this.errors = 0; this.refused = {}; this.counts = {}; this.errorSamples = []; }
  count(name, n = 1) { this.counts[name] = (this.counts[name] ?? 0) + n; }
}
let minute = new Window();
const total = new Window();
const both = (fn) => { fn(minute); fn(total); };

/**
 * One request, recorded: its latency, and whether it failed. A 5xx, no answer (connection refused or reset) or no
 * answer within 60 s is an error; a 4xx is the app refusing something this script asked for, counted by code.
 */
async function call(user, kind, method, path, body, headers = {}) {
  const h = { ...(method === 'GET' ? user.session.get : user.session.unsafe), ...headers };
  let res;
  try {
    res = await user.http.request(method, path, { body, headers: h });
  } catch (err) {
    both((w) => { w.errors++; if (w.errorSamples.length < 5) w.errorSamples.push(`${kind} ${method} ${path}: ${err.code ?? ''} ${err.message}`); });
    return null;
  }
  both((w) => { w.latencies.push(res.ms); w.count(kind); });
  if (res.status >= 500) {
    both((w) => { w.errors++; if (w.errorSamples.length < 5) w.errorSamples.push(`${kind} ${method} ${path}: ${res.status} ${res.body.toString('utf8', 0, 300)}`); });
  } else if (res.status >= 400) {
    let code = '';
    try { code = JSON.parse(res.body.toString('utf8')).code ?? ''; } catch { /* not JSON */ }
    both((w) => { const k = `${kind} ${res.status} ${code}`.trim(); w.refused[k] = (w.refused[k] ?? 0) + 1; });
  }
  return res;
}

const SEARCH_TERMS = ['水', '可乐', '农夫', 'nfsq', 'hwsj', '茶', '生抽', '调和油', '华为', '手机', '压测', 'ksf', '康师傅', '饮料'];

/** A customer's visit: search, suggest, look at products; about every second visit ends with an order. */
async function customerLoop(user, ctx, running) {
  let n = 0;
  while (running()) {
    const term = pick(SEARCH_TERMS);
    const found = await call(user, 'search', 'GET', `/api/v1/mall/products?q=${encodeURIComponent(term)}&limit=20`);
    await think();
    await call(user, 'suggest', 'GET', `/api/v1/mall/suggest?q=${encodeURIComponent(term.slice(0, 1 + rand(term.length)))}`);
    await think();
    const ids = found?.ok ? found.json().items.map((p) => p.id) : [];
    for (let i = 0; i < 1 + rand(3) && running(); i++) {
      await call(user, 'product page', 'GET', `/api/v1/mall/products/${pick(ids.length ? ids : ctx.productIds)}`);
      await think();
    }
    if (!running()) break;
    if (rand(2) === 0) {
      await call(user, 'my orders', 'GET', '/api/v1/mall/orders?limit=10');
      await think();
      continue;
    }
    // the order: 1–3 lines of the soak products (stocked for the whole run), the checkout page, submit
    await call(user, 'cart', 'DELETE', '/api/v1/mall/cart');
    for (let i = 0; i < 1 + rand(3) && running(); i++) {
      await call(user, 'add to cart', 'POST', '/api/v1/mall/cart/lines', { skuUnitId: pick(ctx.unitIds), qty: 1 + rand(5) });
      await think();
    }
    const preview = await call(user, 'checkout page', 'GET', `/api/v1/mall/checkout?addressId=${user.addressId}`);
    await think();
    if (!preview?.ok || !running()) continue;
    const key = `soak-${ctx.runId}-${user.username}-${++n}`;
    const placed = await call(user, 'place order', 'POST', '/api/v1/mall/checkout',
      { addressId: user.addressId, paymentMethod: 'offline', expectedTotalFen: preview.json().cart.totals.totalFen }, { 'idempotency-key': key });
    if (placed?.status === 201) both((w) => w.count('orders placed'));
    await think();
  }
}

/** Staff: the queue and its counts, a filter now and then, and the review of what customers ordered. */
async function staffLoop(user, ctx, running) {
  const slow = () => sleep(opts.thinkMs * 2 * (0.5 + Math.random()));
  while (running()) {
    await call(user, 'order counts', 'GET', '/api/v1/admin/orders/counts');
    await slow();
    const queue = await call(user, 'order queue', 'GET', '/api/v1/admin/orders?tab=todo&limit=20');
    await slow();
    if (rand(3) === 0) {
      await call(user, 'order filter', 'GET', `/api/v1/admin/orders?tab=all&limit=20&q=${encodeURIComponent(pick(['压测', 'SOAK', '水', '客户']))}`);
      await slow();
    }
    const items = queue?.ok ? queue.json().items : [];
    // the approver works through the waiting orders, quickly enough to keep up with the customers (only one staff user
    // approves: two would race for the same order); the others open one order of the queue now and then
    const open = user.approves ? items.filter((o) => o.status === 'pending_review' || o.status === 'pending_finance').slice(0, 10) : items.filter(() => rand(10) === 0).slice(0, 1);
    for (const o of open) {
      if (!running()) break;
      const detail = await call(user, 'order page', 'GET', `/api/v1/admin/orders/${o.id}`);
      await sleep(opts.thinkMs / 4);
      if (!detail?.ok || !user.approves) continue;
      const approved = await call(user, 'approve', 'POST', `/api/v1/admin/orders/${o.id}/approve`, { version: detail.json().version });
      if (approved?.ok) both((w) => w.count('approvals'));
      await sleep(opts.thinkMs / 4);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function prepare(baseUrl, runId) {
  const owner = { session: await login(baseUrl, 'staff', 'owner', undefined, { tenant: TENANT }), http: httpUser(baseUrl, {}) };
  const ok = async (what, method, path, body) => {
    const res = await owner.http.request(method, path, { body, headers: method === 'GET' ? owner.session.get : owner.session.unsafe });
    if (!res.ok) throw new Error(`set-up, ${what}: ${res.status} ${res.body.toString('utf8', 0, 500)}`);
    return res.json();
  };
  // products to order, stocked for any run (1,000,000 units in every warehouse, booked as inbound movements)
  const warehouses = (await ok('warehouses', 'GET', '/api/v1/admin/warehouses')).items;
  const unitIds = [];
  for (let i = 1; i <= 6; i++) {
    const p = await ok('product', 'POST', '/api/v1/admin/products', {
      name: `压测商品 ${i} 号`, onShelf: true,
      skus: [{ code: `SOAK-${runId}-${i}`, baseUnit: '件', units: [{ name: '件', conversion: 1, listPriceFen: 500 + 100 * i }, { name: '箱', conversion: 12, listPriceFen: 5000 + 1000 * i }] }],
    });
    for (const w of warehouses.filter((x) => x.active !== false)) {
      await ok('stock', 'POST', '/api/v1/admin/stock/adjustments', { warehouseId: w.id, skuId: p.skus[0].id, delta: 1_000_000, kind: 'inbound', reason: '压测备货' });
    }
    unitIds.push(...p.skus[0].units.map((u) => u.id));
  }
  // customers with a buyer login (their company's admin: no internal approval) and a default address
  const regionId = (await ok('regions', 'GET', '/api/v1/admin/regions')).items.find((r) => r.code === '310000')?.id ?? null;
  const buyers = [];
  for (let i = 1; i <= opts.customers; i++) {
    const username = `soak${runId}${i}`;
    const phone = `137${String(Number.parseInt(runId.slice(-4), 36) % 10_000).padStart(4, '0')}${String(i).padStart(4, '0')}`;
    const c = await ok('customer', 'POST', '/api/v1/admin/customers', {
      name: `压测客户 ${runId} ${i}`, type: 'dealer', regionId, contactName: `采购 ${i}`, phone, member: { username, password: 'dinghuo123' },
    });
    const a = await ok('address', 'POST', `/api/v1/admin/customers/${c.id}/addresses`, { receiver: `收货人 ${i}`, phone, regionText: '上海市 浦东新区', detail: `压测路 ${i} 号` });
    buyers.push({ username, customerId: c.id, addressId: a.id });
  }
  const productIds = (await ok('mall catalog', 'GET', '/api/v1/mall/products?limit=50')).items.map((p) => p.id);
  owner.http.close();
  return { unitIds, buyers, productIds };
}

function minuteLine(index, rss, w, seconds) {
  const sorted = Float64Array.from(w.latencies).sort();
  const refused = Object.values(w.refused).reduce((a, b) => a + b, 0);
  return `minute ${String(index).padStart(3)}  rss ${String(rss ?? '?').padStart(4)} MB  requests ${fmt(sorted.length).padStart(6)} (${(sorted.length / seconds).toFixed(1)}/s)`
    + `  p50 ${ms(percentile(sorted, 50)).padStart(7)}  p99 ${ms(percentile(sorted, 99)).padStart(7)}  errors ${w.errors}  4xx ${refused}`
    + `  orders ${w.counts['orders placed'] ?? 0}  approvals ${w.counts.approvals ?? 0}`;
}

async function main() {
  const runId = Date.now().toString(36);
  const adminUrl = process.env.SOAK_DATABASE_URL || process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL;
  console.log(`soak: ${opts.minutes} min (warm-up ${opts.warmup} min), ${opts.customers} customers + ${opts.staff} staff, think time ~${opts.thinkMs} ms, database server ${adminUrl.replace(/:[^:@/]*@/, ':***@')}`);
  await buildServer();
  const db = await createBenchDatabase(adminUrl);
  let app = null;
  const users = [];
  let stopping = false;
  const cleanup = async () => {
    for (const u of users) u.http.close();
    if (app) await app.stop();
    if (!opts.keepDb) await db.drop();
    else log(`database kept: ${db.url}`);
  };
  process.once('SIGINT', () => { stopping = true; log('interrupted: stopping the load'); });
  try {
    app = await startApp({ databaseUrl: db.url, env: { SESSION_SECRET: randomBytes(32).toString('base64url'), LOGIN_RATE_LIMIT_PER_MINUTE: '10000', CARRIER_SIMULATOR: 'off' } });
    const ctx = await prepare(app.baseUrl, runId);
    ctx.runId = runId;
    for (const b of ctx.buyers) {
      users.push({ ...b, role: 'customer', session: await login(app.baseUrl, 'member', b.username, undefined, { tenant: TENANT }), http: httpUser(app.baseUrl, {}) });
    }
    // the owner approves (every review step, finance too); the other staff users read the queue and open orders
    const staffNames = ['owner', 'clerk', 'sales', 'admin', 'manager'].slice(0, Math.max(0, opts.staff));
    for (const [i, username] of staffNames.entries()) {
      users.push({ username, role: 'staff', approves: i === 0, session: await login(app.baseUrl, 'staff', username, undefined, { tenant: TENANT }), http: httpUser(app.baseUrl, {}) });
    }
    log(`prepared: ${ctx.unitIds.length} sell units, ${ctx.buyers.length} customers, ${staffNames.length} staff; load starts`);

    const started = Date.now();
    const endsAt = started + opts.minutes * 60_000;
    const warmupEnds = started + opts.warmup * 60_000;
    const running = () => !stopping && Date.now() < endsAt;
    const samples = []; // { at, rss }
    const sample = () => samples.push({ at: Date.now(), rss: rssMb(app.pid) });
    sample();
    const sampler = setInterval(sample, RSS_SAMPLE_MS);
    let index = 0;
    let minuteStarted = started;
    const ticker = setInterval(() => {
      const now = Date.now();
      const rss = rssMb(app.pid);
      console.log(`${minuteLine(++index, rss, minute, (now - minuteStarted) / 1000)}${now <= warmupEnds + 1000 ? '  (warm-up)' : ''}`);
      for (const s of minute.errorSamples) console.log(`    error: ${s}`);
      minute = new Window();
      minuteStarted = now;
    }, 60_000);
    const loops = users.map((u) => (u.role === 'customer' ? customerLoop(u, ctx, running) : staffLoop(u, ctx, running)));
    await Promise.all(loops);
    clearInterval(ticker);
    clearInterval(sampler);
    sample();
    const elapsed = (Date.now() - started) / 1000;
    if (Date.now() - minuteStarted > 5_000) console.log(`${minuteLine(++index, rssMb(app.pid), minute, (Date.now() - minuteStarted) / 1000)}  (last ${Math.round((Date.now() - minuteStarted) / 1000)} s)`);
    if (!app.alive()) {
      total.errors++;
      total.errorSamples.push(`the app process exited:\n${app.output().slice(-2000)}`);
    }

    // RSS: the last minute of the warm-up against the last minute of the run (averages, so one GC cycle does not decide)
    const avg = (list) => (list.length ? Math.round(list.reduce((a, s) => a + s.rss, 0) / list.length) : null);
    const inRange = (from, to) => samples.filter((s) => s.rss && s.at >= from && s.at <= to);
    const endAt = samples.at(-1).at;
    const measured = endAt - warmupEnds >= 30_000;
    const baseline = avg(inRange(warmupEnds - 60_000, warmupEnds));
    const final = avg(inRange(endAt - 60_000, endAt));
    const peak = Math.max(...samples.map((s) => s.rss ?? 0));
    const growth = measured && baseline ? (final - baseline) / baseline : null;

    // orders the customers were told were placed exist; ledgers balance
    const placed = total.counts['orders placed'] ?? 0;
    const inDb = await withClient(db.url, async (c) => (await c.query(`select count(*)::int as n from orders o join customers c on c.tenant_id = o.tenant_id and c.id = o.customer_id
      where c.name like $1`, [`压测客户 ${runId} %`])).rows[0].n);
    const ledgers = await checkLedgers(db.url);

    const sorted = Float64Array.from(total.latencies).sort();
    const refused = Object.entries(total.refused).sort((a, b) => b[1] - a[1]);
    console.log('');
    console.log(`summary: ${(elapsed / 60).toFixed(1)} min, ${fmt(sorted.length)} requests (${(sorted.length / elapsed).toFixed(1)}/s), p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1))}`);
    console.log(`  by kind: ${Object.entries(total.counts).filter(([k]) => k !== 'orders placed' && k !== 'approvals').map(([k, v]) => `${k} ${fmt(v)}`).join(' · ')}`);
    console.log(`  errors (5xx, no answer, hang): ${total.errors}${total.errorSamples.length ? `\n    ${total.errorSamples.join('\n    ')}` : ''}`);
    console.log(`  refused (4xx): ${refused.length ? refused.map(([k, v]) => `${k} ×${v}`).join(' · ') : 0}`);
    console.log(`  orders: ${fmt(placed)} placed (201), ${fmt(inDb)} in the database; ${fmt(total.counts.approvals ?? 0)} approvals`);
    console.log(`  RSS: ${samples[0].rss} MB at the start, ${baseline ?? '-'} MB after the warm-up, ${final ?? '-'} MB at the end, peak ${peak} MB`
      + (growth === null ? ' (run too short to measure growth after the warm-up)' : ` → ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % (limit +${RSS_GROWTH_LIMIT * 100} %)`));
    console.log(`  check-ledgers: ${ledgers.verdict} (exit ${ledgers.exitCode}, ${ledgers.seconds} s)${ledgers.problems.length ? `\n    ${ledgers.problems.slice(0, 10).join('\n    ')}` : ''}${ledgers.exitCode !== 0 && ledgers.stderr ? `\n    ${ledgers.stderr}` : ''}`);

    const failures = [];
    if (total.errors) failures.push(`${total.errors} failed request(s)`);
    if (growth !== null && growth > RSS_GROWTH_LIMIT) failures.push(`RSS grew ${(growth * 100).toFixed(1)} % after the warm-up`);
    if (ledgers.exitCode !== 0) failures.push('the ledgers do not balance');
    if (inDb !== placed) failures.push(`${placed} orders answered 201 but ${inDb} in the database`);
    if (stopping) failures.push('interrupted');
    console.log(failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS');
    return failures.length ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().then((code) => process.exit(code), (err) => { console.error(err.stack ?? err); process.exit(1); });
