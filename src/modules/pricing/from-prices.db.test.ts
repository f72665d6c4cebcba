import fc from 'fast-check';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-db.js';
import { systemActor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/rows.js';
import { memoryBlobStore } from '../../platform/storage/blob-store.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { createCatalogModule } from '../catalog/index.js';
import { customerLevels, customers } from '../customers/customers.tables.js';
import { PERMISSION_CODES } from '../staff/domain/permissions.js';
import { backfillFromPrices } from './from-prices.repository.js';
import { fromPriceSql, fromPriceWithListSql, unitPriceSql } from './price-sql.js';
import { resolvePrice, type PriceCustomer, type SkuUnitPricing } from './domain/resolve-price.js';
import { loadPricing } from './pricing.repository.js';

let db: Database;
let tenantId: string;
let ctx: { tenantId: string; actor: ReturnType<typeof systemActor> };
let catalog: ReturnType<typeof createCatalogModule>;
let levels: string[] = [];
let viewers: ({ id: string; levelId: string | null } | null)[] = [];
const PRODUCTS = 12;

const unit = (name: string, conversion: number, listPriceFen: number) => ({ name, conversion, listPriceFen, minQty: 1, multiple: 1, enabled: true });

/** What a card must show, by the rule of resolvePrice: the lowest price at quantity 1 over the units, the lower list price on a tie. */
function lowestUnitPrice(units: SkuUnitPricing[], customer: PriceCustomer | null, at: Date) {
  let best: { priceFen: number; listPriceFen: number } | null = null;
  for (const p of units) {
    const r = resolvePrice(p, 1, customer, at);
    if (!best || r.unitPriceFen < best.priceFen || (r.unitPriceFen === best.priceFen && r.listPriceFen < best.listPriceFen)) best = { priceFen: r.unitPriceFen, listPriceFen: r.listPriceFen };
  }
  return best;
}

/** A product with two SKUs of one bottle each, both listed at ¥10. */
const twoBottles = (name: string, code: string) => catalog.products.create(ctx, { name, specs: [{ name: '规格', values: ['甲', '乙'] }], params: [], descriptionHtml: '', instructions: '',
  onShelf: true, visibleTypes: [], visibleLevelIds: [], skus: ['甲', '乙'].map((v, i) => ({ code: `${code}-${'AB'[i]}`, specValues: [v], baseUnit: '瓶', costPriceFen: 0, weightGrams: 0, enabled: true, units: [unit('瓶', 1, 1000)] })) });

beforeAll(async () => {
  db = await createTestDatabase();
  tenantId = (await seedDemo(db)).id;
  ctx = { tenantId, actor: systemActor(PERMISSION_CODES) };
  catalog = createCatalogModule(db, memoryBlobStore());
  const prices = fc.sample(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 })), { numRuns: PRODUCTS, seed: 11 });
  for (const [i, [a, b]] of prices.entries()) {
    await catalog.products.create(ctx, { name: `起价 ${i}`, specs: [{ name: '规格', values: ['甲', '乙'] }], params: [], descriptionHtml: '', instructions: '', onShelf: true, visibleTypes: [], visibleLevelIds: [],
      skus: [
        { code: `FP-${i}-A`, specValues: ['甲'], baseUnit: '瓶', costPriceFen: 0, weightGrams: 0, enabled: true, units: [unit('瓶', 1, a), unit('箱', 12, a * 11)] },
        { code: `FP-${i}-B`, specValues: ['乙'], baseUnit: '瓶', costPriceFen: 0, weightGrams: 0, enabled: true, units: [unit('瓶', 1, b), unit('箱', 6, b * 5)] },
      ] });
  }
  await db.tx(tenantId, async (tx) => {
    levels = (await tx.select({ id: customerLevels.id }).from(customerLevels)).map((l) => l.id);
    viewers = [null, ...(await tx.select({ id: customers.id, levelId: customers.levelId }).from(customers))];
  });
});
afterAll(async () => { await db?.close(); });

