import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let phones: string;
let huawei: string;

const unit = (name: string, conversion: number, listPriceFen: number, extra = {}) => ({ name, conversion, listPriceFen, ...extra });
const phone = (over: Record<string, unknown> = {}) => ({
  name: '鸿运对讲机 H7', categoryId: phones, brandId: huawei, onShelf: true,
  specs: [{ name: '颜色', values: ['黑色', '白色'] }, { name: '容量', values: ['256G', '512G'] }],
  params: [{ name: '处理器', value: '麒麟 9000S' }, { name: '屏幕尺寸', value: '6.69 英寸' }],
  descriptionHtml: '<p>旗舰<script>alert(1)</script><img src="https://img.example/x.jpg" onerror="steal()"></p>',
  instructions: '首次使用请充电 2 小时。',
  skus: [
    { specValues: ['黑色', '256G'], code: 'HY-H7-BK-256', barcode: '6901000000011', baseUnit: '台', costPriceFen: 450000, units: [unit('台', 1, 549900), unit('箱', 10, 5400000, { minQty: 1 })] },
    { specValues: ['白色', '512G'], code: 'HY-H7-WH-512', baseUnit: '台', units: [unit('台', 1, 649900)] },
  ],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginStaff(t.app, 'admin');
  const digital = (await admin.post('/api/v1/admin/categories', { name: '测试通讯' })).json();
  phones = (await admin.post('/api/v1/admin/categories', { name: '对讲机', parentId: digital.id })).json().id;
  huawei = (await admin.post('/api/v1/admin/brands', { name: '鸿运' })).json().id;
});
afterAll(async () => { await t?.close(); });

/** The `after` of the newest audit row of a product with this action. */
const auditAfter = async (id: string, action: string) => ((await t.database.owner.execute(sql`
  select after from audit_log where entity_type = 'product' and entity_id = ${id} and action = ${action} order by id desc limit 1`)) as unknown as { rows: { after: unknown }[] }).rows[0]?.after;

describe('categories', () => {
  it('refuses to move a category below its own descendant', async () => {
    const cats = (await admin.get('/api/v1/admin/categories')).json().items;
    const digital = cats.find((c: { name: string }) => c.name === '测试通讯');
    const res = await admin.patch(`/api/v1/admin/categories/${digital.id}`, { parentId: phones, version: digital.version });
    expect([res.statusCode, res.json().code]).toEqual([400, 'category_cycle']);
  });
});

