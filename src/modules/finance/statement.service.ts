/**
 * 对账单 of one customer over whole China calendar days: the opening position, every line of the period (order
 * documents and ledger rows, in time order) with the running position, the closing position, and the orders placed.
 * Staff read any customer in their data scope; a member reads only their own company's. One read transaction, so the
 * opening, the lines and the closing are one consistent snapshot.
 */
import { and, eq } from 'drizzle-orm';
import type { Ctx, MemberActor, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { customersInScope } from '../customers/customer-scope.js';
import { customers } from '../customers/customers.tables.js';
import { STATUS_ZH } from '../orders/order-documents.js';
import { methodName } from '../payments/payment-view.js';
import { tenants } from '../tenants/tenants.tables.js';
import { cstDay, dayPeriod, type Period } from './domain/periods.js';
import { KIND_NAMES, lineOrder, movementEffect, orderEffect, runLines, type Effect, type LineKind, type Position } from './domain/statement.js';
import { periodMovements, periodOrderDocs, periodOrders, positionBefore } from './statement.queries.js';

const REFUND_TO: Record<string, string> = { balance: '退回余额', credit: '冲减账期欠款', original: '原路退回' };
const REASONS: Record<string, string> = { rebate: '返利', correction: '更正', other: '其他' };

interface Draft extends Effect {
  id: string; at: Date; seq: number; kind: LineKind; docNo: string | null; orderId: string | null; orderNo: string | null;
  method: string | null; methodName: string | null; amountFen: number; dueOn: string | null; note: string | null;
}

export function periodOrThrow(from: string, to: string): Period {
  const p = dayPeriod(from, to);
  if (!p.ok) throw new AppError('period_invalid', { message: p.message, errors: [{ path: `query.${p.path}`, message: p.message }] });
  return p.period;
}

async function build(tx: Tx, tenantId: string, customer: { id: string; code: string; name: string }, period: Period) {
  const { start, end } = period;
  const opening = await positionBefore(tx, tenantId, customer.id, start);
  const drafts: Draft[] = [];
  for (const d of await periodOrderDocs(tx, tenantId, customer.id, start, end)) {
    drafts.push({
      ...orderEffect(d.deltaFen), id: d.id, at: d.at, seq: 0, kind: d.kind, docNo: d.orderNo, orderId: d.orderId, orderNo: d.orderNo,
      method: null, methodName: null, amountFen: Math.abs(d.deltaFen), dueOn: null, note: d.kind === 'order_closed' ? STATUS_ZH[d.status] ?? d.status : null,
    });
  }
  for (const { m, orderNo, paymentNo, refundNo } of await periodMovements(tx, tenantId, customer.id, start, end)) {
    drafts.push({
      ...movementEffect(m), id: m.id, at: m.createdAt, seq: 1, kind: m.kind, docNo: paymentNo ?? refundNo ?? null, orderId: m.orderId, orderNo,
      method: m.method, methodName: m.method ? (m.kind === 'refund' ? REFUND_TO[m.method] ?? m.method : methodName(m.method)) : null, amountFen: m.amountFen,
      dueOn: m.dueOn, note: [m.reason ? REASONS[m.reason] ?? m.reason : null, m.note].filter(Boolean).join(' · ') || null,
    });
  }
  const run = runLines(opening, drafts.sort(lineOrder));
  const orderRows = await periodOrders(tx, tenantId, customer.id, start, end);
  const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  return {
    company: tenant?.name ?? '', customer, from: period.from, to: period.to, timeZone: 'Asia/Shanghai', generatedAt: new Date().toISOString(),
    opening, closing: run.closing,
    totals: {
      debitFen: run.lines.reduce((s, l) => s + l.debitFen, 0), creditFen: run.lines.reduce((s, l) => s + l.creditFen, 0),
      ordersFen: orderRows.reduce((s, o) => s + o.totalFen, 0), orderCount: orderRows.length,
    },
    lines: run.lines.map((l) => ({
      id: l.id, at: l.at.toISOString(), day: cstDay(l.at), kind: l.kind, kindName: KIND_NAMES[l.kind], docNo: l.docNo, orderId: l.orderId, orderNo: l.orderNo,
      method: l.method, methodName: l.methodName, amountFen: l.amountFen, dueOn: l.dueOn, note: l.note, debitFen: l.debitFen, creditFen: l.creditFen,
      balanceDeltaFen: l.balanceDeltaFen, creditDeltaFen: l.creditDeltaFen, ordersDueDeltaFen: l.ordersDueDeltaFen, ...l.after,
    })),
    orders: orderRows.map((o) => ({ ...o, submittedAt: o.submittedAt.toISOString(), statusName: STATUS_ZH[o.status] ?? o.status })),
  };
}

export type Statement = Awaited<ReturnType<typeof build>>;
export type { Position };

export function createStatementService(database: Database) {
  return {
    /** Staff: any customer in their data scope (another one is 404). */
    forCustomer: (ctx: Ctx<Operator>, q: { customerId: string; from: string; to: string }) => {
      const period = periodOrThrow(q.from, q.to);
      return database.tx(ctx.tenantId, async (tx) => {
        const [c] = await tx.select({ id: customers.id, code: customers.code, name: customers.name }).from(customers)
          .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, q.customerId), customersInScope(ctx.actor)));
        if (!c) throw notFound('customer');
        return build(tx, ctx.tenantId, c, period);
      });
    },
    /** A member: their own company only. */
    mine: (ctx: Ctx<MemberActor>, q: { from: string; to: string }) => {
      const period = periodOrThrow(q.from, q.to);
      return database.tx(ctx.tenantId, async (tx) => {
        const [c] = await tx.select({ id: customers.id, code: customers.code, name: customers.name }).from(customers)
          .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, ctx.actor.customerId)));
        if (!c) throw notFound('customer');
        return build(tx, ctx.tenantId, c, period);
      });
    },
  };
}

export type StatementService = ReturnType<typeof createStatementService>;
