import { join } from 'node:path';
import type { Config } from '../config.js';
import { openDatabase, type Database } from './database.js';
import { migrateDatabase } from './migrate.js';

export const pgliteDir = (config: Config) => join(config.dataDir, 'pglite');

/** Opens the configured database (server if DATABASE_URL is set, else embedded) and brings its schema up to date. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, poolSize: config.poolSize } : { dataDir: pgliteDir(config) });
  await migrateDatabase(database);
  return database;
}
