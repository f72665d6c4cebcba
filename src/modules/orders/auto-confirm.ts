import { and, eq, lte } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { systemActor } from '../../platform/auth/actor.js';
import { tenants } from '../tenants/tenants.tables.js';
import { readSettings } from '../settings/settings.service.js';
import { applyAction } from './orders.service.js';
import { orders } from './orders.tables.js';

/**
 * Confirms receipt of orders shipped more than `autoConfirmDays` ago (settings), tenant by tenant, one transaction
 * per order (each is re-checked under its row lock, so a customer confirming at the same moment is not doubled).
 * Returns how many orders were confirmed.
 */
export async function autoConfirmDue(database: Database, now = new Date()): Promise<number> {
  const all = await database.owner.select({ id: tenants.id }).from(tenants);
  let confirmed = 0;
  const actor = systemActor([], '自动确认收货');
  for (const t of all) {
    const due = await database.tx(t.id, async (tx) => {
      const { settings } = await readSettings(tx, t.id);
      const before = new Date(now.getTime() - settings.orders.autoConfirmDays * 86_400_000);
      return tx.select({ id: orders.id }).from(orders)
        .where(and(eq(orders.tenantId, t.id), eq(orders.status, 'pending_receipt'), lte(orders.shippedAt, before))).limit(500);
    });
    for (const { id } of due) {
      const done = await database.tx(t.id, async (tx) => {
        const [o] = await tx.select().from(orders).where(and(eq(orders.tenantId, t.id), eq(orders.id, id))).for('update');
        if (o?.status !== 'pending_receipt') return false;
        await applyAction(tx, { tenantId: t.id, actor }, o, 'auto_confirm', {});
        return true;
      });
      if (done) confirmed++;
    }
  }
  return confirmed;
}

/** Runs `autoConfirmDue` every `everyMs` (hourly by default) until stopped. */
export function startAutoConfirm(database: Database, log: { error: (o: object, m: string) => void }, everyMs = 3_600_000) {
  const timer = setInterval(() => { autoConfirmDue(database).catch((err) => log.error({ err }, 'auto-confirm failed')); }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
