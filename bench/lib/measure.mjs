import { loadavg } from 'node:os';
import { waitIdle } from './db.mjs';
import { runUsers } from './flow.mjs';
import { log } from './log.mjs';
import { sampleActivity } from './pg-activity.mjs';

/** The 1-minute load average, rounded. */
export const load1 = () => Math.round(loadavg()[0] * 100) / 100;

/**
 * One closed-loop measurement (`runUsers`) of the app on the bench database: waits until the database is idle,
 * warms up, runs `between()`, then samples what the database's backends do (pg_stat_activity) during the measured
 * window. Returns runUsers' summary plus `activity` and the load average before and after.
 */
export async function measureUsers({ db, app, name, users, seconds, warmupSeconds, iteration, between = async () => {} }) {
  await waitIdle(db.url);
  log(`load: ${name}, ${users.length} customer(s), ${seconds} s (after a ${warmupSeconds} s warm-up)`);
  let activity = null;
  const loadAvgBefore = load1();
  const result = await runUsers({
    users, seconds, warmupSeconds, iteration, pid: app.pid, dbName: db.name,
    between: async () => { await between(); activity = await sampleActivity(db.url); },
  });
  return { ...result, activity: await activity.stop(), loadAvgBefore, loadAvgAfter: load1() };
}
