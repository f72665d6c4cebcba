import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillSearchKeys } from '../../src/modules/catalog/search/search-keys.repository.js';
import { client, loginMember, loginStaff, type Client } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let productId: string;
let bottle: string;
let carton: string;
const level: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginStaff(t.app, 'admin');
  for (const l of (await admin.get('/api/v1/admin/customer-levels')).json().items) level[l.name] = l.id;
  const brand = (await admin.post('/api/v1/admin/brands', { name: '百岁山' })).json().id;
  const p = (await admin.post('/api/v1/admin/products', {
    name: '百岁山 天然矿泉水 570ml', brandId: brand, onShelf: true,
    skus: [{ code: 'BSS-570', barcode: '6922255451427', baseUnit: '瓶', costPriceFen: 80,
      units: [{ name: '瓶', conversion: 1, listPriceFen: 200 }, { name: '箱', conversion: 24, listPriceFen: 4200, barcode: '16922255451424' }] }],
  })).json();
  productId = p.id;
  bottle = p.skus[0].units.find((u: { name: string }) => u.name === '瓶').id;
  carton = p.skus[0].units.find((u: { name: string }) => u.name === '箱').id;
  await admin.put(`/api/v1/admin/sku-units/${carton}/prices`, {
    listTiers: [{ minQty: 10, priceFen: 4000 }],
    levelPrices: [
      { levelId: level['金牌'], mode: 'percent', value: 9000, tiers: [{ minQty: 10, priceFen: 3600 }, { minQty: 50, priceFen: 3400 }] },
      { levelId: level['银牌'], mode: 'price', value: 3990, tiers: [] },
    ],
    specialPrices: [],
  });
  const dealer2 = (await admin.get('/api/v1/admin/customers?q=广州华南')).json().items[0].id;
  await admin.put(`/api/v1/admin/customers/${dealer2}/prices/${carton}`, { priceFen: 3300, tiers: [] });
});
afterAll(async () => { await t?.close(); });

const cartonOf = async (c: Client) => {
  const p = (await c.get(`/api/v1/mall/products/${productId}`)).json();
  return p.skus[0].units.find((u: { name: string }) => u.name === '箱');
};

describe('each customer sees their own price', () => {
  it('a gold dealer, a silver retailer, a dealer with a customer price and a consumer see four different carton prices', async () => {
    const gold = await cartonOf(await loginMember(t.app, 'dealer1'));
    const silver = await cartonOf(await loginMember(t.app, 'retailer1'));
    const own = await cartonOf(await loginMember(t.app, 'dealer2'));
    const normal = await cartonOf(await loginMember(t.app, 'consumer1'));
    expect(gold.price).toEqual({ priceFen: 3780, listPriceFen: 4200, source: 'level' });
    expect(silver.price).toEqual({ priceFen: 3990, listPriceFen: 4200, source: 'level' });
    expect(own.price).toEqual({ priceFen: 3300, listPriceFen: 4200, source: 'customer' });
    expect(normal.price).toEqual({ priceFen: 4200, listPriceFen: 4200, source: 'list' });
    expect(gold.tiers).toEqual([{ minQty: 10, priceFen: 3600 }, { minQty: 50, priceFen: 3400 }]);
    expect(normal.tiers).toEqual([{ minQty: 10, priceFen: 4000 }]);
  });

  it('search results carry the same own price', async () => {
    const dealer = await loginMember(t.app, 'dealer1');
    const items = (await dealer.get('/api/v1/mall/products?q=bss')).json().items;
    expect(items).toHaveLength(1);
    expect(items[0].price).toEqual({ priceFen: 200, listPriceFen: 200 });
  });

  it('a time-limited special price applies inside its window only', async () => {
    const now = Date.now();
    const sheet = (await admin.get(`/api/v1/admin/sku-units/${bottle}/prices`)).json();
    const set = (startsAt: number, endsAt: number) => admin.put(`/api/v1/admin/sku-units/${bottle}/prices`, {
      listTiers: sheet.listTiers, levelPrices: sheet.levelPrices,
      specialPrices: [{ priceFen: 150, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString(), levelIds: [] }],
    });
    expect((await set(now - 60_000, now + 3_600_000)).statusCode).toBe(200);
    const m = await loginMember(t.app, 'retailer1');
    const unit = (await m.get(`/api/v1/mall/products/${productId}`)).json().skus[0].units.find((u: { name: string }) => u.name === '瓶');
    expect(unit.price).toMatchObject({ priceFen: 150, source: 'special' });
    await set(now + 3_600_000, now + 7_200_000);
    const later = (await m.get(`/api/v1/mall/products/${productId}`)).json().skus[0].units.find((u: { name: string }) => u.name === '瓶');
    expect(later.price).toMatchObject({ priceFen: 200, source: 'list' });
  });
});

