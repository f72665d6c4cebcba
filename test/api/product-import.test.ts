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
