import autocannon from 'autocannon';
import { cpuPercent, cpuSnapshot, rssMb } from './proc.mjs';
import { summarize } from './stats.mjs';

function fire(opts, onResponse) {
  const instance = autocannon(opts);
  if (onResponse) instance.on('response', onResponse);
  return instance; // thenable: resolves with autocannon's own result
}

/**
 * Drives `connections` keep-alive connections for `seconds`, each request built by `next()` → { kind, path }.
 * Latency is recorded per request (autocannon's histogram has no p95), also per kind, so a mix can be told
 * apart. A warm-up run (not counted) precedes the measurement. `pid` (the server's) and `dbName` (the bench
 * database's) are for RSS and CPU. `drain()` waits for the requests abandoned at the end of a run, so they never
 * leak into the next measurement.
 */
export async function runLoad({ baseUrl, headers, connections, seconds, warmupSeconds = 2, next, pid, dbName, drain = async () => {} }) {
  const request = { setupRequest: (req, context) => { const n = next(); context.kind = n.kind; return { ...req, method: 'GET', path: n.path }; } };
  const base = { url: baseUrl, connections, headers, requests: [request], timeout: 60, renderProgressBar: false, renderResultsTable: false };
  if (warmupSeconds) await fire({ ...base, duration: warmupSeconds });
  await drain();

  const latencies = [];
  const kinds = new Map();
  let non2xx = 0;
  let rssPeak = rssMb(pid) ?? 0;
  const sampler = setInterval(() => { rssPeak = Math.max(rssPeak, rssMb(pid) ?? 0); }, 250);
  const cpu0 = cpuSnapshot(pid, dbName);
  const started = performance.now();
  const result = await fire({ ...base, duration: seconds }, (client, status, _bytes, ms) => {
    const kind = client.requestIterator.context.kind ?? 'other';
    let k = kinds.get(kind);
    if (!k) kinds.set(kind, (k = { latencies: [], non2xx: 0 }));
    latencies.push(ms);
    k.latencies.push(ms);
    if (status < 200 || status > 299) { non2xx++; k.non2xx++; }
  });
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const cpu = cpuPercent(cpu0, cpuSnapshot(pid, dbName));
  const rss = rssMb(pid);
  const drainSeconds = await drain();
  const socketErrors = result.errors; // connection errors, timeouts included
  return {
    ...summarize(latencies, elapsed, non2xx),
    errors: non2xx + socketErrors, socketErrors,
    // Sent but not answered when the run stopped: with slow answers, the slowest are missing from the percentiles.
    unfinished: Math.max(0, (result.requests.sent ?? 0) - latencies.length - socketErrors),
    seconds: Math.round(elapsed * 10) / 10, connections,
    drainSeconds: drainSeconds === undefined ? undefined : Math.round(drainSeconds * 10) / 10, rssMb: rss, rssPeakMb: Math.max(rssPeak, rss ?? 0), ...cpu,
    byKind: Object.fromEntries([...kinds].sort(([a], [b]) => a.localeCompare(b)).map(([name, k]) => [name, summarize(k.latencies, elapsed, k.non2xx)])),
  };
}
