/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (x, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Latencies (ms) → the summary every scenario reports. */
export function summarize(latencies, seconds, non2xx) {
  const s = Float64Array.from(latencies).sort();
  return {
    requests: s.length,
    rps: round(s.length / seconds, s.length / seconds < 100 ? 1 : 0),
    p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.length ? s[s.length - 1] : null),
    non2xx,
  };
}
