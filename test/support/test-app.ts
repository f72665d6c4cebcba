import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { localBlobStore } from '../../src/platform/storage/blob-store.js';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/logger.js';
import type { Message, Notifier } from '../../src/platform/mail/notifier.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { createTestDatabase } from './test-db.js';
import { checkStockLedgers } from '../../src/modules/inventory/check-ledgers.js';
import { checkFinanceLedgers, type GatewayRegistry } from '../../src/modules/payments/index.js';
import type { CarrierGateway } from '../../src/modules/logistics/carrier.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  tenantId: string;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    DATA_DIR: '.tmp/test-data',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    CARRIER_SIMULATOR: 'off',
    PAYMENT_SIMULATOR: 'off',
    ...overrides,
  });
}

/** The real app on a fresh database with the demo company seeded. */
export async function createTestApp(opts: { config?: Record<string, string>; notifier?: Notifier; carrierGateway?: CarrierGateway | null; paymentGateways?: GatewayRegistry } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const uploads = mkdtempSync(join(tmpdir(), 'dinghuo-uploads-'));
  const blobStore = localBlobStore(uploads);
  const tenant = await seedDemo(database, undefined, blobStore);
  const config = testConfig(opts.config);
  const app = await buildApp({ config, database, logger: createLogger('silent'), notifier: opts.notifier, blobStore, carrierGateway: opts.carrierGateway ?? null,
    paymentGateways: opts.paymentGateways ?? {}, paymentSandbox: Boolean(opts.paymentGateways) });
  await app.ready();
  return {
    app, database, config, tenantId: tenant.id,
    async close() {
      // Every test file that ran the app ends by proving its stock and finance ledgers balance (what `dinghuo check-ledgers` checks).
      const problems = await Promise.all([checkStockLedgers(database), checkFinanceLedgers(database)]).then((l) => l.flat())
        .catch((e: Error) => [{ what: 'check-ledgers failed', detail: e.message }]);
      await app.close();
      await database.close();
      rmSync(uploads, { recursive: true, force: true });
      if (problems.length) throw new Error(`ledgers do not balance after this test file:\n${problems.map((p) => `  ${p.what}: ${p.detail}`).join('\n')}`);
    },
  };
}

/** Captures messages instead of sending them, for tests that only need the code. */
export function memoryNotifier(): Notifier & { sent: Message[] } {
  const sent: Message[] = [];
  return { sent, async send(m) { sent.push(m); } };
}
