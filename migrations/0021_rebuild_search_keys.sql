-- The search keys now also hold every tail of the Chinese text of a product's subtitle and category (and codes), so
-- that a search term made only of Chinese characters can be matched through them. Keys are built by the app (pinyin
-- in JavaScript), so they are dropped here and written again by the backfill that runs at every start.
TRUNCATE product_search_keys; -- (not DELETE: row-level security would hide every row from a non-superuser owner)