describe('guests and visibility', () => {
  it('guests see no prices by default and the list price when the tenant allows it', async () => {
    const guest = client(t.app);
    expect((await guest.get(`/api/v1/mall/products/${productId}`)).json().skus[0].units[0].price).toBeNull();
    const cur = (await admin.get('/api/v1/admin/settings')).json();
    await admin.put('/api/v1/admin/settings', { settings: { ...cur.settings, guestPriceMode: 'list' }, version: cur.version });
    expect((await guest.get(`/api/v1/mall/products/${productId}`)).json().skus[0].units[0].price).toMatchObject({ priceFen: 200, source: 'list' });
  });

  it('a product for dealers only is invisible to a retailer, in search and by id', async () => {
    const p = (await admin.post('/api/v1/admin/products', {
      name: '经销商专供礼盒', onShelf: true, visibleTypes: ['dealer'],
      skus: [{ code: 'GIFT-D', baseUnit: '盒', units: [{ name: '盒', conversion: 1, listPriceFen: 9900 }] }],
    })).json();
    const dealer = await loginMember(t.app, 'dealer1');
    const retailer = await loginMember(t.app, 'retailer1');
    expect((await dealer.get('/api/v1/mall/products?q=lihe')).json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect((await retailer.get('/api/v1/mall/products?q=lihe')).json().items).toEqual([]);
    expect((await retailer.get(`/api/v1/mall/products/${p.id}`)).statusCode).toBe(404);
  });
});

describe('search', () => {
  it('finds by initials, forgives a typo, and suggests while typing', async () => {
    const m = await loginMember(t.app, 'dealer1');
    expect((await m.get(`/api/v1/mall/products?q=${encodeURIComponent('bss')}`)).json().items).toHaveLength(1);
    expect((await m.get(`/api/v1/mall/products?q=${encodeURIComponent('baisuishna')}`)).json().items.map((i: { name: string }) => i.name)).toContain('百岁山 天然矿泉水 570ml');
    expect((await m.get(`/api/v1/mall/suggest?q=${encodeURIComponent('百岁')}`)).json().items[0].name).toContain('百岁山');
  });

  const suggest = async (c: Client, q: string) => (await c.get(`/api/v1/mall/suggest?q=${encodeURIComponent(q)}`)).json().items.map((i: { name: string }) => i.name);

  it('suggests from the start of any word, any Chinese position, pinyin, initials, codes and barcodes', async () => {
    const m = await loginMember(t.app, 'dealer1');
    for (const q of ['百岁山', '矿泉', '泉水', 'baisui', 'kuangquan', 'bss', 'trkqs', 'bss-5', '692225', '570m', 'BAISUI']) {
      expect(await suggest(m, q), q).toContain('百岁山 天然矿泉水 570ml');
    }
    expect(await suggest(m, 'zzzz')).toEqual([]);
  });

  it('follows a rename of the product and of its brand, and never shows a product off the shelf', async () => {
    const m = await loginMember(t.app, 'dealer1');
    const brand = (await admin.post('/api/v1/admin/brands', { name: '雪域' })).json().id;
    const body = { name: '雪域 冰川水 350ml', brandId: brand, onShelf: true, skus: [{ code: 'XY-350', baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 300 }] }] };
    const p = (await admin.post('/api/v1/admin/products', body)).json();
    expect(await suggest(m, '冰川')).toContain('雪域 冰川水 350ml');
    expect((await admin.put(`/api/v1/admin/products/${p.id}`, { ...body, name: '雪域 高山泉 350ml', version: p.version })).statusCode).toBe(200);
    expect(await suggest(m, '冰川')).not.toContain('雪域 冰川水 350ml');
    expect(await suggest(m, 'gaoshan')).toContain('雪域 高山泉 350ml');
    expect((await admin.patch(`/api/v1/admin/brands/${brand}`, { name: '雪岭' })).statusCode).toBe(200);
    expect(await suggest(m, 'xueling')).toContain('雪域 高山泉 350ml');
    expect((await admin.post('/api/v1/admin/products/bulk', { ids: [p.id], action: 'shelf_off' })).statusCode).toBeLessThan(300);
    expect(await suggest(m, 'gaoshan')).toEqual([]);
  });

  it('a search term of Chinese characters finds them anywhere in the name, brand, subtitle and category, and nothing else', async () => {
    const m = await loginMember(t.app, 'dealer1');
    const category = (await admin.post('/api/v1/admin/categories', { name: '高原饮品' })).json().id;
    const body = { name: '雪域冰川水350ml', subtitle: '源自海拔五千米', categoryId: category, onShelf: true, skus: [{ code: 'XY-CJK-350', baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 300 }] }] };
    expect((await admin.post('/api/v1/admin/products', body)).statusCode).toBe(201);
    const names = async (q: string) => (await m.get(`/api/v1/mall/products?q=${encodeURIComponent(q)}`)).json().items.map((i: { name: string }) => i.name);
    for (const q of ['冰川', '川', '冰川水', '海拔', '五千米', '原饮', '雪域冰川水350ml', '350ml']) expect(await names(q), q).toContain('雪域冰川水350ml');
    for (const q of ['冰山', '饮品高原', '雪域海拔']) expect(await names(q), q).not.toContain('雪域冰川水350ml');
  });

  it('gives keys at start to products written without them (a bulk load, or data from before the keys)', async () => {
    const m = await loginMember(t.app, 'dealer1');
    await t.database.owner.execute(sql`delete from product_search_keys where product_id = ${productId}`);
    expect(await suggest(m, '矿泉')).not.toContain('百岁山 天然矿泉水 570ml');
    expect(await backfillSearchKeys(t.database, t.tenantId)).toBe(1);
    expect(await suggest(m, '矿泉')).toContain('百岁山 天然矿泉水 570ml');
    expect(await backfillSearchKeys(t.database, t.tenantId)).toBe(0);
  });
});

