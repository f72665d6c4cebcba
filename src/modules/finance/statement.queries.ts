/**
 * The rows a 对账单 is made of, read in SQL for one customer: the position at an instant (ledger sums and what the
 * orders asked less what was paid, see domain/statement.ts) and the documents of a period. Orders are taken as they
 * were then: an order's total at an instant is today's total less the edits made after it (their `differenceFen`),
 * and a rejected, cancelled or voided order stops asking from the moment of that transition.
 */
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { orders } from '../orders/orders.tables.js';
import { moneyMovements, payments } from '../payments/payments.tables.js';
import { refunds } from '../payments/refunds.tables.js';
import { position, type Position } from './domain/statement.js';

const CLOSED = sql.raw(`('rejected', 'cancelled', 'voided')`);
const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
type Num = string | number;
/** An instant as a SQL parameter both drivers read the same way. */
export const tsz = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Edits of an order made at or after `at`: what its total has changed by since. */
const editsSince = (at: Date | null) => sql`coalesce((select sum((ev.changes->>'differenceFen')::bigint) from order_events ev
  where ev.tenant_id = o.tenant_id and ev.order_id = o.id and ev.action = 'edited'${at ? sql` and ev.created_at >= ${tsz(at)}` : sql``}), 0)`;

/** The customer's position just before `at`. */
export async function positionBefore(tx: Tx, tenantId: string, customerId: string, at: Date): Promise<Position> {
  const [r] = rowsOf<{ balance: Num; credit: Num; paid: Num; asked: Num }>(await tx.execute(sql`
    with m as (
      select coalesce(sum(balance_delta_fen), 0) as balance, coalesce(sum(credit_delta_fen), 0) as credit,
             coalesce(sum(case when kind in ('receipt', 'balance_payment', 'credit_charge') then amount_fen when kind = 'refund' then -amount_fen else 0 end)
                      filter (where order_id is not null), 0) as paid
      from money_movements where tenant_id = ${tenantId} and customer_id = ${customerId} and created_at < ${tsz(at)}
    ), a as (
      select coalesce(sum(o.total_fen - ${editsSince(at)}), 0) as asked
      from orders o
      where o.tenant_id = ${tenantId} and o.customer_id = ${customerId} and o.submitted_at < ${tsz(at)}
        and not exists (select 1 from order_events x where x.tenant_id = o.tenant_id and x.order_id = o.id and x.to_status in ${CLOSED} and x.created_at < ${tsz(at)})
    )
    select m.balance, m.credit, m.paid, a.asked from m, a`));
  return position(Number(r.balance), Number(r.credit), Number(r.asked) - Number(r.paid));
}

/** Ledger rows of the period, oldest first, with their 收款单 / 退款单 numbers and order numbers. */
export function periodMovements(tx: Tx, tenantId: string, customerId: string, start: Date, end: Date) {
  const m = moneyMovements;
  return tx.select({ m, orderNo: orders.orderNo, paymentNo: payments.paymentNo, refundNo: refunds.refundNo }).from(m)
    .leftJoin(orders, and(eq(orders.tenantId, m.tenantId), eq(orders.id, m.orderId)))
    .leftJoin(payments, and(eq(m.docType, 'payment'), eq(payments.tenantId, m.tenantId), eq(payments.id, m.docId)))
    .leftJoin(refunds, and(eq(m.docType, 'refund'), eq(refunds.tenantId, m.tenantId), eq(refunds.id, m.docId)))
    .where(and(eq(m.tenantId, tenantId), eq(m.customerId, customerId), gte(m.createdAt, start), lt(m.createdAt, end)))
    .orderBy(asc(m.createdAt), asc(m.id));
}

export interface OrderDoc { id: string; orderId: string; orderNo: string; at: Date; kind: 'order_placed' | 'order_changed' | 'order_closed'; deltaFen: number; status: string }

/** Orders submitted, edited and closed in the period, as statement lines (what each changed the orders' ask by). */
export async function periodOrderDocs(tx: Tx, tenantId: string, customerId: string, start: Date, end: Date): Promise<OrderDoc[]> {
  type Row = { id: string; order_id: string; order_no: string; at: Date | string; kind: OrderDoc['kind']; delta: Num; status: string };
  const rows = rowsOf<Row>(await tx.execute(sql`
    select o.id, o.id as order_id, o.order_no, o.submitted_at as at, 'order_placed' as kind, o.total_fen - ${editsSince(null)} as delta, o.status
    from orders o where o.tenant_id = ${tenantId} and o.customer_id = ${customerId} and o.submitted_at >= ${tsz(start)} and o.submitted_at < ${tsz(end)}
    union all
    select ev.id, o.id, o.order_no, ev.created_at, 'order_changed', coalesce((ev.changes->>'differenceFen')::bigint, 0), o.status
    from orders o join order_events ev on ev.tenant_id = o.tenant_id and ev.order_id = o.id
    where o.tenant_id = ${tenantId} and o.customer_id = ${customerId} and ev.action = 'edited' and ev.created_at >= ${tsz(start)} and ev.created_at < ${tsz(end)}
      and coalesce((ev.changes->>'differenceFen')::bigint, 0) <> 0
    union all
    select c.id, o.id, o.order_no, c.created_at, 'order_closed', -o.total_fen, o.status
    from orders o
    join lateral (select x.id, x.created_at from order_events x where x.tenant_id = o.tenant_id and x.order_id = o.id and x.to_status in ${CLOSED}
                  order by x.created_at, x.id limit 1) c on true
    where o.tenant_id = ${tenantId} and o.customer_id = ${customerId} and o.status in ${CLOSED} and c.created_at >= ${tsz(start)} and c.created_at < ${tsz(end)}`));
  return rows.map((r) => ({ id: r.id, orderId: r.order_id, orderNo: r.order_no, at: new Date(r.at), kind: r.kind, deltaFen: Number(r.delta), status: r.status }));
}

/** 本期订单: the orders submitted in the period as they stand now. */
export function periodOrders(tx: Tx, tenantId: string, customerId: string, start: Date, end: Date) {
  return tx.select({ id: orders.id, orderNo: orders.orderNo, submittedAt: orders.submittedAt, totalFen: orders.totalFen, paidFen: orders.paidFen, status: orders.status, paymentStatus: orders.paymentStatus })
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.customerId, customerId), gte(orders.submittedAt, start), lt(orders.submittedAt, end)))
    .orderBy(asc(orders.submittedAt), asc(orders.id));
}
