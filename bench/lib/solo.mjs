import { percentile } from './stats.mjs';

/**
 * One request at a time, no other load: what a single shopper waits for each kind of request. `samples`
 * requests per kind after one unmeasured request; the median is reported (and the status of any non-2xx).
 */
export async function soloLatencies(baseUrl, headers, kinds, samples = 3) {
  const out = {};
  for (const [kind, path] of kinds) {
    const times = [];
    let non2xx = 0;
    for (let i = 0; i <= samples; i++) {
      const t0 = performance.now();
      const res = await fetch(baseUrl + path(), { headers });
      await res.arrayBuffer();
      if (i > 0) times.push(performance.now() - t0);
      if (!res.ok) non2xx++;
    }
    times.sort((a, b) => a - b);
    out[kind] = { medianMs: Math.round(percentile(times, 50) * 10) / 10, maxMs: Math.round(times[times.length - 1] * 10) / 10, non2xx };
  }
  return out;
}
