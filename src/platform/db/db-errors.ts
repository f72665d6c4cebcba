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
