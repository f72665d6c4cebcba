import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Operator } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { customers } from './customers.tables.js';

/** Regions a regional manager covers: their regions and every region below them. */
const coveredRegions = (regionIds: readonly string[]) => sql`(
  with recursive covered(id) as (
    select id from regions where id = any(${sql.param([...regionIds])}::text[])
    union select r.id from regions r join covered c on r.parent_id = c.id
  ) select id from covered)`;

/**
 * The data-scope rule, as a condition on the customers table: a salesperson sees the customers assigned
 * to them, a regional manager those in their regions, everyone else all. Every module that lists
 * customer-owned data filters with `customerIdInScope` so the rule lives here only.
 */
export function customersInScope(actor: Operator): SQL | undefined {
  if (actor.dataScope === 'all') return undefined;
  if (actor.dataScope === 'assigned') return sql`${customers.salespersonId} = ${actor.id}`;
  return sql`${customers.regionId} in ${coveredRegions(actor.regionIds)}`;
}

/** The same rule for any table with a customer id column. */
export function customerIdInScope(actor: Operator, customerId: AnyColumn | SQL): SQL | undefined {
  if (actor.dataScope === 'all') return undefined;
  if (actor.dataScope === 'assigned') return sql`${customerId} in (select id from customers where salesperson_id = ${actor.id})`;
  return sql`${customerId} in (select id from customers where region_id in ${coveredRegions(actor.regionIds)})`;
}

/** Whether a regional manager with these regions covers `regionId`. */
export async function isRegionCovered(tx: Tx, regionIds: readonly string[], regionId: string): Promise<boolean> {
  const res = (await tx.execute(sql`select ${regionId}::text in ${coveredRegions(regionIds)} as ok`)) as unknown as { rows: { ok: boolean }[] };
  return !!res.rows[0]?.ok;
}
