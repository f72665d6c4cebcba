/**
 * 应收账款账龄 and 信用控制, aggregated in SQL (never loading ledger rows): per customer, the unpaid part of open
 * orders aged from the order day and the outstanding credit charges aged from their due day (domain/aging.ts has the
 * rules and edges), within the caller's data scope. "Today" is the China calendar day.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Operator } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { customersInScope } from '../customers/customer-scope.js';
import { BUCKET_EDGES } from './domain/aging.js';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const cstDate = (col: SQL) => sql`((${col} at time zone 'UTC') + interval '8 hours')::date`;

/** Credit charges with the part still outstanding (latest due stays outstanding, see outstandingCharges). */
const outstandingCredit = (tenantId: string) => sql`
  select m.customer_id, m.due_on,
         greatest(0, least(m.amount_fen, a.credit_used_fen - (sum(m.amount_fen) over w - m.amount_fen))) as due
  from money_movements m
  join customer_accounts a on a.tenant_id = m.tenant_id and a.customer_id = m.customer_id and a.credit_used_fen > 0
  where m.tenant_id = ${tenantId} and m.kind = 'credit_charge'
  window w as (partition by m.customer_id order by m.due_on desc, m.id desc rows between unbounded preceding and current row)`;

export interface AgingFilter { customerId?: string; salespersonId?: string }

/** One row per customer owing something: the aged amounts and what the buckets are made of. */
function agingRows(tenantId: string, actor: Operator, today: string, f: AgingFilter) {
  const [e1, e2, e3] = BUCKET_EDGES;
  return sql`
    with items as (
      select o.customer_id, o.total_fen - o.paid_fen as due, ${today}::date - ${cstDate(sql`o.submitted_at`)} as age, 'order' as src
      from orders o
      where o.tenant_id = ${tenantId} and o.status not in ('rejected', 'cancelled', 'voided') and o.total_fen > o.paid_fen
      union all
      select c.customer_id, c.due, ${today}::date - c.due_on, 'credit' from (${outstandingCredit(tenantId)}) c where c.due > 0
    )
    select customers.id as customer_id, customers.code, customers.name, customers.salesperson_id, s.name as salesperson_name,
           coalesce(sum(i.due) filter (where i.src = 'order'), 0) as orders_due,
           coalesce(sum(i.due) filter (where i.src = 'credit'), 0) as credit_due,
           coalesce(sum(i.due) filter (where i.age <= ${e1}), 0) as d0_30,
           coalesce(sum(i.due) filter (where i.age > ${e1} and i.age <= ${e2}), 0) as d31_60,
           coalesce(sum(i.due) filter (where i.age > ${e2} and i.age <= ${e3}), 0) as d61_90,
           coalesce(sum(i.due) filter (where i.age > ${e3}), 0) as d90_plus,
           sum(i.due) as total,
           coalesce(sum(i.due) filter (where i.src = 'credit' and i.age > 0), 0) as overdue,
           max(i.age) as oldest_days,
           coalesce(max(a.balance_fen), 0) as balance, coalesce(max(a.credit_limit_fen), 0) as credit_limit
    from items i
    join customers on customers.tenant_id = ${tenantId} and customers.id = i.customer_id
    left join customer_accounts a on a.tenant_id = customers.tenant_id and a.customer_id = customers.id
    left join staff_users s on s.tenant_id = customers.tenant_id and s.id = customers.salesperson_id
    where true ${scope(actor)}
      ${f.customerId ? sql`and customers.id = ${f.customerId}` : sql``}
      ${f.salespersonId ? sql`and customers.salesperson_id = ${f.salespersonId}` : sql``}
    group by customers.id, customers.code, customers.name, customers.salesperson_id, s.name`;
}

const scope = (actor: Operator) => {
  const s = customersInScope(actor);
  return s ? sql`and ${s}` : sql``;
};

export const AGING_SORTS = ['total', 'd0_30', 'd31_60', 'd61_90', 'd90_plus', 'overdue', 'ordersDue', 'creditDue', 'oldestDays', 'code'] as const;
export type AgingSort = (typeof AGING_SORTS)[number];
const SORT_SQL: Record<AgingSort, string> = {
  total: 'total', d0_30: 'd0_30', d31_60: 'd31_60', d61_90: 'd61_90', d90_plus: 'd90_plus', overdue: 'overdue',
  ordersDue: 'orders_due', creditDue: 'credit_due', oldestDays: 'oldest_days', code: 'code',
};

