/** 应收账款 (aging) and 信用控制 for the console, and the aging as xlsx. Read-only; one transaction per request. */
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { writeSheet } from '../../platform/spreadsheet.js';
import { cstDay, daysBetween } from './domain/periods.js';
import { agingPage, creditControl, type AgingFilter, type AgingRowRaw, type AgingSort } from './receivables.queries.js';

const n = (v: string | number | null | undefined) => Number(v ?? 0);
export const EXPORT_LIMIT = 5000;

const toAgingRow = (r: AgingRowRaw) => ({
  customerId: r.customer_id, customerCode: r.code, customerName: r.name, salespersonId: r.salesperson_id, salespersonName: r.salesperson_name,
  ordersDueFen: n(r.orders_due), creditDueFen: n(r.credit_due), d0_30: n(r.d0_30), d31_60: n(r.d31_60), d61_90: n(r.d61_90), d90_plus: n(r.d90_plus),
  totalFen: n(r.total), overdueFen: n(r.overdue), oldestDays: r.oldest_days === null ? null : n(r.oldest_days), balanceFen: n(r.balance),
  creditLimitFen: n(r.credit_limit), netFen: n(r.total) - n(r.balance),
});

export interface AgingQuery extends AgingFilter { sort: AgingSort; order: 'asc' | 'desc'; limit: number; offset: number }

export function createReceivablesService(database: Database) {
  const aging = (ctx: Ctx<Operator>, q: AgingQuery) => database.tx(ctx.tenantId, async (tx) => {
    const asOf = cstDay(new Date());
    const { items, totals } = await agingPage(tx, ctx.tenantId, ctx.actor, asOf, q);
    return {
      asOf, items: items.map(toAgingRow), customerCount: n(totals.customers),
      totals: {
        ordersDueFen: n(totals.orders_due), creditDueFen: n(totals.credit_due), d0_30: n(totals.d0_30), d31_60: n(totals.d31_60),
        d61_90: n(totals.d61_90), d90_plus: n(totals.d90_plus), totalFen: n(totals.total), overdueFen: n(totals.overdue),
      },
    };
  });
  return {
    aging,
    agingSheet: async (ctx: Ctx<Operator>, q: Omit<AgingQuery, 'limit' | 'offset'>) => {
      const r = await aging(ctx, { ...q, limit: EXPORT_LIMIT, offset: 0 });
      const y = (fen: number) => fen / 100;
      const rows = r.items.map((i) => [i.customerCode, i.customerName, i.salespersonName, y(i.ordersDueFen), y(i.creditDueFen), y(i.d0_30), y(i.d31_60), y(i.d61_90), y(i.d90_plus), y(i.totalFen), y(i.overdueFen), y(i.balanceFen), i.oldestDays]);
      const t = r.totals;
      rows.push(['合计', `${r.customerCount} 个客户`, null, y(t.ordersDueFen), y(t.creditDueFen), y(t.d0_30), y(t.d31_60), y(t.d61_90), y(t.d90_plus), y(t.totalFen), y(t.overdueFen), null, null]);
      return {
        asOf: r.asOf,
        file: await writeSheet('应收账款账龄', ['客户编码', '客户', '业务员', '未付订单', '账期欠款', '0-30天', '31-60天', '61-90天', '90天以上', '应收合计', '逾期', '预存款余额', '最长账龄（天）'], rows,
          [12, 26, 10, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12]),
      };
    },
    creditControl: (ctx: Ctx<Operator>) => database.tx(ctx.tenantId, async (tx) => {
      const asOf = cstDay(new Date());
      const rows = await creditControl(tx, ctx.tenantId, ctx.actor, asOf);
      return {
        asOf,
        items: rows.map((r) => ({
          customerId: r.customer_id, customerCode: r.code, customerName: r.name, salespersonName: r.salesperson_name, creditLimitFen: n(r.credit_limit),
          creditUsedFen: n(r.credit_used), overLimitFen: Math.max(0, n(r.credit_used) - n(r.credit_limit)), overdueFen: n(r.overdue), balanceFen: n(r.balance),
          creditTermDays: n(r.term_days), creditPolicy: r.policy, oldestDueOn: r.oldest_due_on, daysOverdue: r.oldest_due_on ? daysBetween(r.oldest_due_on, asOf) : 0,
          nextDueOn: r.next_due_on,
        })),
      };
    }),
  };
}

export type ReceivablesService = ReturnType<typeof createReceivablesService>;
