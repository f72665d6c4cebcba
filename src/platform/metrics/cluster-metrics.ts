import cluster, { type Worker } from 'node:cluster';
import client from 'prom-client';

/**
 * With WORKERS > 1 every worker counts its own requests, and a scrape lands on any one of them. So the worker that
 * gets the scrape asks the primary, which collects the registries of all listening workers and answers their sum
 * (prom-client's aggregation: counters and histograms summed, gauges marked `max` — the outbox lag — not).
 * A worker still starting is not asked; one that does not report within 5 s fails the scrape (503) rather than
 * answer a partial sum, which Prometheus would read as counter resets.
 */
const SCRAPE = 'dinghuo:metrics-scrape';
const SCRAPED = 'dinghuo:metrics-scraped';
const COLLECT = 'dinghuo:metrics-collect';
const REPORT = 'dinghuo:metrics-report';

interface Msg { type?: string; id?: number; text?: string; error?: string; metrics?: unknown[] }

/** In the primary: answer the workers' scrapes with the cluster-wide metrics. */
export function serveClusterMetrics(): void {
  const listening = new Set<Worker>();
  cluster.on('listening', (w) => listening.add(w));
  cluster.on('exit', (w) => listening.delete(w));
  const collecting = new Map<number, (metrics: unknown[]) => void>();
  let seq = 0;

  async function collect(): Promise<string> {
    const workers = [...listening].filter((w) => w.isConnected());
    const id = seq++;
    const reports = await new Promise<unknown[][]>((resolve, reject) => {
      const got: unknown[][] = [];
      const timer = setTimeout(() => { collecting.delete(id); reject(new Error(`${workers.length - got.length} of ${workers.length} server processes did not report`)); }, 5000);
      const done = () => { clearTimeout(timer); collecting.delete(id); resolve(got); };
      collecting.set(id, (metrics) => { got.push(metrics); if (got.length === workers.length) done(); });
      if (!workers.length) done();
      for (const w of workers) w.send({ type: COLLECT, id });
    });
    return client.AggregatorRegistry.aggregate(reports).metrics();
  }

  cluster.on('message', (worker, msg: Msg) => {
    if (msg?.type === REPORT && msg.id !== undefined) collecting.get(msg.id)?.(msg.metrics ?? []);
    if (msg?.type === SCRAPE) {
      collect().then(
        (text) => worker.send({ type: SCRAPED, id: msg.id, text }),
        (err: Error) => worker.send({ type: SCRAPED, id: msg.id, error: err.message }),
      );
    }
  });
}

let reported: client.Registry | null = null;

/** In a worker: `register` is what this worker reports when the primary collects. */
export function reportToPrimary(register: client.Registry): void {
  if (!reported) {
    process.on('message', (msg: Msg) => {
      if (msg?.type !== COLLECT || !reported) return;
      reported.getMetricsAsJSON().then(
        (metrics) => process.send!({ type: REPORT, id: msg.id, metrics }),
        () => process.send!({ type: REPORT, id: msg.id, metrics: [] }),
      );
    });
  }
  reported = register;
}

let nextId = 0;

/** In a worker: the metrics of every worker, summed by the primary. */
export function clusterMetricsText(): Promise<string> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (msg: Msg) => {
      if (msg?.type !== SCRAPED || msg.id !== id) return;
      done();
      if (msg.error !== undefined) reject(new Error(msg.error));
      else resolve(msg.text ?? '');
    };
    const timer = setTimeout(() => { done(); reject(new Error('the primary process did not answer')); }, 10_000);
    const done = () => { clearTimeout(timer); process.off('message', onMessage); };
    process.on('message', onMessage);
    process.send!({ type: SCRAPE, id });
  });
}
