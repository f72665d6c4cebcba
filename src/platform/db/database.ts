import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** The role every request runs as; it is not a superuser, so row-level security applies to it. */
export const APP_ROLE = 'dinghuo_app';

export interface Database {
  kind: 'pglite' | 'pg';
  /** Owner connection: migrations, CLI and test set-up only. Requests use `tx`. */
  owner: Db;
  /**
   * One transaction as the app role with the tenant set for row-level security.
   * `tenantId` null means "no tenant": every tenant-scoped table then reads as empty.
   */
  tx<T>(tenantId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  /** Connections for the metrics: open, idle, and queries waiting for one (PGlite: one connection, never idle-counted). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
  /** Runs `fn` while holding the migration lock (an advisory lock on the server; PGlite has one connection anyway). */
  withMigrationLock<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

/** Extensions must be passed every time a PGlite data dir is opened (the migrations create them). */
export const PGLITE_EXTENSIONS = { pg_trgm };

export interface DatabaseOptions {
  url?: string;
  /** PGlite data directory; omitted → in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

function asAppRole<T>(tenantId: string | null, fn: (tx: Tx) => Promise<T>) {
  return async (tx: unknown) => {
    await (tx as Tx).execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId ?? ''}, true)`);
    return fn(tx as Tx);
  };
}

function makeTx(db: Db) {
  return <T>(tenantId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> => db.transaction(asAppRole(tenantId, fn));
}

/**
 * Transactions on the server pool. Drizzle's own pool transaction checks a connection out and sends BEGIN before its
 * try/finally, so a connection cut just then (pg_terminate_backend, failover) was never given back: the pool leaked
 * one connection per cut until every request waited for a free one. Here the connection is always released, and
 * pg-pool discards it when it is no longer usable. (The session objects are cheap; drizzle() per transaction is not.)
 */
function makeServerTx(pool: pg.Pool, db: Db) {
  const dialect = new PgDialect();
  const relational = { fullSchema: db._.fullSchema, schema: db._.schema, tableNamesMap: db._.tableNamesMap } as ConstructorParameters<typeof NodePgSession>[2];
  return async <T>(tenantId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      const tx = new NodePgTransaction(dialect, preparingSession(client, dialect, relational), relational) as unknown as Tx;
      // BEGIN and the role and tenant in one round trip (a simple-protocol query of two statements), as drizzle's
      // transaction() does in two; COMMIT and ROLLBACK as it does them.
      await client.query(`begin; select set_config('role', '${APP_ROLE}', true), set_config('app.tenant_id', ${client.escapeLiteral(tenantId ?? '')}, true)`);
      try {
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    } finally {
      client.release();
    }
  };
}

/**
 * Sends the app's statements as named prepared statements, so PostgreSQL parses and plans each once per connection
 * instead of on every call (planning was half the database time of a product page: docs/performance.md). The name is
 * a hash of the text, so the same text always has the same name. Left unnamed: anything but one plain query; and, so that the statements kept per
 * connection stay bounded by the code rather than by the data: texts with an expanded IN list (one per list length),
 * and text search (LIKE, trigram operators), whose plan depends on the pattern. Connections are also recycled
 * (`maxUses`), which drops what they kept.
 */
function preparingSession(client: pg.PoolClient, dialect: PgDialect, relational: ConstructorParameters<typeof NodePgSession>[2]) {
  const session = new NodePgSession(client, dialect, relational, {});
  const prepare = session.prepareQuery.bind(session);
  session.prepareQuery = ((query, fields, name, ...rest) => prepare(query, fields, name ?? statementName(query.sql), ...rest)) as typeof session.prepareQuery;
  return session;
}

/** Plain queries only: one statement (a named statement cannot hold two), no savepoints or other commands. */
const DML = /^\s*(select|insert|update|delete|with)\b/i;
const UNNAMED = /\bin \(\$|\),\s*\(|\blike\b|%>|<%|word_similarity/i;
const names = new Map<string, string>();
function statementName(text: string): string | undefined {
  if (text.length > 20_000 || !DML.test(text) || text.includes(';') || UNNAMED.test(text)) return undefined;
  let name = names.get(text);
  if (!name) {
    name = `dh_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size > 10_000) names.clear();
    names.set(text, name);
  }
  return name;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openServer(opts.url, opts.poolSize ?? 20) : openEmbedded(opts.dataDir);
}

async function openEmbedded(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ dataDir, extensions: PGLITE_EXTENSIONS });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    owner: db,
    tx: makeTx(db),
    ping: async () => { await client.query('select 1'); },
    poolStats: () => ({ total: 1, idle: 0, waiting: 0 }),
    close: () => client.close(),
    withMigrationLock: (fn) => fn(db),
  };
}

async function openServer(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000, maxUses: 10_000 });
  // A dropped server connection must not crash the process; the next checkout reconnects. The pool only listens
  // for errors of idle connections: one cut while checked out (pg_terminate_backend, a server restart or failover
  // mid-request) emitted an unhandled 'error' and killed the server. Its query fails and the pool discards it.
  pool.on('error', () => {});
  pool.on('connect', (client) => { client.on('error', () => {}); });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'pg',
    owner: db,
    tx: makeServerTx(pool, db),
    ping: async () => { await pool.query('select 1'); },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
    withMigrationLock: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727465)');
        return await fn(drizzlePg(client, { schema }) as unknown as Db);
      } finally {
        await client.query('select pg_advisory_unlock(727465)').catch(() => {});
        client.release();
      }
    },
  };
}
