import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { systemActor } from './platform/auth/actor.js';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { dataDirHolder } from './platform/db/data-dir-lock.js';
import { PGLITE_EXTENSIONS } from './platform/db/database.js';
import { openConfiguredDatabase, pgliteDir } from './platform/db/open-configured.js';
import { createStaffModule, syncBuiltInRoles } from './modules/staff/index.js';
import { PERMISSION_CODES } from './modules/staff/domain/permissions.js';
import { createTenantsService } from './modules/tenants/tenants.service.js';
import { demoLogins, seedDemo } from './seed/seed-demo.js';
import { seedDemoMoney } from './seed/demo-money.js';
import { localBlobStore } from './platform/storage/blob-store.js';
import { AppError } from './platform/errors/app-error.js';
import { checkStockLedgers } from './modules/inventory/check-ledgers.js';
import { checkFinanceLedgers } from './modules/payments/index.js';

const USAGE = `dinghuo <command>

  migrate                                   apply database migrations
  seed --demo                               create the demo company (only into an empty database)
  tenant create <slug> <name>               create a company (tenant) with the built-in roles
  user create --tenant <slug> --username <u> --password <p> [--name <n>] [--role owner]
                                            create a staff user (default role: owner)
  check-ledgers                             verify the stock ledger (levels = movements = order reservations) and the
                                            finance ledger (balances and credit = movements, order paid = receipts − refunds)
  backup <file>                             copy the embedded database to a file (stop the server first)
  restore <file> [--force]                  replace the embedded database with a backup (stop the server first)

Configuration comes from the same environment variables as the server (DATABASE_URL, DATA_DIR, ...).
With DATABASE_URL set, back up with pg_dump / pg_restore instead (see README).`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function assertEmbeddedIdle(config: Config) {
  if (config.databaseUrl) throw new Error('DATABASE_URL is set: use pg_dump / pg_restore for a PostgreSQL server (see README)');
  const holder = dataDirHolder(config.dataDir);
  if (holder) throw new Error(`the server (pid ${holder}) is using ${config.dataDir}; stop it first`);
}

async function withDatabase<T>(config: Config, fn: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>): Promise<T> {
  if (!config.databaseUrl) assertEmbeddedIdle(config);
  const db = await openConfiguredDatabase(config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  const config = loadConfig({ LOG_LEVEL: 'warn', ...env });
  const args = [sub, ...rest].filter((a): a is string => a !== undefined);
  switch (cmd) {
    case 'migrate':
      await withDatabase(config, async () => {});
      console.log('migrations applied');
      return 0;

    case 'seed': {
      if (!args.includes('--demo')) break;
      return withDatabase(config, async (db) => {
        if ((await createTenantsService(db).count()) > 0) {
          console.error('the database already has tenants; demo data goes only into an empty database');
          return 1;
        }
        const tenant = await seedDemo(db, (step, done, total) => console.log(`[${done}/${total}] ${step}`), localBlobStore(config.uploadsDir));
        await seedDemoMoney(db, tenant.id, { online: Object.keys(config.paymentEnv).length > 0 });
        console.log(['demo company created; logins:', ...demoLogins()].join('\n'));
        return 0;
      });
    }

    case 'tenant': {
      if (sub !== 'create' || rest.length < 2) break;
      const [slug, ...nameParts] = rest;
      return withDatabase(config, async (db) => {
        const tenant = await createTenantsService(db).create(slug, nameParts.join(' '));
        await db.tx(tenant.id, (tx) => syncBuiltInRoles(tx, tenant.id));
        console.log(`tenant ${tenant.slug} created (id ${tenant.id}); next: dinghuo user create --tenant ${tenant.slug} --username <u> --password <p>`);
        return 0;
      });
    }

    case 'user': {
      const slug = flag(args, 'tenant');
      const username = flag(args, 'username');
      const password = flag(args, 'password');
      if (sub !== 'create' || !slug || !username || !password) break;
      return withDatabase(config, async (db) => {
        const tenant = await createTenantsService(db).bySlug(slug);
        if (!tenant) throw new Error(`no tenant ${slug}`);
        const sm = createStaffModule(db);
        const ctx = { tenantId: tenant.id, actor: systemActor(PERMISSION_CODES, 'dinghuo cli') };
        const roleCode = flag(args, 'role') ?? 'owner';
        const role = (await sm.roles.list(ctx)).find((r) => r.code === roleCode || r.name === roleCode);
        if (!role) throw new Error(`no role ${roleCode}`);
        const { passwordSchema } = await import('./platform/auth/passwords.js');
        const pw = passwordSchema.safeParse(password);
        if (!pw.success) throw new Error(`password: ${pw.error.issues.map((i) => i.message).join(', ')}`);
        const user = await sm.staff.create(ctx, { name: flag(args, 'name') ?? username, username, password, roleIds: [role.id], regionIds: [] });
        console.log(`staff user ${user.username} created in ${slug} with role ${role.name}`);
        return 0;
      });
    }

    case 'check-ledgers':
      return withDatabase(config, async (db) => {
        const problems = [...await checkStockLedgers(db), ...await checkFinanceLedgers(db)];
        for (const p of problems) console.log(`UNBALANCED [${p.tenantId}] ${p.what}: ${p.detail}`);
        console.log(problems.length ? `${problems.length} problem(s) found` : 'ledgers balanced');
        return problems.length ? 1 : 0;
      });

    case 'backup': {
      if (!sub) break;
      assertEmbeddedIdle(config);
      const dir = pgliteDir(config);
      if (!existsSync(dir)) throw new Error(`no embedded database at ${dir}`);
      const pglite = new PGlite(dir, { extensions: PGLITE_EXTENSIONS });
      await pglite.waitReady;
      // PGlite's own 'gzip' option hangs on Node 20; compress with zlib instead.
      const tar = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
      await pglite.close();
      const packed = gzipSync(tar);
      writeFileSync(sub, packed);
      console.log(`backup written to ${sub} (${Math.round(packed.length / 1024)} KiB)`);
      return 0;
    }

    case 'restore': {
      if (!sub) break;
      assertEmbeddedIdle(config);
      const dir = pgliteDir(config);
      if (existsSync(dir) && readdirSync(dir).length > 0) {
        if (!args.includes('--force')) {
          console.error(`${dir} already holds a database; add --force to replace it (the old one is kept beside it)`);
          return 1;
        }
        renameSync(dir, `${dir}.before-restore-${Date.now()}`);
      }
      const blob = new Blob([gunzipSync(readFileSync(sub))]);
      const pglite = new PGlite(dir, { loadDataDir: blob, extensions: PGLITE_EXTENSIONS });
      await pglite.waitReady;
      await pglite.close();
      await withDatabase(config, async () => {}); // migrate a backup taken by an older version
      console.log(`restored ${sub} into ${dir}`);
      return 0;
    }
  }
  console.log(USAGE);
  return cmd === undefined || cmd === 'help' || cmd === '--help' ? 0 : 2;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\/src\//, '/src/'));
if (isMain || process.env.DINGHUO_CLI === '1') {
  // PGlite's file work holds no libuv handle; without this timer node may exit mid-command.
  const keepAlive = setInterval(() => {}, 1000);
  runCli(process.argv.slice(2)).then((code) => { clearInterval(keepAlive); process.exit(code); }, (err) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof AppError) console.error(`${err.code}: ${err.message}`);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
