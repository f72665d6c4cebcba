import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { log } from './log.mjs';
import { buildServerBundle } from '../../scripts/build-server.mjs';

export const REPO = new URL('../../', import.meta.url).pathname;
const SERVER_BUILD = 'dist/server/main.mjs';

/** Builds the production server bundle (as `npm run build:server`) from the current source, once per bench run. */
export async function buildServer() {
  const started = performance.now();
  await buildServerBundle(SERVER_BUILD);
  log(`server built: ${SERVER_BUILD} in ${Math.round(performance.now() - started)} ms`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/**
 * The app as its own process from its production build (`node dist/server/main.mjs`, made by buildServer()), in
 * production mode, on the bench database.
 * Resolves once /api/health answers 200, polled every `pollMs` (the `startup` scenario polls often, to time the
 * cold start: `readyMs` is from the spawn to that first 200); its pid is the Node process itself (the primary in
 * cluster mode), so /proc/<pid> is the server. `env.SESSION_SECRET` keeps sessions valid across restarts.
 */
export async function startApp({ databaseUrl, env = {}, timeoutMs = 180_000, pollMs = 50 }) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dh-bench-'));
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER_BUILD], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_SEED: 'auto',
      NODE_ENV: 'production', SESSION_SECRET: randomBytes(32).toString('base64url'), WEB_DIST: join(dataDir, 'web'), DATA_DIR: dataDir, ...env,
    },
  });
  let tail = '';
  const keep = (chunk) => { tail = (tail + chunk).slice(-8000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`the app exited (${exited.code ?? exited.signal}) before it was ready:\n${tail}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`the app was not ready after ${timeoutMs / 1000} s:\n${tail}`); }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  const readyMs = Math.round(performance.now() - spawnedAt);
  log(`app ready on ${baseUrl} (pid ${child.pid}) after ${(readyMs / 1000).toFixed(1)} s`);
  return {
    pid: child.pid,
    baseUrl,
    readyMs,
    alive: () => !exited,
    output: () => tail,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
