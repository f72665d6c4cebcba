import { insertColumns, pgArray } from '../../lib/db.mjs';
import { log, progress } from '../../lib/log.mjs';
import { importApp } from '../../lib/ts.mjs';
import { CATALOG, MODIFIERS, ORIGINS, SUBTITLES } from './words.mjs';

/** Deterministic PRNG (mulberry32), so two runs generate the same catalog. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return next;
}

const pad = (n, w) => String(n).padStart(w, '0');
const C = {
  products: [['tenant_id', 'text'], ['id', 'text'], ['name', 'text'], ['subtitle', 'text'], ['category_id', 'text'], ['brand_id', 'text'], ['specs', 'jsonb'], ['params', 'jsonb'],
    ['description_html', 'text'], ['instructions', 'text'], ['on_shelf', 'bool'], ['visible_types', 'text[]'], ['visible_level_ids', 'text[]'], ['search_text', 'text'], ['sales_count', 'bigint']],
  product_search_keys: [['tenant_id', 'text'], ['key', 'text'], ['product_id', 'text']],
  skus: [['tenant_id', 'text'], ['id', 'text'], ['product_id', 'text'], ['code', 'text'], ['barcode', 'text'], ['spec_values', 'text[]'], ['cost_price_fen', 'bigint'], ['weight_grams', 'int'], ['base_unit', 'text'], ['enabled', 'bool'], ['sort', 'int']],
  sku_units: [['tenant_id', 'text'], ['id', 'text'], ['sku_id', 'text'], ['name', 'text'], ['conversion', 'int'], ['barcode', 'text'], ['list_price_fen', 'bigint'], ['min_qty', 'int'], ['multiple', 'int'], ['enabled', 'bool']],
  level_prices: [['tenant_id', 'text'], ['sku_unit_id', 'text'], ['level_id', 'text'], ['mode', 'text'], ['value', 'bigint']],
  customer_prices: [['tenant_id', 'text'], ['sku_unit_id', 'text'], ['customer_id', 'text'], ['price_fen', 'bigint']],
  price_tiers: [['tenant_id', 'text'], ['sku_unit_id', 'text'], ['source', 'text'], ['ref_id', 'text'], ['min_qty', 'int'], ['price_fen', 'bigint']],
  special_prices: [['tenant_id', 'text'], ['id', 'text'], ['sku_unit_id', 'text'], ['price_fen', 'bigint'], ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'], ['level_ids', 'text[]']],
  product_tags: [['tenant_id', 'text'], ['product_id', 'text'], ['tag_id', 'text']],
};

/** Categories (top → leaf), brands and tags, reusing what the demo seed made (same name, same parent); ids by name. */
async function taxonomy(client, tenantId, newId) {
  const { rows: existingCats } = await client.query('select id, parent_id, name from categories where tenant_id = $1', [tenantId]);
  const catId = (name, parentId) => existingCats.find((c) => c.name === name && c.parent_id === parentId)?.id;
  const cats = [];
  const leaves = [];
  const topIds = [];
  const ensure = (name, parentId, sort) => catId(name, parentId) ?? (cats.push([tenantId, newId(), parentId, name, sort]), cats[cats.length - 1][1]);
  for (const [i, top] of CATALOG.entries()) {
    const topId = ensure(top.name, null, i);
    topIds.push(topId);
    for (const [j, leaf] of top.leaves.entries()) leaves.push({ ...leaf, id: ensure(leaf.name, topId, j), topId, topName: top.name });
  }
  await insertColumns(client, 'categories', [['tenant_id', 'text'], ['id', 'text'], ['parent_id', 'text'], ['name', 'text'], ['sort', 'int']], cats);
  const named = async (table, names) => {
    const { rows } = await client.query(`select id, name from ${table} where tenant_id = $1`, [tenantId]);
    const ids = new Map(rows.map((r) => [r.name, r.id]));
    const missing = names.filter((n) => !ids.has(n)).map((n) => [tenantId, newId(), n]);
    await insertColumns(client, table, [['tenant_id', 'text'], ['id', 'text'], ['name', 'text']], missing);
    for (const [, id, n] of missing) ids.set(n, id);
    return new Map(names.map((n) => [n, ids.get(n)]));
  };
  const brands = await named('brands', [...new Set(CATALOG.flatMap((t) => t.leaves.flatMap((l) => l.brands)))]);
  const tags = await named('tags', ['热销', '新品', '促销']);
  return { leaves, topIds, brands, tags };
}