type Num = string | number;
export interface AgingRowRaw {
  customer_id: string; code: string; name: string; salesperson_id: string | null; salesperson_name: string | null;
  orders_due: Num; credit_due: Num; d0_30: Num; d31_60: Num; d61_90: Num; d90_plus: Num; total: Num; overdue: Num; oldest_days: Num | null; balance: Num; credit_limit: Num;
}

const TOTALS = ['orders_due', 'credit_due', 'd0_30', 'd31_60', 'd61_90', 'd90_plus', 'total', 'overdue'] as const;

/** One page of customers and, from the same aggregation (window sums over every row), the count and the totals row. */
export async function agingPage(tx: Tx, tenantId: string, actor: Operator, today: string, f: AgingFilter & { sort: AgingSort; order: 'asc' | 'desc'; limit: number; offset: number }) {
  const base = agingRows(tenantId, actor, today, f);
  const dir = sql.raw(f.order === 'asc' ? 'asc' : 'desc');
  const sums = sql.raw(TOTALS.map((k) => `sum(${k}) over () as t_${k}`).join(', '));
  const rows = rowsOf<AgingRowRaw & Record<string, Num>>(await tx.execute(sql`
    select r.*, count(*) over () as t_customers, ${sums}
    from (${base}) r order by ${sql.raw(SORT_SQL[f.sort])} ${dir}, code asc limit ${f.limit} offset ${f.offset}`));
  let totals: Record<string, Num>;
  if (rows.length) {
    totals = Object.fromEntries(['customers', ...TOTALS].map((k) => [k, rows[0][`t_${k}`]]));
  } else {
    // A page past the end still answers the totals.
    [totals] = rowsOf<Record<string, Num>>(await tx.execute(sql`
      select count(*) as customers, ${sql.raw(TOTALS.map((k) => `coalesce(sum(${k}), 0) as ${k}`).join(', '))} from (${base}) r`));
  }
  return { items: rows as AgingRowRaw[], totals };
}

export interface CreditRowRaw {
  customer_id: string; code: string; name: string; salesperson_name: string | null; credit_limit: Num; credit_used: Num; balance: Num; term_days: Num;
  policy: string; overdue: Num; oldest_due_on: string | null; next_due_on: string | null;
}

/** 信用控制: customers over their credit limit or with credit past its due day, worst first. */
export async function creditControl(tx: Tx, tenantId: string, actor: Operator, today: string): Promise<CreditRowRaw[]> {
  return rowsOf<CreditRowRaw>(await tx.execute(sql`
    with c as (
      select customer_id, coalesce(sum(due) filter (where due_on < ${today}::date), 0) as overdue,
             min(due_on) filter (where due > 0 and due_on < ${today}::date) as oldest_due_on,
             min(due_on) filter (where due > 0 and due_on >= ${today}::date) as next_due_on
      from (${outstandingCredit(tenantId)}) x group by customer_id
    )
    select customers.id as customer_id, customers.code, customers.name, s.name as salesperson_name, a.credit_limit_fen as credit_limit,
           a.credit_used_fen as credit_used, a.balance_fen as balance, a.credit_term_days as term_days, a.credit_policy as policy,
           coalesce(c.overdue, 0) as overdue, c.oldest_due_on::text as oldest_due_on, c.next_due_on::text as next_due_on
    from customer_accounts a
    join customers on customers.tenant_id = a.tenant_id and customers.id = a.customer_id
    left join staff_users s on s.tenant_id = customers.tenant_id and s.id = customers.salesperson_id
    left join c on c.customer_id = a.customer_id
    where a.tenant_id = ${tenantId} and (a.credit_used_fen > a.credit_limit_fen or coalesce(c.overdue, 0) > 0) ${scope(actor)}
    order by coalesce(c.overdue, 0) desc, a.credit_used_fen - a.credit_limit_fen desc, customers.code
    limit 1000`));
}
