import pg from 'pg';
import { withClient } from '../../lib/db.mjs';
import { log } from '../../lib/log.mjs';
import { login, loginMany } from '../../lib/session.mjs';
import { importApp } from '../../lib/ts.mjs';
import { generateCatalog } from '../catalog/generate.mjs';
import { createBuyers, orderableUnits, stockUp } from '../orders/setup.mjs';

/**
 * The data the scenarios of one run share on one bench database, each part made once, on first use, whichever
 * scenario asks first: the catalog (the catalog generator: 50,000 products = 100,000 SKUs, quick 5,000), stock
 * (a few race SKUs with 30 + 20 units, every other SKU 10,000,000 per warehouse), bench customers and their
 * logins. Sharing is honest here because each scenario measures only its own requests, and it spares a run the
 * minutes of generating the same rows and starting the app again for every scenario.
 */
export const TENANT = 'demo';
export const RACE_STOCK = [30, 20]; // per active warehouse by priority (the demo has SH01 and GZ01)
const RACE_SKUS = 3; // the full race runs 3 rounds, each for a SKU of its own

export const world = (ctx) => (ctx.shared.world ??= createWorld(ctx));

function createWorld({ db, quick, onClose }) {
  const owner = new pg.Pool({ connectionString: db.url, max: 8 });
  onClose(() => owner.end());
  const memo = {};
  const once = (key, fn) => (memo[key] ??= fn());
  const pad = (n) => String(n).padStart(3, '0');

  const w = {
    owner,
    products: quick ? 5_000 : 50_000,

    /** The demo tenant and the app's own id and search-text functions. */
    base: () => once('base', async () => {
      const [{ buildSearchText }, { newId }] = await Promise.all([importApp('src/modules/catalog/domain/search-text.ts'), importApp('src/platform/ids.ts')]);
      const { rows: [t] } = await owner.query('select id from tenants where slug = $1', [TENANT]);
      if (!t) throw new Error('the demo tenant is missing: did the app seed it (DEMO_SEED=auto)?');
      return { tenantId: t.id, newId, buildSearchText };
    }),

    /** generateCatalog's result ({ refs, totals, … }) plus the seconds it took. */
    catalog: () => once('catalog', async () => {
      const { tenantId, newId, buildSearchText } = await w.base();
      log(`generating ${w.products.toLocaleString('en')} products × 2 SKUs × 2 units (the catalog generator)`);
      const t0 = performance.now();
      const out = await withClient(db.url, (c) => generateCatalog(c, { tenantId, count: w.products, newId, buildSearchText }));
      return { ...out, seconds: Math.round((performance.now() - t0) / 100) / 10 };
    }),

    /**
     * Stock for the generated SKUs: the race SKUs first (30 + 20 units), then every other SKU without a row yet.
     * → { tracked, race: [base units of the race SKUs], rows, seconds }; tracked false when the company has no
     * active warehouse (then nothing is reserved and there is nothing to race for).
     */
    stock: () => once('stock', async () => {
      const { tenantId, newId } = await w.base();
      await w.catalog();
      const t0 = performance.now();
      return withClient(db.url, async (c) => {
        // The demo seed's SKUs already have stock: race SKUs come from the generated ones, ordered by their base unit.
        const seen = new Set((await c.query('select distinct sku_id from stock_levels where tenant_id = $1', [tenantId]).catch(() => ({ rows: [] }))).rows.map((r) => r.sku_id));
        const race = (await orderableUnits(c, tenantId)).filter((u) => u.conversion === 1 && !seen.has(u.sku_id) && seen.add(u.sku_id)).slice(0, RACE_SKUS);
        const raced = await stockUp(c, { tenantId, newId, onHand: RACE_STOCK, skuIds: race.map((u) => u.sku_id) });
        if (!raced) return { tracked: false, race: [], rows: 0 };
        const rest = await stockUp(c, { tenantId, newId });
        log(`stock: ${(raced.rows + rest.rows).toLocaleString('en')} stock rows in ${raced.warehouses} warehouses`);
        return { tracked: true, race, warehouseIds: raced.warehouseIds, rows: raced.rows + rest.rows, seconds: Math.round((performance.now() - t0) / 100) / 10 };
      });
    }),

    /** Sell units any gold dealer may order by 1, without the race SKUs (other scenarios must not eat their stock). */
    units: () => once('units', async () => {
      const { tenantId } = await w.base();
      const { race } = await w.stock();
      const raceSkus = new Set(race.map((u) => u.sku_id));
      return (await orderableUnits(owner, tenantId)).filter((u) => !raceSkus.has(u.sku_id));
    }),

    /** The first `n` bench customers b001…, created as needed (gold dealers, one member login each: orders/setup.mjs). */
    async buyers(n) {
      memo.buyers = (memo.buyers ?? Promise.resolve([])).then(async (have) => {
        if (have.length >= n) return have;
        const { tenantId, newId } = await w.base();
        const names = Array.from({ length: n - have.length }, (_, i) => `b${pad(have.length + i + 1)}`);
        log(`creating ${names.length} bench customers (SQL, dealer1's password hash)`);
        const more = await withClient(db.url, async (c) => {
          const out = await createBuyers(c, { tenantId, newId, names });
          await c.query('analyze customers, customer_members, customer_addresses');
          return out;
        });
        return [...have, ...more];
      });
      return (await memo.buyers).slice(0, n);
    },

    /** The customer of the 1,000-line order, apart from the others so its cart is its own. */
    bigBuyer: () => once('bigBuyer', async () => {
      const { tenantId, newId } = await w.base();
      return (await withClient(db.url, (c) => createBuyers(c, { tenantId, newId, names: ['bbig'] })))[0];
    }),

    /** Member sessions of these customers on this app (logged in through the API, 8 at a time), kept per app. */
    async sessions(app, buyers) {
      const cache = (memo[`sessions ${app.baseUrl}`] ??= new Map());
      const missing = buyers.filter((b) => !cache.has(b.username));
      if (missing.length) {
        log(`logging in ${missing.length} members (8 at a time)`);
        const got = await loginMany(app.baseUrl, 'member', missing.map((b) => b.username), { tenant: TENANT });
        missing.forEach((b, i) => cache.set(b.username, got[i]));
      }
      return buyers.map((b) => cache.get(b.username));
    },

    /** Staff `admin` (all permissions, data scope all) on this app. */
    staff: (app) => once(`staff ${app.baseUrl}`, () => login(app.baseUrl, 'staff', 'admin', undefined, { tenant: TENANT })),
  };
  return w;
}
