import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import type { Tx } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { idempotencyKeys } from './idempotency.tables.js';

export interface Replayable<T> { status: number; body: T }

const KEY = /^[A-Za-z0-9_\-:.]{8,64}$/;

/** The `Idempotency-Key` header, required on POSTs that create orders, payments, refunds or shipments. */
export function idempotencyKeyOf(req: FastifyRequest): string {
  const raw = req.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) throw new AppError('idempotency_key_required');
  if (!KEY.test(key)) throw new AppError('idempotency_key_required', { message: 'the Idempotency-Key header must be 8–64 letters, digits or - _ : .' });
  return key;
}

/** The `Idempotency-Key` header where it is optional (a staff form's manual write): absent → undefined, malformed → 400. */
export function optionalIdempotencyKeyOf(req: FastifyRequest): string | undefined {
  return req.headers['idempotency-key'] === undefined ? undefined : idempotencyKeyOf(req);
}

const hashOf = (body: unknown) => createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');

/**
 * Runs `effect` at most once per (caller, operation, key) inside the caller's transaction.
 * A concurrent duplicate waits on the key row until the first commits, then answers its stored response;
 * if the first rolls back, the duplicate runs the effect itself. Same key with another body → 422.
 */
export async function oncePerKey<T>(tx: Tx, tenantId: string, who: { actor: Actor; operation: string; key: string; body: unknown },
  effect: () => Promise<Replayable<T>>): Promise<Replayable<T>> {
  const scope = `${who.actor.kind}:${who.actor.id}:${who.operation}`;
  const requestHash = hashOf(who.body);
  const claimed = await tx.insert(idempotencyKeys).values({ tenantId, scope, key: who.key, requestHash, status: 0, response: sql`'null'::jsonb` })
    .onConflictDoNothing().returning({ key: idempotencyKeys.key });
  const where = and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, who.key));
  if (claimed.length === 0) {
    const [prior] = await tx.select().from(idempotencyKeys).where(where);
    if (prior.requestHash !== requestHash) throw new AppError('idempotency_mismatch', { message: 'this Idempotency-Key was used with a different request body' });
    return { status: prior.status, body: prior.response as T };
  }
  const result = await effect();
  await tx.update(idempotencyKeys).set({ status: result.status, response: result.body as object }).where(where);
  return result;
}
