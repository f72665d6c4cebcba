CREATE TABLE "product_from_prices" (
	"tenant_id" text NOT NULL,
	"product_id" text NOT NULL,
	"level_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"from_price_fen" bigint,
	"list_price_fen" bigint,
	"special" boolean NOT NULL,
	CONSTRAINT "product_from_prices_tenant_id_product_id_level_id_customer_id_pk" PRIMARY KEY("tenant_id","product_id","level_id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "product_from_prices" ADD CONSTRAINT "product_from_prices_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Recomputes the from-prices of some products of one tenant from their SKUs, units, level prices and customer prices,
-- with the arithmetic of price-sql.ts unitPriceSql (percent = (list × bp + 5000) / 10000), specials left out but
-- flagged; beside each price, the list price of the unit that gives it (the lowest list price on a tie).
-- Two transactions refreshing the same product take turns on its list row (created first if missing), a row lock:
-- no entry in the shared lock table, so one transaction may reprice any number of products. Each statement after the
-- lock sees what the other transaction committed.
-- Always planned for the products at hand: a generic plan (after 5 calls) took 29 s instead of 4.5 for 5,000 products.
-- Called by refresh_product_from_prices with at most 200 products: the time grows faster than the count, most of all
-- before the planner has statistics (a fresh database: 12,000 products in one call took over a minute).
CREATE FUNCTION refresh_product_from_prices_chunk(p_tenant text, p_products text[]) RETURNS void LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  INSERT INTO product_from_prices (tenant_id, product_id, level_id, customer_id, from_price_fen, list_price_fen, special)
    SELECT p.tenant_id, p.id, '', '', NULL, NULL, false FROM unnest(p_products) ids(id) JOIN products p ON p.tenant_id = p_tenant AND p.id = ids.id
    ON CONFLICT DO NOTHING;
  PERFORM 1 FROM unnest(p_products) ids(id) JOIN product_from_prices f ON f.tenant_id = p_tenant AND f.product_id = ids.id AND f.level_id = '' AND f.customer_id = ''
    ORDER BY f.product_id FOR UPDATE OF f;
  -- The customers priced on these products are read below with their level: hold their rows (FOR SHARE), so a level
  -- change being made concurrently is waited for and seen, instead of one side missing the other's write.
  PERFORM 1 FROM customers c WHERE c.tenant_id = p_tenant AND c.id IN (
      SELECT cp.customer_id FROM unnest(p_products) ids(id) JOIN skus s ON s.tenant_id = p_tenant AND s.product_id = ids.id
      JOIN sku_units u ON u.tenant_id = s.tenant_id AND u.sku_id = s.id JOIN customer_prices cp ON cp.tenant_id = p_tenant AND cp.sku_unit_id = u.id)
    ORDER BY c.id FOR SHARE OF c;
  DELETE FROM product_from_prices f USING unnest(p_products) ids(id)
    WHERE f.tenant_id = p_tenant AND f.product_id = ids.id AND (f.level_id <> '' OR f.customer_id <> '');
  INSERT INTO product_from_prices (tenant_id, product_id, level_id, customer_id, from_price_fen, list_price_fen, special)
  WITH ids AS (
    SELECT DISTINCT unnest(p_products) AS id
  ), every_unit AS (
    SELECT s.product_id, u.id AS unit_id, u.list_price_fen, s.enabled AND u.enabled AND u.conversion = 1 AS sellable
    FROM ids JOIN skus s ON s.tenant_id = p_tenant AND s.product_id = ids.id JOIN sku_units u ON u.tenant_id = s.tenant_id AND u.sku_id = s.id
  ), base AS (
    SELECT e.product_id, e.unit_id, e.list_price_fen FROM every_unit e WHERE e.sellable
  ), flagged AS (
    SELECT p.id AS product_id, coalesce(x.special, false) AS special, m.list_from
    FROM ids JOIN products p ON p.tenant_id = p_tenant AND p.id = ids.id
    LEFT JOIN (SELECT DISTINCT e.product_id, true AS special FROM every_unit e
      JOIN special_prices sp ON sp.tenant_id = p_tenant AND sp.sku_unit_id = e.unit_id) x ON x.product_id = p.id
    LEFT JOIN (SELECT b.product_id, min(b.list_price_fen) AS list_from FROM base b GROUP BY b.product_id) m ON m.product_id = p.id
  ), levels AS (
    SELECT DISTINCT e.product_id, lp.level_id FROM every_unit e JOIN level_prices lp ON lp.tenant_id = p_tenant AND lp.sku_unit_id = e.unit_id
  ), buyers AS (
    SELECT DISTINCT e.product_id, cp.customer_id, c.level_id FROM every_unit e JOIN customer_prices cp ON cp.tenant_id = p_tenant AND cp.sku_unit_id = e.unit_id
    JOIN customers c ON c.tenant_id = p_tenant AND c.id = cp.customer_id
  ), level_of AS (
    SELECT b.unit_id, lp.level_id, CASE lp.mode WHEN 'price' THEN lp.value ELSE (b.list_price_fen * lp.value + 5000) / 10000 END AS price
    FROM base b JOIN level_prices lp ON lp.tenant_id = p_tenant AND lp.sku_unit_id = b.unit_id
  )
  SELECT p_tenant, f.product_id, '', '', f.list_from, f.list_from, f.special FROM flagged f
  UNION ALL
  SELECT p_tenant, l.product_id, l.level_id, '', min(coalesce(lo.price, b.list_price_fen)),
      (array_agg(b.list_price_fen ORDER BY coalesce(lo.price, b.list_price_fen), b.list_price_fen))[1], f.special
    FROM levels l JOIN flagged f ON f.product_id = l.product_id JOIN base b ON b.product_id = l.product_id
    LEFT JOIN level_of lo ON lo.unit_id = b.unit_id AND lo.level_id = l.level_id
    GROUP BY l.product_id, l.level_id, f.special
  UNION ALL
  SELECT p_tenant, k.product_id, '', k.customer_id, min(coalesce(cp.price_fen, lo.price, b.list_price_fen)),
      (array_agg(b.list_price_fen ORDER BY coalesce(cp.price_fen, lo.price, b.list_price_fen), b.list_price_fen))[1], f.special
    FROM buyers k JOIN flagged f ON f.product_id = k.product_id JOIN base b ON b.product_id = k.product_id
    LEFT JOIN customer_prices cp ON cp.tenant_id = p_tenant AND cp.sku_unit_id = b.unit_id AND cp.customer_id = k.customer_id
    LEFT JOIN level_of lo ON lo.unit_id = b.unit_id AND lo.level_id = k.level_id
    GROUP BY k.product_id, k.customer_id, f.special
  ON CONFLICT (tenant_id, product_id, level_id, customer_id)
    DO UPDATE SET from_price_fen = excluded.from_price_fen, list_price_fen = excluded.list_price_fen, special = excluded.special;
END $$;
--> statement-breakpoint
CREATE FUNCTION refresh_product_from_prices(p_tenant text, p_products text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE sorted text[] := ARRAY(SELECT DISTINCT unnest(p_products) ORDER BY 1);
BEGIN
  FOR i IN 0 .. (coalesce(cardinality(sorted), 0) - 1) / 200 LOOP
    PERFORM refresh_product_from_prices_chunk(p_tenant, sorted[i * 200 + 1 : (i + 1) * 200]);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE FUNCTION sku_units_from_prices() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE t text; ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR t, ids IN SELECT s.tenant_id, array_agg(DISTINCT s.product_id) FROM new_rows n JOIN skus s ON s.tenant_id = n.tenant_id AND s.id = n.sku_id GROUP BY 1 LOOP
      PERFORM refresh_product_from_prices(t, ids);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR t, ids IN SELECT s.tenant_id, array_agg(DISTINCT s.product_id) FROM old_rows o JOIN skus s ON s.tenant_id = o.tenant_id AND s.id = o.sku_id GROUP BY 1 LOOP
      PERFORM refresh_product_from_prices(t, ids);
    END LOOP;
  ELSE
    -- The rows whose priced columns changed, in either version (EXCEPT is hashed; a join of the two transition tables,
    -- which have no statistics, was planned as a nested loop: 16 s for 12,000 rows).
    FOR t, ids IN SELECT s.tenant_id, array_agg(DISTINCT s.product_id) FROM (
          (SELECT tenant_id, id, sku_id, list_price_fen, enabled, conversion FROM new_rows EXCEPT SELECT tenant_id, id, sku_id, list_price_fen, enabled, conversion FROM old_rows)
          UNION ALL
          (SELECT tenant_id, id, sku_id, list_price_fen, enabled, conversion FROM old_rows EXCEPT SELECT tenant_id, id, sku_id, list_price_fen, enabled, conversion FROM new_rows)) c
        JOIN skus s ON s.tenant_id = c.tenant_id AND s.id = c.sku_id GROUP BY 1 LOOP
      PERFORM refresh_product_from_prices(t, ids);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION skus_from_prices() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE t text; ids text[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    FOR t, ids IN SELECT o.tenant_id, array_agg(DISTINCT o.product_id) FROM old_rows o GROUP BY 1 LOOP
      PERFORM refresh_product_from_prices(t, ids);
    END LOOP;
  ELSE
    FOR t, ids IN SELECT c.tenant_id, array_agg(DISTINCT c.product_id) FROM (
          (SELECT tenant_id, id, product_id, enabled FROM new_rows EXCEPT SELECT tenant_id, id, product_id, enabled FROM old_rows)
          UNION ALL
          (SELECT tenant_id, id, product_id, enabled FROM old_rows EXCEPT SELECT tenant_id, id, product_id, enabled FROM new_rows)) c GROUP BY 1 LOOP
      PERFORM refresh_product_from_prices(t, ids);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- For level_prices, customer_prices and special_prices: rows that name a sku_unit_id.
CREATE FUNCTION unit_prices_from_prices() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE t text; ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR t, ids IN SELECT s.tenant_id, array_agg(DISTINCT s.product_id) FROM new_rows n
        JOIN sku_units u ON u.tenant_id = n.tenant_id AND u.id = n.sku_unit_id JOIN skus s ON s.tenant_id = u.tenant_id AND s.id = u.sku_id GROUP BY 1 LOOP
      PERFORM refresh_product_from_prices(t, ids);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR t, ids IN SELECT s.tenant_id, array_agg(DISTINCT s.product_id) FROM old_rows o
        JOIN sku_units u ON u.tenant_id = o.tenant_id AND u.id = o.sku_unit_id JOIN skus s ON s.tenant_id = u.tenant_id AND s.id = u.sku_id GROUP BY 1 LOOP
      PERFORM refresh_product_from_prices(t, ids);
    END LOOP;
  ELSE
    FOR t, ids IN SELECT s.tenant_id, array_agg(DISTINCT s.product_id) FROM (SELECT n.tenant_id, n.sku_unit_id FROM new_rows n UNION ALL SELECT o.tenant_id, o.sku_unit_id FROM old_rows o) r
        JOIN sku_units u ON u.tenant_id = r.tenant_id AND u.id = r.sku_unit_id JOIN skus s ON s.tenant_id = u.tenant_id AND s.id = u.sku_id GROUP BY 1 LOOP
      PERFORM refresh_product_from_prices(t, ids);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A customer's rows are computed with their level: moving a customer to another level recomputes their products.
CREATE FUNCTION customers_from_prices() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE t text; ids text[];
BEGIN
  FOR t, ids IN SELECT s.tenant_id, array_agg(DISTINCT s.product_id) FROM
        (SELECT tenant_id, id, level_id FROM new_rows EXCEPT SELECT tenant_id, id, level_id FROM old_rows) c
      JOIN customer_prices cp ON cp.tenant_id = c.tenant_id AND cp.customer_id = c.id
      JOIN sku_units u ON u.tenant_id = cp.tenant_id AND u.id = cp.sku_unit_id JOIN skus s ON s.tenant_id = u.tenant_id AND s.id = u.sku_id
      GROUP BY 1 LOOP
    PERFORM refresh_product_from_prices(t, ids);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sku_units_from_prices_ins AFTER INSERT ON sku_units REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sku_units_from_prices();
--> statement-breakpoint
CREATE TRIGGER sku_units_from_prices_upd AFTER UPDATE ON sku_units REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sku_units_from_prices();
--> statement-breakpoint
CREATE TRIGGER sku_units_from_prices_del AFTER DELETE ON sku_units REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sku_units_from_prices();
--> statement-breakpoint
CREATE TRIGGER skus_from_prices_upd AFTER UPDATE ON skus REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION skus_from_prices();
--> statement-breakpoint
CREATE TRIGGER skus_from_prices_del AFTER DELETE ON skus REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION skus_from_prices();
--> statement-breakpoint
CREATE TRIGGER level_prices_from_prices_ins AFTER INSERT ON level_prices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER level_prices_from_prices_upd AFTER UPDATE ON level_prices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER level_prices_from_prices_del AFTER DELETE ON level_prices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER customer_prices_from_prices_ins AFTER INSERT ON customer_prices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER customer_prices_from_prices_upd AFTER UPDATE ON customer_prices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER customer_prices_from_prices_del AFTER DELETE ON customer_prices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER special_prices_from_prices_ins AFTER INSERT ON special_prices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER special_prices_from_prices_upd AFTER UPDATE ON special_prices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER special_prices_from_prices_del AFTER DELETE ON special_prices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION unit_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER customers_from_prices_upd AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_from_prices();
