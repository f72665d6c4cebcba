/**
 * The finance ledger's write side, in the caller's transaction (DESIGN.md rule 5): an account row is changed only
 * while locked, always together with the movement row that explains the change, so balance and credit used stay the
 * sums of their rows. Locks are taken in one order everywhere — order, payment, account — so use-cases never deadlock.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { cstDay, overdueFen } from './domain/credit.js';
import type { MovementKind } from './domain/ledger-effect.js';
import { customerAccounts, moneyMovements, payments } from './payments.tables.js';

export type AccountRow = typeof customerAccounts.$inferSelect;
export type MovementRow = typeof moneyMovements.$inferSelect;

// Version 1, like a freshly inserted row: an edit sent against the defaults matches the row `lockAccount` creates.
const DEFAULTS = { balanceFen: 0, creditUsedFen: 0, creditLimitFen: 0, creditTermDays: 30, creditPolicy: 'block', balanceShortPolicy: 'block', methods: null, version: 1 } as const;

/** The customer's account as stored, or the defaults of a customer who has none yet. Not locked. */
export async function readAccount(tx: Tx, tenantId: string, customerId: string): Promise<AccountRow> {
  const [row] = await tx.select().from(customerAccounts).where(and(eq(customerAccounts.tenantId, tenantId), eq(customerAccounts.customerId, customerId)));
  const now = new Date();
  return row ?? { tenantId, customerId, ...DEFAULTS, createdAt: now, updatedAt: now };
}

/** The account row, created if missing, locked until the transaction ends. */
export async function lockAccount(tx: Tx, tenantId: string, customerId: string): Promise<AccountRow> {
  await tx.insert(customerAccounts).values({ tenantId, customerId }).onConflictDoNothing();
  const [row] = await tx.select().from(customerAccounts)
    .where(and(eq(customerAccounts.tenantId, tenantId), eq(customerAccounts.customerId, customerId))).for('update');
  return row;
}

export interface MovementInput {
  kind: MovementKind;
  amountFen: number;
  balanceDeltaFen: number;
  creditDeltaFen: number;
  orderId?: string | null;
  method?: string | null;
  docType: string;
  docId: string;
  dueOn?: string | null;
  reason?: string | null;
  note?: string | null;
}

/**
 * Books one movement against a locked account. A balance that would go below zero is refused here with the numbers;
 * the table's check is the backstop. Repaying more credit than is used is the caller's check (it knows the request).
 */
export async function postMovement(tx: Tx, tenantId: string, actor: Actor, acc: AccountRow, m: MovementInput): Promise<{ account: AccountRow; movement: MovementRow }> {
  if (acc.balanceFen + m.balanceDeltaFen < 0) {
    throw new AppError('insufficient_balance', {
      message: `the balance is ${acc.balanceFen} fen; ${-m.balanceDeltaFen} fen cannot be taken`,
      details: { balanceFen: acc.balanceFen, amountFen: -m.balanceDeltaFen },
    });
  }
  const [account] = await tx.update(customerAccounts).set({
    // Relative to the stored row, never to what was read: even a caller that read without the lock cannot lose an update.
    balanceFen: sql`${customerAccounts.balanceFen} + ${m.balanceDeltaFen}`,
    creditUsedFen: sql`${customerAccounts.creditUsedFen} + ${m.creditDeltaFen}`,
    version: sql`${customerAccounts.version} + 1`, updatedAt: new Date(),
  }).where(and(eq(customerAccounts.tenantId, tenantId), eq(customerAccounts.customerId, acc.customerId))).returning();
  const [movement] = await tx.insert(moneyMovements).values({
    tenantId, id: newId(), customerId: acc.customerId, kind: m.kind, amountFen: m.amountFen, balanceDeltaFen: m.balanceDeltaFen,
    creditDeltaFen: m.creditDeltaFen, orderId: m.orderId ?? null, method: m.method ?? null, docType: m.docType, docId: m.docId,
    dueOn: m.dueOn ?? null, reason: m.reason ?? null, note: m.note ?? null, actorKind: actor.kind, actorId: actor.id, actorName: actor.name,
  }).returning();
  return { account, movement };
}

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** Overdue credit of a customer at `now` (earliest charges repaid first, see domain/credit.ts). */
export async function overdueOf(tx: Tx, tenantId: string, acc: AccountRow, now = new Date()): Promise<number> {
  if (acc.creditUsedFen <= 0) return 0;
  const [r] = rowsOf<{ charged: string | number; due: string | number }>(await tx.execute(sql`
    select coalesce(sum(amount_fen), 0) as charged, coalesce(sum(amount_fen) filter (where due_on < ${cstDay(now)}::date), 0) as due
    from money_movements where tenant_id = ${tenantId} and customer_id = ${acc.customerId} and kind = 'credit_charge'`));
  return overdueFen(Number(r.due), Number(r.charged) - acc.creditUsedFen);
}

export interface OrderMoneySums { receivedFen: number; refundedFen: number; paidFen: number; awaitingFen: number; inFlightFen: number }

/** An order's money from the ledger and its open payments: what it has received, refunded, and what awaits an answer. */
export async function orderMoney(tx: Tx, tenantId: string, orderId: string): Promise<OrderMoneySums> {
  const [l] = rowsOf<{ received: string | number; refunded: string | number }>(await tx.execute(sql`
    select coalesce(sum(amount_fen) filter (where kind in ('receipt', 'balance_payment', 'credit_charge')), 0) as received,
           coalesce(sum(amount_fen) filter (where kind = 'refund'), 0) as refunded
    from money_movements where tenant_id = ${tenantId} and order_id = ${orderId}`));
  const [p] = await tx.select({
    awaiting: sql<string>`coalesce(sum(${payments.amountFen}) filter (where ${payments.status} = 'pending_confirmation'), 0)`,
    // An online payment waiting at the cashier holds nothing: it may never be paid (and if it is, the money is booked anyway).
    inFlight: sql<string>`coalesce(sum(${payments.amountFen}) filter (where ${payments.status} = 'pending_confirmation'), 0)`,
  }).from(payments).where(and(eq(payments.tenantId, tenantId), eq(payments.orderId, orderId)));
  const receivedFen = Number(l.received);
  const refundedFen = Number(l.refunded);
  return { receivedFen, refundedFen, paidFen: receivedFen - refundedFen, awaitingFen: Number(p.awaiting), inFlightFen: Number(p.inFlight) };
}
