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

type Viewer = { id: string; levelId: string | null } | null;

/**
 * `pick` over this viewer's row of `product_from_prices` (alias f; kept by triggers, migration 0022): their own row if
 * they have customer prices on the product, else their level's row, else the list row. `unitByUnit` is given, per
 * product, the enabled base units (aliases s, u) and their price for this viewer, for products flagged as having
 * special prices (time-bound, so not precomputed).
 */
function fromPriceRow(productId: SQL, customer: Viewer, pick: (unitByUnit: (select: (price: SQL) => SQL, order?: SQL) => SQL) => SQL): SQL {
  const customerId = customer?.id ?? '';
  const levelId = customer?.levelId ?? '';
  const tenant = sql`current_setting('app.tenant_id', true)`;
  const unitByUnit = (select: (price: SQL) => SQL, order?: SQL) => sql`(select ${select(unitPriceSql({ id: sql`u.id`, listPriceFen: sql`u.list_price_fen` }, customer))}
      from skus s join sku_units u on u.tenant_id = s.tenant_id and u.sku_id = s.id
      where s.tenant_id = ${tenant} and s.product_id = ${productId} and s.enabled and u.enabled and u.conversion = 1${order ?? sql``})`;
  // A customer's row (customer_id > '') sorts first, then the level's (level_id > ''), then the list row.
  return sql`(select ${pick(unitByUnit)} from product_from_prices f
      where f.tenant_id = ${tenant} and f.product_id = ${productId}
        and (f.customer_id = ${customerId} and f.level_id = '' or f.customer_id = '' and f.level_id = any(array[${levelId}, '']))
      order by f.customer_id desc, f.level_id desc limit 1)`;
}

/**
 * A product's lowest price for ONE of its enabled base units, for this customer: `min(unitPriceSql)` over those units,
 * read from the precomputed row (fromPriceRow). The same precedence as unitPriceSql; `from-prices.db.test.ts` checks
 * that both agree after every kind of write.
 */
export function fromPriceSql(productId: SQL, customer: Viewer): SQL {
  return fromPriceRow(productId, customer, (unitByUnit) => sql`case when f.special then ${unitByUnit((price) => sql`min(${price})`)} else f.from_price_fen end`);
}

/**
 * The same price with the list price of the unit that gives it (the lowest list price on a tie), as JSON
 * `{"priceFen", "listPriceFen"}`: what a product card shows. Null when the product has no enabled base unit.
 */
export function fromPriceWithListSql(productId: SQL, customer: Viewer): SQL {
  return fromPriceRow(productId, customer, (unitByUnit) => sql`case when f.special
      then ${unitByUnit((price) => sql`json_build_object('priceFen', ${price}, 'listPriceFen', u.list_price_fen)`, sql` order by ${unitPriceSql({ id: sql`u.id`, listPriceFen: sql`u.list_price_fen` }, customer)}, u.list_price_fen limit 1`)}
      when f.from_price_fen is not null then json_build_object('priceFen', f.from_price_fen, 'listPriceFen', f.list_price_fen) end`);
}
