import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** The code measured: commit, and whether src/ had uncommitted changes. */
function codeVersion() {
  const git = (...args) => { try { return execFileSync('git', args, { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8' }).trim(); } catch { return null; } };
  const status = git('status', '--porcelain', '--', 'src', 'migrations');
  return { commit: git('rev-parse', '--short', 'HEAD'), uncommittedChanges: status === null ? null : status !== '' };
}

export function machine(pgVersion) {
  const c = cpus();
  return { cores: c.length, cpu: c[0]?.model ?? 'unknown', memGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}`, postgres: pgVersion, loadAvgAtStart: Math.round(loadavg()[0] * 100) / 100, code: codeVersion() };
}

const fmt = (v, decimals) => (v === undefined ? '' : v === null ? '–'
  : typeof v === 'number' ? v.toLocaleString('en', { minimumFractionDigits: decimals ?? 0, maximumFractionDigits: decimals ?? 1 }) : String(v));

/** A plain text table; `columns` is [[key, title, decimals?]]; the first column and columns of text are left-aligned. */
export function table(rows, columns) {
  const cells = rows.map((r) => columns.map(([k, , d]) => fmt(r[k], d)));
  const widths = columns.map(([, title], i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const text = columns.map(([k], i) => i === 0 || rows.some((r) => typeof r[k] === 'string' && !/^[\d.,\s%–-]+$/.test(r[k])));
  const line = (vals) => vals.map((v, i) => (text[i] ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ').trimEnd();
  return [line(columns.map(([, t]) => t)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** One scenario's own tables and notes, printed as soon as it ends (so a later failure loses nothing). */
export function printScenario(name, description, out) {
  console.log(`\n## ${name}\n\n${description}\n`);
  for (const t of out.tables ?? []) console.log(`${t.title}\n\n${table(t.rows, t.columns)}\n`);
  for (const line of out.notes ?? []) console.log(line);
}

const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(x < 0.01 ? 2 : 1)} %` : undefined);

/**
 * The table of every scenario of the run: its `summary` rows ({ measure, unit, rate, write, p50, p95, p99, max,
 * errors, rss, note }), each write rate also as a ratio of the pgbench TPS measured in the same run.
 */
export function combinedTable({ results, pgbench, quick, loadAvg }) {
  const tps = pgbench?.tps;
  const rows = [];
  for (const [name, r] of Object.entries(results)) {
    if (!r.ok) { rows.push({ scenario: name, measure: 'FAILED', note: String(r.error).split('\n')[0].slice(0, 100) }); continue; }
    for (const [i, s] of r.summary.entries()) rows.push({ scenario: i === 0 ? name : '', ...s, ratio: s.write && tps ? pct(s.rate / tps) : undefined });
  }
  if (tps) rows.push({ scenario: 'pgbench', measure: 'tpcb-like, the machine\'s limit', unit: 'TPS', rate: tps, ratio: '100 %', note: `-c ${pgbench.clients}, ${pgbench.seconds} s, scale ${pgbench.scale}, latency avg ${pgbench.latencyAvgMs} ms` });
  else if (pgbench?.error) rows.push({ scenario: 'pgbench', measure: 'FAILED', note: pgbench.error.slice(0, 100) });
  const columns = [['scenario', 'scenario'], ['measure', 'measure'], ['unit', 'unit'], ['rate', 'rate'], ['ratio', 'of pgbench'], ['p50', 'p50 ms'], ['p95', 'p95 ms'],
    ['p99', 'p99 ms'], ['max', 'max ms'], ['errors', 'errors'], ['rss', 'RSS MB'], ['note', 'note']];
  const times = Object.entries(results).map(([n, r]) => `${n} ${r.seconds} s (load ${r.loadAvgStart} → ${r.loadAvgEnd})`).join(', ');
  return [
    `\n## All scenarios${quick ? ' (quick: small data, short runs — a smoke test, not the figures)' : ''}\n`,
    table(rows, columns),
    '',
    'rate: per second, over the measured window; "of pgbench": a write rate divided by the TPS of pgbench -b tpcb-like with the same client count, measured once in this run. RSS MB: the app process tree, peak while the scenario ran.',
    `Time and 1-minute load average per scenario: ${times}. Load average at start ${loadAvg.start}, at the end ${loadAvg.end}.`,
  ].join('\n');
}

/** bench/results/<ISO date-time>[-<scenarios>][-quick].json: one file per run; the default set has no name part. */
export function writeRunResult(names, defaultSet, quick, json) {
  const dir = new URL('../results/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  const isDefault = names.length === defaultSet.length && names.every((n, i) => n === defaultSet[i]);
  const file = `${dir}${stamp}${isDefault ? '' : `-${names.join('+')}`}${quick ? '-quick' : ''}.json`;
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}
