import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import type { LedgerProblem } from '../inventory/check-ledgers.js';

/**
 * Verifies the finance ledger for every tenant: each customer's balance and credit used equal the sums of their
 * movements; each order's paid amount equals its receipts, balance payments and credit charges less refunds; each
 * succeeded payment has exactly its one movement, and no movement names a payment that did not succeed.
 * Runs as the owner (all tenants at once), like `checkStockLedgers`.
 */
export async function checkFinanceLedgers(database: Database): Promise<LedgerProblem[]> {
  const rows = async (q: ReturnType<typeof sql>) => ((await database.owner.execute(q)) as unknown as { rows: Record<string, string | number | null>[] }).rows;
  const problems: LedgerProblem[] = [];
  for (const r of await rows(sql`
    select coalesce(a.tenant_id, m.tenant_id) as tenant_id, coalesce(a.customer_id, m.customer_id) as customer_id,
           coalesce(a.balance_fen, 0) as balance, coalesce(m.balance, 0) as m_balance, coalesce(a.credit_used_fen, 0) as credit, coalesce(m.credit, 0) as m_credit
    from customer_accounts a
    full join (select tenant_id, customer_id, sum(balance_delta_fen) as balance, sum(credit_delta_fen) as credit from money_movements group by 1, 2) m
      on m.tenant_id = a.tenant_id and m.customer_id = a.customer_id
    where coalesce(a.balance_fen, 0) <> coalesce(m.balance, 0) or coalesce(a.credit_used_fen, 0) <> coalesce(m.credit, 0)`)) {
    problems.push({ tenantId: String(r.tenant_id), what: 'account ≠ finance ledger', detail: `customer ${r.customer_id}: balance ${r.balance} vs ${r.m_balance}, credit used ${r.credit} vs ${r.m_credit}` });
  }
  for (const r of await rows(sql`
    select o.tenant_id, o.order_no, o.paid_fen, coalesce(m.paid, 0) as m_paid
    from orders o
    left join (select tenant_id, order_id,
                      sum(case when kind in ('receipt', 'balance_payment', 'credit_charge') then amount_fen when kind = 'refund' then -amount_fen else 0 end) as paid
               from money_movements where order_id is not null group by 1, 2) m
      on m.tenant_id = o.tenant_id and m.order_id = o.id
    where o.paid_fen <> coalesce(m.paid, 0)`)) {
    problems.push({ tenantId: String(r.tenant_id), what: 'order paid ≠ receipts − refunds', detail: `order ${r.order_no}: paid ${r.paid_fen}, ledger ${r.m_paid}` });
  }
  for (const r of await rows(sql`
    select coalesce(p.tenant_id, m.tenant_id) as tenant_id, coalesce(p.payment_no, m.doc_id) as doc, p.status, p.amount_fen, m.n, m.amount
    from (select * from payments where status = 'succeeded') p
    full join (select tenant_id, doc_id, count(*) as n, sum(amount_fen) as amount, min(customer_id) as customer_id, min(order_id) as order_id
               from money_movements where doc_type = 'payment' group by 1, 2) m
      on m.tenant_id = p.tenant_id and m.doc_id = p.id
    where p.id is null or m.doc_id is null or m.n <> 1 or m.amount <> p.amount_fen or m.customer_id <> p.customer_id
       or m.order_id is distinct from p.order_id`)) {
    problems.push({ tenantId: String(r.tenant_id), what: 'payment ≠ its movement', detail: `payment ${r.doc}: ${r.amount_fen ?? 'no succeeded payment'} fen, ${r.n ?? 0} movement(s) of ${r.amount ?? 0} fen` });
  }
  return problems;
}
