import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginStaff, type Client } from '../support/http-client.js';
import { multipart } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;

const HEAD = ['商品名称*', '分类', '品牌', '规格', 'SKU编码*', 'SKU条码', '基本单位*', '单位*', '换算*', '市场价*', '起订量', '等级价:金牌'];

async function xlsx(rows: (string | number)[][], head = HEAD): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('商品');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}


async function runImport(data: Buffer, mode = 'all_or_nothing', name = 'products.xlsx') {
  const m = multipart({ mode }, { name, data });
  const started = await admin.request('POST', '/api/v1/admin/imports/products', m.body, { 'content-type': m.contentType });
  expect(started.statusCode).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = (await admin.get(`/api/v1/admin/imports/${started.json().id}`)).json();
    if (!['queued', 'validating', 'importing'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const good = (code: string, name = '怡宝 纯净水 555ml'): (string | number)[][] => [
  [name, '饮料/饮用水', '怡宝', '', code, '', '瓶', '瓶', 1, '1.80', 1, '1.50'],
  [name, '饮料/饮用水', '怡宝', '', code, '', '瓶', '箱', 24, '36', 1, '32.00'],
];

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginStaff(t.app, 'admin');
});
afterAll(async () => { await t?.close(); });

const rowsOf = async <T>(q: ReturnType<typeof sql>) => ((await t.database.owner.execute(q)) as unknown as { rows: T[] }).rows;
/** Product id → `after` of its newest audit row with this action. */
async function auditAfters(ids: string[], action: string) {
  const rows = await rowsOf<{ entity_id: string; after: unknown }>(sql`select distinct on (entity_id) entity_id, after from audit_log
    where entity_type = 'product' and action = ${action} and entity_id = any(${sql.param(ids)}::text[]) order by entity_id, id desc`);
  return new Map(rows.map((r) => [r.entity_id, r.after]));
}
const detail = async (id: string) => (await admin.get(`/api/v1/admin/products/${id}`)).json();

describe('product import from Excel', () => {
  it('with one bad row imports nothing and reports the row and column', async () => {
    const data = await xlsx([...good('YB-555'), ['康师傅 冰红茶', '饮料/茶饮料', '康师傅', '', 'KSF-BHC', '', '瓶', '瓶', 1, '3.555', 1, '']]);
    const job = await runImport(data);
    expect(job.status).toBe('rejected');
    expect(job.errors).toEqual([expect.objectContaining({ row: 4, column: '市场价' })]);
    expect((await admin.get('/api/v1/admin/products?q=yibao')).json().items).toHaveLength(0);
    const report = await admin.get(`/api/v1/admin/imports/${job.id}/report.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, 4, '市场价', expect.stringContaining('两位小数')]);
  });

  it('once fixed, imports products, units, categories, brands and level prices', async () => {
    const data = await xlsx([...good('YB-555'), ['康师傅 冰红茶', '饮料/茶饮料', '康师傅', '', 'KSF-BHC', '', '瓶', '瓶', 1, '3.50', 1, '']]);
    const job = await runImport(data);
    expect(job.status).toBe('done');
    expect(job.summary).toMatchObject({ products: 2, created: 2 });
    const [p] = (await admin.get('/api/v1/admin/products?q=yibao')).json().items;
    expect(p.categoryName).toBe('饮用水');
    const detail = (await admin.get(`/api/v1/admin/products/${p.id}`)).json();
    const carton = detail.skus[0].units.find((u: { name: string }) => u.name === '箱');
    expect([carton.conversion, carton.listPriceFen]).toEqual([24, 3600]);
    const sheet = (await admin.get(`/api/v1/admin/sku-units/${carton.id}/prices`)).json();
    expect(sheet.levelPrices[0]).toMatchObject({ mode: 'price', value: 3200 });
  });

  it('"import the valid rows" skips only the product with a bad row', async () => {
    const data = await xlsx([...good('NS-1', '农夫山泉 茶π'), ['坏商品', '', '', '', 'BAD-1', '', '瓶', '瓶', 0, '1', 1, '']]);
    const job = await runImport(data, 'valid_rows');
    expect(job.status).toBe('done');
    expect(job.summary).toMatchObject({ created: 1, skipped: 1 });
    expect(job.errors).toEqual([expect.objectContaining({ row: 4, column: '换算' })]);
    expect(job.errorCount).toBe(1);
  });

  it('re-importing an exported file updates instead of duplicating', async () => {
    const before = (await admin.get('/api/v1/admin/products?q=yibao')).json().items;
    expect(before.length).toBeGreaterThan(0);
    const exported = await admin.get('/api/v1/admin/products/export.xlsx?q=yibao');
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const job = await runImport(exported.rawPayload);
    expect(job.status).toBe('done');
    expect({ summary: job.summary, errors: job.errors }).toMatchObject({ summary: { created: 0, updated: before.length }, errors: [] });
    expect((await admin.get('/api/v1/admin/products?q=yibao')).json().items).toHaveLength(before.length);
    const afters = await auditAfters(before.map((p: { id: string }) => p.id), 'product.update');
    for (const p of before) expect(afters.get(p.id)).toEqual(await detail(p.id));
  });

  it('writes a file of several batches of products: units, level prices, search keys, and an audit row that is the product as read back', async () => {
    const n = 130; // more than one batch of new products (BATCH in import-products.flow.ts)
    const data = await xlsx(Array.from({ length: n }, (_, i) => {
      const name = `批量测试 商品${i}`;
      return [[name, '饮料/批量', '批量牌', '', `BULK-${i}`, `69300${String(i).padStart(8, '0')}`, '瓶', '瓶', 1, '2.00', 1, '1.80'],
        [name, '饮料/批量', '批量牌', '', `BULK-${i}`, '', '瓶', '箱', 12, '22.00', 1, '20.00']];
    }).flat());
    const job = await runImport(data);
    expect([job.status, job.summary, job.errors]).toEqual(['done', expect.objectContaining({ products: n, created: n, skipped: 0 }), []]);
    const products = await rowsOf<{ id: string; keys: number; prices: number; search_text: string }>(sql`
      select p.id, p.search_text,
        (select count(*)::int from product_search_keys k where k.product_id = p.id) as keys,
        (select count(*)::int from level_prices lp join sku_units u on u.id = lp.sku_unit_id join skus s on s.id = u.sku_id where s.product_id = p.id) as prices
      from products p where p.name like '批量测试 商品%'`);
    expect(products).toHaveLength(n);
    expect(products.every((p) => p.keys > 0 && p.prices === 2 && p.search_text.includes('piliangpai'))).toBe(true);
    expect((await admin.get('/api/v1/admin/products?q=plcs')).json().items.length).toBeGreaterThan(0);
    const afters = await auditAfters(products.map((p) => p.id), 'product.create');
    expect(afters.size).toBe(n);
    for (const p of products.slice(0, 20)) expect(afters.get(p.id)).toEqual(await detail(p.id));
    const carton = (await detail(products[0].id)).skus[0].units.find((u: { name: string }) => u.name === '箱');
    expect((await admin.get(`/api/v1/admin/sku-units/${carton.id}/prices`)).json().levelPrices[0]).toMatchObject({ mode: 'price', value: 2000 });
  });

  it('a barcode given to two new products of one file stays with the first; the second is reported on its row', async () => {
    // The second product's carton unit carries the first product's SKU barcode.
    const withUnitBarcode = await xlsx([
      ['条码甲', '', '', '', 'BC-A', '6930099990001', '瓶', '瓶', 1, '1', 1, '', ''],
      ['条码乙', '', '', '', 'BC-B', '', '瓶', '瓶', 1, '1', 1, '', ''],
      ['条码乙', '', '', '', 'BC-B', '', '瓶', '箱', 6, '6', 1, '', '6930099990001'],
      ['条码丙', '', '', '', 'BC-C', '', '瓶', '瓶', 1, '1', 1, '', ''],
    ], [...HEAD, '单位条码']);
    const rejected = await runImport(withUnitBarcode);
    expect([rejected.status, rejected.errors]).toEqual(['rejected', [{ row: 3, column: 'skus', message: 'barcode 6930099990001 belongs to another product' }]]);
    expect((await admin.get('/api/v1/admin/products?q=BC-A')).json().items).toHaveLength(0);
    const partial = await runImport(withUnitBarcode, 'valid_rows');
    expect([partial.status, partial.summary, partial.errors]).toEqual(['done', expect.objectContaining({ created: 2, skipped: 1 }), rejected.errors]);
    expect((await admin.get('/api/v1/admin/products?q=BC-B')).json().items).toHaveLength(0);
    expect((await admin.get('/api/v1/admin/products?q=BC-C')).json().items).toHaveLength(1);
  });

  it('when the database refuses a batch, writes its products one by one and reports only the one refused', async () => {
    // Stands in for a code taken by another session between validation and write: the insert of RACE-2 is refused.
    await t.database.owner.execute(sql.raw(`create function refuse_race_2() returns trigger language plpgsql as $$ begin
      if new.code = 'RACE-2' then raise exception 'duplicate key' using errcode = 'unique_violation', constraint = 'skus_code_uq'; end if; return new; end $$`));
    await t.database.owner.execute(sql.raw('create trigger refuse_race_2 before insert on skus for each row execute function refuse_race_2()'));
    try {
      const data = await xlsx([1, 2, 3].map((i) => [`竞争 商品${i}`, '竞争/新分类', '竞争牌', '', `RACE-${i}`, '', '瓶', '瓶', 1, '1', 1, '0.90']));
      const job = await runImport(data, 'valid_rows');
      expect([job.status, job.summary, job.errors]).toEqual(['done', expect.objectContaining({ created: 2, skipped: 1 }), [{ row: 3, column: 'skus', message: 'already taken' }]]);
      const made = (await admin.get('/api/v1/admin/products?q=RACE-')).json().items;
      expect(made.map((p: { name: string }) => p.name).sort()).toEqual(['竞争 商品1', '竞争 商品3']);
      expect(made.every((p: { categoryName: string }) => p.categoryName === '新分类')).toBe(true);
    } finally {
      await t.database.owner.execute(sql.raw('drop trigger refuse_race_2 on skus'));
      await t.database.owner.execute(sql.raw('drop function refuse_race_2()'));
    }
  });

  it('reads CSV too, and refuses a file that is not a spreadsheet', async () => {
    const csv = Buffer.from(`${HEAD.join(',')}\n百岁山 矿泉水,饮料/饮用水,百岁山,,BSS-570,,瓶,瓶,1,2.5,1,\n`, 'utf8');
    expect((await runImport(csv, 'all_or_nothing', 'p.csv')).summary).toMatchObject({ created: 1 });
    const m = multipart({}, { name: 'x.xlsx', data: Buffer.from('not a zip') });
    const res = await admin.request('POST', '/api/v1/admin/imports/products', m.body, { 'content-type': m.contentType });
    expect([res.statusCode, res.json().code]).toEqual([415, 'unsupported_media_type']);
  });

  it('offers a template with the required columns and the tenant level columns', async () => {
    const res = await admin.get('/api/v1/admin/products/import-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const head = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(head).toContain('商品名称*');
    expect(head).toContain('等级价:金牌');
  });
});
