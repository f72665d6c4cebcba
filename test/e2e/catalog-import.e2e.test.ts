import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser-suite.js';

const suite = browserSuite();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dh-import-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const fill = (page: Page, testId: string, value: string) => page.getByTestId(testId).fill(value);

/** The template's columns (src/modules/catalog/domain/import-sheet.ts); * marks the required ones. */
const HEADERS = ['商品名称*', '副标题', '分类', '品牌', '规格', 'SKU编码*', 'SKU条码', '基本单位*', '单位*', '换算*', '单位条码', '市场价*', '成本价', '起订量', '倍数', '重量(克)', '上架'];
const NAME = '桂花酸梅汤 300ml';

/** One product, two flavours; the base unit 瓶 and a case of 12 for the first. */
function rows(casePrice: string): string[][] {
  return [
    [NAME, '古法熬制', '茶饮料', '', '口味:原味', 'GHSMT-300-YW', '', '瓶', '瓶', '1', '', '4.50', '2.80', '1', '1', '320', '是'],
    [NAME, '古法熬制', '茶饮料', '', '口味:原味', 'GHSMT-300-YW', '', '瓶', '箱', '12', '', casePrice, '', '1', '1', '320', '是'],
    [NAME, '古法熬制', '茶饮料', '', '口味:少糖', 'GHSMT-300-ST', '', '瓶', '瓶', '1', '', '4.80', '3.00', '1', '1', '320', '是'],
  ];
}

async function writeXlsx(file: string, data: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('商品导入模板');
  sheet.addRow(HEADERS);
  for (const r of data) sheet.addRow(r);
  const path = join(dir, file);
  await book.xlsx.writeFile(path);
  return path;
}

async function upload(page: Page, path: string) {
  await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(path);
  await page.getByTestId('import-submit').click();
}

describe('product import in the console', () => {
  it('rejects a file with a bad price naming row and column, imports the fixed file, then finds the product by its initials', async () => {
    const bad = await writeXlsx('bad.xlsx', rows('3.555'));
    const good = await writeXlsx('good.xlsx', rows('52.00'));

    const desk = await suite.chrome.context();
    const page = await desk.newPage();
    await page.goto(`${suite.server.url}/admin/login`);
    await fill(page, 'login-input', 'admin');
    await fill(page, 'password-input', 'dinghuo123');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-imports').click();

    // 1. A price with three decimals on sheet row 3 (the 箱 row): nothing is imported, the row report says where.
    await upload(page, bad);
    await page.getByTestId('import-result-rejected').waitFor();
    const errorRow = page.getByTestId('import-error-row').filter({ hasText: '市场价' });
    await errorRow.waitFor();
    const cells = await errorRow.locator('td').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('市场价');
    await expect(page.getByTestId('import-report').isVisible()).resolves.toBe(true);

    // 2. The fixed file goes in.
    await upload(page, good);
    await page.getByTestId('import-result-success').waitFor();
    await expect(page.getByTestId('import-summary').textContent()).resolves.toMatch(/1/);

    // 3. The product list finds it by its pinyin initials.
    await page.getByTestId('menu-products').click();
    await page.getByTestId('product-row').first().waitFor();
    await fill(page, 'product-search', 'ghsmt');
    await page.getByTestId('product-search').press('Enter');
    const row = page.getByTestId('product-row').filter({ hasText: NAME });
    await row.waitFor();
    await expect(page.getByTestId('product-row').count()).resolves.toBe(1);
    await expect(row.getByTestId('product-price').textContent()).resolves.toBe('¥4.50');
    await desk.close();
  });
});
