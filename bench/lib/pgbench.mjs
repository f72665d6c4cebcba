import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { DEFAULT_ADMIN_URL, withClient } from './db.mjs';
import { log } from './log.mjs';

const run = promisify(execFile);

function busyTicks() {
  const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - v[3] - v[4], at: Date.now() };
}

/**
 * The machine's own limit for small write transactions: `pgbench -b tpcb-like -c <clients> -T <seconds>` on a
 * scratch database of the same server (initialised with `pgbench -i`, scale 1 unless told, dropped afterwards,
 * also after a failure). Returns TPS (without initial connection time), latency and the command line.
 */
export async function pgbenchTps({ clients = 16, seconds = 15, scale = 1, adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL } = {}) {
  const name = `dh_pgbench_${Date.now()}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  try {
    log(`pgbench: initialising ${name} (scale ${scale})`);
    await run('pgbench', ['-i', '-q', '-s', String(scale), url.toString()], { maxBuffer: 16 << 20 });
    const args = ['-b', 'tpcb-like', '-c', String(clients), '-T', String(seconds), url.toString()];
    log(`pgbench: ${args.slice(0, -1).join(' ')} (${seconds} s)`);
    const t0 = busyTicks();
    const { stdout } = await run('pgbench', args, { maxBuffer: 16 << 20 });
    const t1 = busyTicks();
    const num = (re) => { const m = re.exec(stdout); return m ? Number(m[1]) : null; };
    const tps = num(/tps = ([\d.]+) \(without initial connection time\)/);
    if (tps === null) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return {
      command: `pgbench ${args.slice(0, -1).join(' ')} <scratch db>`, clients, seconds, scale: num(/scaling factor: (\d+)/) ?? scale,
      tps: Math.round(tps), latencyAvgMs: num(/latency average = ([\d.]+) ms/), transactions: num(/number of transactions actually processed: (\d+)/),
      failed: num(/number of failed transactions: (\d+)/) ?? 0,
      machineCpuPct: Math.round(((t1.busy - t0.busy) / 100 / ((t1.at - t0.at) / 1000)) * 100), loadAvgAfter: Math.round(loadavg()[0] * 100) / 100,
    };
  } finally {
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch((e) => log(`dropping ${name}: ${e.message}`));
  }
}
