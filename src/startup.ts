import { createTenantsService } from './modules/tenants/tenants.service.js';
import { syncBuiltInRoles } from './modules/staff/index.js';
import { markInterruptedImports } from './modules/imports/imports.service.js';
import { backfillSearchKeys } from './modules/catalog/search/search-keys.repository.js';
import { backfillFromPrices } from './modules/pricing/from-prices.repository.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import type { Logger } from './platform/logger.js';
import { seedDemo } from './seed/seed-demo.js';
import { seedDemoMoney } from './seed/demo-money.js';
import { localBlobStore } from './platform/storage/blob-store.js';

/** Work done once per start after migrations: built-in roles follow the code, products get missing autocomplete keys and from-prices; an empty installation gets demo data. */
export async function prepareData(database: Database, config: Config, log: Logger): Promise<{ seeded: boolean }> {
  const tenants = createTenantsService(database);
  for (const t of await tenants.active()) {
    await database.tx(t.id, (tx) => syncBuiltInRoles(tx, t.id));
    await markInterruptedImports(database, t.id);
    const keyed = await backfillSearchKeys(database, t.id, (done) => log.info(`writing autocomplete and search keys of ${t.slug}: ${done} products so far`));
    if (keyed) log.info(`autocomplete keys written for ${keyed} products of ${t.slug}`);
    const priced = await backfillFromPrices(database, t.id, (done) => log.info(`writing the search's from-prices of ${t.slug}: ${done} products so far`));
    if (priced) log.info(`search from-prices written for ${priced} products of ${t.slug}`);
  }
  if ((await tenants.count()) > 0 || config.demoSeed === 'never') return { seeded: false };
  log.info('empty database: seeding the demo company');
  const tenant = await seedDemo(database, (step, done, total) => log.info(`seeding demo data ${done}/${total}: ${step}`), localBlobStore(config.uploadsDir));
  await seedDemoMoney(database, tenant.id, { online: config.paymentSimulator || Object.keys(config.paymentEnv).length > 0 });
  return { seeded: true };
}
