const pct = (x) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(1)} %`);
const n = (x) => x.toLocaleString('en');

/** The tables, notes and JSON of one inventory run. */
export function inventoryReport({ size, seconds, warmupSeconds, workers, prep, races, hot, spread, holdings, ledgers, pgbench, loadAvg }) {
  const tps = pgbench.tps;
  const stockText = size.raceStock.map((q, i) => `${q} in ${prep.warehouses[i].code}`).join(' + ');
  const raceRows = races.map((r) => ({
    round: `${r.round} (${r.sku})`, accepted: r.accepted, refused: r.refused, other: r.other, seconds: r.seconds,
    p50: r.latency.p50, max: r.latency.max,
    stock: r.stock.map((s) => `${s.code} ${s.on_hand}/${s.reserved}`).join(', '), negative: r.negative ? 'YES' : 'no', verdict: r.verdict,
  }));

  const rate = (r) => r.perSecond.orders ?? 0;
  const loadRow = (what, r) => ({
    what, rate: rate(r), ratio: pct(rate(r) / tps), p50: r.p50, p95: r.p95, p99: r.p99, max: r.max, errors: r.errors,
    cpu: `${r.appCpuPct} / ${r.dbCpuPct} / ${r.loadGenCpuPct} / ${r.otherCpuPct}`,
  });
  const loadRows = [
    loadRow('one hot SKU (orders)', hot),
    loadRow(`${n(size.distinct)} distinct SKUs (orders)`, spread),
    { what: 'pgbench tpcb-like (TPS)', rate: tps, ratio: '100 %', cpu: `machine ${pgbench.machineCpuPct}`, p50: undefined },
  ];
  const dbRows = [['one hot SKU', hot], ['distinct SKUs', spread]].flatMap(([name, r]) => [
    { phase: name, state: `transactions ≈ ${n(r.activity.transactions)} (refills included), ≈ ${(r.activity.transactions / Math.max(1, r.counters.orders ?? 0)).toFixed(1)} per order placed`, avg: undefined },
    ...Object.entries(r.activity.backendsAvg).map(([state, avg]) => ({ phase: '', state, avg })),
  ]);

  const answerLines = races.flatMap((r) => Object.entries(r.answers).map(([what, v]) => `Race ${r.round} answers: ${v.count} × ${what}${v.samples.length ? ` — e.g. "${v.samples[0]}"` : ''}`));
  const raceChecks = races.map((r) => `Race ${r.round} in the database: ${r.db.orders} orders hold ${r.db.ordered_qty} units; allocations ${r.db.allocated}; ${r.db.reserve_moves} reserve movements (reserved Δ ${r.db.moved_reserved}); stock rows reserved ${r.stock.reduce((s, x) => s + x.reserved, 0)} (expected ${r.accepted} everywhere).`);
  const ledgerLine = (name, l) => `check-ledgers ${name} (node bin/dinghuo.mjs check-ledgers, ${l.seconds} s): exit ${l.exitCode}, "${l.verdict}"${l.problems.length ? `; ${l.problems.slice(0, 5).join(' | ')}` : ''}${l.exitCode !== 0 && l.stderr ? `; stderr: ${l.stderr}` : ''}`;
  const holdLine = (name, h) => `${name}: stock reserved ${n(h.reserved)} = ordered ${n(h.ordered)} base units: ${h.reserved === h.ordered ? 'yes' : 'NO'}; rows negative or oversold: ${h.bad_rows}.`;
  const failureLines = [['one hot SKU', hot.failures], ['distinct SKUs', spread.failures]].flatMap(([name, f]) =>
    Object.entries(f).map(([what, v]) => `FAILURES in ${name}: ${v.count} × ${what}${v.samples.length ? ` — e.g. ${v.samples[0]}` : ''}`));
  const disturbed = [['one hot SKU', hot], ['distinct SKUs', spread]].filter(([, r]) => r.otherCpuPct > 25);

  // Rows of the run's combined table (bench/run.mjs); the runner adds the ratio to pgbench to the write rows.
  const sumRow = (measure, r) => ({ measure, unit: 'orders/s', write: true, rate: rate(r), p50: r.p50, p95: r.p95, p99: r.p99, max: r.max, errors: r.errors, rss: r.rssPeakMb });
  const summary = [
    ...races.map((r) => ({ measure: `race ${r.round}: ${r.customers} submit at once for ${r.stockTotal}`, unit: 'submits/s', write: true, rate: Math.round(r.customers / r.seconds),
      p50: r.latency.p50, p95: r.latency.p95, p99: r.latency.p99, max: r.latency.max, errors: r.other, note: `${r.accepted} accepted, ${r.refused} refused: ${r.verdict}` })),
    sumRow(`one hot SKU (${size.clients} customers)`, hot),
    sumRow(`${n(size.distinct)} distinct SKUs (${size.clients} customers)`, spread),
  ];
  return {
    summary,
    tables: [
      { title: `The oversell race: ${size.customers} customers (each its own member session and connection) submit an order for 1 unit at the same moment; ${stockText} = ${races[0]?.stockTotal} available; app with ${workers} server process(es)`,
        rows: raceRows,
        columns: [['round', 'race (SKU)'], ['accepted', 'accepted'], ['refused', '409 out_of_stock'], ['other', 'other'], ['seconds', 'seconds', 2], ['p50', 'p50 ms', 1], ['max', 'max ms', 1],
          ['stock', 'final on hand/reserved'], ['negative', 'negative'], ['verdict', 'verdict']] },
      { title: `Reservation throughput: ${size.clients} customers at once, each submitting a 1-line order (1 unit) as soon as the previous answered (cart refilled by SQL in between), ${seconds} s after a ${warmupSeconds} s warm-up; latencies of the submit in ms`,
        rows: loadRows,
        columns: [['what', 'scenario'], ['rate', '/s'], ['ratio', 'of pgbench'], ['p50', 'p50', 1], ['p95', 'p95', 1], ['p99', 'p99', 1], ['max', 'max', 1], ['errors', 'errors'], ['cpu', 'CPU % app / db / bench / other']] },
      { title: 'Where the database time goes: bench-database backends by state, average count over the samples (pg_stat_activity every 50 ms)', rows: dbRows,
        columns: [['phase', 'phase'], ['state', 'state'], ['avg', 'backends', 1]] },
    ],
    notes: [
      `Data: ${n(prep.catalog.products)} products, ${n(prep.catalog.skus)} SKUs; ${prep.buyers.length} bench customers (gold dealers, one member login each); stock in ${prep.warehouses.map((w) => `${w.code} (priority ${w.priority})`).join(' and ')}: ${stockText} for each race SKU, 10,000,000 per warehouse for the others; prepared in ${prep.seconds} s. App: ${workers} server process(es).`,
      ...raceChecks,
      ...answerLines,
      ledgerLine('after the race', ledgers.afterRace),
      ledgerLine('at the end', ledgers.atEnd),
      holdLine('Hot SKU', holdings.hot),
      holdLine(`${n(size.distinct)} distinct SKUs`, holdings.distinct),
      `Orders placed: hot SKU ${n(hot.counters.orders ?? 0)} in ${hot.seconds} s, distinct SKUs ${n(spread.counters.orders ?? 0)} in ${spread.seconds} s; the SQL refill before each submit (in the elapsed time, not in the latencies) took p50 ${hot.series['refill by SQL (unmeasured)']?.p50 ?? '–'} / ${spread.series['refill by SQL (unmeasured)']?.p50 ?? '–'} ms.`,
      `pgbench: ${pgbench.command}, scale ${pgbench.scale}, latency avg ${pgbench.latencyAvgMs} ms. CPU in % of one core (200 % = 2 cores); "app" counts the server processes.`,
      `Load average (1 min): at start ${loadAvg.start}; hot SKU ${hot.loadAvgBefore} → ${hot.loadAvgAfter}; distinct SKUs ${spread.loadAvgBefore} → ${spread.loadAvgAfter}; before pgbench ${loadAvg.beforePgbench}; end ${loadAvg.end}.`,
      ...disturbed.map(([name, r]) => `WARNING: other processes used ${r.otherCpuPct} % CPU during ${name}: those figures are disturbed; run again on a quiet machine.`),
      ...(pgbench.failed ? [`WARNING: pgbench reported ${pgbench.failed} failed transactions.`] : []),
      ...races.filter((r) => r.verdict !== 'ok').map((r) => `PROBLEM: race ${r.round} is ${r.verdict}: ${r.accepted} accepted for ${r.stockTotal} units, ${r.other} other answers, stock ${JSON.stringify(r.stock)}.`),
      ...failureLines,
      ...(failureLines.length ? [] : ['Every submit of both loads answered 201 (no failures).']),
    ],
    json: {
      size: { ...size, ...prep.catalog, customers: prep.buyers.length, warehouses: prep.warehouses, prepareSeconds: prep.seconds },
      load: { clients: size.clients, seconds, warmupSeconds, workers },
      results: { races, hotSku: hot, distinctSkus: spread, holdings, ledgers, pgbench, ratios: { hotSku: rate(hot) / tps, distinctSkus: rate(spread) / tps }, loadAvg },
    },
  };
}
