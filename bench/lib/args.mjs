/** `npm run bench -- <scenario> [--quick] [--duration=15] [--connections=16]` → options. */
export function parseArgs(argv) {
  const opts = { scenario: null, quick: false, duration: null, connections: 16, keepDb: false };
  for (const a of argv) {
    if (a === '--quick') opts.quick = true;
    else if (a === '--keep-db') opts.keepDb = true;
    else if (a.startsWith('--duration=')) opts.duration = Number(a.slice(11));
    else if (a.startsWith('--connections=')) opts.connections = Number(a.slice(14));
    else if (a === '--help' || a === '-h') opts.help = true;
    else if (!a.startsWith('-') && !opts.scenario) opts.scenario = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (opts.duration !== null && !(opts.duration > 0)) throw new Error('--duration must be a number of seconds > 0');
  if (!(opts.connections >= 1)) throw new Error('--connections must be ≥ 1');
  return opts;
}
