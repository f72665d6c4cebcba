import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';

export interface LedgerProblem { tenantId: string; what: string; detail: string }

/**
 * Verifies the stock ledger for every tenant: each stock row's on-hand and reserved equal the sums of its movements,
 * and reserved equals what open order allocations hold. Runs as the owner (all tenants at once).
 */
export async function checkStockLedgers(database: Database): Promise<LedgerProblem[]> {
  const rows = async (q: ReturnType<typeof sql>) => ((await database.owner.execute(q)) as unknown as { rows: Record<string, string | number | null>[] }).rows;
  const problems: LedgerProblem[] = [];
  for (const r of await rows(sql`
    select coalesce(l.tenant_id, m.tenant_id) as tenant_id, coalesce(l.sku_id, m.sku_id) as sku_id, coalesce(l.warehouse_id, m.warehouse_id) as warehouse_id,
           coalesce(l.on_hand, 0) as on_hand, coalesce(l.reserved, 0) as reserved, coalesce(m.on_hand, 0) as m_on_hand, coalesce(m.reserved, 0) as m_reserved
    from stock_levels l
    full join (select tenant_id, sku_id, warehouse_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved from stock_movements group by 1, 2, 3) m
      on m.tenant_id = l.tenant_id and m.sku_id = l.sku_id and m.warehouse_id = l.warehouse_id
    where coalesce(l.on_hand, 0) <> coalesce(m.on_hand, 0) or coalesce(l.reserved, 0) <> coalesce(m.reserved, 0)`)) {
    problems.push({ tenantId: String(r.tenant_id), what: 'stock level ≠ movements', detail: `sku ${r.sku_id} in ${r.warehouse_id}: on hand ${r.on_hand} vs ${r.m_on_hand}, reserved ${r.reserved} vs ${r.m_reserved}` });
  }
  for (const r of await rows(sql`
    select coalesce(l.tenant_id, a.tenant_id) as tenant_id, coalesce(l.sku_id, a.sku_id) as sku_id, coalesce(l.warehouse_id, a.warehouse_id) as warehouse_id,
           coalesce(l.reserved, 0) as reserved, coalesce(a.reserved, 0) as allocated
    from stock_levels l
    full join (select tenant_id, sku_id, warehouse_id, sum(reserved) as reserved from order_allocations group by 1, 2, 3) a
      on a.tenant_id = l.tenant_id and a.sku_id = l.sku_id and a.warehouse_id = l.warehouse_id
    where coalesce(l.reserved, 0) <> coalesce(a.reserved, 0)`)) {
    problems.push({ tenantId: String(r.tenant_id), what: 'reserved ≠ order allocations', detail: `sku ${r.sku_id} in ${r.warehouse_id}: reserved ${r.reserved}, allocated to orders ${r.allocated}` });
  }
  for (const r of await rows(sql`
    select a.tenant_id, a.order_id, o.status from order_allocations a join orders o on o.tenant_id = a.tenant_id and o.id = a.order_id
    where a.reserved > 0 and o.status in ('completed', 'rejected', 'cancelled', 'voided', 'pending_receipt')`)) {
    problems.push({ tenantId: String(r.tenant_id), what: 'orphaned reservation', detail: `order ${r.order_id} is ${r.status} but still holds stock` });
  }
  return problems;
}
