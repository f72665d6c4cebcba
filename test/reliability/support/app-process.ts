/**
 * The app as a real server process — its production bundle, as deployed — on a PostgreSQL database (the approach of
 * bench/lib/app-process.mjs), restartable on the same port so a client keeps one address across crashes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a plain ES module script of the repository, without type declarations
import { buildServerBundle } from '../../../scripts/build-server.mjs';

let bundle: Promise<string> | null = null;
/** The production bundle of the current sources, built once per test process into a folder of its own. */
function serverBundle(): Promise<string> {
  return (bundle ??= (async () => {
    const outfile = `.tmp/reliability-server-${process.pid}/main.mjs`;
    await buildServerBundle(outfile);
    return outfile;
  })());
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address() as { port: number }; srv.close(() => resolve(port)); });
  });
}

export interface AppProcess {
  url: string;
  /** The running server process (changes at every restart). */
  readonly pid: number;
  /** Starts the server (again) and resolves once /api/health/ready answers 200. */
  start(): Promise<void>;
  /** SIGKILL: no drain, no goodbye; resolves once the process is gone. */
  crash(): Promise<void>;
  /** SIGTERM (the graceful drain); resolves with the exit code. */
  stop(): Promise<number | null>;
  output(): string;
  cleanup(): void;
}

export async function appProcess(opts: { databaseUrl: string; env?: Record<string, string> }): Promise<AppProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dh-reliability-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<number | null> = Promise.resolve(null);
  let tail = '';
  const keep = (chunk: Buffer) => { tail = (tail + chunk).slice(-20_000); };

  return {
    url,
    get pid() { return child?.pid ?? 0; },
    async start() {
      const proc = spawn(process.execPath, ['--enable-source-maps', await serverBundle()], {
        env: {
          ...process.env, DATABASE_URL: opts.databaseUrl, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST: dataDir,
          LOG_LEVEL: 'warn', NODE_ENV: 'production', DEMO_SEED: 'auto', CARRIER_SIMULATOR: 'off',
          // Fixed across restarts, like a real deployment: sessions (kept in the database) survive a crash.
          SESSION_SECRET: 'reliability-secret-reliability-secret-0123', LOGIN_RATE_LIMIT_PER_MINUTE: '100000', ...opts.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      proc.stdout!.on('data', keep);
      proc.stderr!.on('data', keep);
      child = proc;
      exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
      for (let i = 0; i < 600; i++) {
        if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`the server exited while starting:\n${tail}`);
        try { if ((await fetch(`${url}/api/health/ready`)).status === 200) return; } catch { /* not listening yet */ }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the server was not ready after 60 s:\n${tail}`);
    },
    async crash() {
      child?.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    output: () => tail,
    cleanup() { rmSync(dataDir, { recursive: true, force: true }); },
  };
}
