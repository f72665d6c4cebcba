import { AppError } from '../errors/app-error.js';

interface PgErrorLike { code?: string; constraint?: string }

/** Drizzle wraps driver errors; the PostgreSQL error with its SQLSTATE is the cause. */
export function pgError(err: unknown): PgErrorLike | null {
  let e = err as { code?: unknown; cause?: unknown } | null;
  for (let i = 0; e && i < 3; i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e as PgErrorLike;
    e = e.cause as typeof e;
  }
  return null;
}

const LOST_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
/** What node-postgres says when a connection breaks under a query or cannot be had; these carry no code. */
const LOST_MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed/;

/**
 * The database connection was lost or could not be opened (server restart, failover, pg_terminate_backend, pool
 * timeout): a passing outage, answered 503 `unavailable`, never a 500. Looks through Drizzle's wrapping, which
 * also reports the failed ROLLBACK on a dead connection instead of the original error.
 */
export function connectionLost(err: unknown): boolean {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | null;
  for (let i = 0; e && i < 4; i++) {
    // A coded error decides by its code; Drizzle's wrapper quotes the query's parameters (user input) in its message.
    if (typeof e.code === 'string') return LOST_CODES.has(e.code);
    if (typeof e.message === 'string' && !e.message.startsWith('Failed query:') && LOST_MESSAGES.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Turns a unique-key violation into `409 duplicate` naming the field, so a race between two
 * creates of the same username still answers like the pre-check would have.
 */
export async function withUniqueFields<T>(work: Promise<T>, fields: Record<string, string>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const pg = pgError(err);
    if (pg?.code === '23505') {
      const path = (pg.constraint && fields[pg.constraint]) || 'body';
      throw new AppError('duplicate', { message: `${path} is already taken`, errors: [{ path, message: 'already taken' }] });
    }
    throw err;
  }
}
