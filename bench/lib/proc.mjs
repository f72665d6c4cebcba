import { readdirSync, readFileSync } from 'node:fs';

const TICK = 100; // USER_HZ on Linux

const vmRssKb = (pid) => {
  try { return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0); } catch { return null; }
};

/**
 * Resident set size in MB of a process and its direct children (the server processes of a cluster-mode app, whose
 * primary only forks), or null when the process is gone or /proc is missing.
 */
export function rssMb(pid) {
  const own = vmRssKb(pid);
  if (!own) return null;
  let kb = own;
  for (const child of childrenOf(pid)) kb += vmRssKb(child) ?? 0;
  return Math.round(kb / 1024);
}

/** Samples rssMb(pid) every `ms` until stop() → { peakMb, lastMb }: the app's RSS during a measurement. */
export function rssSampler(pid, ms = 250) {
  let peak = rssMb(pid) ?? 0;
  const timer = setInterval(() => { peak = Math.max(peak, rssMb(pid) ?? 0); }, ms);
  return { stop() { clearInterval(timer); const last = rssMb(pid); return { peakMb: Math.max(peak, last ?? 0), lastMb: last }; } };
}

function statOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
  } catch { return null; }
}
const ticksOf = (pid) => { const f = statOf(pid); return f ? f[11] + f[12] : null; };
/** CPU of the children a process has reaped: for the postmaster, the backends and parallel workers that exited. */
const reapedTicksOf = (pid) => { const f = statOf(pid); return f ? f[13] + f[14] : 0; };

/** Direct children of a process (field 4 of /proc/<pid>/stat is the parent). */
function childrenOf(pid) {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d) && statOf(d)?.[1] === Number(pid));
}

/** A process and its children (the server processes in cluster mode): their CPU ticks together. */
function treeTicksOf(pid) {
  let ticks = ticksOf(pid) ?? 0;
  for (const d of childrenOf(pid)) ticks += ticksOf(d) ?? 0;
  return ticks;
}

/** PostgreSQL backends of one database and their parallel workers alive now. */
function backendsOf(dbName) {
  const titles = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try { titles.set(d, readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ')); } catch { /* gone */ }
  }
  // `postgres: [<cluster>: ]<user> <database> <client> <state>`, e.g. `postgres: 15/main: postgres dh_bench_1 127.0.0.1(5) idle`
  const mine = new Set([...titles].filter(([, t]) => /^postgres: (?:\S+: )?(\S+) (\S+) /.exec(t)?.[2] === dbName).map(([p]) => p));
  for (const [p, t] of titles) { const m = /^postgres: (?:\S+: )?parallel worker for PID (\d+)/.exec(t); if (m && mine.has(m[1])) mine.add(p); }
  return mine;
}

function machineTicks() {
  const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return total - v[3] - v[4]; // busy = all but idle and iowait
}

/** CPU ticks so far: the app (with its worker processes), the bench database's backends, this process (the load generator), the whole machine. */
export function cpuSnapshot(appPid, dbName) {
  const backends = [...backendsOf(dbName)];
  const db = new Map(backends.map((p) => [p, ticksOf(p) ?? 0]));
  const postmaster = backends.length ? statOf(backends[0])?.[1] : null;
  const own = process.cpuUsage();
  return { at: Date.now(), app: treeTicksOf(appPid), db, reaped: postmaster ? reapedTicksOf(postmaster) : 0, own: (own.user + own.system) / 1e4, machine: machineTicks() };
}

/**
 * Percent of one core used between two snapshots (200 % = both cores of this machine). `otherCpuPct` is what
 * the rest of the machine used meanwhile: when it is high, someone else's work disturbed the figures.
 */
export function cpuPercent(a, b) {
  const secs = (b.at - a.at) / 1000;
  // Live backends, plus what exited in between (parallel workers live for one query) as the postmaster reaped it;
  // the reaped figure holds a whole lifetime, so a backend that was already there counts only from `a` on.
  let db = b.reaped - a.reaped;
  for (const [p, t] of b.db) db += t - (a.db.get(p) ?? 0);
  for (const [p, t] of a.db) if (!b.db.has(p)) db -= t;
  const pct = (ticks) => Math.round(ticks / TICK / secs * 100);
  const app = pct(b.app - a.app);
  const dbPct = pct(db);
  const loadGen = Math.round((b.own - a.own) / secs);
  return { appCpuPct: app, dbCpuPct: dbPct, loadGenCpuPct: loadGen, otherCpuPct: Math.max(0, pct(b.machine - a.machine) - app - dbPct - loadGen) };
}
