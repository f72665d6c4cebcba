import pg from 'pg';
import { waitIdle, withClient } from '../lib/db.mjs';
import { httpUser } from '../lib/flow.mjs';
import { load1, measureUsers } from '../lib/measure.mjs';
import { rssMb } from '../lib/proc.mjs';
import { login } from '../lib/session.mjs';
import { importApp } from '../lib/ts.mjs';
import { generateCatalog } from './catalog/generate.mjs';
import { bigOrder } from './orders/big-order.mjs';
import { fullCheckout, submitAlone } from './orders/flows.mjs';
import { ordersReport } from './orders/report.mjs';
import { clearCarts, createBuyers, orderableUnits, refillCart, stockUp } from './orders/setup.mjs';

export const description = 'Orders: full checkout (3 × add to cart + checkout page + submit) and submit alone with 16 concurrent customers, each its own member session; a 1,000-line order (change a quantity, submit, open in the console); pgbench tpcb-like on the same server as the machine\'s limit.';

// Its own catalog generator run and customers: it cannot share a database with the scenarios of shared/world.mjs.
export const ownDatabase = true;

const TENANT = 'demo';

export async function run({ opts, quick, db, app, log, machineLimit }) {
  const size = {
    products: quick ? 1_000 : 10_000, customers: opts.connections, bigLines: 1_000,
    changes: quick ? 30 : 100, submits: quick ? 1 : 3, opens: quick ? 20 : 50,
  };
  const seconds = opts.duration ?? (quick ? 5 : 15);
  const warmupSeconds = quick ? 1 : 2;
  const runId = Date.now().toString(36);
  const loadAvg = { start: load1() };

  const [{ buildSearchText }, { newId }] = await Promise.all([importApp('src/modules/catalog/domain/search-text.ts'), importApp('src/platform/ids.ts')]);
  const owner = new pg.Pool({ connectionString: db.url, max: 4 });
  try {
    const { rows: [tenant] } = await owner.query(`select id from tenants where slug = $1`, [TENANT]);
    if (!tenant) throw new Error('the demo tenant is missing: did the app seed it (DEMO_SEED=auto)?');
    const tenantId = tenant.id;
    const prep = await withClient(db.url, async (client) => {
      const t0 = performance.now();
      log(`generating ${size.products.toLocaleString('en')} products × 2 SKUs × 2 units (the catalog generator)`);
      const catalog = await generateCatalog(client, { tenantId, count: size.products, newId, buildSearchText });
      log(`creating ${size.customers} bench customers + 1 for the big order (SQL, dealer1's password hash)`);
      const buyers = await createBuyers(client, { tenantId, newId, names: [...Array.from({ length: size.customers }, (_, i) => `bench${String(i + 1).padStart(2, '0')}`), 'benchbig'] });
      await client.query('analyze customers, customer_members, customer_addresses');
      const stock = await stockUp(client, { tenantId, newId });
      log(stock ? `stock: ${stock.rows.toLocaleString('en')} stock rows in ${stock.warehouses} active warehouses` : 'stock: not tracked (no inventory tables or no active warehouse)');
      const units = await orderableUnits(client, tenantId);
      return { catalog: catalog.totals, buyers, units, stock, seconds: Math.round((performance.now() - t0) / 100) / 10 };
    });
    log(`prepared in ${prep.seconds} s: ${JSON.stringify(prep.catalog)}; ${prep.units.length.toLocaleString('en')} orderable units`);
    const bigBuyer = prep.buyers.pop();

    log(`logging in ${prep.buyers.length + 1} members and staff admin`);
    const users = await Promise.all(prep.buyers.map(async (b, index) => {
      const session = await login(app.baseUrl, 'member', b.username, undefined, { tenant: TENANT });
      return { ...b, index, session, http: httpUser(app.baseUrl, {}) };
    }));
    const bigSession = await login(app.baseUrl, 'member', bigBuyer.username, undefined, { tenant: TENANT });
    const staff = await login(app.baseUrl, 'staff', 'admin', undefined, { tenant: TENANT });
    const memberIds = users.map((u) => u.memberId);
    const rssIdle = rssMb(app.pid);

    const measure = (name, iteration, between, who = users, secs = seconds) =>
      measureUsers({ db, app, name, users: who, seconds: secs, warmupSeconds, iteration, between });

    // 1. Full checkout: one customer alone first (the latency of the work itself, no queueing), then all at once.
    const alone = await measure('full checkout, one customer alone', fullCheckout(prep.units, runId), () => clearCarts(owner, tenantId, memberIds), users.slice(0, 1), quick ? 3 : 5);
    const full = await measure('full checkout', fullCheckout(prep.units, runId), () => clearCarts(owner, tenantId, memberIds));
    log(`full checkout: ${full.perSecond.orders ?? 0} orders/s, ${full.errors} errors`);

    // 2. Submit alone: each customer's own three lines, refilled by SQL before every submit.
    const refill = (u) => refillCart(owner, { tenantId, newId, memberId: u.memberId, customerId: u.customerId, lines: u.ready });
    await clearCarts(owner, tenantId, memberIds);
    for (const u of users) {
      u.ready = [0, 1, 2].map((k) => ({ id: prep.units[(u.index * 37 + k * 101) % prep.units.length].id, qty: 1 + ((u.index + k) % 3), price: 0 }));
      await refill(u);
      const res = await u.http.request('GET', `/api/v1/mall/checkout?addressId=${u.addressId}`, { headers: u.session.get });
      if (res.status !== 200) throw new Error(`checkout page for ${u.username}: ${res.status} ${res.body}`);
      const view = res.json().cart;
      if (view.lines.length !== 3 || view.blocking) throw new Error(`the ready cart of ${u.username} is not orderable: ${JSON.stringify(view.lines.map((l) => l.problems))}`);
      for (const l of u.ready) l.price = view.lines.find((x) => x.skuUnitId === l.id).unitPriceFen;
      u.readyTotalFen = view.totals.totalFen;
    }
    const submit = await measure('submit alone', submitAlone(refill, runId), async () => {});
    log(`submit alone: ${submit.perSecond.orders ?? 0} orders/s, ${submit.errors} errors`);
    await clearCarts(owner, tenantId, memberIds);
    for (const u of users) u.http.close();

    // 3. The 1,000-line order, one request at a time.
    await waitIdle(db.url);
    const rssBeforeBig = rssMb(app.pid);
    const big = await bigOrder({
      baseUrl: app.baseUrl, buyer: bigBuyer, session: bigSession, staff, units: prep.units, lines: size.bigLines,
      changes: size.changes, submits: size.submits, opens: size.opens,
    });
    big.rssBeforeMb = rssBeforeBig;
    big.rssAfterMb = rssMb(app.pid);
    log(`big order: change p95 ${big.change.p95} ms, submit ${big.submit.p50} ms, console open p95 ${big.consoleOpen.p95} ms, ${big.failures.length} failures`);
    loadAvg.beforePgbench = load1();

    // 4. The machine's limit, measured once per run by the runner (the app is idle meanwhile).
    const pgbench = await machineLimit();
    log(`pgbench: ${pgbench.tps} TPS`);
    loadAvg.end = load1();
    const { rows: [counts] } = await owner.query(`select (select count(*) from orders)::int as orders, (select count(*) from order_lines)::int as order_lines`);

    return ordersReport({ size, seconds, warmupSeconds, prep, rssIdle, alone, full, submit, big, pgbench, loadAvg, counts });
  } finally {
    await owner.end();
  }
}