/** Every product's from-price per viewer, the fast way (precomputed + overrides) and unit by unit; they must agree. */
async function expectAgreement(step: string) {
  for (const viewer of viewers) {
    const rows = await db.tx(tenantId, async (tx) => rowsOf<{ id: string; fast: string | null; slow: string | null }>(await tx.execute(sql`
      select p.id, ${fromPriceSql(sql`p.id`, viewer)} as fast,
        (select min(${unitPriceSql({ id: sql`u.id`, listPriceFen: sql`u.list_price_fen` }, viewer)}) from skus s join sku_units u on u.tenant_id = s.tenant_id and u.sku_id = s.id
          where s.tenant_id = p.tenant_id and s.product_id = p.id and s.enabled and u.enabled and u.conversion = 1) as slow
      from products p where p.tenant_id = ${tenantId}`)));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.fast, `${step}: product ${r.id} for ${viewer?.id ?? 'guest'}`).toBe(r.slow);
    // A card's price and struck-through list price, from SQL, equal resolvePrice's over the product's base units.
    const { cards, units, pricing } = await db.tx(tenantId, async (tx) => {
      const cards = rowsOf<{ id: string; card: { priceFen: number; listPriceFen: number } | null }>(await tx.execute(sql`
        select p.id, ${fromPriceWithListSql(sql`p.id`, viewer)} as card from products p where p.tenant_id = ${tenantId}`));
      const units = rowsOf<{ product_id: string; id: string }>(await tx.execute(sql`select s.product_id, u.id from skus s join sku_units u on u.tenant_id = s.tenant_id and u.sku_id = s.id
        where s.tenant_id = ${tenantId} and s.enabled and u.enabled and u.conversion = 1`));
      return { cards, units, pricing: await loadPricing(tx, tenantId, units.map((u) => u.id), viewer?.id ?? null) };
    });
    const now = new Date();
    for (const c of cards) {
      const expected = lowestUnitPrice(units.filter((u) => u.product_id === c.id).map((u) => pricing.get(u.id)!), viewer, now);
      expect(c.card, `${step}: card of ${c.id} for ${viewer?.id ?? 'guest'}`).toEqual(expected);
    }
  }
}

const one = async <T>(q: string): Promise<T> => db.tx(tenantId, async (tx) => rowsOf<T>(await tx.execute(sql.raw(q)))[0]);