describe('price sheet validation', () => {
  it.each([
    ['a rising tier', { listTiers: [{ minQty: 10, priceFen: 100 }, { minQty: 20, priceFen: 150 }] }, 'body.listTiers'],
    ['a level above 100 %', { levelPrices: [{ levelId: 'X', mode: 'percent', value: 12000, tiers: [] }] }, 'body.levelPrices.0.value'],
    ['a special that ends before it starts', { specialPrices: [{ priceFen: 1, startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-11-01T00:00:00Z' }] }, 'body.specialPrices.0.endsAt'],
  ])('refuses %s', async (_w, body, path) => {
    const res = await admin.put(`/api/v1/admin/sku-units/${bottle}/prices`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('bulk repricing by category includes its sub-categories', async () => {
    const drinks = (await admin.get('/api/v1/admin/categories')).json().items.find((c: { name: string }) => c.name === '饮料');
    const res = await admin.post('/api/v1/admin/prices/bulk-level', { levelId: level['银牌'], base: 'list', basisPoints: 9900, categoryId: drinks.id });
    expect(res.json().affected).toBeGreaterThanOrEqual(8);
  });

  it('bulk-sets a level price from the cost price', async () => {
    const res = await admin.post('/api/v1/admin/prices/bulk-level', { levelId: level['钻石'], base: 'cost', basisPoints: 15000, productIds: [productId] });
    expect(res.json()).toEqual({ affected: 2 });
    const sheet = (await admin.get(`/api/v1/admin/sku-units/${carton}/prices`)).json();
    expect(sheet.levelPrices.find((l: { levelId: string }) => l.levelId === level['钻石'])).toMatchObject({ mode: 'price', value: 80 * 24 * 1.5 });
  });
});

describe('price range and price sort use each customer’s own price', () => {
  it('a range that holds the gold price but not the list price finds the product for gold only', async () => {
    const range = `/api/v1/mall/products?q=bss&minPriceFen=150&maxPriceFen=199`;
    const cur = (await admin.get(`/api/v1/admin/sku-units/${bottle}/prices`)).json();
    await admin.put(`/api/v1/admin/sku-units/${bottle}/prices`, { listTiers: [], specialPrices: [], levelPrices: [...cur.levelPrices, { levelId: level['金牌'], mode: 'price', value: 180, tiers: [] }] });
    expect((await (await loginMember(t.app, 'dealer1')).get(range)).json().items).toHaveLength(1);
    expect((await (await loginMember(t.app, 'consumer1')).get(range)).json().items).toHaveLength(0);
  });

  it('sorting by price follows the price each customer is shown, both ways, for members and guests', async () => {
    for (const who of ['dealer1', 'dealer2', 'consumer1', null]) {
      const viewer = who ? await loginMember(t.app, who) : client(t.app);
      for (const sort of ['price_asc', 'price_desc'] as const) {
        const items = (await viewer.get(`/api/v1/mall/products?sort=${sort}&limit=50`)).json().items as { price: { priceFen: number } | null }[];
        const prices = items.map((i) => i.price?.priceFen ?? null);
        expect(prices.filter((p) => p !== null).length, `${who} ${sort}`).toBeGreaterThan(5);
        const priced = prices.filter((p): p is number => p !== null);
        const sorted = [...priced].sort((a, b) => (sort === 'price_asc' ? a - b : b - a));
        expect(priced, `${who ?? 'guest'} ${sort}`).toEqual(sorted);
      }
    }
  });
});

describe('favourites', () => {
  it('a member keeps favourites with their own prices; a product hidden from them cannot be added', async () => {
    const m = await loginMember(t.app, 'dealer1');
    expect((await m.put(`/api/v1/mall/favourites/${productId}`)).statusCode).toBe(204);
    expect((await m.put(`/api/v1/mall/favourites/${productId}`)).statusCode).toBe(204);
    const list = (await m.get('/api/v1/mall/favourites')).json().items;
    expect(list.map((i: { id: string }) => i.id)).toEqual([productId]);
    expect(list[0].price).not.toBeNull();
    expect((await m.get(`/api/v1/mall/products/${productId}`)).json().favourite).toBe(true);
    const other = await loginMember(t.app, 'dealer1b');
    expect((await other.get('/api/v1/mall/favourites')).json().items).toEqual([]);
    expect((await m.delete(`/api/v1/mall/favourites/${productId}`)).statusCode).toBe(204);
    expect((await m.get('/api/v1/mall/favourites')).json().items).toEqual([]);

    const hidden = (await admin.post('/api/v1/admin/products', { name: '只给钻石', onShelf: true, visibleLevelIds: [level['钻石']], skus: [{ code: 'DIA-1', baseUnit: '件', units: [{ name: '件', conversion: 1, listPriceFen: 1 }] }] })).json();
    expect((await m.put(`/api/v1/mall/favourites/${hidden.id}`)).statusCode).toBe(404);
  });
});

describe('customer price list', () => {
  it('lists a customer\'s own prices with tiers, and removing one brings the level price back', async () => {
    const dealer2 = (await admin.get('/api/v1/admin/customers?q=广州华南')).json().items[0].id;
    await admin.put(`/api/v1/admin/customers/${dealer2}/prices/${bottle}`, { priceFen: 150, tiers: [{ minQty: 24, priceFen: 140 }] });
    const list = (await admin.get(`/api/v1/admin/customers/${dealer2}/prices`)).json().items;
    expect(list.map((p: { skuUnitId: string; priceFen: number; tiers: unknown[] }) => [p.skuUnitId, p.priceFen, p.tiers])).toEqual(expect.arrayContaining([
      [bottle, 150, [{ minQty: 24, priceFen: 140 }]], [carton, 3300, []],
    ]));
    expect((await admin.delete(`/api/v1/admin/customers/${dealer2}/prices/${bottle}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/admin/customers/${dealer2}/prices`)).json().items.map((p: { skuUnitId: string }) => p.skuUnitId)).not.toContain(bottle);
    expect((await admin.delete(`/api/v1/admin/customers/${dealer2}/prices/${bottle}`)).statusCode).toBe(404);
  });

  it('refuses a customer tier that would not lower the customer price (it could never apply)', async () => {
    const dealer2 = (await admin.get('/api/v1/admin/customers?q=广州华南')).json().items[0].id;
    const res = await admin.put(`/api/v1/admin/customers/${dealer2}/prices/${bottle}`, { priceFen: 150, tiers: [{ minQty: 100, priceFen: 190 }] });
    expect([res.statusCode, res.json().errors]).toEqual([400, [{ path: 'body.tiers', message: 'tier_not_below_base' }]]);
  });
});
