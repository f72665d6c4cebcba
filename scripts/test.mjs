// `npm test`: the whole suite. Builds the web app for the browser tests, finds the PostgreSQL server
// for the server tier, and runs every vitest project. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';

const env = { ...process.env };
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

if (!env.TEST_DATABASE_URL && (await reachable(DEFAULT_PG))) env.TEST_DATABASE_URL = DEFAULT_PG;
if (env.TEST_DATABASE_URL) {
  if (!(await reachable(env.TEST_DATABASE_URL))) {
    console.error(`TEST_DATABASE_URL=${env.TEST_DATABASE_URL} is not reachable`);
    process.exit(1);
  }
  console.log(`PostgreSQL server tier: ${env.TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`);
} else {
  console.log('PostgreSQL server tier SKIPPED: no server at 127.0.0.1:5432 and TEST_DATABASE_URL unset');
}

if (!existsSync('dist/web/admin.html') || env.CI) {
  const build = spawnSync('npm', ['run', 'build:web'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit', env });

// One plain closing line that any CI reads, whatever the reporter.
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
}
process.exit(run.status ?? 1);
