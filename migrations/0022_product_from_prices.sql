CREATE TABLE "product_from_prices" (
	"tenant_id" text NOT NULL,
	"product_id" text NOT NULL,
	"level_id" text NOT NULL,
	"from_price_fen" bigint,
	CONSTRAINT "product_from_prices_tenant_id_product_id_level_id_pk" PRIMARY KEY("tenant_id","product_id","level_id")
);
--> statement-breakpoint
ALTER TABLE "product_from_prices" ADD CONSTRAINT "product_from_prices_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "public"."products"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Recomputes the from-prices of some products of one tenant from their SKUs, units and level prices (the same
-- arithmetic as price-sql.ts unitPriceSql: percent = (list × bp + 5000) / 10000). Serialised per product by an
-- advisory lock, so two transactions changing the same product's prices cannot leave the older result behind.
CREATE FUNCTION refresh_product_from_prices(p_tenant text, p_products text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('product_from_prices/' || p_tenant || '/' || pid, 0))
    FROM (SELECT DISTINCT unnest(p_products) AS pid ORDER BY 1) ids;
  DELETE FROM product_from_prices WHERE tenant_id = p_tenant AND product_id = ANY(p_products);
  INSERT INTO product_from_prices (tenant_id, product_id, level_id, from_price_fen)
  SELECT p.tenant_id, p.id, '', (SELECT min(u.list_price_fen) FROM skus s JOIN sku_units u ON u.tenant_id = s.tenant_id AND u.sku_id = s.id
      WHERE s.tenant_id = p.tenant_id AND s.product_id = p.id AND s.enabled AND u.enabled AND u.conversion = 1)
    FROM products p WHERE p.tenant_id = p_tenant AND p.id = ANY(p_products)
  UNION ALL
  SELECT s.tenant_id, s.product_id, l.level_id,
      min(coalesce(CASE lp.mode WHEN 'price' THEN lp.value ELSE (u.list_price_fen * lp.value + 5000) / 10000 END, u.list_price_fen))
    FROM skus s JOIN sku_units u ON u.tenant_id = s.tenant_id AND u.sku_id = s.id
    JOIN (SELECT DISTINCT s2.product_id, lp2.level_id FROM level_prices lp2
          JOIN sku_units u2 ON u2.tenant_id = lp2.tenant_id AND u2.id = lp2.sku_unit_id
          JOIN skus s2 ON s2.tenant_id = u2.tenant_id AND s2.id = u2.sku_id
          WHERE lp2.tenant_id = p_tenant AND s2.product_id = ANY(p_products)) l ON l.product_id = s.product_id
    LEFT JOIN level_prices lp ON lp.tenant_id = u.tenant_id AND lp.sku_unit_id = u.id AND lp.level_id = l.level_id
    WHERE s.tenant_id = p_tenant AND s.product_id = ANY(p_products) AND s.enabled AND u.enabled AND u.conversion = 1
    GROUP BY s.tenant_id, s.product_id, l.level_id
  ON CONFLICT (tenant_id, product_id, level_id) DO UPDATE SET from_price_fen = excluded.from_price_fen;
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
    FOR t, ids IN SELECT s.tenant_id, array_agg(DISTINCT s.product_id) FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
        JOIN skus s ON s.tenant_id = n.tenant_id AND s.id IN (n.sku_id, o.sku_id)
        WHERE (n.list_price_fen, n.enabled, n.conversion, n.sku_id) IS DISTINCT FROM (o.list_price_fen, o.enabled, o.conversion, o.sku_id) GROUP BY 1 LOOP
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
    FOR t, ids IN SELECT n.tenant_id, array_agg(DISTINCT x.pid) FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
        CROSS JOIN LATERAL (VALUES (n.product_id), (o.product_id)) x(pid)
        WHERE (n.enabled, n.product_id) IS DISTINCT FROM (o.enabled, o.product_id) GROUP BY 1 LOOP
      PERFORM refresh_product_from_prices(t, ids);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION level_prices_from_prices() RETURNS trigger LANGUAGE plpgsql AS $$
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
    FOR t, ids IN SELECT s.tenant_id, array_agg(DISTINCT s.product_id) FROM (SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows) r
        JOIN sku_units u ON u.tenant_id = r.tenant_id AND u.id = r.sku_unit_id JOIN skus s ON s.tenant_id = u.tenant_id AND s.id = u.sku_id GROUP BY 1 LOOP
      PERFORM refresh_product_from_prices(t, ids);
    END LOOP;
  END IF;
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
CREATE TRIGGER level_prices_from_prices_ins AFTER INSERT ON level_prices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION level_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER level_prices_from_prices_upd AFTER UPDATE ON level_prices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION level_prices_from_prices();
--> statement-breakpoint
CREATE TRIGGER level_prices_from_prices_del AFTER DELETE ON level_prices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION level_prices_from_prices();
