/**
 * Reading 收支记录: the list (newest day first), totals by category and by month, and the monthly summary of money
 * received from customers (from the ledger) against other income and expenses. Totals and summaries are SQL
 * aggregates over active records.
 */
import { and, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { customerIdInScope } from '../customers/customer-scope.js';
import { ensureDefaultCategories } from './categories.service.js';
import { dayStart, monthDays, monthsBetween } from './domain/periods.js';
import { monthlySummary, type Direction, type RecordStatus } from './domain/records.js';
import { financeCategories, financeRecords } from './finance.tables.js';
import { toRecordOut } from './records.service.js';
import { AppError } from '../../platform/errors/app-error.js';
import { tsz } from './statement.queries.js';

export interface RecordFilter { direction?: Direction; categoryId?: string; from?: string; to?: string; status?: RecordStatus | 'all'; q?: string }

const r = financeRecords;
const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const month = sql<string>`to_char(${r.occurredOn}, 'YYYY-MM')`;

function where(tenantId: string, f: RecordFilter): SQL | undefined {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    eq(r.tenantId, tenantId),
    f.status === 'all' ? undefined : eq(r.status, f.status ?? 'active'),
    f.direction ? eq(r.direction, f.direction) : undefined,
    f.categoryId ? eq(r.categoryId, f.categoryId) : undefined,
    f.from ? gte(r.occurredOn, f.from) : undefined,
    f.to ? lte(r.occurredOn, f.to) : undefined,
    like ? or(sql`${r.counterparty} ilike ${like}`, sql`${r.note} ilike ${like}`, sql`${r.recordNo} ilike ${like}`, sql`${r.account} ilike ${like}`) : undefined,
  );
}

/** A cursor is the last row's day (YYYYMMDD) followed by its id, so pages follow the day order. */
const cursorAfter = (cursor: string | undefined) => {
  if (!cursor || !/^\d{8}[0-9A-Z]+$/.test(cursor)) return undefined;
  const day = `${cursor.slice(0, 4)}-${cursor.slice(4, 6)}-${cursor.slice(6, 8)}`;
  const id = cursor.slice(8);
  return sql`(${r.occurredOn}, ${r.id}) < (${day}::date, ${id})`;
};

export function createRecordQueries(database: Database) {
  return {
    list: (ctx: Ctx<Operator>, f: RecordFilter & { limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) => {
      const rows = await tx.select({ r, categoryName: financeCategories.name }).from(r)
        .innerJoin(financeCategories, and(eq(financeCategories.tenantId, r.tenantId), eq(financeCategories.id, r.categoryId)))
        .where(and(where(ctx.tenantId, f), cursorAfter(f.cursor)))
        .orderBy(desc(r.occurredOn), desc(r.id)).limit(f.limit + 1);
      const more = rows.length > f.limit;
      const kept = more ? rows.slice(0, f.limit) : rows;
      const last = kept[kept.length - 1];
      return { items: kept.map((x) => toRecordOut(x.r, x.categoryName)), nextCursor: more && last ? `${last.r.occurredOn.replace(/-/g, '')}${last.r.id}` : null };
    }),

    totals: (ctx: Ctx<Operator>, f: RecordFilter) => database.tx(ctx.tenantId, async (tx) => {
      await ensureDefaultCategories(tx, ctx.tenantId);
      const w = where(ctx.tenantId, f);
      const byCategory = await tx.select({ categoryId: r.categoryId, name: financeCategories.name, direction: r.direction, amountFen: sql<string>`sum(${r.amountFen})`, count: sql<number>`count(*)::int` })
        .from(r).innerJoin(financeCategories, and(eq(financeCategories.tenantId, r.tenantId), eq(financeCategories.id, r.categoryId)))
        .where(w).groupBy(r.categoryId, financeCategories.name, r.direction, financeCategories.sort).orderBy(r.direction, financeCategories.sort, financeCategories.name);
      const byMonth = await tx.select({ month, incomeFen: sql<string>`coalesce(sum(${r.amountFen}) filter (where ${r.direction} = 'income'), 0)`, expenseFen: sql<string>`coalesce(sum(${r.amountFen}) filter (where ${r.direction} = 'expense'), 0)`, count: sql<number>`count(*)::int` })
        .from(r).where(w).groupBy(month).orderBy(month);
      const sum = (d: Direction) => byCategory.filter((c) => c.direction === d).reduce((s, c) => s + Number(c.amountFen), 0);
      return {
        incomeFen: sum('income'), expenseFen: sum('expense'), netFen: sum('income') - sum('expense'), count: byCategory.reduce((s, c) => s + c.count, 0),
        byCategory: byCategory.map((c) => ({ ...c, amountFen: Number(c.amountFen) })),
        byMonth: byMonth.map((m) => ({ month: m.month, incomeFen: Number(m.incomeFen), expenseFen: Number(m.expenseFen), count: m.count })),
      };
    }),

    /** Per month: money received from customers (receipts, recharges, repayments) less refunds paid out, other income, expenses. */
    summary: (ctx: Ctx<Operator>, q: { from: string; to: string }) => {
      const months = monthsBetween(q.from, q.to);
      if (!months) throw new AppError('period_invalid', { message: 'from must not be after to, and a summary covers at most 36 months', errors: [{ path: 'query.to', message: 'invalid period' }] });
      const fromDay = monthDays(q.from).from;
      const toDay = monthDays(q.to).to;
      return database.tx(ctx.tenantId, async (tx) => {
        const scope = customerIdInScope(ctx.actor, sql`customer_id`);
        const ledger = rowsOf<{ month: string; received: string | number; refunded: string | number }>(await tx.execute(sql`
          select to_char((created_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as month,
                 coalesce(sum(amount_fen) filter (where kind in ('receipt', 'recharge', 'credit_repayment')), 0) as received,
                 coalesce(sum(amount_fen) filter (where kind = 'refund' and balance_delta_fen = 0 and credit_delta_fen = 0), 0) as refunded
          from money_movements
          where tenant_id = ${ctx.tenantId} and created_at >= ${tsz(dayStart(fromDay))} and created_at < ${tsz(new Date(dayStart(toDay).getTime() + 86_400_000))}
            ${scope ? sql`and ${scope}` : sql``}
          group by 1`));
        const records = await tx.select({ month, income: sql<string>`coalesce(sum(${r.amountFen}) filter (where ${r.direction} = 'income'), 0)`, expense: sql<string>`coalesce(sum(${r.amountFen}) filter (where ${r.direction} = 'expense'), 0)` })
          .from(r).where(and(eq(r.tenantId, ctx.tenantId), eq(r.status, 'active'), gte(r.occurredOn, fromDay), lte(r.occurredOn, toDay))).groupBy(month);
        return {
          from: q.from, to: q.to,
          ...monthlySummary(months, [
            ...ledger.map((l) => ({ month: l.month, receivedFen: Number(l.received), refundedFen: Number(l.refunded) })),
            ...records.map((x) => ({ month: x.month, otherIncomeFen: Number(x.income), expenseFen: Number(x.expense) })),
          ]),
        };
      });
    },
  };
}

export type RecordQueries = ReturnType<typeof createRecordQueries>;
