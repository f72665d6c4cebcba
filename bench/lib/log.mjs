const t0 = Date.now();
const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s]`;

/** Progress lines on stderr, so stdout stays the report. */
export const log = (...parts) => process.stderr.write(`${stamp()} ${parts.join(' ')}\n`);

/** A progress line that rewrites itself on a terminal and prints every ~10 % otherwise. */
export function progress(label, total) {
  let lastPct = -1;
  return (done) => {
    const pct = Math.floor((done / total) * 100);
    if (process.stderr.isTTY) process.stderr.write(`\r${stamp()} ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${pct} %)${done >= total ? '\n' : ''}`);
    else if (pct >= lastPct + 10 || done >= total) { lastPct = pct; log(`${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${pct} %)`); }
  };
}