describe('products', () => {
  it('creates a product with variants, carton units and a sanitized description', async () => {
    const res = await admin.post('/api/v1/admin/products', phone());
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.skus).toHaveLength(2);
    expect(p.skus[0].units.map((u: { name: string; conversion: number }) => [u.name, u.conversion])).toEqual([['台', 1], ['箱', 10]]);
    expect(p.descriptionHtml).not.toMatch(/script|onerror/);
    expect(p.descriptionHtml).toContain('https://img.example/x.jpg');
    expect(p.minListPriceFen).toBe(549900);
    // The answer and the audit row are built from what was written, without reading the product back: they must be what a read gives.
    expect(p).toEqual((await admin.get(`/api/v1/admin/products/${p.id}`)).json());
    expect(await auditAfter(p.id, 'product.create')).toEqual(p);
  });

  it('finds it by pinyin initials, full pinyin, code and barcode', async () => {
    for (const q of ['hydjj', 'hongyunduijiangji', 'HY-H7-WH', '6901000000011', 'h7']) {
      const items = (await admin.get(`/api/v1/admin/products?q=${encodeURIComponent(q)}`)).json().items;
      expect(items.map((i: { name: string }) => i.name), q).toEqual(['鸿运对讲机 H7']);
    }
  });

  it('counts the products of each category and brand (correlated subqueries bind to the outer row)', async () => {
    const cat = (await admin.get('/api/v1/admin/categories')).json().items.find((c: { id: string }) => c.id === phones);
    expect(cat.productCount).toBe(1);
    const brand = (await admin.get('/api/v1/admin/brands')).json().items.find((b: { id: string }) => b.id === huawei);
    expect(brand.productCount).toBe(1);
  });

  it('filters by a parent category including its descendants', async () => {
    const cats = (await admin.get('/api/v1/admin/categories')).json().items;
    const digital = cats.find((c: { name: string }) => c.name === '测试通讯');
    expect((await admin.get(`/api/v1/admin/products?categoryId=${digital.id}`)).json().items).toHaveLength(1);
  });

  it.each([
    ['a duplicate SKU code', { skus: [{ specValues: ['黑色', '256G'], code: 'HY-H7-BK-256', baseUnit: '台', units: [unit('台', 1, 1)] }] }, 'body.skus.0.code'],
    ['a combination outside the specs', { skus: [{ specValues: ['红色', '256G'], code: 'NEW-1', baseUnit: '台', units: [unit('台', 1, 1)] }] }, 'body.skus.0.specValues'],
    ['a unit conversion of 0', { skus: [{ specValues: ['黑色', '512G'], code: 'NEW-2', baseUnit: '台', units: [unit('台', 0, 1)] }] }, 'body.skus.0.units.0.conversion'],
    ['a fractional fen price', { skus: [{ specValues: ['黑色', '512G'], code: 'NEW-3', baseUnit: '台', units: [unit('台', 1, 99.5)] }] }, 'body.skus.0.units.0.listPriceFen'],
    ['a negative price', { skus: [{ specValues: ['黑色', '512G'], code: 'NEW-4', baseUnit: '台', units: [unit('台', 1, -1)] }] }, 'body.skus.0.units.0.listPriceFen'],
    ['no base unit', { skus: [{ specValues: ['黑色', '512G'], code: 'NEW-5', baseUnit: '台', units: [unit('箱', 10, 100)] }] }, 'body.skus.0.units'],
    ['a barcode of another product', { skus: [{ specValues: ['黑色', '512G'], code: 'NEW-6', barcode: '6901000000011', baseUnit: '台', units: [unit('台', 1, 100)] }] }, 'body.skus'],
  ])('refuses %s with 400 naming the field', async (_what, over, path) => {
    const res = await admin.post('/api/v1/admin/products', phone({ name: '另一个', ...over }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('updates by SKU code and unit name, disabling what disappeared instead of deleting it', async () => {
    const [summary] = (await admin.get('/api/v1/admin/products?q=hydjj')).json().items;
    const before = (await admin.get(`/api/v1/admin/products/${summary.id}`)).json();
    const body = phone({ version: before.version, skus: [{ specValues: ['黑色', '256G'], code: 'HY-H7-BK-256', barcode: '6901000000011', baseUnit: '台', units: [unit('台', 1, 529900)] }] });
    const res = await admin.put(`/api/v1/admin/products/${summary.id}`, body);
    expect(res.statusCode).toBe(200);
    const after = res.json();
    const black = after.skus.find((s: { code: string }) => s.code === 'HY-H7-BK-256');
    expect(black.id).toBe(before.skus.find((s: { code: string }) => s.code === 'HY-H7-BK-256').id);
    expect(black.units.find((u: { name: string }) => u.name === '箱').enabled).toBe(false);
    expect(after.skus.find((s: { code: string }) => s.code === 'HY-H7-WH-512').enabled).toBe(false);
    expect(after).toEqual((await admin.get(`/api/v1/admin/products/${summary.id}`)).json());
    expect(await auditAfter(summary.id, 'product.update')).toEqual(after);
    const stale = await admin.put(`/api/v1/admin/products/${summary.id}`, body);
    expect(stale.json().code).toBe('version_conflict');
  });

  it('the mall page shows what the console holds: enabled SKUs in order with their enabled units, tags, specs and texts', async () => {
    const tags = await Promise.all(['页面甲', '页面乙'].map(async (name) => (await admin.post('/api/v1/admin/tags', { name })).json().id as string));
    const brandId = (await admin.post('/api/v1/admin/brands', { name: '页面牌' })).json().id;
    const categoryId = (await admin.post('/api/v1/admin/categories', { name: '页面类' })).json().id;
    const skus = phone().skus.map((k) => ({ ...k, code: `P1-${k.code}`, barcode: undefined }));
    const created = (await admin.post('/api/v1/admin/products', phone({ name: '页面对讲机 P1', brandId, categoryId, tagIds: tags,
      skus: [...skus, { specValues: ['白色', '256G'], code: 'P1-OFF', baseUnit: '台', units: [unit('台', 1, 100)] }] }))).json();
    // Leaving out a SKU and the carton unit disables them.
    const res = await admin.put(`/api/v1/admin/products/${created.id}`, phone({ name: '页面对讲机 P1', brandId, categoryId, tagIds: tags, version: created.version,
      skus: skus.map((k) => ({ ...k, units: k.units.filter((u) => u.name !== '箱') })) }));
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.skus.filter((k: { enabled: boolean }) => k.enabled)).toHaveLength(2);

    const page = (await (await loginMember(t.app, 'dealer1')).get(`/api/v1/mall/products/${created.id}`)).json();
    expect(page).toMatchObject({ id: created.id, name: detail.name, subtitle: detail.subtitle, brandName: '页面牌', categoryId, categoryName: '页面类',
      specs: detail.specs, params: detail.params, descriptionHtml: detail.descriptionHtml, instructions: detail.instructions, images: [], favourite: false });
    expect([...page.tagIds].sort()).toEqual([...tags].sort());
    const enabled = detail.skus.filter((k: { enabled: boolean }) => k.enabled);
    expect(page.skus.map((k: { id: string; code: string; baseUnit: string; specValues: string[] }) => [k.id, k.code, k.baseUnit, k.specValues]))
      .toEqual(enabled.map((k: { id: string; code: string; baseUnit: string; specValues: string[] }) => [k.id, k.code, k.baseUnit, k.specValues]));
    for (const [i, k] of page.skus.entries()) {
      expect(k.units.map((u: { id: string }) => u.id)).toEqual(enabled[i].units.filter((u: { enabled: boolean }) => u.enabled).map((u: { id: string }) => u.id));
      expect(k.units[0]).toMatchObject({ name: '台', conversion: 1, minQty: 1, multiple: 1, price: { priceFen: expect.any(Number) } });
      expect(k.stock).toMatchObject({ policy: 'block' });
    }
  });

  it('takes many products off the shelf at once', async () => {
    const ids = (await admin.get('/api/v1/admin/products')).json().items.map((p: { id: string }) => p.id);
    expect((await admin.post('/api/v1/admin/products/bulk', { ids, action: 'shelf_off' })).json()).toEqual({ affected: ids.length });
    expect((await admin.get('/api/v1/admin/products?onShelf=true')).json().items).toHaveLength(0);
    const missing = await admin.post('/api/v1/admin/products/bulk', { ids: [...ids, '01ZZZZZZZZZZZZZZZZZZZZZZZZ'], action: 'shelf_on' });
    expect(missing.statusCode).toBe(404);
  });

  it('renaming a brand or a category makes search find the new name', async () => {
    const b = (await admin.get('/api/v1/admin/brands')).json().items.find((x: { name: string }) => x.name === '鸿运');
    expect((await admin.patch(`/api/v1/admin/brands/${b.id}`, { name: '荣耀' })).statusCode).toBe(200);
    expect((await admin.get('/api/v1/admin/products?q=rongyao')).json().items).toHaveLength(1);
    const cats = (await admin.get('/api/v1/admin/categories')).json().items;
    const c = cats.find((x: { name: string }) => x.name === '对讲机');
    await admin.patch(`/api/v1/admin/categories/${c.id}`, { name: '智能对讲', version: c.version });
    expect((await admin.get('/api/v1/admin/products?q=zhinengduijiang')).json().items).toHaveLength(1);
    expect((await admin.delete(`/api/v1/admin/brands/${b.id}`)).json().code).toBe('in_use');
  });

  // Found by fuzzing: both were 500s.
  it('an empty brand PATCH changes nothing (200); a body nested 100,000 levels deep is a 400, not a stack overflow', async () => {
    const b = (await admin.get('/api/v1/admin/brands')).json().items[0];
    const same = await admin.patch(`/api/v1/admin/brands/${b.id}`, {});
    expect([same.statusCode, same.json().name]).toEqual([200, b.name]);
    const deep = '{"name":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const res = await admin.request('POST', '/api/v1/admin/brands', deep, { 'content-type': 'application/json' });
    expect([res.statusCode, res.json().code]).toEqual([400, 'validation_failed']);
    expect(res.json().errors[0].message).toMatch(/nested more than \d+ levels deep/);
  });

  it('a bulk category change makes search find the product by its new category, and no longer by the old one', async () => {
    const cat = (await admin.post('/api/v1/admin/categories', { name: '卫星电话' })).json().id;
    const p = (await admin.get('/api/v1/admin/products?q=HY-H7-WH')).json().items[0];
    const before = (await admin.get(`/api/v1/admin/categories`)).json().items.find((c: { id: string }) => c.id === p.categoryId).name;
    expect((await admin.post('/api/v1/admin/products/bulk', { ids: [p.id], action: 'set_category', categoryId: cat })).statusCode).toBeLessThan(300);
    expect((await admin.get('/api/v1/admin/products?q=weixingdianhua')).json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect((await admin.get(`/api/v1/admin/products?q=${encodeURIComponent(before)}`)).json().items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    expect((await admin.post('/api/v1/admin/products/bulk', { ids: [p.id], action: 'set_category', categoryId: p.categoryId })).statusCode).toBeLessThan(300);
  });

  it('a category with products cannot be deleted', async () => {
    const res = await admin.delete(`/api/v1/admin/categories/${phones}`);
    expect([res.statusCode, res.json().code]).toEqual([409, 'in_use']);
  });
});
