import { waitIdle } from '../lib/db.mjs';
import { httpUser } from '../lib/flow.mjs';
import { checkLedgers } from '../lib/ledgers.mjs';
import { rssSampler } from '../lib/proc.mjs';
import { runRace } from './inventory/race.mjs';
import { unitPrices } from './inventory/setup.mjs';
import { clearCarts } from './orders/setup.mjs';
import { RACE_STOCK, world } from './shared/world.mjs';

export const description = 'Race: 200 customers (each its own member session and connection) submit an order for 1 unit of the same SKU at the same moment; 50 in stock (30 in SH01 + 20 in GZ01). Accepted, refused, final stock, and the app\'s own check-ledgers afterwards. 1 race (full: 3, a SKU each); the app runs 2 server processes, so the race is also fought between processes.';

// Two server processes (BENCH_WORKERS overrides): the no-oversell rule must hold across processes, not only within one.
export const appEnv = { WORKERS: '2' };
const CUSTOMERS = 200;

export async function run(ctx) {
  const { quick, db, app, log } = ctx;
  const w = world(ctx);
  const { tenantId, newId } = await w.base();
  const stock = await w.stock();
  if (!stock.tracked) throw new Error('stock is not tracked (no inventory tables or no active warehouse): nothing to race for');
  const stockTotal = RACE_STOCK.reduce((a, b) => a + b, 0);
  const buyers = await w.buyers(CUSTOMERS);
  const sessions = await w.sessions(app, buyers);
  const users = buyers.map((b, index) => ({ ...b, index, session: sessions[index], http: httpUser(app.baseUrl, {}) }));
  const units = stock.race.slice(0, quick ? 1 : 3);
  await unitPrices(w.owner, { tenantId, newId, user: users.at(-1), units });

  const rss = rssSampler(app.pid);
  const races = [];
  for (const [i, unit] of units.entries()) {
    await waitIdle(db.url);
    const r = await runRace({ owner: w.owner, tenantId, newId, users, unit, stockTotal, runId: Date.now().toString(36), round: i + 1 });
    log(`race ${r.round}: ${r.accepted} accepted, ${r.refused} refused, ${r.other} other, ${r.seconds} s, ${r.stock.map((s) => `${s.code} ${s.on_hand}/${s.reserved}`).join(', ')}: ${r.verdict}`);
    races.push(r);
  }
  const { peakMb } = rss.stop();
  await clearCarts(w.owner, tenantId, users.map((u) => u.memberId));
  for (const u of users) u.http.close();
  await waitIdle(db.url);
  const ledgers = await checkLedgers(db.url);
  log(`check-ledgers: ${ledgers.verdict}`);

  const stockText = (r) => r.stock.map((s) => `${s.code} ${s.on_hand}/${s.reserved}`).join(', ');
  const rows = races.map((r) => ({
    round: `${r.round} (${r.sku})`, accepted: r.accepted, refused: r.refused, other: r.other, seconds: r.seconds, p50: r.latency.p50, max: r.latency.max,
    stock: stockText(r), negative: r.negative ? 'YES' : 'no', verdict: r.verdict,
  }));
  // The write rate of a race: submits answered per second, from the first request to the last answer.
  const summary = races.map((r, i) => ({
    measure: `${r.customers} submit at once for ${r.stockTotal}${races.length > 1 ? ` (round ${i + 1})` : ''}`, unit: 'submits/s', write: true, rate: Math.round(r.customers / r.seconds),
    p50: r.latency.p50, p95: r.latency.p95, p99: r.latency.p99, max: r.latency.max, errors: r.other, rss: peakMb,
    note: `${r.accepted} accepted, ${r.refused} refused; final ${stockText(r)}: ${r.verdict}; ledgers ${ledgers.exitCode === 0 ? 'balanced' : 'UNBALANCED'}`,
  }));
  return {
    summary,
    tables: [{
      title: `The oversell race: ${CUSTOMERS} customers submit 1 unit at the same moment; ${RACE_STOCK.join(' + ')} = ${stockTotal} available (final on hand/reserved per warehouse)`,
      rows,
      columns: [['round', 'race (SKU)'], ['accepted', 'accepted'], ['refused', '409 out_of_stock'], ['other', 'other'], ['seconds', 'seconds', 2], ['p50', 'p50 ms', 1], ['max', 'max ms', 1],
        ['stock', 'final stock'], ['negative', 'negative'], ['verdict', 'verdict']],
    }],
    notes: [
      ...races.map((r) => `Race ${r.round} in the database: ${r.db.orders} orders hold ${r.db.ordered_qty} units; allocations ${r.db.allocated}; ${r.db.reserve_moves} reserve movements (reserved Δ ${r.db.moved_reserved}); expected ${r.accepted} everywhere.`),
      ...races.flatMap((r) => Object.entries(r.answers).map(([what, v]) => `Race ${r.round} answers: ${v.count} × ${what}${v.samples.length ? ` — e.g. "${v.samples[0]}"` : ''}`)),
      `check-ledgers (node bin/dinghuo.mjs check-ledgers, ${ledgers.seconds} s): exit ${ledgers.exitCode}, "${ledgers.verdict}"${ledgers.problems.length ? `; ${ledgers.problems.slice(0, 5).join(' | ')}` : ''}${ledgers.exitCode !== 0 && ledgers.stderr ? `; stderr: ${ledgers.stderr}` : ''}`,
      `App: ${ctx.env.WORKERS ?? 1} server process(es); RSS of the app (all processes) peak ${peakMb} MB. The seconds are ${CUSTOMERS} requests queueing on the processes and their connection pools, not a throughput.`,
      ...races.filter((r) => r.verdict !== 'ok').map((r) => `PROBLEM: race ${r.round} is ${r.verdict}: ${r.accepted} accepted for ${r.stockTotal} units, ${r.other} other answers, stock ${JSON.stringify(r.stock)}.`),
    ],
    json: { size: { customers: CUSTOMERS, stock: RACE_STOCK, rounds: races.length, workers: Number(ctx.env.WORKERS ?? 1) }, results: { races, ledgers, rssPeakMb: peakMb } },
  };
}
