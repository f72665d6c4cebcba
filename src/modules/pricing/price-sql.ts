import { sql, type SQL } from 'drizzle-orm';

/**
 * The price a customer pays for ONE unit of a sell unit, as SQL, so search can filter and sort on each customer's
 * own price over the whole catalog. It must agree with `resolvePrice(p, 1, customer, now)` (quantity 1, so no
 * tier applies: tiers start at 2); `pricing-sql.db.test.ts` checks that it does on generated price sheets.
 * Precedence: customer price, then the lowest valid special for the level, then the level price
 * (percent: list × bp / 10000 rounded half up, as percentOf), then the list price.
 */
export function unitPriceSql(unit: { id: SQL; listPriceFen: SQL }, customer: { id: string; levelId: string | null } | null): SQL {
  const customerId = customer?.id ?? '';
  const levelId = customer?.levelId ?? '';
  return sql`coalesce(
    (select cp.price_fen from customer_prices cp where cp.tenant_id = current_setting('app.tenant_id', true) and cp.sku_unit_id = ${unit.id} and cp.customer_id = ${customerId}),
    (select min(sp.price_fen) from special_prices sp where sp.tenant_id = current_setting('app.tenant_id', true) and sp.sku_unit_id = ${unit.id}
       and sp.starts_at <= now() and now() < sp.ends_at
       and (cardinality(sp.level_ids) = 0 or (${customer ? sql`${levelId} = any(sp.level_ids)` : sql`false`}))),
    (select case lp.mode when 'price' then lp.value else (${unit.listPriceFen} * lp.value + 5000) / 10000 end
       from level_prices lp where lp.tenant_id = current_setting('app.tenant_id', true) and lp.sku_unit_id = ${unit.id} and lp.level_id = ${levelId}),
    ${unit.listPriceFen})`;
}

/**
 * A product's lowest price for ONE of its enabled base units, for this customer: `min(unitPriceSql)` over those units.
 * Read from `product_from_prices` (kept by triggers, migration 0022): the customer's own row if they have customer
 * prices on the product, else their level's row, else the list row. Only products with a special price row (time-bound,
 * so not precomputed) are priced unit by unit. The same precedence as unitPriceSql; `from-prices.db.test.ts` checks
 * both agree after every kind of write.
 */
export function fromPriceSql(productId: SQL, customer: { id: string; levelId: string | null } | null): SQL {
  const customerId = customer?.id ?? '';
  const levelId = customer?.levelId ?? '';
  const tenant = sql`current_setting('app.tenant_id', true)`;
  const unitByUnit = sql`(select min(${unitPriceSql({ id: sql`u.id`, listPriceFen: sql`u.list_price_fen` }, customer)})
      from skus s join sku_units u on u.tenant_id = s.tenant_id and u.sku_id = s.id
      where s.tenant_id = ${tenant} and s.product_id = ${productId} and s.enabled and u.enabled and u.conversion = 1)`;
  // A customer's row (customer_id > '') sorts first, then the level's (level_id > ''), then the list row.
  return sql`(select case when f.special then ${unitByUnit} else f.from_price_fen end from product_from_prices f
      where f.tenant_id = ${tenant} and f.product_id = ${productId}
        and (f.customer_id = ${customerId} and f.level_id = '' or f.customer_id = '' and f.level_id = any(array[${levelId}, '']))
      order by f.customer_id desc, f.level_id desc limit 1)`;
}
