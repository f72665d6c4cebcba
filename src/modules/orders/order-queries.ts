import { and, count, desc, eq, gte, inArray, lt, lte, max, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Operator } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { regions } from '../customers/customers.tables.js';
import { customerIdInScope } from '../customers/customer-scope.js';
import { actionableStatuses, TERMINAL, type OrderStatus } from './domain/order-state.js';
import { orderLines, orders } from './orders.tables.js';
import type { adminTabs, mallTabs } from './orders.schemas.js';
import { idFloorAt } from '../../platform/ids.js';

type AdminTab = (typeof adminTabs)[number];
type MallTab = (typeof mallTabs)[number];
const CLOSED: OrderStatus[] = ['rejected', 'cancelled', 'voided'];
const OPEN_EXCLUDES = TERMINAL as OrderStatus[];

const none = sql`false`;
const statusIn = (list: OrderStatus[]): SQL => (list.length ? inArray(orders.status, list) : none);

export function adminTabWhere(tab: AdminTab, actor: Operator): SQL | undefined {
  switch (tab) {
    case 'todo': return statusIn(actionableStatuses(actor.permissions));
    case 'open': return notInArray(orders.status, OPEN_EXCLUDES);
    case 'completed': return eq(orders.status, 'completed');
    case 'closed': return statusIn(CLOSED);
    case 'all': return undefined;
  }
}

export function mallTabWhere(tab: MallTab): SQL | undefined {
  switch (tab) {
    case 'approval': return eq(orders.status, 'pending_approval');
    case 'review': return statusIn(['pending_review', 'pending_finance', 'pending_release']);
    case 'shipping': return eq(orders.status, 'pending_shipment');
    case 'receiving': return eq(orders.status, 'pending_receipt');
    case 'completed': return eq(orders.status, 'completed');
    case 'closed': return statusIn(CLOSED);
    case 'all': return undefined;
  }
}

/** Midnight China Standard Time of a YYYY-MM-DD day (the day orders are numbered by). */
const cstMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * A whole order number (DH20261125-000123, or another two-letter prefix): looked up by equality on its unique index
 * instead of "number starts with or customer name contains", which reads every order in scope (400 ms at 1,000,000).
 * Numbers have at least six digits after the day (formatOrderNo), so anything shorter is still a prefix search.
 */
const WHOLE_ORDER_NO = /^[A-Z]{2}\d{8}-\d{6,}$/;

export interface AdminFilters {
  tab: AdminTab; status?: OrderStatus; customerId?: string; salespersonId?: string; regionId?: string; from?: string; to?: string;
  minFen?: number; maxFen?: number; sku?: string; q?: string;
}

async function withDescendants(tx: Tx, tenantId: string, regionId: string): Promise<string[]> {
  const all = await tx.select({ id: regions.id, parentId: regions.parentId }).from(regions).where(eq(regions.tenantId, tenantId));
  const out = [regionId];
  for (let i = 0; i < out.length; i++) for (const r of all) if (r.parentId === out[i] && !out.includes(r.id)) out.push(r.id);
  return out;
}

export async function adminWhere(tx: Tx, tenantId: string, actor: Operator, f: AdminFilters): Promise<SQL> {
  const q = f.q?.toUpperCase();
  const conditions: (SQL | undefined | false | "")[] = [
    eq(orders.tenantId, tenantId), customerIdInScope(actor, orders.customerId), adminTabWhere(f.tab, actor),
    f.status && eq(orders.status, f.status), f.customerId && eq(orders.customerId, f.customerId),
    f.salespersonId && eq(orders.salespersonId, f.salespersonId),
    f.regionId ? inArray(orders.regionId, await withDescendants(tx, tenantId, f.regionId)) : undefined,
    f.from && gte(orders.submittedAt, cstMidnight(f.from)),
    f.to && lt(orders.submittedAt, new Date(cstMidnight(f.to).getTime() + 86_400_000)),
    // The same range on the id, so the newest-first walk of the primary key starts and stops near it instead of
    // filtering every newer order (200 ms for a month at 1,000,000). An order's id is made from its submission time
    // (createOrderTx); a clock stepped back keeps ids rising, so an id may run ahead of that time, never behind:
    // exact below, a day of slack above.
    f.from && gte(orders.id, idFloorAt(cstMidnight(f.from).getTime())),
    f.to && lt(orders.id, idFloorAt(cstMidnight(f.to).getTime() + 2 * 86_400_000)),
    f.minFen !== undefined ? gte(orders.totalFen, f.minFen) : undefined, f.maxFen !== undefined ? lte(orders.totalFen, f.maxFen) : undefined,
    f.sku && sql`exists (select 1 from ${orderLines} ol where ol.tenant_id = ${orders.tenantId} and ol.order_id = ${orders.id} and ol.sku_code = ${f.sku.toUpperCase()})`,
    q && (WHOLE_ORDER_NO.test(q) ? eq(orders.orderNo, q)
      : sql`(${orders.orderNo} like ${`${q.replace(/[\\%_]/g, '\\$&')}%`} or ${orders.customerName} like ${`%${f.q!.replace(/[\\%_]/g, '\\$&')}%`})`),
  ];
  return and(...conditions.filter((c): c is SQL => !!c))!;
}

export async function listPage(tx: Tx, where: SQL, limit: number, cursor?: string) {
  return tx.select().from(orders).where(and(where, cursor ? lt(orders.id, cursor) : undefined)).orderBy(desc(orders.id)).limit(limit + 1);
}

/** Orders per status within a condition (the caller's scope or the member's company). */
export async function statusCounts(tx: Tx, where: SQL): Promise<Map<OrderStatus, number>> {
  const rows = await tx.select({ status: orders.status, n: count() }).from(orders).where(where).groupBy(orders.status);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export async function latestOrder(tx: Tx, where: SQL) {
  const [row] = await tx.select({ id: max(orders.id) }).from(orders).where(where);
  if (!row?.id) return { latestId: null, latestAt: null };
  const [o] = await tx.select({ at: orders.submittedAt }).from(orders).where(and(where, eq(orders.id, row.id)));
  return { latestId: row.id, latestAt: o?.at.toISOString() ?? null };
}

export const sumOf = (counts: Map<OrderStatus, number>, statuses: readonly OrderStatus[] | null, exclude: readonly OrderStatus[] = []) =>
  [...counts].filter(([s]) => (statuses === null || statuses.includes(s)) && !exclude.includes(s)).reduce((a, [, n]) => a + n, 0);
export { CLOSED };
