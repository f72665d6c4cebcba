import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const lockFile = (dataDir: string) => join(dataDir, 'server.pid');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a live process holding the embedded database, if any. */
export function dataDirHolder(dataDir: string): number | null {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8'));
  return Number.isInteger(pid) && pid !== process.pid && alive(pid) ? pid : null;
}

/** PGlite is single-process: a second server (or a backup) on the same data dir would corrupt it. */
export function acquireDataDirLock(dataDir: string): void {
  const holder = dataDirHolder(dataDir);
  if (holder) throw new Error(`the data directory ${dataDir} is in use by process ${holder}; stop it first`);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockFile(dataDir), String(process.pid));
  process.on('exit', () => rmSync(lockFile(dataDir), { force: true }));
}
