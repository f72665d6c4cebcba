-- EXPLAIN ANALYZE of the SQL behind the catalog bench, run as the app runs it (role dinghuo_app, tenant set, so
-- row-level security applies). The statements are copied from the PostgreSQL log of the app at commit e0db2ca
-- (search/pg-trigram-search.ts); when that code changes, take them again (ALTER DATABASE … SET
-- log_min_duration_statement = 0, one request, then the log of the PostgreSQL server).
--
--   npm run bench -- catalog --keep-db          # full size: at --quick size the planner may prefer scans anyway
--                                               # the last log line names the kept database dh_bench_<ts>
--   psql -X postgres://postgres@127.0.0.1:5432/dh_bench_<ts> -f bench/scenarios/catalog/explain.sql
--   psql -X postgres://postgres@127.0.0.1:5432/postgres -c 'DROP DATABASE dh_bench_<ts>'
\set ON_ERROR_STOP on
\pset pager off
select t.id as tenant, c.id as customer, c.level_id as level from tenants t
  join customer_members m on m.tenant_id = t.id and m.username = 'dealer1' join customers c on c.tenant_id = t.id and c.id = m.customer_id
  where t.slug = 'demo' \gset
select id as leaf from categories where tenant_id = :'tenant' and name = '矿泉水' limit 1 \gset

\echo '== 0. the owner (no RLS) gets the trigram index; dinghuo_app cannot use it (textlike and %> are not LEAKPROOF)'
explain (analyze, costs off) select id from products where tenant_id = :'tenant' and (search_text like '%hwsj%' or search_text %> 'hwsj');
set role dinghuo_app;
select set_config('app.tenant_id', :'tenant', false) \gset
explain (analyze, costs off) select id from products where tenant_id = :'tenant' and (search_text like '%hwsj%' or search_text %> 'hwsj');

\echo '== 1. search q=牛奶: the id query (the two facet queries repeat the same WHERE)'
explain (analyze, buffers, costs off)
select id from products
where tenant_id = :'tenant' and on_shelf and (cardinality(visible_types) = 0 or 'dealer' = any(visible_types))
  and (cardinality(visible_level_ids) = 0 or :'level' = any(visible_level_ids))
  and (search_text like '%牛奶%' or search_text %> '牛奶')
order by (search_text like '%牛奶%') desc, word_similarity('牛奶', search_text) desc, id desc limit 21;

\echo '== 2. browse (no filter, best sellers first): note the row estimate of the visibility predicate'
explain (analyze, buffers)
select id from products
where tenant_id = :'tenant' and on_shelf and (cardinality(visible_types) = 0 or 'dealer' = any(visible_types))
  and (cardinality(visible_level_ids) = 0 or :'level' = any(visible_level_ids))
order by sales_count desc, id desc limit 21;

\echo '== 3. facet of the browse page (the brand facet is the same scan again)'
explain (analyze, costs off)
select category_id, count(*)::int from products p
where p.tenant_id = :'tenant' and p.on_shelf and (cardinality(p.visible_types) = 0 or 'dealer' = any(p.visible_types))
  and (cardinality(p.visible_level_ids) = 0 or :'level' = any(p.visible_level_ids)) group by category_id;

\echo '== 4. price sort in one leaf category: three correlated price subqueries per base unit of every candidate'
explain (analyze, costs off)
select p.id from products p
where p.tenant_id = :'tenant' and p.on_shelf and (cardinality(p.visible_types) = 0 or 'dealer' = any(p.visible_types))
  and (cardinality(p.visible_level_ids) = 0 or :'level' = any(p.visible_level_ids)) and p.category_id in (:'leaf')
order by (select min(coalesce(
    (select cp.price_fen from customer_prices cp where cp.tenant_id = current_setting('app.tenant_id', true) and cp.sku_unit_id = u.id and cp.customer_id = :'customer'),
    (select min(sp.price_fen) from special_prices sp where sp.tenant_id = current_setting('app.tenant_id', true) and sp.sku_unit_id = u.id
       and sp.starts_at <= now() and now() < sp.ends_at and (cardinality(sp.level_ids) = 0 or (:'level' = any(sp.level_ids)))),
    (select case lp.mode when 'price' then lp.value else (u.list_price_fen * lp.value + 5000) / 10000 end
       from level_prices lp where lp.tenant_id = current_setting('app.tenant_id', true) and lp.sku_unit_id = u.id and lp.level_id = :'level'),
    u.list_price_fen))
  from skus s join sku_units u on u.tenant_id = s.tenant_id and u.sku_id = s.id
  where s.tenant_id = p.tenant_id and s.product_id = p.id and s.enabled and u.enabled and u.conversion = 1) asc nulls last, p.id desc limit 21;

\echo '== 5. autocomplete q=华'
explain (analyze, costs off)
select id, name from products p
where p.tenant_id = :'tenant' and p.on_shelf and (cardinality(p.visible_types) = 0 or 'dealer' = any(p.visible_types))
  and (cardinality(p.visible_level_ids) = 0 or :'level' = any(p.visible_level_ids)) and p.search_text like '%华%'
order by (lower(p.name) like '华%') desc, p.sales_count desc, p.id desc limit 10;
reset role;
