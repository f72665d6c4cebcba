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

/** A plain text table; `columns` is [[key, title, decimals?]]. */
export function table(rows, columns) {
  const cells = rows.map((r) => columns.map(([k, , d]) => fmt(r[k], d)));
  const widths = columns.map(([, title], i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (vals) => vals.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  return [line(columns.map(([, t]) => t)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** bench/results/<ISO date-time>-<scenario>[-quick].json */
export function writeResult(scenario, quick, json) {
  const dir = new URL('../results/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
  const file = `${dir}${stamp}-${scenario}${quick ? '-quick' : ''}.json`;
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}
