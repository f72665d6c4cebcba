import pg from 'pg';

/**
 * Samples what the bench database's backends are doing (pg_stat_activity) every `intervalMs` while a load runs:
 * running (on CPU or I/O), waiting for a lock (and which one), idle in a transaction (waiting for the app to
 * send the next statement) or idle. Averaged over the samples, it says where a request's database time goes
 * without any server configuration. Also counts committed transactions (pg_stat_database) over the window.
 */
export async function sampleActivity(url, { intervalMs = 50 } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const xacts = async () => Number((await client.query('select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()')).rows[0].n);
  const x0 = await xacts();
  const buckets = new Map();
  let samples = 0;
  let stopped = false;
  const tick = async () => {
    while (!stopped) {
      const { rows } = await client.query(`select state, wait_event_type, wait_event, regexp_replace(left(query, 200), '\\s+', ' ', 'g') as query from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`);
      samples++;
      for (const r of rows) {
        // A backend waiting for a lock is named with the statement it is stuck in (e.g. the order-number counter).
        const stuckIn = r.wait_event_type === 'Lock' ? `, in: ${r.query.slice(0, 70)}` : '';
        const key = r.state === 'active' ? (r.wait_event_type && r.wait_event_type !== 'Activity' ? `active, waiting ${r.wait_event_type}:${r.wait_event}${stuckIn}` : 'active (CPU / running)')
          : r.state === 'idle in transaction' ? 'idle in transaction (waiting for the app)' : r.state;
        buckets.set(key, (buckets.get(key) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
  const running = tick();
  return {
    async stop() {
      stopped = true;
      await running;
      const transactions = (await xacts()) - x0 - samples - 1; // minus the sampler's own statements
      await client.end();
      const avg = Object.fromEntries([...buckets].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, Math.round((n / samples) * 10) / 10]));
      return { samples, backendsAvg: avg, transactions: Math.max(0, transactions) };
    },
  };
}
