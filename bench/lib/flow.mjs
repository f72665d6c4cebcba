import http from 'node:http';
import { cpuPercent, cpuSnapshot, rssMb } from './proc.mjs';
import { summarize } from './stats.mjs';

/**
 * Closed-loop "virtual users" for multi-step flows (cart → checkout), where autocannon's request sequences fall
 * short: each user is one customer with its own session and its own keep-alive connection, a step needs the
 * previous answer (the checkout total comes from the preview), and some steps must run outside the measurement
 * (refilling a cart with SQL between two submits). Every call's status is checked; non-2xx answers and socket
 * errors are counted per kind and the first few are kept verbatim, so a failure is never hidden.
 */

const STOP = Symbol('stop');
const STOP_AFTER_ERROR = Symbol('socket error');
const TIMEOUT_MS = 60_000;

/** One customer's connection: a keep-alive agent with a single socket, like one browser tab. */
export function httpUser(baseUrl, headers) {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    headers,
    close: () => agent.destroy(),
    /** → { status, ok, ms, body (Buffer), json() }; rejects only on a socket error or timeout. */
    request(method, path, { body, headers: extra } = {}) {
      const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
      const h = { ...headers, ...extra, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) };
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const req = http.request({ host: base.hostname, port: base.port, method, path, headers: h, agent }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const ms = performance.now() - t0;
            const buf = Buffer.concat(chunks);
            let parsed;
            resolve({ status: res.statusCode, ok: res.statusCode >= 200 && res.statusCode <= 299, ms, body: buf, json: () => (parsed ??= JSON.parse(buf.toString('utf8') || 'null')) });
          });
        });
        req.setTimeout(TIMEOUT_MS, () => req.destroy(Object.assign(new Error(`timeout after ${TIMEOUT_MS / 1000} s`), { code: 'TIMEOUT' })));
        req.on('error', reject);
        req.end(payload ?? undefined);
      });
    },
  };
}

/** Latencies and failures per kind of call, plus named counters (orders placed …). */
export class Recorder {
  constructor() { this.kinds = new Map(); this.failures = new Map(); this.counters = {}; this.series = {}; }
  kind(name) {
    let k = this.kinds.get(name);
    if (!k) this.kinds.set(name, (k = { latencies: [], non2xx: 0, socketErrors: 0 }));
    return k;
  }
  /** A failure: `what` is e.g. "submit 409 cart_prices_changed"; the first 3 details of each are kept. */
  fail(what, detail) {
    let f = this.failures.get(what);
    if (!f) this.failures.set(what, (f = { count: 0, samples: [] }));
    f.count++;
    if (f.samples.length < 3 && detail) f.samples.push(String(detail).slice(0, 400));
  }
  response(kind, r) {
    const k = this.kind(kind);
    k.latencies.push(r.ms);
    if (!r.ok) {
      k.non2xx++;
      let code = '';
      let detail = r.body.toString('utf8', 0, 400);
      try { const p = JSON.parse(r.body.toString('utf8')); code = p.code ?? ''; detail = p.detail ?? p.title ?? detail; } catch { /* not JSON */ }
      this.fail(`${kind} ${r.status} ${code}`.trim(), detail);
    }
  }
  socketError(kind, err) { this.kind(kind).socketErrors++; this.fail(`${kind} socket ${err.code ?? err.message}`, err.message); }
  count(name, n = 1) { this.counters[name] = (this.counters[name] ?? 0) + n; }
  /** A value series that is not a call latency (e.g. the time of a whole checkout, an unmeasured refill). */
  sample(name, ms) { (this.series[name] ??= []).push(ms); }
}

/**
 * Runs every user's `iteration(user, call, rec)` in a loop for `seconds` (after an unrecorded warm-up), all at
 * once. `call(kind, method, path, opts)` sends one request and records it under `kind` (kind null: checked, but
 * not part of the figures); calls stop being sent at the deadline and the calls in flight are awaited and counted,
 * so nothing is abandoned and the elapsed time includes that tail. `between()` runs after the warm-up (e.g. to
 * empty the carts). Returns the summary over all recorded calls, per kind, the failures, counters, CPU and RSS.
 */
export async function runUsers({ users, seconds, warmupSeconds = 0, iteration, pid, dbName, between = async () => {} }) {
  if (warmupSeconds) await loop(users, warmupSeconds, iteration, new Recorder());
  await between();
  const rec = new Recorder();
  let rssPeak = rssMb(pid) ?? 0;
  const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, rssMb(pid) ?? 0); }, 250);
  const cpu0 = cpuSnapshot(pid, dbName);
  const started = performance.now();
  await loop(users, seconds, iteration, rec);
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const cpu = cpuPercent(cpu0, cpuSnapshot(pid, dbName));
  const rss = rssMb(pid);
  const all = [];
  let non2xx = 0;
  let socketErrors = 0;
  for (const k of rec.kinds.values()) { all.push(...k.latencies); non2xx += k.non2xx; socketErrors += k.socketErrors; }
  const round = (x) => Math.round(x * 10) / 10;
  return {
    ...summarize(all, elapsed, non2xx),
    errors: non2xx + socketErrors, socketErrors, seconds: round(elapsed), users: users.length,
    rssMb: rss, rssPeakMb: Math.max(rssPeak, rss ?? 0), ...cpu,
    byKind: Object.fromEntries([...rec.kinds].map(([name, k]) => [name, { ...summarize(k.latencies, elapsed, k.non2xx), errors: k.non2xx + k.socketErrors }])),
    counters: rec.counters,
    perSecond: Object.fromEntries(Object.entries(rec.counters).map(([n, v]) => [n, round(v / elapsed)])),
    series: Object.fromEntries(Object.entries(rec.series).map(([n, v]) => [n, summarize(v, elapsed, 0)])),
    failures: Object.fromEntries([...rec.failures].sort((a, b) => b[1].count - a[1].count)),
  };
}

async function loop(users, seconds, iteration, rec) {
  const deadline = performance.now() + seconds * 1000;
  const over = () => performance.now() >= deadline;
  await Promise.all(users.map(async (user) => {
    const call = async (kind, method, path, opts) => {
      if (over()) throw STOP;
      try {
        const r = await user.http.request(method, path, opts);
        if (kind) rec.response(kind, r);
        else if (!r.ok) rec.response(`(unmeasured) ${method} ${path.split('?')[0]}`, r);
        return r;
      } catch (err) {
        rec.socketError(kind ?? `(unmeasured) ${method}`, err);
        throw STOP_AFTER_ERROR;
      }
    };
    while (!over()) {
      try {
        await iteration(user, call, rec);
      } catch (err) {
        if (err === STOP) break;
        if (err === STOP_AFTER_ERROR) { await new Promise((r) => setTimeout(r, 100)); continue; }
        rec.fail(`iteration threw ${err.code ?? err.name}`, err.stack ?? err.message);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }));
}
