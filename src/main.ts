import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { openConfiguredDatabase } from './platform/db/open-configured.js';
import { acquireDataDirLock } from './platform/db/data-dir-lock.js';
import { createLogger, type Logger } from './platform/logger.js';
import { demoLogins } from './seed/seed-demo.js';
import { prepareData } from './startup.js';
import { startAutoConfirm } from './modules/orders/auto-confirm.js';
import { createTenantsService } from './modules/tenants/tenants.service.js';
import { customerNotifications } from './flows/customer-notifications.js';
import { createOutboxWorker } from './platform/outbox/outbox-worker.js';
import { createNotifier } from './platform/mail/notifier.js';
import { startKuaidi100Simulator } from './modules/logistics/kuaidi100.simulator.js';
import { startAlipaySimulator } from './modules/payments/gateways/alipay.simulator.js';
import { startUnionpaySimulator } from './modules/payments/gateways/unionpay.simulator.js';
import { startWechatPaySimulator } from './modules/payments/gateways/wechat-pay.simulator.js';
import { simulatorEnv } from './modules/payments/gateways-from-config.js';
import { createReadiness } from './platform/metrics/readiness.js';
import { serveClusterMetrics } from './platform/metrics/cluster-metrics.js';

function banner(config: Config) {
  const url = config.publicUrl;
  console.log([
    '',
    '  Dinghuo 订货 is running',
    `  Mall (订货端):        ${url}/m`,
    `  Console (管理端):     ${url}/admin`,
    `  API docs:            ${url}/api/docs`,
    ...(config.workers > 1 ? [`  Server processes:    ${config.workers}`] : []),
    '',
    '  Demo logins (tenant "demo"; change or disable them before going live):',
    ...demoLogins(),
    '',
  ].join('\n'));
}

/** One server process: the app on the shared port. `jobs` = this process also runs the periodic jobs. */
async function serve(config: Config, log: Logger, jobs: boolean, prepare: boolean) {
  const database = await openConfiguredDatabase(config);
  if (prepare) await prepareData(database, config, log);
  const readiness = createReadiness();
  const app = await buildApp({ config, database, logger: log, readiness });
  await app.listen({ port: config.port, host: config.host });
  const stopJobs = jobs ? startAutoConfirm(database, log) : () => {};
  // Every process delivers the outbox (SKIP LOCKED keeps them apart) and drains it before exiting.
  const outbox = createOutboxWorker({
    database, logger: log, handlers: [customerNotifications(createNotifier(log, config.smtp))],
    tenantIds: async () => (await createTenantsService(database).active()).map((t) => t.id),
  });
  outbox.start();
  readiness.ready();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    readiness.drain(); // /api/health/ready answers 503 from now on
    log.info({ signal }, 'shutting down: draining requests');
    stopJobs();
    await app.close();
    log.info('shutting down: delivering the outbox');
    await outbox.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * WORKERS > 1 (PostgreSQL server only): this primary process migrates and seeds once, then forks the workers, which
 * share the port; a worker that dies is replaced. Stock and orders are safe across processes: every rule that
 * matters lives in database transactions and row locks, none in process memory.
 */
async function primary(config: Config, log: Logger) {
  const database = await openConfiguredDatabase(config);
  await prepareData(database, config, log);
  await database.close();
  serveClusterMetrics();
  let stopping = false;
  const fork = (index: number) => {
    const worker = cluster.fork({ DINGHUO_WORKER_INDEX: String(index) });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      log.error({ index, code, signal }, 'a server process stopped; starting another');
      fork(index);
    });
  };
  for (let i = 0; i < config.workers; i++) fork(i);
  let listening = 0;
  cluster.on('listening', () => { if (++listening === config.workers) banner(config); });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    log.info({ signal }, 'stopping the server processes');
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    setTimeout(() => process.exit(0), 10_000).unref();
    cluster.on('exit', () => { if (!Object.keys(cluster.workers ?? {}).length) process.exit(0); });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/**
 * 模拟快递: without a Kuaidi100 account (and outside production) a local simulated carrier plays Kuaidi100, so the
 * demo issues waybill numbers and parcels move along (a step every 20 s) with signed pushes to our webhook. In
 * cluster mode the primary runs it and hands its address and keys to the workers through their environment.
 */
async function withCarrierSimulator(config: Config, log: Logger): Promise<Config> {
  if (!config.carrierSimulator || config.kuaidi100) return config;
  const sim = await startKuaidi100Simulator({ autoAdvanceMs: 20_000 });
  log.info({ url: sim.url }, 'carrier: local simulated Kuaidi100 (模拟快递); set KUAIDI100_KEY and KUAIDI100_CUSTOMER for the real one');
  process.env.KUAIDI100_KEY = sim.key;
  process.env.KUAIDI100_CUSTOMER = sim.customer;
  process.env.KUAIDI100_SECRET = sim.secret;
  process.env.KUAIDI100_POLL_URL = sim.url;
  process.env.KUAIDI100_API_URL = sim.url;
  return { ...config, kuaidi100: { pollUrl: sim.url, apiUrl: sim.url, key: sim.key, customer: sim.customer, secret: sim.secret } };
}

/**
 * 沙箱支付: without any gateway account (and outside production) local simulators play WeChat Pay, Alipay and UnionPay,
 * so the demo pays online end to end through the real adapters (signed requests, signed callbacks). Like the carrier,
 * the primary runs them and hands their addresses and keys to the workers through the environment.
 */
async function withPaymentSimulators(config: Config, log: Logger): Promise<Config> {
  if (!config.paymentSimulator || Object.keys(config.paymentEnv).length) return config;
  const [wechat, alipay, unionpay] = await Promise.all([startWechatPaySimulator(), startAlipaySimulator(), startUnionpaySimulator()]);
  log.info({ wechat: wechat.url, alipay: alipay.url, unionpay: unionpay.url }, 'payments: local simulated gateways (沙箱支付); set WECHATPAY_*, ALIPAY_* or UNIONPAY_* for real ones');
  const env = simulatorEnv({ wechat, alipay, unionpay });
  Object.assign(process.env, env, { PAYMENT_SIMULATOR: 'on' });
  return { ...config, paymentEnv: env };
}

async function main() {
  let config = loadConfig();
  const log = createLogger(config.logLevel);
  if (cluster.isWorker) {
    await serve(config, log, process.env.DINGHUO_WORKER_INDEX === '0', false);
    return;
  }
  if (!config.databaseUrl) acquireDataDirLock(config.dataDir);
  log.info(config.databaseUrl ? 'database: PostgreSQL server (DATABASE_URL)' : `database: embedded PGlite in ${config.dataDir}`);
  config = await withCarrierSimulator(config, log);
  config = await withPaymentSimulators(config, log);
  if (config.workers > 1) return primary(config, log);
  await serve(config, log, true, true);
  banner(config);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