/** One product with its two SKUs, each sold by the base unit and by the carton, and the price rows that go with them. */
function productRows(i, r, t, ctx) {
  const { tenantId, newId, buildSearchText, levels, customers } = ctx;
  const leaf = r.pick(t.leaves);
  const brand = r.pick(leaf.brands);
  const mod = r.pick(MODIFIERS);
  const noun = r.pick(leaf.nouns);
  const name = /^[A-Z]/.test(mod) ? `${brand}${noun} ${mod}` : `${brand}${mod}${noun}`;
  const subtitle = r.pick(SUBTITLES);
  const [specName, specValues] = leaf.spec;
  const first = r.int(0, specValues.length - 1);
  const values = [specValues[first], specValues[(first + r.int(1, specValues.length - 1)) % specValues.length]];
  const id = newId(ctx.t0 + i * 1000);
  const out = { product: null, skus: [], units: [], levels: [], customers: [], tiers: [], specials: [], tags: [], keys: [] };
  const codes = [];
  const barcodes = [];
  const basePrice = Math.round(r.int(leaf.price[0], leaf.price[1]) / 10) * 10;
  for (const [j, value] of values.entries()) {
    const n = i * 2 + j;
    const skuId = newId(ctx.t0 + i * 1000);
    const code = `SP${pad(i, 6)}-${j + 1}`;
    const barcode = `69${pad(n, 11)}`;
    const list = Math.max(10, Math.round((basePrice * (1 + j * 0.15)) / 10) * 10);
    codes.push(code);
    barcodes.push(barcode, `1${barcode}`);
    out.skus.push([tenantId, skuId, id, code, barcode, pgArray([value]), Math.round(list * 0.7), r.int(50, 5000), leaf.unit, true, j]);
    const bulk = r() < 0.1;
    const units = [
      // The base unit is scanned by the SKU's own barcode; the app rejects the same barcode twice in a product.
      [newId(), leaf.unit, 1, null, list, bulk ? leaf.carton[1] / 2 : 1, bulk ? leaf.carton[1] / 2 : 1],
      [newId(), leaf.carton[0], leaf.carton[1], `1${barcode}`, Math.round((list * leaf.carton[1] * 0.98) / 10) * 10, 1, 1],
    ];
    for (const [unitId, unitName, conversion, unitBarcode, price, minQty, multiple] of units) {
      out.units.push([tenantId, unitId, skuId, unitName, conversion, unitBarcode, price, minQty, multiple, true]);
      // 等级价 on 40 % of units (percent of list), a fixed 金牌 price on another 10 %.
      const lp = r();
      if (lp < 0.4) for (const [bp, levelId] of [[9500, levels.银牌], [9000, levels.金牌], [8500, levels.钻石]]) out.levels.push([tenantId, unitId, levelId, 'percent', bp]);
      else if (lp < 0.5) out.levels.push([tenantId, unitId, levels.金牌, 'price', Math.round(price * 0.88)]);
      // 一客一价 for the demo dealers on a few per cent of units.
      if (r() < 0.04) out.customers.push([tenantId, unitId, customers.dealer1, Math.round(price * 0.85)]);
      if (r() < 0.02) out.customers.push([tenantId, unitId, customers.dealer2, Math.round(price * 0.83)]);
      if (conversion === 1 && r() < 0.1) out.tiers.push([tenantId, unitId, 'list', '', 10, Math.round(price * 0.95)], [tenantId, unitId, 'list', '', 50, Math.round(price * 0.9)]);
      if (r() < 0.005) out.specials.push([tenantId, newId(), unitId, Math.round(price * 0.8), ctx.specialFrom, ctx.specialTo, pgArray(r() < 0.5 ? [] : [levels.金牌])]);
    }
  }
  const restricted = r();
  out.product = [tenantId, id, name, subtitle, leaf.id, t.brands.get(brand), JSON.stringify([{ name: specName, values }]),
    JSON.stringify([{ name: '产地', value: r.pick(ORIGINS) }, { name: '保质期', value: `${r.int(6, 36)}个月` }]),
    `<p>${name}${subtitle ? `，${subtitle}` : ''}。</p>`, '', r() < 0.95, pgArray(restricted < 0.01 ? ['dealer'] : []), pgArray(restricted > 0.99 ? [levels.金牌, levels.钻石] : []),
    buildSearchText({ name, subtitle, brand, category: leaf.name, codes, barcodes }), Math.floor(20000 * r() ** 6)];
  out.keys = ctx.buildSearchKeys({ name, subtitle, brand, category: leaf.name, codes, barcodes }).map((k) => [tenantId, k, id]);
  if (r() < 0.1) out.tags.push([tenantId, id, t.tags.get('热销')]);
  if (r() < 0.05) out.tags.push([tenantId, id, t.tags.get('新品')]);
  return out;
}

