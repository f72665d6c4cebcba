/** Targets from the project brief and the peers' published figures: printed beside ours, never asserted. */
export const TARGETS = {
  search: { rps: 1000, p95: 20, text: '≥ 1,000 req/s, p95 ≤ 20 ms', peers: 'Vendure 8 req/s, Medusa 2–3 req/s' },
  autocomplete: { p95: 10, text: 'p95 ≤ 10 ms' },
  productPage: { p95: 10, text: 'p95 ≤ 10 ms' },
  import: { seconds: 30, text: '≤ 30 s' },
};
const loadRow = (name, r, target) => ({ scenario: name, rps: r.rps, p50: r.p50, p95: r.p95, p99: r.p99, errors: r.errors, rss: r.rssPeakMb, target: target.text, peers: target.peers ?? '' });

/** The table rows, the notes under it and the JSON of one catalog run. */
export function catalogReport({ connections, seconds, importRows, generated, rssIdle, rssEnd, solo, search, autocomplete, productPage, floor, imported }) {
  const loads = [['search', search], ['autocomplete', autocomplete], ['product page', productPage], ['floor', floor]];
  const all = [...loads, ['import', imported]];
  const rows = [
    loadRow('search', search, TARGETS.search),
    ...Object.entries(search.byKind).map(([k, r]) => ({ scenario: `  · ${k}`, rps: r.rps, p50: r.p50, p95: r.p95, p99: r.p99, errors: r.non2xx })),
    loadRow('autocomplete', autocomplete, TARGETS.autocomplete),
    loadRow('product page', productPage, TARGETS.productPage),
    loadRow('floor: /mall/categories', floor, { text: '(reference)', peers: 'auth + 1 tiny query' }),
    { scenario: `import ${importRows.toLocaleString('en')} rows`, errors: imported.status === 'done' ? imported.errorCount : `${imported.status} (${imported.errorCount ?? '?'})`, rss: rssEnd, target: TARGETS.import.text, peers: `took ${imported.seconds ?? '–'} s (${imported.status})` },
  ];
  const sum = (measure, r, note) => ({ measure, unit: 'req/s', rate: r.rps, p50: r.p50, p95: r.p95, p99: r.p99, max: r.max, errors: r.errors, rss: r.rssPeakMb, note });
  const summary = [
    sum('search (mix of 8 kinds)', search, `target ${TARGETS.search.text}`),
    sum('autocomplete', autocomplete, `target ${TARGETS.autocomplete.text}`),
    sum('product page', productPage, `target ${TARGETS.productPage.text}`),
    sum('floor: /mall/categories', floor, 'reference: auth + 1 tiny query'),
    { measure: `import ${importRows.toLocaleString('en')} rows (xlsx)`, unit: 'rows/s', rate: imported.rowsPerSecond ?? null, errors: imported.status === 'done' ? imported.errorCount : imported.status, rss: rssEnd,
      note: `${imported.seconds ?? '–'} s; target for 10,000 rows ${TARGETS.import.text}` },
  ];
  return {
    summary,
    tables: [
      { title: `Under load: ${connections} connections, ${seconds} s each`, rows,
        columns: [['scenario', 'scenario'], ['rps', 'req/s'], ['p50', 'p50 ms', 1], ['p95', 'p95 ms', 1], ['p99', 'p99 ms', 1], ['errors', 'errors'], ['rss', 'RSS MB'], ['target', 'target'], ['peers', 'peers / note']] },
      { title: 'One request at a time (no other load), median of 3', rows: Object.entries(solo).map(([kind, v]) => ({ kind, ...v })),
        columns: [['kind', 'kind'], ['medianMs', 'median ms', 1], ['maxMs', 'max ms', 1], ['non2xx', 'non-2xx']] },
    ],
    notes: [
      `${connections} connections, ${seconds} s per load scenario; · rows are the search mix by query kind (req/s = that kind's share).`,
      ...loads.filter(([, r]) => r.requests < 200).map(([n, r]) => `Only ${r.requests} ${n} answers in ${r.seconds} s (+${r.unfinished} unfinished at the end): its percentiles are rough.`),
      `App RSS idle after generation ${rssIdle} MB, after the import ${rssEnd} MB. RSS MB in the table is the peak during the run.`,
      `CPU % of one core (200 % = 2 cores), app / PostgreSQL / load generator / rest of the machine: ${all.map(([n, r]) => `${n} ${r.appCpuPct} / ${r.dbCpuPct} / ${r.loadGenCpuPct} / ${r.otherCpuPct}`).join('; ')}.`,
      ...all.filter(([, r]) => r.otherCpuPct > 25).map(([n, r]) => `WARNING: other processes used ${r.otherCpuPct} % CPU during ${n}: those figures are disturbed; run again on a quiet machine.`),
    ],
    json: {
      size: { ...generated.totals, generateSeconds: generated.seconds },
      load: { connections, seconds },
      results: { solo, search, autocomplete, productPage, floor, import: imported, rssIdleMb: rssIdle, rssEndMb: rssEnd },
      targets: TARGETS,
      peers: { search: { vendure: '8 req/s', medusa: '2–3 req/s' } },
    },
  };
}

/** The report of BENCH_IMPORT_ONLY: one row per import, nothing else measured. */
export function importOnlyReport({ importRows, generated, runs, rssIdle, rssEnd }) {
  const label = `import ${importRows.toLocaleString('en')} rows (xlsx)`;
  const errorsOf = (r) => (r.status === 'done' ? r.errorCount : r.status);
  return {
    summary: runs.map((r, i) => ({ measure: `${label} #${i + 1}`, unit: 'rows/s', rate: r.rowsPerSecond ?? null, errors: errorsOf(r), rss: rssEnd,
      note: `${r.seconds ?? '–'} s; target for 10,000 rows ${TARGETS.import.text}` })),
    tables: [{
      title: `Import only (BENCH_IMPORT_ONLY=${runs.length}): ${label}, one after the other on the generated catalog`,
      rows: runs.map((r, i) => ({ run: i + 1, seconds: r.seconds, rps: r.rowsPerSecond, status: r.status, errors: r.errorCount, cpu: `${r.appCpuPct} / ${r.dbCpuPct} / ${r.otherCpuPct}` })),
      columns: [['run', 'run'], ['seconds', 'seconds'], ['rps', 'rows/s'], ['status', 'status'], ['errors', 'errors'], ['cpu', 'CPU % app / PostgreSQL / other']],
    }],
    notes: [
      `Catalog before the first import: ${JSON.stringify(generated.totals)}; each import adds its own products. App RSS idle ${rssIdle} MB, at the end ${rssEnd} MB.`,
      ...runs.filter((r) => r.otherCpuPct > 25).map((r, i) => `WARNING: other processes used ${r.otherCpuPct} % CPU during import ${i + 1}: disturbed; run again on a quiet machine.`),
    ],
    json: { size: { ...generated.totals, generateSeconds: generated.seconds }, results: { imports: runs, rssIdleMb: rssIdle, rssEndMb: rssEnd }, targets: TARGETS },
  };
}