describe('from-prices kept by triggers', () => {
  it('agree with the unit-by-unit price after products are created, for every customer and guests', async () => {
    await expectAgreement('created');
  });

  it('agree after each of a random sequence of price, unit, SKU and level writes', async () => {
    type Step = { kind: number; pick: number; value: number; flag: boolean };
    const steps = fc.sample(fc.record({ kind: fc.nat(13), pick: fc.nat(1000), value: fc.integer({ min: 0, max: 100_000 }), flag: fc.boolean() }), { numRuns: 150, seed: 3 }) as Step[];
    const now = Date.now();
    const hits = Array<number>(14).fill(0);
    for (const [n, s] of steps.entries()) {
      // Updates and deletes of price rows pick among the units (and customers) that have such rows, so each one changes something.
      const pool = { 5: 'level_prices', 9: 'customer_prices', 10: 'customer_prices', 11: 'special_prices' }[s.kind];
      const u = await one<{ id: string; sku_id: string }>(`select u.id, u.sku_id from sku_units u join skus k on k.tenant_id = u.tenant_id and k.id = u.sku_id
        join products p on p.tenant_id = k.tenant_id and p.id = k.product_id where p.name like '起价%'
        ${pool ? `and exists (select 1 from ${pool} x where x.tenant_id = u.tenant_id and x.sku_unit_id = u.id)` : ''}
        order by u.id offset ${s.pick % (pool ? 3 : 40)} limit 1`);
      if (!u) continue;
      const level = levels[s.pick % levels.length];
      const buyers = s.kind === 12 ? (await db.tx(tenantId, async (tx) => rowsOf<{ id: string }>(await tx.execute(sql`select distinct customer_id as id from customer_prices order by 1`)))) : [];
      if (s.kind === 12 && !buyers.length) continue;
      const person = s.kind === 12 ? viewers.find((v) => v?.id === buyers[s.pick % buyers.length].id)! : viewers[1 + (s.pick % (viewers.length - 1))]!;
      hits[s.kind]++;
      const stmt = [
        sql`update sku_units set list_price_fen = ${s.value} where tenant_id = ${tenantId} and id = ${u.id}`,
        sql`update sku_units set enabled = ${s.flag} where tenant_id = ${tenantId} and id = ${u.id}`,
        sql`update skus set enabled = ${s.flag} where tenant_id = ${tenantId} and id = ${u.sku_id}`,
        sql`update sku_units set conversion = ${s.flag ? 1 : 6} where tenant_id = ${tenantId} and id = ${u.id}`,
        sql`insert into level_prices (tenant_id, sku_unit_id, level_id, mode, value) values (${tenantId}, ${u.id}, ${level}, ${s.flag ? 'price' : 'percent'}, ${s.flag ? s.value : s.value % 12_000})
          on conflict (tenant_id, sku_unit_id, level_id) do update set mode = excluded.mode, value = excluded.value`,
        sql`delete from level_prices where tenant_id = ${tenantId} and sku_unit_id = ${u.id}`,
        sql`insert into customer_prices (tenant_id, sku_unit_id, customer_id, price_fen) values (${tenantId}, ${u.id}, ${person.id}, ${s.value}) on conflict do nothing`,
        sql`insert into special_prices (tenant_id, id, sku_unit_id, price_fen, starts_at, ends_at, level_ids) values (${tenantId}, ${`FPS${n}`}, ${u.id}, ${s.value},
          ${new Date(s.flag ? now - 3_600_000 : now + 3_600_000)}, ${new Date(now + 7_200_000)}, ${s.flag ? sql`'{}'::text[]` : sql`array[${level}]::text[]`})`,
        sql`delete from skus where tenant_id = ${tenantId} and id = ${u.sku_id}`,
        sql`update customer_prices set price_fen = ${s.value} where tenant_id = ${tenantId} and sku_unit_id = ${u.id}`,
        sql`delete from customer_prices where tenant_id = ${tenantId} and sku_unit_id = ${u.id}`,
        sql`delete from special_prices where tenant_id = ${tenantId} and sku_unit_id = ${u.id}`,
        sql`update customers set level_id = ${s.flag ? level : null} where tenant_id = ${tenantId} and id = ${person.id}`,
        sql`insert into customer_prices (tenant_id, sku_unit_id, customer_id, price_fen) values (${tenantId}, ${u.id}, ${person.id}, ${s.value})
          on conflict (tenant_id, sku_unit_id, customer_id) do update set price_fen = excluded.price_fen`,
      ][s.kind];
      if (s.kind === 12) viewers = viewers.map((v) => (v?.id === person.id ? { ...v, levelId: s.flag ? level : null } : v));
      await db.tx(tenantId, (tx) => tx.execute(stmt));
      await expectAgreement(`step ${n} (kind ${s.kind})`);
    }
    expect(hits.every((h) => h > 0), `every kind of write ran: ${hits}`).toBe(true);
    // The sequence reached every kind of row: list, level and customer rows with a price, and products with specials.
    expect(Number((await one<{ n: string }>(`select count(*) as n from product_from_prices where level_id <> '' and from_price_fen is not null`)).n)).toBeGreaterThan(0);
    expect(Number((await one<{ n: string }>(`select count(*) as n from product_from_prices where customer_id <> '' and from_price_fen is not null`)).n)).toBeGreaterThan(0);
    expect(Number((await one<{ n: string }>(`select count(*) as n from product_from_prices where special`)).n)).toBeGreaterThan(0);
    expect(Number((await one<{ n: string }>(`select count(*) as n from product_from_prices where level_id = '' and from_price_fen is not null`)).n)).toBeGreaterThan(0);
  });

  it('follow a customer price that changes and a customer moved to another level', async () => {
    const p = await twoBottles('起价 定向', 'FP-T');
    const [a, b] = p.skus.map((k) => k.units[0].id);
    const buyer = viewers.find((v) => v !== null)!;
    const target = levels.find((l) => l !== buyer.levelId)!;
    const mine = async () => Number((await db.tx(tenantId, async (tx) => rowsOf<{ v: string }>(await tx.execute(sql`select ${fromPriceSql(sql`${p.id}::text`, buyer)} as v`))))[0].v);
    await db.tx(tenantId, async (tx) => {
      await tx.execute(sql`delete from special_prices where tenant_id = ${tenantId} and sku_unit_id in (${a}, ${b})`);
      await tx.execute(sql`insert into customer_prices (tenant_id, sku_unit_id, customer_id, price_fen) values (${tenantId}, ${a}, ${buyer.id}, 900)`);
      await tx.execute(sql`insert into level_prices (tenant_id, sku_unit_id, level_id, mode, value) values (${tenantId}, ${b}, ${target}, 'price', 500)`);
    });
    expect(await mine()).toBe(900);
    await db.tx(tenantId, (tx) => tx.execute(sql`update customer_prices set price_fen = 800 where tenant_id = ${tenantId} and sku_unit_id = ${a} and customer_id = ${buyer.id}`));
    expect(await mine()).toBe(800);
    await db.tx(tenantId, (tx) => tx.execute(sql`update customers set level_id = ${target} where tenant_id = ${tenantId} and id = ${buyer.id}`));
    const moved = { ...buyer, levelId: target };
    viewers = viewers.map((v) => (v?.id === buyer.id ? moved : v));
    expect(Number((await db.tx(tenantId, async (tx) => rowsOf<{ v: string }>(await tx.execute(sql`select ${fromPriceSql(sql`${p.id}::text`, moved)} as v`))))[0].v)).toBe(500);
    await expectAgreement('customer moved');
    // A tie between two units (500 by customer price on a list of 1000, 500 by level price on a list of 1200): the card shows the lower list price.
    await db.tx(tenantId, async (tx) => {
      await tx.execute(sql`update sku_units set list_price_fen = 1200 where tenant_id = ${tenantId} and id = ${b}`);
      await tx.execute(sql`update customer_prices set price_fen = 500 where tenant_id = ${tenantId} and sku_unit_id = ${a} and customer_id = ${buyer.id}`);
    });
    const card = (await db.tx(tenantId, async (tx) => rowsOf<{ v: unknown }>(await tx.execute(sql`select ${fromPriceWithListSql(sql`${p.id}::text`, moved)} as v`))))[0].v;
    expect(card).toEqual({ priceFen: 500, listPriceFen: 1000 });
    await expectAgreement('a tie');
  });

  it('a customer moved to another level while a customer price is being added for them: the new price uses the new level', async () => {
    const p = await twoBottles('起价 并发', 'FP-R');
    const [a, b] = p.skus.map((k) => k.units[0].id);
    const buyer = viewers.filter((v) => v !== null).at(-1)!;
    const target = levels.find((l) => l !== buyer.levelId)!;
    await db.tx(tenantId, (tx) => tx.execute(sql`insert into level_prices (tenant_id, sku_unit_id, level_id, mode, value) values (${tenantId}, ${b}, ${target}, 'price', 500)`));
    let release!: () => void;
    const moved = new Promise<void>((ready) => {
      void db.tx(tenantId, async (tx) => {
        await tx.execute(sql`update customers set level_id = ${target} where tenant_id = ${tenantId} and id = ${buyer.id}`);
        ready();
        await new Promise<void>((r) => { release = r; });
      });
    });
    await moved;
    const priced = db.tx(tenantId, (tx) => tx.execute(sql`insert into customer_prices (tenant_id, sku_unit_id, customer_id, price_fen) values (${tenantId}, ${a}, ${buyer.id}, 900)`));
    await new Promise((r) => setTimeout(r, 150));
    release();
    await priced;
    const now = { ...buyer, levelId: target };
    viewers = viewers.map((v) => (v?.id === buyer.id ? now : v));
    expect(Number((await db.tx(tenantId, async (tx) => rowsOf<{ v: string }>(await tx.execute(sql`select ${fromPriceSql(sql`${p.id}::text`, now)} as v`))))[0].v)).toBe(500);
    await expectAgreement('level change racing a customer price');
  });

  it('agree after the product editor rewrites units, after a level is deleted (cascading its level prices) and after a product is deleted', async () => {
    const [first] = (await catalog.products.list(ctx, { limit: 50, q: '起价' })).items;
    const product = await catalog.products.get(ctx, first.id);
    await catalog.products.update(ctx, product.id, { ...product, skus: product.skus.map((k, i) => ({ ...k, units: k.units.map((x) => ({ ...x, listPriceFen: 7 + i })) })) } as never);
    await expectAgreement('editor');

    const extra = await one<{ id: string }>(`insert into customer_levels (tenant_id, id, name, rank) values ('${tenantId}', 'LVL-FP', '临时等级', 99) returning id`);
    await db.tx(tenantId, (tx) => tx.execute(sql`insert into level_prices (tenant_id, sku_unit_id, level_id, mode, value)
      select u.tenant_id, u.id, ${extra.id}, 'price', 1 from sku_units u where u.tenant_id = ${tenantId}`));
    const before = await one<{ n: string }>(`select count(*) as n from product_from_prices where level_id = 'LVL-FP'`);
    expect(Number(before.n)).toBeGreaterThan(0);
    await db.tx(tenantId, (tx) => tx.delete(customerLevels).where(and(eq(customerLevels.tenantId, tenantId), eq(customerLevels.id, extra.id))));
    const after = await one<{ n: string }>(`select count(*) as n from product_from_prices where level_id = 'LVL-FP'`);
    expect(Number(after.n)).toBe(0);
    await expectAgreement('level deleted');

    await catalog.products.bulk(ctx, { ids: [product.id], action: 'delete' });
    expect(Number((await one<{ n: string }>(`select count(*) as n from product_from_prices where product_id = '${product.id}'`)).n)).toBe(0);
    await expectAgreement('product deleted');
  });

  // 9,000 products on the server (more than its shared lock table holds: 64 locks × ~110 backends, were each product
  // locked there); 2,500 on PGlite. A fresh test database has no planner statistics, which makes this slow (~30 s).
  it('one transaction may reprice any number of products: no per-product entry in the shared lock table', async () => {
    const N = process.env.DH_TEST_DB === 'pglite' ? 2_500 : 9_000;
    await db.tx(tenantId, async (tx) => {
      await tx.execute(sql`insert into products (tenant_id, id, name, on_shelf) select ${tenantId}, 'BULK' || lpad(g::text, 6, '0'), '批量 ' || g, true from generate_series(1, ${N}) g`);
      await tx.execute(sql`insert into skus (tenant_id, id, product_id, code, base_unit) select ${tenantId}, 'BSKU' || lpad(g::text, 6, '0'), 'BULK' || lpad(g::text, 6, '0'), 'BULK-' || g, '件' from generate_series(1, ${N}) g`);
      await tx.execute(sql`insert into sku_units (tenant_id, id, sku_id, name, conversion, list_price_fen) select ${tenantId}, 'BU' || lpad(g::text, 6, '0'), 'BSKU' || lpad(g::text, 6, '0'), '件', 1, g from generate_series(1, ${N}) g`);
      await tx.execute(sql`update sku_units set list_price_fen = list_price_fen + 1 where tenant_id = ${tenantId} and id like 'BU%'`);
    });
    const row = await one<{ n: string; wrong: string }>(`select count(*) as n, count(*) filter (where f.from_price_fen <> substr(f.product_id, 5)::int + 1) as wrong
      from product_from_prices f where f.product_id like 'BULK%' and f.level_id = '' and f.customer_id = ''`);
    expect(Number(row.n)).toBe(N);
    expect(Number(row.wrong)).toBe(0);
    await db.tx(tenantId, (tx) => tx.execute(sql`delete from products where tenant_id = ${tenantId} and id like 'BULK%'`));
  }, 180_000);

  it('are rebuilt by the start-up backfill when missing, and two concurrent writers to one product both count', async () => {
    await db.tx(tenantId, (tx) => tx.execute(sql`delete from product_from_prices where tenant_id = ${tenantId}`));
    const products = Number((await one<{ n: string }>(`select count(*) as n from products`)).n);
    expect(await backfillFromPrices(db, tenantId)).toBe(products);
    expect(await backfillFromPrices(db, tenantId)).toBe(0);
    await expectAgreement('backfill');

    const [a, b] = await db.tx(tenantId, async (tx) => rowsOf<{ id: string }>(await tx.execute(sql`select u.id from sku_units u join skus k on k.tenant_id = u.tenant_id and k.id = u.sku_id
      where k.product_id = (select product_id from skus where tenant_id = ${tenantId} and code like 'FP-%' and enabled order by code desc limit 1) order by u.id`)));
    let releaseA!: () => void;
    const aWrote = new Promise<void>((resolve) => {
      void db.tx(tenantId, async (tx) => {
        await tx.execute(sql`update sku_units set list_price_fen = 1, enabled = true, conversion = 1 where tenant_id = ${tenantId} and id = ${a.id}`);
        resolve();
        await new Promise<void>((r) => { releaseA = r; });
      });
    });
    await aWrote;
    const second = db.tx(tenantId, (tx) => tx.execute(sql`update sku_units set list_price_fen = 2, enabled = true, conversion = 1 where tenant_id = ${tenantId} and id = ${b.id}`));
    await new Promise((r) => setTimeout(r, 100));
    releaseA();
    await second;
    await expectAgreement('two writers');
  });
});
