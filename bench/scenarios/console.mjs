import { waitIdle, withClient } from '../lib/db.mjs';
import { httpUser } from '../lib/flow.mjs';
import { runLoad } from '../lib/load.mjs';
import { load1 } from '../lib/measure.mjs';
import { rssMb } from '../lib/proc.mjs';
import { summarize } from '../lib/stats.mjs';
import { generateOrders } from './console/generate.mjs';
import { queueKinds, queueRefs } from './console/queries.mjs';
import { world } from './shared/world.mjs';

export const description = 'Console: the order queue (GET /admin/orders: list, next page, tabs, every filter, search, tab counts) as staff admin, over 1,000,000 orders generated in SQL (quick 50,000): each kind alone (one request at a time), then all kinds mixed under load.';

const round = (x) => (x === null || x === undefined ? x : Math.round(x * 10) / 10);

/** Each kind `samples` times in a row after one unmeasured request, on one keep-alive connection (a staff browser tab). */
async function alone(http, headers, kinds, samples) {
  const out = {};
  for (const [kind, path] of kinds) {
    const times = [];
    let non2xx = 0;
    let items = null;
    for (let i = 0; i <= samples; i++) {
      const res = await http.request('GET', path, { headers });
      if (!res.ok) non2xx++;
      else if (i === 0) { const body = res.json(); items = body.items?.length ?? (body.all !== undefined ? `all ${body.all.toLocaleString('en')}` : null); }
      if (i > 0) times.push(res.ms);
    }
    out[kind] = { ...summarize(times, 1, non2xx), items };
  }
  return out;
}

export async function run(ctx) {
  const { opts, quick, db, app, log } = ctx;
  const size = { orders: quick ? 50_000 : 1_000_000, customers: quick ? 500 : 5_000, samples: quick ? 5 : 20 };
  const seconds = opts.duration ?? (quick ? 3 : 15);
  const w = world(ctx);
  const { tenantId } = await w.base();
  // Lines of the shared catalog's orderable units, never a race SKU (the race counts every order holding its SKU).
  const unitIds = (await w.units()).slice(0, 2_000).map((u) => u.id);

  log(`generating ${size.orders.toLocaleString('en')} orders (1 line each) for ${size.customers.toLocaleString('en')} customers with generate_series`);
  const t0 = performance.now();
  await withClient(db.url, (c) => generateOrders(c, { tenantId, count: size.orders, customers: size.customers, unitIds }));
  const generateSeconds = round((performance.now() - t0) / 1000);
  const { rows: [counts] } = await w.owner.query('select (select count(*) from orders where tenant_id = $1)::int as orders, pg_total_relation_size($2)::bigint as bytes', [tenantId, 'orders']);
  log(`generated in ${generateSeconds} s: ${counts.orders.toLocaleString('en')} orders in the table (${Math.round(counts.bytes / 2 ** 20)} MB with indexes)`);

  const staff = await w.staff(app);
  const http = httpUser(app.baseUrl, {});
  const refs = await queueRefs(w.owner, tenantId);
  const first = await http.request('GET', '/api/v1/admin/orders', { headers: staff.get });
  if (first.status !== 200) throw new Error(`the order queue answered ${first.status}: ${first.body.toString('utf8', 0, 300)}`);
  refs.cursor = first.json().nextCursor;
  const kinds = queueKinds(refs);

  await waitIdle(db.url);
  log(`one at a time: ${kinds.length} kinds × ${size.samples}`);
  const solo = await alone(http, staff.get, kinds, size.samples);
  http.close();

  log(`load: the queue, all kinds mixed, ${opts.connections} connections, ${seconds} s`);
  let n = 0;
  const loadAvgBefore = load1();
  const mixed = await runLoad({
    baseUrl: app.baseUrl, headers: staff.get, connections: opts.connections, seconds, warmupSeconds: quick ? 1 : 2, pid: app.pid, dbName: db.name,
    next: () => { const [kind, path] = kinds[n++ % kinds.length]; return { kind, path }; }, drain: () => waitIdle(db.url),
  });

  const rows = kinds.map(([kind]) => ({ kind, items: solo[kind].items, p50: solo[kind].p50, p95: solo[kind].p95, max: solo[kind].max, non2xx: solo[kind].non2xx,
    lp50: mixed.byKind[kind]?.p50, lp95: mixed.byKind[kind]?.p95, lp99: mixed.byKind[kind]?.p99, lnon2xx: mixed.byKind[kind]?.non2xx }));
  const summary = [
    { measure: `queue under load: ${kinds.length} kinds mixed`, unit: 'req/s', rate: mixed.rps, p50: mixed.p50, p95: mixed.p95, p99: mixed.p99, max: mixed.max, errors: mixed.errors, rss: mixed.rssPeakMb,
      note: `${size.orders.toLocaleString('en')} orders; target list p95 ≤ 300 ms` },
    ...rows.map((r) => ({ measure: `  · ${r.kind}`, unit: 'alone', p50: r.p50, p95: r.p95, max: r.max, errors: r.non2xx, note: `${r.items ?? '–'} on the page; under load p95 ${r.lp95 ?? '–'} ms` })),
  ];
  return {
    summary,
    tables: [{
      title: `The order queue over ${counts.orders.toLocaleString('en')} orders: alone (${size.samples} in a row, ms) and mixed under load (${opts.connections} connections, ${seconds} s, ms)`,
      rows,
      columns: [['kind', 'kind'], ['items', 'on page'], ['p50', 'alone p50', 1], ['p95', 'p95', 1], ['max', 'max', 1], ['non2xx', 'non-2xx'],
        ['lp50', 'load p50', 1], ['lp95', 'p95', 1], ['lp99', 'p99', 1], ['lnon2xx', 'non-2xx']],
    }],
    notes: [
      `Data: ${size.orders.toLocaleString('en')} orders of one line each for ${size.customers.toLocaleString('en')} customers (skewed: BC00000001 has the most), spread over the last year, generated in ${generateSeconds} s; orders table ${Math.round(counts.bytes / 2 ** 20)} MB with its indexes.`,
      `Mixed load: ${mixed.requests.toLocaleString('en')} requests in ${mixed.seconds} s, ${mixed.rps} req/s, ${mixed.errors} errors (${mixed.unfinished} unfinished at the end); app RSS peak ${mixed.rssPeakMb} MB (${rssMb(app.pid)} MB after).`,
      `CPU % of one core, app / PostgreSQL / load generator / rest of the machine: ${mixed.appCpuPct} / ${mixed.dbCpuPct} / ${mixed.loadGenCpuPct} / ${mixed.otherCpuPct}; load average ${loadAvgBefore} → ${load1()}.`,
      ...(mixed.otherCpuPct > 25 ? [`WARNING: other processes used ${mixed.otherCpuPct} % CPU during the load: its figures are disturbed.`] : []),
    ],
    json: { size: { ...size, ordersInTable: counts.orders, ordersTableMb: Math.round(counts.bytes / 2 ** 20), generateSeconds }, refs, results: { alone: solo, mixed } },
  };
}
