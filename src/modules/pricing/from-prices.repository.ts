import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/rows.js';

const BACKFILL_BATCH = 2000;

/**
 * Writes the from-prices (migration 0022) of the products that have none: those written before the table existed.
 * Afterwards the triggers keep them. Run at start; one transaction per batch. Returns how many products.
 */
export async function backfillFromPrices(database: Database, tenantId: string, onProgress?: (done: number) => void): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await database.tx(tenantId, async (tx) => {
      const [row] = rowsOf<{ n: number }>(await tx.execute(sql`
        with missing as (
          select array(select p.id from products p where p.tenant_id = ${tenantId}
            and not exists (select 1 from product_from_prices f where f.tenant_id = p.tenant_id and f.product_id = p.id and f.level_id = '' and f.customer_id = '')
            order by p.id limit ${BACKFILL_BATCH}) as ids)
        select cardinality(ids) as n, refresh_product_from_prices(${tenantId}, ids) from missing`));
      return Number(row.n);
    });
    done += n;
    if (n < BACKFILL_BATCH) return done;
    onProgress?.(done);
  }
}
