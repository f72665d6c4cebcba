import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { createTenantsService } from '../../src/modules/tenants/tenants.service.js';
import { createTestDatabase, testDbKind } from '../support/test-db.js';

const dir = mkdtempSync(join(tmpdir(), 'dinghuo-cli-'));
let env: NodeJS.ProcessEnv;
let serverDb: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

beforeAll(async () => {
  env = { DATA_DIR: join(dir, 'data'), SESSION_SECRET: 'cli-test-secret-cli-test-secret-000000' };
  if (testDbKind() === 'pg') {
    serverDb = await createTestDatabase();
    env.DATABASE_URL = serverDb.url;
  }
});
afterAll(async () => {
  await serverDb?.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = () => openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: join(dir, 'data', 'pglite') });

describe('dinghuo CLI', () => {
  it('migrates, creates a tenant and its owner, who can then be found with the built-in roles', async () => {
    expect(await runCli(['migrate'], env)).toBe(0);
    expect(await runCli(['tenant', 'create', 'acme', 'Acme', '贸易'], env)).toBe(0);
    expect(await runCli(['user', 'create', '--tenant', 'acme', '--username', 'boss', '--password', 'boss12345', '--name', '老板'], env)).toBe(0);
    const db = await open();
    const tenant = await createTenantsService(db).bySlug('acme');
    expect(tenant?.name).toBe('Acme 贸易');
    const rows = await db.tx(tenant!.id, (tx) => tx.query.staffUsers.findMany());
    expect(rows.map((r) => r.username)).toEqual(['boss']);
    const roles = await db.tx(tenant!.id, (tx) => tx.query.roles.findMany());
    expect(roles.length).toBe(9);
    await db.close();
  });

  it('refuses a weak password and an unknown tenant', async () => {
    await expect(runCli(['user', 'create', '--tenant', 'acme', '--username', 'weak', '--password', 'short'], env)).rejects.toThrow(/password/);
    await expect(runCli(['user', 'create', '--tenant', 'nope', '--username', 'x', '--password', 'abc12345'], env)).rejects.toThrow(/no tenant/);
  });

  it('will not seed demo data into a database that has tenants', async () => {
    expect(await runCli(['seed', '--demo'], env)).toBe(1);
  });

  it.skipIf(testDbKind() === 'pg')('backs up the embedded database and restores it', async () => {
    const file = join(dir, 'backup.tgz');
    expect(await runCli(['backup', file], env)).toBe(0);
    expect(await runCli(['tenant', 'create', 'later', 'Created after the backup'], env)).toBe(0);
    expect(await runCli(['restore', file], env)).toBe(1); // refuses without --force
    expect(await runCli(['restore', file, '--force'], env)).toBe(0);
    const db = await open();
    const slugs = (await createTenantsService(db).active()).map((t) => t.slug);
    await db.close();
    expect(slugs).toEqual(['acme']);
  });
});
