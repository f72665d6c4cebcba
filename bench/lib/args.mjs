/**
 * `npm run bench -- [<scenario>… | all] [--quick] [--duration=<s>] [--connections=16] [--keep-db] [--json]` → options.
 * No scenario, or `all`, means the default set (run.mjs); several names run in one go.
 */
export function parseArgs(argv) {
  const opts = { scenarios: [], quick: false, duration: null, connections: 16, keepDb: false, json: false };
  for (const a of argv) {
    if (a === '--quick') opts.quick = true;
    else if (a === '--keep-db') opts.keepDb = true;
    else if (a === '--json') opts.json = true;
    else if (a.startsWith('--duration=')) opts.duration = Number(a.slice(11));
    else if (a.startsWith('--connections=')) opts.connections = Number(a.slice(14));
    else if (a === '--help' || a === '-h') opts.help = true;
    else if (!a.startsWith('-')) opts.scenarios.push(a);
    else throw new Error(`unknown argument ${a}`);
  }
  if (opts.duration !== null && !(opts.duration > 0)) throw new Error('--duration must be a number of seconds > 0');
  if (!(opts.connections >= 1)) throw new Error('--connections must be ≥ 1');
  return opts;
}
