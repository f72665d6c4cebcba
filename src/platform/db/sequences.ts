import { sql } from 'drizzle-orm';
import type { Tx } from './database.js';

/** Next value of a per-tenant counter, gap-free within committed transactions (the row lock serialises callers). */
export async function nextSequence(tx: Tx, tenantId: string, name: string): Promise<number> {
  const res = (await tx.execute(sql`
    insert into sequences (tenant_id, name, value) values (${tenantId}, ${name}, 1)
    on conflict (tenant_id, name) do update set value = sequences.value + 1
    returning value`)) as unknown as { rows: { value: string | number }[] };
  return Number(res.rows[0].value);
}
