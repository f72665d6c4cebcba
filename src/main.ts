import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { openConfiguredDatabase } from './platform/db/open-configured.js';
import { acquireDataDirLock } from './platform/db/data-dir-lock.js';
import { createLogger } from './platform/logger.js';
import { demoLogins } from './seed/seed-demo.js';
import { prepareData } from './startup.js';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  if (!config.databaseUrl) acquireDataDirLock(config.dataDir);
  log.info(config.databaseUrl ? 'database: PostgreSQL server (DATABASE_URL)' : `database: embedded PGlite in ${config.dataDir}`);
  const database = await openConfiguredDatabase(config);
  await prepareData(database, config, log);
  const app = await buildApp({ config, database, logger: log });
  await app.listen({ port: config.port, host: config.host });

  const url = config.publicUrl;
  console.log([
    '',
    '  Dinghuo 订货 is running',
    `  Mall (订货端):        ${url}/m`,
    `  Console (管理端):     ${url}/admin`,
    `  API docs:            ${url}/api/docs`,
    '',
    '  Demo logins (tenant "demo"; change or disable them before going live):',
    ...demoLogins(),
    '',
  ].join('\n'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: draining requests');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
