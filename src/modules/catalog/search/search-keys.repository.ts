import { and, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../../platform/db/database.js';
import { rowsOf } from '../../../platform/db/rows.js';
import { productSearchKeys } from '../catalog.tables.js';
import { buildSearchKeys } from '../domain/search-keys.js';
import type { SearchTextInput } from '../domain/search-text.js';

/** Replaces a product's autocomplete keys (written wherever its search text is). */
export async function writeSearchKeys(tx: Tx, tenantId: string, productId: string, input: SearchTextInput) {
  await tx.delete(productSearchKeys).where(and(eq(productSearchKeys.tenantId, tenantId), eq(productSearchKeys.productId, productId)));
  const keys = buildSearchKeys(input);
  if (keys.length) await tx.insert(productSearchKeys).values(keys.map((key) => ({ tenantId, key, productId }))).onConflictDoNothing();
}

/** writeSearchKeys for many products in two statements (the import writes products a batch at a time). */
export async function writeSearchKeysMany(tx: Tx, tenantId: string, items: { productId: string; input: SearchTextInput }[]) {
  if (!items.length) return;
  await tx.execute(sql`delete from product_search_keys where tenant_id = ${tenantId} and product_id = any(${sql.param(items.map((i) => i.productId))}::text[])`);
  const keys: string[] = [];
  const owners: string[] = [];
  for (const { productId, input } of items) for (const key of buildSearchKeys(input)) { keys.push(key); owners.push(productId); }
  if (keys.length) {
    await tx.execute(sql`insert into product_search_keys (tenant_id, key, product_id)
      select ${tenantId}, k.key, k.product_id from unnest(${sql.param(keys)}::text[], ${sql.param(owners)}::text[]) as k(key, product_id)
      on conflict do nothing`);
  }
}

const BACKFILL_BATCH = 500;

/**
 * Gives autocomplete keys to the products that have none: those written before the keys existed (migration 0020) or
 * by a bulk load that wrote only search_text. Run at start; one transaction per batch, in id order. Returns how many.
 */
export async function backfillSearchKeys(database: Database, tenantId: string, onProgress?: (done: number) => void): Promise<number> {
  let done = 0;
  for (let after = ''; ;) {
    const rows = await database.tx(tenantId, async (tx) => {
      const batch = rowsOf<{ id: string; name: string; subtitle: string | null; brand: string | null; category: string | null; codes: string[]; barcodes: string[] }>(await tx.execute(sql`
        select p.id, p.name, p.subtitle, b.name as brand, c.name as category,
          coalesce((select array_agg(s.code) from skus s where s.tenant_id = p.tenant_id and s.product_id = p.id), '{}') as codes,
          coalesce((select array_agg(x.barcode) from (
            select s.barcode from skus s where s.tenant_id = p.tenant_id and s.product_id = p.id and s.barcode is not null
            union all
            select u.barcode from sku_units u join skus s on s.tenant_id = u.tenant_id and s.id = u.sku_id
            where s.tenant_id = p.tenant_id and s.product_id = p.id and u.barcode is not null) x), '{}') as barcodes
        from products p
        left join brands b on b.tenant_id = p.tenant_id and b.id = p.brand_id
        left join categories c on c.tenant_id = p.tenant_id and c.id = p.category_id
        where p.tenant_id = ${tenantId} and p.id > ${after}
          and not exists (select 1 from product_search_keys k where k.tenant_id = p.tenant_id and k.product_id = p.id)
        order by p.id limit ${BACKFILL_BATCH}`));
      await writeSearchKeysMany(tx, tenantId, batch.map((r) => ({ productId: r.id, input: r })));
      return batch;
    });
    done += rows.length;
    if (rows.length < BACKFILL_BATCH) return done;
    onProgress?.(done);
    after = rows[rows.length - 1].id;
  }
}
