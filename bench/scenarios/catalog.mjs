import { waitIdle, withClient } from '../lib/db.mjs';
import { runLoad } from '../lib/load.mjs';
import { cpuPercent, cpuSnapshot, rssMb } from '../lib/proc.mjs';
import { login } from '../lib/session.mjs';
import { soloLatencies } from '../lib/solo.mjs';
import { importApp } from '../lib/ts.mjs';
import { generateCatalog } from './catalog/generate.mjs';
import { buildSheet, timeImport } from './catalog/import-run.mjs';
import { floorMix, productMix, searchMix, soloKinds, suggestMix } from './catalog/queries.mjs';
import { catalogReport } from './catalog/report.mjs';

export const description = 'Catalog: mall search, autocomplete and product page as member dealer1 (own prices resolved per request), and a 10,000-row xlsx import as staff admin.';


export async function run({ opts, quick, db, app, log }) {
  const size = { products: quick ? 5_000 : 50_000, importRows: 10_000 };
  const seconds = opts.duration ?? (quick ? 5 : 15);
  const connections = opts.connections;

  const [{ buildSearchText }, { newId }, { COLUMNS }] = await Promise.all([
    importApp('src/modules/catalog/domain/search-text.ts'), importApp('src/platform/ids.ts'), importApp('src/modules/catalog/domain/import-sheet.ts'),
  ]);
  const generated = await withClient(db.url, async (client) => {
    const { rows: [tenant] } = await client.query(`select id from tenants where slug = 'demo'`);
    if (!tenant) throw new Error('the demo tenant is missing: did the app seed it (DEMO_SEED=auto)?');
    log(`generating ${size.products.toLocaleString('en')} products × 2 SKUs for tenant demo (${tenant.id})`);
    const t0 = performance.now();
    const out = await generateCatalog(client, { tenantId: tenant.id, count: size.products, newId, buildSearchText });
    return { ...out, tenantId: tenant.id, seconds: Math.round((performance.now() - t0) / 100) / 10 };
  });
  log(`generated in ${generated.seconds} s: ${JSON.stringify(generated.totals)}`);
  const rssIdle = rssMb(app.pid);

  const member = await login(app.baseUrl, 'member', 'dealer1');
  log('one request at a time: 3 of each kind');
  const solo = await soloLatencies(app.baseUrl, member.get, soloKinds(generated.refs));
  const load = (name, next) => {
    log(`load: ${name}, ${connections} connections, ${seconds} s (after a warm-up)`);
    return runLoad({ baseUrl: app.baseUrl, headers: member.get, connections, seconds, warmupSeconds: quick ? 1 : 2, next, pid: app.pid, dbName: db.name, drain: () => waitIdle(db.url) });
  };
  const search = await load('search', searchMix(generated.refs));
  const autocomplete = await load('autocomplete', suggestMix());
  const productPage = await load('product page', productMix(generated.refs));
  const floor = await load('floor (GET /mall/categories)', floorMix());

  log(`import: building a ${size.importRows.toLocaleString('en')}-row xlsx`);
  const sheet = await buildSheet(COLUMNS, size.importRows);
  const staff = await login(app.baseUrl, 'staff', 'admin');
  const cpu0 = cpuSnapshot(app.pid, db.name);
  const imported = { ...(await timeImport(app.baseUrl, staff, sheet, size.importRows)), ...cpuPercent(cpu0, cpuSnapshot(app.pid, db.name)) };
  log(`import ${imported.status} in ${imported.seconds} s`);
  const rssEnd = rssMb(app.pid);

  return catalogReport({ connections, seconds, importRows: size.importRows, generated, rssIdle, rssEnd, solo, search, autocomplete, productPage, floor, imported });
}
