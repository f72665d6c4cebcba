import pg from 'pg';
import { log } from './log.mjs';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A throw-away database on the server named by BENCH_DATABASE_URL. The UTF-8 ctype matters: pg_trgm drops
 * Chinese characters under LC_CTYPE C (DESIGN.md §8).
 */
export async function createBenchDatabase(adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL) {
  const name = `dh_bench_${Date.now()}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  log(`database ${name} created`);
  return {
    name,
    url: url.toString(),
    async drop() {
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      log(`database ${name} dropped`);
    },
  };
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { return await fn(client); } finally { await client.end(); }
}

/** PostgreSQL array literal for text[] columns passed through unnest as text. */
export const pgArray = (values) => `{${values.map((v) => `"${String(v).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/**
 * Multi-row insert of column arrays with one statement: `insert … select … from unnest($1::text[], …)`.
 * `columns` is [[name, type]]; jsonb and array columns travel as text and are cast in the select.
 */
export async function insertColumns(client, table, columns, rows) {
  if (!rows.length) return;
  const passAs = (type) => (type === 'jsonb' || type.endsWith('[]') ? 'text' : type);
  const params = columns.map((_, i) => rows.map((r) => r[i]));
  const unnest = columns.map(([, type], i) => `$${i + 1}::${passAs(type)}[]`).join(', ');
  const names = columns.map(([n]) => n);
  const select = columns.map(([n, type]) => (passAs(type) === type ? n : `${n}::${type}`)).join(', ');
  await client.query(`insert into ${table} (${names.join(', ')}) select ${select} from unnest(${unnest}) as t(${names.join(', ')})`, params);
}

/**
 * Waits until no other session runs a query on this database: requests a load run abandoned at its end keep
 * the server busy, and must not leak into the next measurement.
 */
export async function waitIdle(url, { timeoutMs = 300_000 } = {}) {
  const started = Date.now();
  await withClient(url, async (c) => {
    for (;;) {
      const { rows: [r] } = await c.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`);
      if (r.n === 0 || Date.now() - started > timeoutMs) return;
      await new Promise((res) => setTimeout(res, 100));
    }
  });
  return (Date.now() - started) / 1000;
}
