import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './app-process.mjs';

/**
 * Runs the app's own `dinghuo check-ledgers` (bin/dinghuo.mjs) on a database, as an operator would: stock levels
 * = movements = open order allocations. Returns its exit code, last line (the verdict: "ledgers balanced" or
 * "<n> problem(s) found"), every UNBALANCED line, stderr and the time it took.
 */
export async function checkLedgers(databaseUrl) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dh-bench-cli-'));
  const t0 = performance.now();
  try {
    const { exitCode, stdout, stderr } = await new Promise((resolve) => execFile(process.execPath, ['bin/dinghuo.mjs', 'check-ledgers'], {
      cwd: REPO, maxBuffer: 64 << 20, timeout: 300_000,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, NODE_ENV: 'production', SESSION_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'warn' },
    }, (err, out, errOut) => resolve({ exitCode: err ? (typeof err.code === 'number' ? err.code : String(err.code ?? err.signal ?? 'failed')) : 0, stdout: out, stderr: errOut })));
    const lines = stdout.trim().split('\n').filter(Boolean);
    return {
      exitCode, verdict: lines.at(-1) ?? '(no output)', problems: lines.filter((l) => l.startsWith('UNBALANCED')),
      stderr: stderr.trim().slice(-2000), seconds: Math.round((performance.now() - t0) / 100) / 10,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
