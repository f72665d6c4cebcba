import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrateDatabase } from '../../src/platform/db/migrate.js';

export const testDbKind = (): 'pglite' | 'pg' => (process.env.DH_TEST_DB === 'pg' ? 'pg' : 'pglite');

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the PostgreSQL
 * server (UTF-8 with a UTF-8 ctype, as pg_trgm needs for Chinese) that is dropped on close. `serverUrl` names
 * another PostgreSQL server than TEST_DATABASE_URL's (a test's private one) and always means a server database.
 */
export async function createTestDatabase(serverUrl?: string): Promise<Database & { url?: string }> {
  if (!serverUrl && testDbKind() === 'pglite') {
    const db = await openDatabase({});
    await migrateDatabase(db);
    return db;
  }
  const adminUrl = serverUrl ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('DH_TEST_DB=pg needs TEST_DATABASE_URL');
  const name = `dh_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 10 });
  await migrateDatabase(db);
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
