import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { APP_ROLE, type Database, type Db } from './database.js';

/**
 * The committed `migrations/` folder: the nearest one above this module, so the same code finds it when run from
 * source (src/platform/db) and from the production bundle (dist/server).
 */
export const MIGRATIONS_DIR = (() => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error('the migrations folder (migrations/meta/_journal.json) was not found above the server code');
  }
})();

/**
 * Applies the committed SQL migrations, then (re)asserts tenancy on every table that has a tenant_id:
 * row-level security, FORCE (so even the table owner is filtered), one isolation policy, and grants to the app role.
 * Doing this after every migration means a table added later cannot be forgotten.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.withMigrationLock(async (db) => {
    if (database.kind === 'pglite') await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
    else await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
    await enforceTenancy(db);
    await allowIndexedTextSearchUnderRls(db);
  });
}

/**
 * Under row-level security PostgreSQL only uses an index for operators marked LEAKPROOF; LIKE and pg_trgm's `%>`
 * are not, so product search would scan every row (docs/performance.md). Both only compare their two text
 * arguments, and the patterns come from the app, so we mark them leakproof — which takes a superuser; without one
 * this is skipped and a DBA can run the same two statements (README).
 */
async function allowIndexedTextSearchUnderRls(db: Db): Promise<void> {
  await db.execute(sql.raw(`DO $$ BEGIN
      IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION textlike(text, text) LEAKPROOF;
        IF to_regprocedure('word_similarity_commutator_op(text, text)') IS NOT NULL THEN
          ALTER FUNCTION word_similarity_commutator_op(text, text) LEAKPROOF;
        END IF;
      END IF;
    END $$`));
}

async function enforceTenancy(db: Db): Promise<void> {
  // Roles are cluster-wide: a parallel migration of another database may create it at the same moment.
  // A non-superuser owner cannot create roles: then the DBA creates it once (README) and this is a no-op.
  await db.execute(sql.raw(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`));
  await db.execute(sql.raw(`DO $$ BEGIN
      IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN EXECUTE 'GRANT ${APP_ROLE} TO ' || quote_ident(current_user); END IF;
    END $$`));
  await db.execute(sql.raw(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`));
  await db.execute(sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`));
  await db.execute(sql.raw(`REVOKE INSERT, UPDATE, DELETE ON tenants FROM ${APP_ROLE}`));
  await db.execute(sql.raw(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`));
  await db.execute(sql.raw(`DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT c.table_name FROM information_schema.columns c
             JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
             WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
    LOOP
      EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', r.table_name);
      EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', r.table_name);
      IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = r.table_name AND policyname = 'tenant_isolation') THEN
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_setting(''app.tenant_id'', true)) WITH CHECK (tenant_id = current_setting(''app.tenant_id'', true))', r.table_name);
      END IF;
    END LOOP;
  END $$`));
}
