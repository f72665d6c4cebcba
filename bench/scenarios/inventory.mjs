import pg from 'pg';
import { waitIdle, withClient } from '../lib/db.mjs';
import { httpUser } from '../lib/flow.mjs';
import { checkLedgers } from '../lib/ledgers.mjs';
import { load1, measureUsers } from '../lib/measure.mjs';
import { loginMany } from '../lib/session.mjs';
import { importApp } from '../lib/ts.mjs';
import { runRace } from './inventory/race.mjs';
import { inventoryReport } from './inventory/report.mjs';
import { prepareInventory, unitPrices } from './inventory/setup.mjs';
import { submitAlone } from './orders/flows.mjs';
import { clearCarts, refillCart } from './orders/setup.mjs';

export const description = 'Inventory: the oversell race (200 customers at once for 50 units in 2 warehouses), then reservation throughput with 32 concurrent customers submitting 1-line orders of one hot SKU, and of 1,000 distinct SKUs; check-ledgers afterwards; pgbench tpcb-like on the same server as the machine\'s limit.';

// 2 server processes, so the race is fought between processes too (BENCH_WORKERS overrides). The runner lifts the
// login limiter for every scenario (200 member logins within a minute here).
export const appEnv = { WORKERS: '2' };
// Its own catalog generator run and customers: it cannot share a database with the scenarios of shared/world.mjs.
export const ownDatabase = true;

const TENANT = 'demo';
const SIZE = { products: 1_000, customers: 200, clients: 32, distinct: 1_000, raceStock: [30, 20] };

export async function run({ opts, quick, db, app, log, machineLimit }) {
  const size = { ...SIZE, raceRounds: quick ? 1 : 3 };
  const seconds = opts.duration ?? (quick ? 10 : 30);
  const warmupSeconds = 2;
  const workers = Number(process.env.BENCH_WORKERS ?? appEnv.WORKERS);
  const runId = Date.now().toString(36);
  const loadAvg = { start: load1() };

  const [{ buildSearchText }, { newId }] = await Promise.all([importApp('src/modules/catalog/domain/search-text.ts'), importApp('src/platform/ids.ts')]);
  const owner = new pg.Pool({ connectionString: db.url, max: 8 });
  try {
    const { rows: [tenant] } = await owner.query('select id from tenants where slug = $1', [TENANT]);
    if (!tenant) throw new Error('the demo tenant is missing: did the app seed it (DEMO_SEED=auto)?');
    const tenantId = tenant.id;
    const t0 = performance.now();
    const prep = await withClient(db.url, (client) => prepareInventory(client, {
      tenantId, newId, buildSearchText, products: size.products, customers: size.customers, raceRounds: size.raceRounds,
      raceStock: size.raceStock, distinct: size.distinct, log,
    }));
    prep.seconds = Math.round((performance.now() - t0) / 100) / 10;
    log(`prepared in ${prep.seconds} s: ${prep.stockRows.toLocaleString('en')} stock rows in ${prep.warehouses.map((w) => w.code).join(' + ')}`);

    log(`logging in ${prep.buyers.length} members (8 at a time)`);
    const sessions = await loginMany(app.baseUrl, 'member', prep.buyers.map((b) => b.username), { tenant: TENANT });
    const users = prep.buyers.map((b, index) => ({ ...b, index, session: sessions[index], http: httpUser(app.baseUrl, {}) }));
    const memberIds = users.map((u) => u.memberId);
    await unitPrices(owner, { tenantId, newId, user: users.at(-1), units: [...prep.race, prep.hot, ...prep.spread] });

    // 1. The race, once per race SKU, then the app's own ledger check.
    const races = [];
    for (const [i, unit] of prep.race.entries()) {
      await waitIdle(db.url);
      const r = await runRace({ owner, tenantId, newId, users, unit, stockTotal: size.raceStock.reduce((a, b) => a + b, 0), runId, round: i + 1 });
      log(`race ${r.round}: ${r.accepted} accepted, ${r.refused} refused, ${r.other} other, ${r.seconds} s, ${r.stock.map((s) => `${s.code} ${s.on_hand}/${s.reserved}`).join(', ')}: ${r.verdict}`);
      races.push(r);
    }
    await clearCarts(owner, tenantId, memberIds);
    await waitIdle(db.url);
    const ledgersAfterRace = await checkLedgers(db.url);
    log(`check-ledgers after the race: ${ledgersAfterRace.verdict}`);

    // 2. and 3. Closed loop: refill the cart by SQL (unmeasured), submit 1 unit.
    const clients = users.slice(0, size.clients);
    const fill = (u, unit) => {
      u.ready = [{ id: unit.id, qty: 1, price: unit.price }];
      u.readyTotalFen = unit.price;
      return refillCart(owner, { tenantId, newId, memberId: u.memberId, customerId: u.customerId, lines: u.ready });
    };
    const measure = (name, refill) => measureUsers({
      db, app, name, users: clients, seconds, warmupSeconds, iteration: submitAlone(refill, `${runId}-${name.replace(/\W+/g, '')}`),
      between: () => clearCarts(owner, tenantId, memberIds),
    });
    const hot = await measure('one hot SKU', (u) => fill(u, prep.hot));
    log(`hot SKU: ${hot.perSecond.orders ?? 0} orders/s, ${hot.errors} errors`);
    let next = 0;
    const spread = await measure('1,000 distinct SKUs', (u) => fill(u, prep.spread[next++ % prep.spread.length]));
    log(`distinct SKUs: ${spread.perSecond.orders ?? 0} orders/s, ${spread.errors} errors`);
    await clearCarts(owner, tenantId, memberIds);
    for (const u of users) u.http.close();

    // What the loads reserved must be what their orders hold, SKU by SKU.
    await waitIdle(db.url);
    const held = async (skuIds) => (await owner.query(`select
        (select coalesce(sum(reserved), 0)::int from stock_levels where tenant_id = $1 and sku_id = any($2::text[])) as reserved,
        (select coalesce(sum(base_qty), 0)::int from order_lines where tenant_id = $1 and sku_id = any($2::text[])) as ordered,
        (select count(*)::int from stock_levels where tenant_id = $1 and sku_id = any($2::text[]) and (on_hand < 0 or reserved < 0 or reserved > on_hand)) as bad_rows`,
    [tenantId, skuIds])).rows[0];
    const holdings = { hot: await held([prep.hot.sku_id]), distinct: await held(prep.spread.map((u) => u.sku_id)) };
    const ledgersAtEnd = await checkLedgers(db.url);
    log(`check-ledgers at the end: ${ledgersAtEnd.verdict}`);
    loadAvg.beforePgbench = load1();

    // 4. The machine's limit, measured once per run by the runner (the app is idle meanwhile).
    const pgbench = await machineLimit();
    log(`pgbench: ${pgbench.tps} TPS`);
    loadAvg.end = load1();

    return inventoryReport({ size, seconds, warmupSeconds, workers, prep, races, hot, spread, holdings, ledgers: { afterRace: ledgersAfterRace, atEnd: ledgersAtEnd }, pgbench, loadAvg });
  } finally {
    await owner.end();
  }
}
