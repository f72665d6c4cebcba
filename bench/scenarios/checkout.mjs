import { httpUser } from '../lib/flow.mjs';
import { load1, measureUsers } from '../lib/measure.mjs';
import { fullCheckout } from './orders/flows.mjs';
import { clearCarts } from './orders/setup.mjs';
import { world } from './shared/world.mjs';

export const description = 'Checkout: 16 customers at once (--connections), each its own member session and connection, each in a closed loop adding 3 lines to its cart (3 × POST /mall/cart/lines), opening the checkout page and submitting (POST /mall/checkout with the total it showed). Every submit reserves stock.';

const round = (x) => Math.round(x * 10) / 10;

export async function run(ctx) {
  const { opts, quick, db, app, log } = ctx;
  const seconds = opts.duration ?? (quick ? 3 : 15);
  const warmupSeconds = quick ? 1 : 2;
  const w = world(ctx);
  const { tenantId } = await w.base();
  const units = await w.units();
  const buyers = await w.buyers(opts.connections);
  const sessions = await w.sessions(app, buyers);
  const users = buyers.map((b, index) => ({ ...b, index, session: sessions[index], http: httpUser(app.baseUrl, {}) }));
  const memberIds = users.map((u) => u.memberId);

  const r = await measureUsers({
    db, app, name: 'checkout', users, seconds, warmupSeconds, iteration: fullCheckout(units, Date.now().toString(36)),
    between: () => clearCarts(w.owner, tenantId, memberIds),
  });
  await clearCarts(w.owner, tenantId, memberIds);
  for (const u of users) u.http.close();
  const orders = r.perSecond.orders ?? 0;
  const whole = r.series['whole checkout (5 calls)'] ?? {};
  log(`checkout: ${orders} orders/s, ${r.errors} errors`);

  const pick = (s) => ({ rate: s?.rps, p50: s?.p50, p95: s?.p95, p99: s?.p99, max: s?.max });
  const kindRow = (kind) => ({ measure: `  · ${kind}`, unit: 'req/s', ...pick(r.byKind[kind]), errors: r.byKind[kind]?.errors });
  const summary = [
    { measure: `orders: 3 × add to cart, checkout page, submit (${users.length} customers)`, unit: 'orders/s', write: true, ...pick(whole), rate: orders, errors: r.errors, rss: r.rssPeakMb,
      note: 'latency: the whole checkout (5 calls)' },
    ...['add to cart', 'checkout page', 'submit'].map(kindRow),
  ];
  const failures = Object.entries(r.failures).map(([what, v]) => `FAILURES: ${v.count} × ${what}${v.samples.length ? ` — e.g. ${v.samples[0]}` : ''}`);
  return {
    summary,
    tables: [
      { title: `${users.length} customers at once, ${r.seconds} s after a ${warmupSeconds} s warm-up (ms)`, rows: summary,
        columns: [['measure', 'measure'], ['unit', 'unit'], ['rate', 'rate'], ['p50', 'p50', 1], ['p95', 'p95', 1], ['p99', 'p99', 1], ['max', 'max', 1], ['errors', 'errors']] },
      { title: 'Where the database time goes: bench-database backends by state, average count (pg_stat_activity every 50 ms)',
        rows: Object.entries(r.activity.backendsAvg).map(([state, avg]) => ({ state, avg })), columns: [['state', 'state'], ['avg', 'backends', 1]] },
    ],
    notes: [
      `${r.counters.orders ?? 0} orders and ${r.requests} calls in ${r.seconds} s (${r.rps} calls/s); ${units.length.toLocaleString('en')} orderable units to pick from; ≈ ${round(r.activity.transactions / Math.max(1, r.counters.orders ?? 0))} transactions per order.`,
      `CPU % of one core, app / PostgreSQL / load generator / rest of the machine: ${r.appCpuPct} / ${r.dbCpuPct} / ${r.loadGenCpuPct} / ${r.otherCpuPct}; load average ${r.loadAvgBefore} → ${load1()}.`,
      ...(r.otherCpuPct > 25 ? [`WARNING: other processes used ${r.otherCpuPct} % CPU during the load: its figures are disturbed.`] : []),
      ...(failures.length ? failures : ['Every call answered 2xx.']),
    ],
    json: { size: { customers: users.length, orderableUnits: units.length }, load: { seconds, warmupSeconds }, results: { checkout: r } },
  };
}
