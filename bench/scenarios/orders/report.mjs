/** Targets from issue 4 (orders), as ratios of pgbench tpcb-like TPS measured in the same run: printed, never asserted. */
export const TARGETS = {
  fullCheckout: { ratio: 0.10, p99: 250, text: '≥ 10 % of pgbench TPS, p99 ≤ 250 ms per call' },
  submitAlone: { ratio: 0.25, text: '≥ 25 % of pgbench TPS' },
  change: { p95: 50, text: 'p95 ≤ 50 ms' },
  submit: { ms: 1000, text: '≤ 1 s' },
  consoleOpen: { p95: 300, text: 'p95 ≤ 300 ms' },
};
const PEERS = { fullCheckout: 'Vendure 3.7.3: 3.3/s (p50 4.6 s per order); Medusa 2.21.2: 0.3–0.6/s', change: 'peers: seconds per change at 200 lines' };

const pct = (x) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);
const met = (ok) => (ok ? 'met' : 'MISSED');

/** The tables, notes and JSON of one orders run. */
export function ordersReport({ size, seconds, warmupSeconds, prep, rssIdle, alone, full, submit, big, pgbench, loadAvg, counts }) {
  const tps = pgbench.tps;
  const fullRate = full.perSecond.orders ?? 0;
  const submitRate = submit.perSecond.orders ?? 0;
  const ratios = { fullCheckout: fullRate / tps, submitAlone: submitRate / tps };
  const worstP99 = Math.max(...Object.values(full.byKind).map((k) => k.p99 ?? 0));
  const verdict = {
    fullCheckout: met(ratios.fullCheckout >= TARGETS.fullCheckout.ratio && worstP99 <= TARGETS.fullCheckout.p99 && full.errors === 0),
    submitAlone: met(ratios.submitAlone >= TARGETS.submitAlone.ratio && submit.errors === 0),
    change: met(big.change.p95 !== null && big.change.p95 <= TARGETS.change.p95),
    submit: met(big.submit.max !== null && big.submit.max <= TARGETS.submit.ms),
    consoleOpen: met(big.consoleOpen.p95 !== null && big.consoleOpen.p95 <= TARGETS.consoleOpen.p95),
  };

  const kindRow = (name, r) => ({ what: `  · ${name}`, rate: r.rps, p50: r.p50, p95: r.p95, p99: r.p99, max: r.max, errors: r.errors });
  const loadRows = [
    { what: 'full checkout (orders)', rate: fullRate, ratio: pct(ratios.fullCheckout), p50: full.p50, p95: full.p95, p99: full.p99, max: full.max, errors: full.errors, rss: full.rssPeakMb,
      target: `${TARGETS.fullCheckout.text} (≥ ${Math.round(tps * TARGETS.fullCheckout.ratio)}/s): ${verdict.fullCheckout}` },
    ...Object.entries(full.byKind).map(([k, r]) => kindRow(k, r)),
    ...Object.entries(full.series).filter(([k]) => k.startsWith('whole')).map(([k, r]) => ({ what: `  · ${k}`, rate: r.rps, p50: r.p50, p95: r.p95, p99: r.p99, max: r.max })),
    { what: 'full checkout, 1 customer alone', rate: alone.perSecond.orders ?? 0, p50: alone.p50, p95: alone.p95, p99: alone.p99, max: alone.max, errors: alone.errors, rss: alone.rssPeakMb, target: '(reference: no queueing)' },
    ...Object.entries(alone.byKind).map(([k, r]) => kindRow(k, r)),
    { what: 'submit alone (orders)', rate: submitRate, ratio: pct(ratios.submitAlone), p50: submit.p50, p95: submit.p95, p99: submit.p99, max: submit.max, errors: submit.errors, rss: submit.rssPeakMb,
      target: `${TARGETS.submitAlone.text} (≥ ${Math.round(tps * TARGETS.submitAlone.ratio)}/s): ${verdict.submitAlone}` },
    { what: 'pgbench tpcb-like (TPS)', rate: tps, ratio: '100 %', p50: undefined, target: `-c ${pgbench.clients}, scale ${pgbench.scale}, ${pgbench.seconds} s, latency avg ${pgbench.latencyAvgMs} ms` },
  ];

  const b = big;
  const bigRows = [
    { what: `fill: quick order 2 × 500 rows`, n: b.fill.n, p50: b.fill.p50, p95: b.fill.p95, max: b.fill.max, target: '' },
    { what: 'view the cart (GET /mall/cart)', n: b.cartView.n, p50: b.cartView.p50, p95: b.cartView.p95, max: b.cartView.max, target: '' },
    { what: 'change one quantity (PATCH)', n: b.change.n, p50: b.change.p50, p95: b.change.p95, max: b.change.max, target: `${TARGETS.change.text}: ${verdict.change}` },
    { what: 'checkout page (GET /mall/checkout)', n: b.checkoutPage.n, p50: b.checkoutPage.p50, p95: b.checkoutPage.p95, max: b.checkoutPage.max, target: '' },
    { what: 'submit (POST /mall/checkout)', n: b.submit.n, p50: b.submit.p50, p95: b.submit.p95, max: b.submit.max, target: `${TARGETS.submit.text}: ${verdict.submit}` },
    { what: 'open in the console (staff admin)', n: b.consoleOpen.n, p50: b.consoleOpen.p50, p95: b.consoleOpen.p95, max: b.consoleOpen.max, target: `${TARGETS.consoleOpen.text}: ${verdict.consoleOpen}` },
    { what: 'open in the mall (the member)', n: b.mallOpen.n, p50: b.mallOpen.p50, p95: b.mallOpen.p95, max: b.mallOpen.max, target: '' },
  ];

  // The SQL refills of "submit alone" are one transaction each on the same database: not the app's.
  const appTx = (r) => r.activity.transactions - (r.series['refill by SQL (unmeasured)']?.requests ?? 0);
  const dbRows = [['full checkout', full], ['submit alone', submit]].flatMap(([name, r]) => [
    { phase: name, state: `app transactions ≈ ${appTx(r).toLocaleString('en')}, ≈ ${(appTx(r) / Math.max(1, r.counters.orders ?? 0)).toFixed(1)} per order placed`, avg: undefined },
    ...Object.entries(r.activity.backendsAvg).map(([state, avg]) => ({ phase: '', state, avg })),
  ]);

  const failureLines = [['one customer alone', alone.failures], ['full checkout', full.failures], ['submit alone', submit.failures]].flatMap(([name, f]) =>
    Object.entries(f).map(([what, v]) => `FAILURES in ${name}: ${v.count} × ${what}${v.samples.length ? ` — e.g. ${v.samples[0]}` : ''}`));
  const cpuLine = (name, r) => `${name} ${r.appCpuPct} / ${r.dbCpuPct} / ${r.loadGenCpuPct} / ${r.otherCpuPct}`;

  // Rows of the run's combined table (bench/run.mjs); the runner adds the ratio to pgbench to the write rows.
  const linesPerSecond = b.submit.mean ? Math.round(b.lines / (b.submit.mean / 1000)) : null;
  const summary = [
    { measure: `full checkout (${full.users} customers)`, unit: 'orders/s', write: true, rate: fullRate, p50: full.p50, p95: full.p95, p99: full.p99, max: full.max, errors: full.errors, rss: full.rssPeakMb, note: 'latency per call' },
    { measure: 'submit alone (cart refilled by SQL)', unit: 'orders/s', write: true, rate: submitRate, p50: submit.p50, p95: submit.p95, p99: submit.p99, max: submit.max, errors: submit.errors, rss: submit.rssPeakMb },
    { measure: `${b.lines}-line order: change a quantity`, unit: 'alone', p50: b.change.p50, p95: b.change.p95, p99: b.change.p99, max: b.change.max, errors: b.failures.length, rss: b.rssAfterMb },
    { measure: `${b.lines}-line order: submit`, unit: 'lines/s', write: true, rate: linesPerSecond, p50: b.submit.p50, p95: b.submit.p95, p99: b.submit.p99, max: b.submit.max },
    { measure: `${b.lines}-line order: open in the console`, unit: 'alone', p50: b.consoleOpen.p50, p95: b.consoleOpen.p95, p99: b.consoleOpen.p99, max: b.consoleOpen.max },
  ];
  return {
    summary,
    tables: [
      { title: `Under load: ${full.users} customers at once (each its own member session and connection), ${seconds} s each after a ${warmupSeconds} s warm-up; latencies in ms per call`,
        rows: loadRows,
        columns: [['what', 'scenario'], ['rate', '/s'], ['ratio', 'of pgbench'], ['p50', 'p50', 1], ['p95', 'p95', 1], ['p99', 'p99', 1], ['max', 'max', 1], ['errors', 'errors'], ['rss', 'RSS MB'], ['target', 'target']] },
      { title: `A ${b.lines.toLocaleString('en')}-line order, one request at a time (ms)`, rows: bigRows,
        columns: [['what', 'step'], ['n', 'n'], ['p50', 'p50', 1], ['p95', 'p95', 1], ['max', 'max', 1], ['target', 'target']] },
      { title: 'Where the database time goes: bench-database backends by state, average count over the samples (pg_stat_activity every 50 ms)', rows: dbRows,
        columns: [['phase', 'phase'], ['state', 'state'], ['avg', 'backends', 1]] },
    ],
    notes: [
      `Data: ${prep.catalog.products.toLocaleString('en')} products, ${prep.catalog.skus.toLocaleString('en')} SKUs, ${prep.catalog.sku_units.toLocaleString('en')} sell units (${prep.units.length.toLocaleString('en')} orderable by 1); stock: ${prep.stock ? `${prep.stock.rows.toLocaleString('en')} stock rows (10,000,000 per SKU and active warehouse), so every submit also reserves stock` : 'not tracked by this code (no warehouse)'}; ${full.users} bench customers + 1 for the big order, prepared in ${prep.seconds} s. Orders in the database at the end: ${counts.orders.toLocaleString('en')} (${counts.order_lines.toLocaleString('en')} lines).`,
      `Ratios: full checkout ${pct(ratios.fullCheckout)} of pgbench (target 10 %), submit alone ${pct(ratios.submitAlone)} (target 25 %); worst per-call p99 in the full checkout ${worstP99} ms (target ≤ 250). Peers (issue 4): ${PEERS.fullCheckout}.`,
      `Full checkout: ${full.counters.orders ?? 0} orders and ${full.requests} calls in ${full.seconds} s (${full.rps} calls/s). Submit alone: ${submit.counters.orders ?? 0} orders in ${submit.seconds} s; the SQL refill before each submit (not in the latencies, but in the elapsed time) took p50 ${submit.series['refill by SQL (unmeasured)']?.p50 ?? '–'} ms.`,
      `Big order: submits ${b.submit.n} (${b.orderIds.length} placed), app RSS ${b.rssBeforeMb} → ${b.rssAfterMb} MB.${b.failures.length ? ` FAILURES: ${b.failures.join(' | ')}` : ' No failures.'}`,
      `App RSS idle after preparation ${rssIdle} MB; RSS MB in the table is the peak during the run.`,
      `CPU % of one core (200 % = 2 cores), app / PostgreSQL / load generator / rest of the machine: ${cpuLine('one customer alone', alone)}; ${cpuLine('full checkout', full)}; ${cpuLine('submit alone', submit)}; pgbench: machine ${pgbench.machineCpuPct} %.`,
      `Load average (1 min): at start ${loadAvg.start}; full checkout ${full.loadAvgBefore} → ${full.loadAvgAfter}; submit alone ${submit.loadAvgBefore} → ${submit.loadAvgAfter}; before pgbench ${loadAvg.beforePgbench}; end ${loadAvg.end}.`,
      ...[['one customer alone', alone], ['full checkout', full], ['submit alone', submit]].filter(([, r]) => r.otherCpuPct > 25).map(([n, r]) => `WARNING: other processes used ${r.otherCpuPct} % CPU during ${n}: those figures are disturbed; run again on a quiet machine.`),
      ...(pgbench.failed ? [`WARNING: pgbench reported ${pgbench.failed} failed transactions.`] : []),
      ...failureLines,
      ...(failureLines.length ? [] : ['Every call answered 2xx (no failures).']),
    ],
    json: {
      size: { ...prep.catalog, orderableUnits: prep.units.length, stock: prep.stock, customers: full.users, bigLines: size.bigLines, prepareSeconds: prep.seconds },
      load: { users: full.users, seconds, warmupSeconds },
      results: { fullCheckoutAlone: alone, fullCheckout: full, submitAlone: submit, bigOrder: big, pgbench, ratios, verdict, rssIdleMb: rssIdle, loadAvg, ordersAtEnd: counts },
      targets: TARGETS,
      peers: PEERS,
    },
  };
}