/**
 * Writes `count` products (2 SKUs each, base unit + carton each) straight into the tables as the database owner,
 * in batches of one multi-row INSERT per table. search_text and the autocomplete keys come from the app's own
 * buildSearchText and buildSearchKeys.
 */
export async function generateCatalog(client, { tenantId, count, newId, buildSearchText, batch = 1000 }) {
  await client.query(`select set_config('app.tenant_id', $1, false)`, [tenantId]); // in case the owner is not a superuser (FORCE RLS)
  await client.query('set synchronous_commit = off');
  const { rows: lv } = await client.query('select id, name from customer_levels where tenant_id = $1', [tenantId]);
  const levels = Object.fromEntries(lv.map((l) => [l.name, l.id]));
  const { rows: cs } = await client.query(`select c.id, m.username from customers c join customer_members m on m.tenant_id = c.tenant_id and m.customer_id = c.id where c.tenant_id = $1`, [tenantId]);
  const customers = Object.fromEntries(cs.map((c) => [c.username, c.id]));
  const t = await taxonomy(client, tenantId, newId);
  const r = rng(20261125);
  const now = Date.now();
  const { buildSearchKeys } = await importApp('src/modules/catalog/domain/search-keys.ts');
  const ctx = { tenantId, newId, buildSearchText, buildSearchKeys, levels, customers, t0: now - count * 1000, specialFrom: new Date(now - 86_400_000).toISOString(), specialTo: new Date(now + 30 * 86_400_000).toISOString() };
  const refs = { productIds: [], skuCodes: [], brandIds: [...t.brands.values()], leafIds: t.leaves.map((l) => l.id), topIds: t.topIds, tagIds: [...t.tags.values()] };
  const totals = { products: 0, product_search_keys: 0, skus: 0, sku_units: 0, level_prices: 0, customer_prices: 0, price_tiers: 0, special_prices: 0, product_tags: 0 };
  const tick = progress('generating SKUs', count * 2);
  // The search's from-prices (migration 0022) are kept by statement triggers; for a bulk load they are written once
  // at the end instead of once per table and batch.
  const priced = ['sku_units', 'skus', 'level_prices', 'customer_prices', 'special_prices'];
  for (const table of priced) await client.query(`alter table ${table} disable trigger user`);
  try {
  for (let start = 0; start < count; start += batch) {
    const rows = { products: [], product_search_keys: [], skus: [], sku_units: [], level_prices: [], customer_prices: [], price_tiers: [], special_prices: [], product_tags: [] };
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const p = productRows(i, r, t, ctx);
      rows.products.push(p.product); rows.product_search_keys.push(...p.keys); rows.skus.push(...p.skus); rows.sku_units.push(...p.units); rows.level_prices.push(...p.levels);
      rows.customer_prices.push(...p.customers); rows.price_tiers.push(...p.tiers); rows.special_prices.push(...p.specials); rows.product_tags.push(...p.tags);
      if (p.product[10]) refs.productIds.push(p.product[1]);
      refs.skuCodes.push(...p.skus.map((s) => s[3]));
    }
    await client.query('begin');
    for (const table of Object.keys(rows)) { await insertColumns(client, table, C[table], rows[table]); totals[table] += rows[table].length; }
    await client.query('commit');
    tick(totals.skus);
  }
  } finally {
    for (const table of priced) await client.query(`alter table ${table} enable trigger user`);
  }
  const fromPrices = progress('writing the search from-prices', count);
  for (let after = '', done = 0; ;) {
    const { rows: [last] } = await client.query(`with ids as (select id from products where tenant_id = $1 and id > $2 order by id limit 5000)
      select max(id) as id, count(*)::int as n, refresh_product_from_prices($1, array(select id from ids)) from ids`, [tenantId, after]);
    if (!last.n) break;
    done += last.n; after = last.id; fromPrices(done);
  }
  log('VACUUM ANALYZE (planner statistics, visibility map, GIN pending list)');
  await client.query('vacuum analyze');
  return { refs, totals, customers, levels };
}
