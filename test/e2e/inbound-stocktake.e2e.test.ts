import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';

const suite = browserSuite();

/** "5030 瓶" → 5030 */
const count = async (cell: Locator) => Number.parseInt((await cell.textContent()) ?? '', 10);

const stockRow = (page: Page, code: string, warehouse: string) =>
  page.locator(`[data-testid="stock-row"][data-sku="${code}"][data-warehouse="${warehouse}"]`);

async function openStock(page: Page, code: string) {
  await page.getByTestId('menu-stock').click();
  await page.getByTestId('stock-search').fill(code);
  await page.getByTestId('stock-search').press('Enter');
}

/** Picks an option of the open select, then waits for its dropdown to close. */
async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
}

const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message-notice').filter({ hasText: text }).last().waitFor();

describe('入库单 and 盘点单 in the console', () => {
  it('the warehouse keeper receives 12 units of NFSQ-550 into 广州仓 at ¥0.85, then counts 广州仓 2 short and confirms the stocktake', async () => {
    const ctx = await suite.chrome.context();
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'console', 'warehouse');
    await page.getByTestId('menu-group-inventoryGroup').waitFor();

    // Stock of NFSQ-550 in 广州仓 before.
    await openStock(page, 'NFSQ-550');
    const guangzhou = stockRow(page, 'NFSQ-550', '广州仓');
    await guangzhou.waitFor();
    const before = await count(guangzhou.getByTestId('stock-onhand'));

    // 新建入库单: 12 瓶 of NFSQ-550 into 广州仓 at ¥0.85, saved as a draft.
    await page.getByTestId('menu-receipts').click();
    await page.getByTestId('receipt-create').click();
    await page.getByTestId('receipt-warehouse').click();
    await pickOption(page, '广州仓');
    await page.getByTestId('receipt-supplier').fill('农夫山泉华南经销商');
    await page.getByTestId('receipt-line-sku-0').fill('NFSQ-550');
    await page.locator('.ant-select-dropdown:visible [data-testid="sku-option"][data-sku="NFSQ-550"]').click();
    await page.getByTestId('receipt-line-info-0').filter({ hasText: 'NFSQ-550' }).waitFor();
    await page.getByTestId('receipt-line-qty-0').fill('12');
    await page.getByTestId('receipt-line-cost-0').fill('0.85');
    await page.getByTestId('receipt-submit').click();
    await toast(page, /已创建入库单 RK\d{6}/);
    await page.getByTestId('receipt-status').filter({ hasText: /^草稿$/ }).waitFor();
    const title = (await page.getByTestId('receipt-title').textContent()) ?? '';
    const receiptNo = /RK\d{6}/.exec(title)?.[0];
    expect(receiptNo, title).toBeTruthy();
    await expect(page.getByTestId('receipt-warehouse-name').textContent()).resolves.toBe('广州仓');
    await expect(page.getByTestId('receipt-supplier-name').textContent()).resolves.toBe('农夫山泉华南经销商');
    const line = page.locator('[data-testid="receipt-line-row"][data-sku="NFSQ-550"]');
    await expect(line.getByTestId('receipt-line-qty').textContent()).resolves.toBe('12 瓶');
    await expect(line.getByTestId('receipt-line-cost').textContent()).resolves.toBe('¥0.85');
    await expect(line.getByTestId('receipt-line-amount').textContent()).resolves.toBe('¥10.20');
    await expect(page.getByTestId('receipt-total-qty').textContent()).resolves.toBe('12');
    await expect(page.getByTestId('receipt-total-cost').textContent()).resolves.toBe('¥10.20');

    // 确认入库: 已入库, and 广州仓 has 12 more on hand.
    await page.getByTestId('receipt-confirm').click();
    await page.getByTestId('receipt-confirm-confirm').click();
    await toast(page, `${receiptNo} 已入库`);
    await page.getByTestId('receipt-status').filter({ hasText: /^已入库$/ }).waitFor();
    await expect(page.getByTestId('receipt-confirm').count()).resolves.toBe(0);
    await page.getByTestId('menu-receipts').click();
    await page.getByTestId('receipt-tab-confirmed').click();
    await page.locator(`[data-testid="receipt-row"][data-no="${receiptNo}"]`).filter({ hasText: '已入库' }).waitFor();
    await openStock(page, 'NFSQ-550');
    await guangzhou.getByTestId('stock-onhand').filter({ hasText: new RegExp(`^${before + 12}\\s`) }).waitFor();

    // 新建盘点单 of every SKU 广州仓 holds: the book quantity of NFSQ-550 is what is on hand now.
    await page.getByTestId('menu-stocktakes').click();
    await page.getByTestId('stocktake-create').click();
    await page.getByTestId('stocktake-warehouse').click();
    await pickOption(page, '广州仓');
    await page.getByTestId('stocktake-submit').click();
    await toast(page, /已创建盘点单 PD\d{6}/);
    await page.getByTestId('stocktake-status').filter({ hasText: /^盘点中$/ }).waitFor();
    const stTitle = (await page.getByTestId('stocktake-title').textContent()) ?? '';
    const stocktakeNo = /PD\d{6}/.exec(stTitle)?.[0];
    expect(stocktakeNo, stTitle).toBeTruthy();
    await expect(page.getByTestId('stocktake-warehouse-name').textContent()).resolves.toBe('广州仓');
    const row = page.locator('[data-testid="stocktake-line-row"][data-sku="NFSQ-550"]');
    await expect(row.getByTestId('stocktake-line-system').textContent()).resolves.toBe(String(before + 12));
    await expect(row.getByTestId('stocktake-line-diff').textContent()).resolves.toBe('—');

    // 实盘 2 below the book: the difference shows -2 before saving; 确认 waits for 保存盘点.
    await row.getByTestId('stocktake-line-counted').fill(String(before + 10));
    await row.getByTestId('stocktake-line-diff').filter({ hasText: /^-2$/ }).waitFor();
    await page.getByTestId('stocktake-unsaved').waitFor();
    await expect(page.getByTestId('stocktake-confirm').isDisabled()).resolves.toBe(true);
    await page.getByTestId('stocktake-save').click();
    await toast(page, '已保存盘点');
    await page.getByTestId('stocktake-unsaved').waitFor({ state: 'detached' });
    await expect(page.getByTestId('stocktake-differences').textContent()).resolves.toBe('1');

    // 确认盘点: 已确认, the difference stays on the sheet, and 广州仓 has 2 fewer on hand.
    await page.getByTestId('stocktake-confirm').click();
    await page.getByTestId('stocktake-confirm-confirm').click();
    await toast(page, `${stocktakeNo} 已确认`);
    await page.getByTestId('stocktake-status').filter({ hasText: /^已确认$/ }).waitFor();
    await expect(page.getByTestId('stocktake-save').count()).resolves.toBe(0);
    await expect(row.getByTestId('stocktake-line-counted').textContent()).resolves.toBe(String(before + 10));
    await expect(row.getByTestId('stocktake-line-diff').textContent()).resolves.toBe('-2');
    await expect(row.textContent()).resolves.toContain('NFSQ-550');
    if (process.env.STOCKTAKE_SCREENSHOT) await page.screenshot({ path: `${process.env.STOCKTAKE_SCREENSHOT}-stocktake.png`, fullPage: true });
    await page.getByTestId('menu-stocktakes').click();
    await page.getByTestId('stocktake-tab-confirmed').click();
    await page.locator(`[data-testid="stocktake-row"][data-no="${stocktakeNo}"]`).filter({ hasText: '已确认' }).waitFor();
    await openStock(page, 'NFSQ-550');
    await guangzhou.getByTestId('stock-onhand').filter({ hasText: new RegExp(`^${before + 10}\\s`) }).waitFor();
    await ctx.close();
  }, 180_000);
});
