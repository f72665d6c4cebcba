#!/usr/bin/env node
// npm run bench -- [<scenario>… | all] [--quick] [--duration=<s>] [--connections=<n>] [--keep-db] [--json]
// No scenario (or `all`) runs the default set, one after the other, in one run. Each scenario is
// bench/scenarios/<name>.mjs exporting { description, run(ctx) → { tables, notes, json, summary } } and optionally
// appEnv (extra environment for the app process) and ownDatabase (needs a database of its own).
// The runner owns the throw-away databases, the app processes and the machine's limit (pgbench, measured once);
// figures are printed, never asserted.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { buildServer, startApp } from './lib/app-process.mjs';
import { parseArgs } from './lib/args.mjs';
import { createBenchDatabase, DEFAULT_ADMIN_URL, waitIdle, withClient } from './lib/db.mjs';
import { log } from './lib/log.mjs';
import { load1 } from './lib/measure.mjs';
import { pgbenchTps } from './lib/pgbench.mjs';
import { rssMb } from './lib/proc.mjs';
import { combinedTable, machine, printScenario, writeRunResult } from './lib/report.mjs';

// The issue's six. `startup` first: it reports the app's first start on the empty database. `race` last: it wants 2
// server processes (one restart of the app), and its check-ledgers then covers everything the run wrote.
const DEFAULT_SET = ['startup', 'catalog', 'checkout', 'big-order', 'console', 'race'];
const available = readdirSync(new URL('./scenarios/', import.meta.url)).filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4));
const usage = `usage: npm run bench -- [<${available.join('|')}>… | all] [--quick] [--duration=<s>] [--connections=<n>] [--keep-db] [--json]`;

let opts;
try { opts = parseArgs(process.argv.slice(2)); } catch (err) { console.error(`${err.message}\n${usage}`); process.exit(2); }
const names = [...new Set((opts.scenarios.length ? opts.scenarios : ['all']).flatMap((n) => (n === 'all' ? DEFAULT_SET : [n])))];
const unknown = names.filter((n) => !available.includes(n));
if (opts.help || unknown.length) {
  if (unknown.length) console.error(`unknown scenario ${unknown.join(', ')}`);
  console.error(usage);
  process.exit(opts.help ? 0 : 2);
}
const modules = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await import(`./scenarios/${n}.mjs`)])));

const loadAvg = { start: load1() };
log(`load average ${loadAvg.start} on ${cpus().length} cores${loadAvg.start > cpus().length * 0.5 ? ': WARNING, other work is running, the figures will be disturbed' : ''}`);
log(`scenarios: ${names.join(', ')}${opts.quick ? ' (quick)' : ''}`);

// Every app process of the run gets the same secret (sessions stay valid across a restart) and a login limit the
// bench cannot hit: it logs in hundreds of customers within a minute, and the limiter (which only guards the login
// routes) is not what is measured. BENCH_WORKERS overrides any scenario's WORKERS.
const baseEnv = { SESSION_SECRET: randomBytes(32).toString('base64url'), LOGIN_RATE_LIMIT_PER_MINUTE: '10000' };
const envOf = (mod) => ({ ...baseEnv, ...(mod.appEnv ?? {}), ...(process.env.BENCH_WORKERS ? { WORKERS: process.env.BENCH_WORKERS } : {}) });

/** A bench database and the app process currently running on it; `appStarts` records every start on it. */
function place(db) { return { db, app: null, appKey: null, appStarts: [], shared: {}, closers: [] }; }
const places = new Set();

async function ensureApp(p, env) {
  const key = JSON.stringify(env);
  if (p.app && p.appKey === key && p.app.alive()) return p.app;
  if (p.app) { log(`restarting the app (${p.app.alive() ? 'another configuration' : 'it had stopped'})`); await p.app.stop(); p.app = null; }
  log(`starting the app${p.appStarts.length ? '' : ' (migrations and demo seed run on the first start)'}${env.WORKERS ? `, WORKERS=${env.WORKERS}` : ''}`);
  p.app = await startApp({ databaseUrl: p.db.url, env });
  p.appKey = key;
  p.appStarts.push({ readyMs: p.app.readyMs, freshDatabase: p.appStarts.length === 0, workers: Number(env.WORKERS ?? 1), rssAtReadyMb: rssMb(p.app.pid) });
  return p.app;
}

