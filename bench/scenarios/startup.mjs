import { setTimeout as sleep } from 'node:timers/promises';
import { startApp } from '../lib/app-process.mjs';
import { rssMb } from '../lib/proc.mjs';
import { summarize } from '../lib/stats.mjs';

export const description = 'Startup: cold start of the app process (the production build, node dist/server/main.mjs, NODE_ENV=production) to its first 200 on GET /api/health — the first start on an empty database (migrations and demo seed, by the runner) and fresh processes on the migrated database (quick 1, full 5) — and its RSS once idle.';

export async function run(ctx) {
  const { quick, db, app, log, appStarts, env } = ctx;
  const idleSeconds = quick ? 2 : 5;
  const restarts = quick ? 1 : 5;
  const first = appStarts[0];

  // The run's own app, idle since the runner started it (this scenario comes first in the default set).
  await sleep(idleSeconds * 1000);
  const firstIdleRss = rssMb(app.pid);
  // More processes on the same, now migrated, database, one at a time, while the run's app stays idle. Polled every
  // 10 ms: the figure is the spawn → first 200 time, node's own start and loading the bundle included.
  const runs = [];
  for (let i = 0; i < restarts; i++) {
    const s = await startApp({ databaseUrl: db.url, env, pollMs: 10 });
    const rssAtReady = rssMb(s.pid);
    await sleep(idleSeconds * 1000);
    runs.push({ readyMs: s.readyMs, rssAtReadyMb: rssAtReady, rssIdleMb: rssMb(s.pid) });
    await s.stop();
  }
  log(`startup: first ${first.readyMs} ms, then ${runs.map((r) => r.readyMs).join(', ')} ms`);

  const ready = summarize(runs.map((r) => r.readyMs), 1, 0);
  const idle = summarize(runs.map((r) => r.rssIdleMb), 1, 0);
  const workers = first.workers > 1 ? `, ${first.workers} server processes` : '';
  const summary = [
    { measure: `first start, ${first.freshDatabase ? 'empty database: migrations + demo seed' : 'database already prepared'}${workers}`, unit: 'ms', p50: first.readyMs, max: first.readyMs, rss: firstIdleRss,
      note: `RSS idle ${idleSeconds} s after start (at ready ${first.rssAtReadyMb} MB)` },
    { measure: `start on the migrated database (${runs.length}×)${workers}`, unit: 'ms', p50: ready.p50, p95: ready.p95, max: ready.max, rss: idle.p50,
      note: `RSS idle ${idleSeconds} s after start, median (max ${idle.max} MB)` },
  ];
  return {
    summary,
    tables: [{ title: 'Cold start to the first 200 of /api/health (ms) and RSS (MB)', rows: [
      { what: summary[0].measure, ms: first.readyMs, atReady: first.rssAtReadyMb, idle: firstIdleRss },
      ...runs.map((r, i) => ({ what: `start ${i + 1} on the migrated database`, ms: r.readyMs, atReady: r.rssAtReadyMb, idle: r.rssIdleMb })),
    ], columns: [['what', 'start'], ['ms', 'ms to first 200'], ['atReady', 'RSS at ready'], ['idle', `RSS idle after ${idleSeconds} s`]] }],
    notes: [
      'The app runs from its production build (dist/server/main.mjs, bundled by esbuild from the current sources at the start of the run; packages load from node_modules).',
    ],
    json: { results: { first: { ...first, rssIdleMb: firstIdleRss }, restarts: runs, idleSeconds } },
  };
}
