/**
 * Delivers the transactional outbox after commit: each pending event is taken under `FOR UPDATE SKIP LOCKED` (so
 * several server processes never deliver one twice), handed to the handlers whose topic matches, and marked
 * delivered in the same transaction. A handler that fails leaves the event pending with its attempt counted; after
 * MAX_ATTEMPTS it is set aside (delivered_at set, last_error kept) so one bad event cannot block the rest.
 * `stop()` ends polling and waits for the batch in hand, then makes one last pass: what the drained requests wrote
 * is delivered before the process exits.
 */
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.js';
import type { Logger } from '../logger.js';
import { outboxEvents } from './outbox.tables.js';

export type OutboxEvent = typeof outboxEvents.$inferSelect;
export interface OutboxHandler {
  /** Which topics it handles (e.g. `(t) => t.startsWith('order.')`). */
  handles(topic: string): boolean;
  /** Runs inside the tenant's transaction that marks the event delivered; throwing retries it later. */
  handle(tx: Tx, e: OutboxEvent): Promise<void>;
}

export const MAX_ATTEMPTS = 5;
const BATCH = 50;

export interface OutboxWorker { start(): void; stop(): Promise<void>; /** One pass over every tenant; resolves with the number of events delivered. */ runOnce(): Promise<number> }

export function createOutboxWorker(deps: { database: Database; tenantIds: () => Promise<string[]>; handlers: OutboxHandler[]; logger: Logger; intervalMs?: number }): OutboxWorker {
  const { database, handlers, logger } = deps;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<number> | null = null;

  /** Delivers one pending event of the tenant; false when none is left. */
  async function deliverOne(tenantId: string): Promise<boolean> {
    let failed: { id: string; error: string } | null = null;
    const found = await database.tx(tenantId, async (tx) => {
      const [e] = await tx.select().from(outboxEvents)
        .where(and(eq(outboxEvents.tenantId, tenantId), isNull(outboxEvents.deliveredAt), lt(outboxEvents.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(outboxEvents.id)).limit(1).for('update', { skipLocked: true });
      if (!e) return false;
      try {
        for (const h of handlers) if (h.handles(e.topic)) await h.handle(tx, e);
      } catch (err) {
        failed = { id: e.id, error: (err as Error).message ?? String(err) };
        return true;
      }
      await tx.update(outboxEvents).set({ deliveredAt: new Date() }).where(and(eq(outboxEvents.tenantId, tenantId), eq(outboxEvents.id, e.id)));
      return true;
    });
    if (failed) {
      const f = failed as { id: string; error: string };
      await database.tx(tenantId, (tx) => tx.update(outboxEvents).set({
        attempts: sql`${outboxEvents.attempts} + 1`, lastError: f.error.slice(0, 500),
        deliveredAt: sql`case when ${outboxEvents.attempts} + 1 >= ${MAX_ATTEMPTS} then now() else null end`,
      }).where(and(eq(outboxEvents.tenantId, tenantId), eq(outboxEvents.id, f.id))));
      logger.warn({ tenantId, eventId: f.id, error: f.error }, 'outbox delivery failed; will retry');
    }
    return found && !failed;
  }

  async function pass(): Promise<number> {
    let delivered = 0;
    for (const tenantId of await deps.tenantIds()) {
      for (let i = 0; i < BATCH && (await deliverOne(tenantId)); i++) delivered++;
    }
    return delivered;
  }

  const runOnce = () => (inFlight ??= pass().finally(() => { inFlight = null; }));

  return {
    runOnce,
    start() {
      const tick = () => {
        runOnce().catch((err) => logger.error({ err }, 'outbox pass failed')).finally(() => {
          if (timer) timer = setTimeout(tick, deps.intervalMs ?? 2000);
        });
      };
      timer = setTimeout(tick, deps.intervalMs ?? 2000);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight?.catch(() => 0);
      await runOnce().catch((err) => logger.error({ err }, 'last outbox pass failed'));
    },
  };
}