async function closePlace(p) {
  for (const close of p.closers.splice(0)) await close().catch((e) => log(`closing: ${e.message}`));
  if (p.app) await p.app.stop().catch((e) => log(`stopping the app: ${e.message}`));
  p.app = null;
  if (!opts.keepDb) await p.db.drop().catch((e) => log(`dropping ${p.db.name}: ${e.message}`));
  else log(`kept database ${p.db.name} (--keep-db)`);
  places.delete(p);
}

let cleaning = null;
const cleanup = () => (cleaning ??= (async () => { for (const p of [...places]) await closePlace(p); })());
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { log(`${sig}: cleaning up`); cleanup().finally(() => process.exit(130)); });

// The machine's own limit for small write transactions, measured once per run, with the app idle, right after the
// first scenario that wrote (so the write figures and it are taken close together on a shared machine).
let limit = null;
const machineLimit = (db) => (limit ??= (async () => {
  await waitIdle(db.url);
  const r = await pgbenchTps({ clients: opts.connections, seconds: opts.quick ? 5 : 15 });
  log(`pgbench: ${r.tps} TPS (-c ${r.clients}, ${r.seconds} s)`);
  return r;
})());

await buildServer();
const results = {};
let shared = null;
const host = machine(await withClient(process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL, async (c) => (await c.query('show server_version')).rows[0].server_version));
try {
  for (const [i, name] of names.entries()) {
    const mod = modules[name];
    log(`== ${i + 1}/${names.length}: ${name} (load average ${load1()})`);
    const started = performance.now();
    const entry = { description: mod.description, loadAvgStart: load1() };
    results[name] = entry;
    let p = null;
    try {
      if (mod.ownDatabase) places.add((p = place(await createBenchDatabase())));
      else if (!shared) places.add((p = shared = place(await createBenchDatabase())));
      else p = shared;
      const env = envOf(mod);
      const app = await ensureApp(p, env);
      const ctx = {
        opts, quick: opts.quick, db: p.db, app, log, env, appStarts: p.appStarts, shared: p.shared,
        onClose: (fn) => p.closers.push(fn), machineLimit: () => machineLimit(p.db),
      };
      const out = await mod.run(ctx);
      Object.assign(entry, { ok: true, summary: out.summary ?? [], ...out.json });
      printScenario(name, mod.description, out);
      if (entry.summary.some((r) => r.write)) await machineLimit(p.db).catch((e) => log(`pgbench failed: ${e.message}`));
    } catch (err) {
      Object.assign(entry, { ok: false, error: String(err.stack ?? err) });
      console.log(`\n## ${name}: FAILED\n\n${err.stack ?? err}\n`);
      process.exitCode = 1;
    } finally {
      entry.seconds = Math.round((performance.now() - started) / 100) / 10;
      entry.loadAvgEnd = load1();
      log(`== ${name} ${entry.ok ? 'done' : 'FAILED'} in ${entry.seconds} s`);
      if (p && p !== shared) await closePlace(p);
    }
  }
  const pgbench = limit ? await limit.catch((e) => ({ error: e.message })) : null;
  loadAvg.end = load1();
  const json = { date: new Date().toISOString(), quick: opts.quick, scenarios: names, options: { connections: opts.connections, duration: opts.duration }, machine: host, loadAvg, pgbench, results };
  const table = combinedTable({ results, pgbench, quick: opts.quick, loadAvg });
  console.log(table);
  if (opts.json) console.log(`\n${JSON.stringify(json, null, 2)}`);
  const file = writeRunResult(names, DEFAULT_SET, opts.quick, json);
  console.log(`\nResults: ${file}`);
} catch (err) {
  console.error(`\nbench failed: ${err.stack ?? err}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
