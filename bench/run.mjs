#!/usr/bin/env node
// npm run bench -- <scenario> [--quick] [--duration=<s>] [--connections=<n>] [--keep-db]
// Each scenario is bench/scenarios/<name>.mjs exporting { description, run(ctx) → { tables: [{ title, columns, rows }], notes, json } }
// and optionally appEnv (extra environment variables for the app process).
// The runner owns the throw-away database and the app process; figures are printed, never asserted.
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { startApp } from './lib/app-process.mjs';
import { parseArgs } from './lib/args.mjs';
import { createBenchDatabase, withClient } from './lib/db.mjs';
import { log } from './lib/log.mjs';
import { machine, table, writeResult } from './lib/report.mjs';

const scenarios = readdirSync(new URL('./scenarios/', import.meta.url)).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4));
const usage = `usage: npm run bench -- <${scenarios.join('|')}> [--quick] [--duration=<s>] [--connections=<n>] [--keep-db]`;
let opts;
try { opts = parseArgs(process.argv.slice(2)); } catch (err) { console.error(`${err.message}\n${usage}`); process.exit(2); }
if (opts.help || !opts.scenario || !scenarios.includes(opts.scenario)) {
  console.error(usage);
  process.exit(opts.help ? 0 : 2);
}
const scenario = await import(`./scenarios/${opts.scenario}.mjs`);
const [load1] = loadavg();
if (load1 > cpus().length * 0.5) log(`WARNING: load average ${load1.toFixed(1)} on ${cpus().length} cores: other work is running, the figures will be disturbed`);

let db = null;
let app = null;
let cleaning = null;
const cleanup = () => (cleaning ??= (async () => {
  if (app) await app.stop().catch((e) => log(`stopping the app: ${e.message}`));
  if (db && !opts.keepDb) await db.drop().catch((e) => log(`dropping ${db.name}: ${e.message}`));
  else if (db) log(`kept database ${db.name} (--keep-db)`);
})());
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { log(`${sig}: cleaning up`); cleanup().finally(() => process.exit(130)); });

try {
  db = await createBenchDatabase();
  const host = machine(await withClient(db.url, async (c) => (await c.query('show server_version')).rows[0].server_version));
  log('starting the app (migrations and demo seed run on first start)');
  // BENCH_WORKERS=N runs the app in cluster mode (N server processes; the RSS column then shows the primary only).
  app = await startApp({ databaseUrl: db.url, env: { ...(scenario.appEnv ?? {}), ...(process.env.BENCH_WORKERS ? { WORKERS: process.env.BENCH_WORKERS } : {}) } });
  const ctx = { opts, quick: opts.quick, db, app, log };
  const out = await scenario.run(ctx);
  const json = { scenario: opts.scenario, date: new Date().toISOString(), quick: opts.quick, machine: host, ...out.json };
  console.log(`\n${scenario.description}\n`);
  for (const t of out.tables) console.log(`${t.title}\n\n${table(t.rows, t.columns)}\n`);
  for (const line of out.notes ?? []) console.log(line);
  console.log(`\n${JSON.stringify(json, null, 2)}`);
  log(`written ${writeResult(opts.scenario, opts.quick, json)}`);
} catch (err) {
  console.error(`\nbench ${opts.scenario} failed: ${err.stack ?? err}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
