import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { qcol } from '../../../platform/db/qualified.js';
import { unitPriceSql } from '../../pricing/price-sql.js';
import { products } from '../catalog.tables.js';
import type { ProductSearchEngine, SearchViewer } from './product-search.port.js';

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/** On the shelf and shown to this customer's type and level (restricted products are hidden from guests). */
export function visibleTo(viewer: SearchViewer): SQL {
  const c = viewer.customer;
  // Written with = '{}' and @> (not cardinality()/any()) so the planner estimates it well and keeps using indexes.
  return sql`${products.onShelf} and (${products.visibleTypes} = '{}' or ${products.visibleTypes} @> array[${c?.type ?? ''}]::text[])
    and (${products.visibleLevelIds} = '{}' or ${products.visibleLevelIds} @> array[${c?.levelId ?? ''}]::text[])`;
}

/** PostgreSQL adapter: substring and trigram matching over `products.search_text` (names, codes, pinyin, initials). */
export const pgTrigramSearch: ProductSearchEngine = {
  async search(tx, tenantId, viewer, q) {
    const where: (SQL | undefined)[] = [eq(products.tenantId, tenantId), visibleTo(viewer)];
    const term = q.term?.toLowerCase();
    // Substring match on names, codes and pinyin keys, or a close trigram match to forgive a typo.
    // Both arms are operators the GIN trigram index serves (`%>` is word similarity ≥ pg_trgm.word_similarity_threshold,
    // 0.6 by default); a function call such as word_similarity(...) >= x would force a scan of every product.
    if (term) where.push(sql`(${products.searchText} like ${`%${escapeLike(term)}%`} or ${products.searchText} %> ${term})`);
    if (q.brandId) where.push(eq(products.brandId, q.brandId));
    if (q.tagId) where.push(sql`exists (select 1 from product_tags pt where pt.tenant_id = ${qcol(products.tenantId)} and pt.product_id = ${qcol(products.id)} and pt.tag_id = ${q.tagId})`);
    if (q.categoryIds) where.push(inArray(products.categoryId, q.categoryIds));
    // Each viewer's own "from" price over the enabled base units, in SQL so the range filter and the price sort
    // hold across the whole catalog, not just one page.
    const fromPrice = sql<number | null>`(select min(${unitPriceSql({ id: sql`u.id`, listPriceFen: sql`u.list_price_fen` }, viewer.customer)})
      from skus s join sku_units u on u.tenant_id = s.tenant_id and u.sku_id = s.id
      where s.tenant_id = ${qcol(products.tenantId)} and s.product_id = ${qcol(products.id)} and s.enabled and u.enabled and u.conversion = 1)`;
    if (q.minPriceFen !== undefined) where.push(sql`${fromPrice} >= ${q.minPriceFen}`);
    if (q.maxPriceFen !== undefined) where.push(sql`${fromPrice} <= ${q.maxPriceFen}`);
    const order = {
      relevance: term ? [sql`(${products.searchText} like ${`%${escapeLike(term)}%`}) desc`, sql`word_similarity(${term}, ${products.searchText}) desc`, desc(products.id)] : [desc(products.salesCount), desc(products.id)],
      newest: [desc(products.id)],
      price_asc: [sql`${fromPrice} asc nulls last`, desc(products.id)],
      price_desc: [sql`${fromPrice} desc nulls last`, desc(products.id)],
      sales: [desc(products.salesCount), desc(products.id)],
    }[q.sort];
    const filter = and(...where);
    const rows = await tx.select({ id: products.id }).from(products).where(filter).orderBy(...order).limit(q.limit + 1).offset(q.offset);
    const byCategory = await tx.select({ id: products.categoryId, count: sql<number>`count(*)::int` }).from(products).where(filter).groupBy(products.categoryId);
    const byBrand = await tx.select({ id: products.brandId, count: sql<number>`count(*)::int` }).from(products).where(filter).groupBy(products.brandId);
    return {
      ids: rows.slice(0, q.limit).map((r) => r.id),
      more: rows.length > q.limit,
      facets: {
        categories: byCategory.filter((f) => f.id).map((f) => ({ id: f.id!, count: f.count })),
        brands: byBrand.filter((f) => f.id).map((f) => ({ id: f.id!, count: f.count })),
      },
    };
  },

  async suggest(tx, tenantId, viewer, term, limit) {
    const t = term.toLowerCase();
    return tx.select({ id: products.id, name: products.name }).from(products)
      .where(and(eq(products.tenantId, tenantId), visibleTo(viewer), sql`${products.searchText} like ${`%${escapeLike(t)}%`}`))
      .orderBy(sql`(lower(${products.name}) like ${`${escapeLike(t)}%`}) desc`, desc(products.salesCount), desc(products.id)).limit(limit);
  },
};
