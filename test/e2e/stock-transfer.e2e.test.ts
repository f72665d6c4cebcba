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

/** Picks an option of the open select, then waits for its dropdown to close (two selects in a row would otherwise race). */
async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
}

const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message-notice').filter({ hasText: text }).last().waitFor();

/** 新建调拨单 of one SKU: warehouses by name, SKU by its code, quantity in base units; ends on the draft's page. */
async function draftTransfer(page: Page, from: string, to: string, code: string, qty: number, remark: string): Promise<string> {
  await page.getByTestId('menu-transfers').click();
  await page.getByTestId('transfer-create').click();
  await page.getByTestId('transfer-from').click();
  await pickOption(page, from);
  await page.getByTestId('transfer-to').click();
  await pickOption(page, to);
  await page.getByTestId('transfer-line-sku-0').fill(code);
  await page.locator(`.ant-select-dropdown:visible [data-testid="sku-option"][data-sku="${code}"]`).click();
  await page.getByTestId('transfer-line-info-0').filter({ hasText: '调出仓库可用' }).waitFor();
  await page.getByTestId('transfer-line-qty-0').fill(String(qty));
  await page.getByTestId('transfer-remark').fill(remark);
  await page.getByTestId('transfer-submit').click();
  await toast(page, /已创建调拨单 DB\d{6}/);
  await page.getByTestId('transfer-status').filter({ hasText: /^草稿$/ }).waitFor();
  const title = (await page.getByTestId('transfer-title').textContent()) ?? '';
  const no = /DB\d{6}/.exec(title)?.[0];
  expect(no, title).toBeTruthy();
  return no!;
}

describe('调拨单 in the console', () => {
  it('the warehouse keeper transfers 5 units of NFSQ-550 from 上海总仓 to 广州仓, sees both stocks move, sets a safety stock; a transfer larger than the free stock is refused per line', async () => {
    const ctx = await suite.chrome.context();
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'console', 'warehouse');
    await page.getByTestId('menu-group-inventoryGroup').waitFor();

    // Stock of NFSQ-550 in both warehouses before.
    await openStock(page, 'NFSQ-550');
    const shanghai = stockRow(page, 'NFSQ-550', '上海总仓');
    const guangzhou = stockRow(page, 'NFSQ-550', '广州仓');
    await shanghai.waitFor();
    await guangzhou.waitFor();
    const shBefore = await count(shanghai.getByTestId('stock-onhand'));
    const gzBefore = await count(guangzhou.getByTestId('stock-onhand'));
    expect(shBefore).toBeGreaterThan(5);

    // The same warehouse twice is refused in the drawer.
    await page.getByTestId('menu-transfers').click();
    await page.getByTestId('transfer-create').click();
    await page.getByTestId('transfer-from').click();
    await pickOption(page, '上海总仓');
    await page.getByTestId('transfer-to').click();
    await pickOption(page, '上海总仓');
    await page.getByTestId('transfer-submit').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: '调入仓库不能与调出仓库相同' }).waitFor();
    await page.getByTestId('transfer-drawer-cancel').click();
    await page.getByTestId('transfer-submit').waitFor({ state: 'detached' });

    // Draft: 5 瓶 from 上海总仓 to 广州仓.
    const no = await draftTransfer(page, '上海总仓', '广州仓', 'NFSQ-550', 5, '补货到华南');
    await expect(page.getByTestId('transfer-from-name').textContent()).resolves.toBe('上海总仓');
    await expect(page.getByTestId('transfer-to-name').textContent()).resolves.toBe('广州仓');
    const line = page.locator('[data-testid="transfer-line-row"][data-sku="NFSQ-550"]');
    await line.getByTestId('transfer-line-product').filter({ hasText: /\S/ }).waitFor();
    await expect(line.getByTestId('transfer-line-qty').textContent()).resolves.toBe('5 瓶');
    await expect(page.getByTestId('transfer-receive').count()).resolves.toBe(0);

    // 发出: in transit; 上海总仓 has 5 fewer on hand.
    await page.getByTestId('transfer-ship').click();
    await page.getByTestId('transfer-ship-confirm').click();
    await toast(page, `${no} 已发出`);
    await page.getByTestId('transfer-status').filter({ hasText: /^在途$/ }).waitFor();
    await expect(page.getByTestId('transfer-ship').count()).resolves.toBe(0);
    await openStock(page, 'NFSQ-550');
    await shanghai.getByTestId('stock-onhand').filter({ hasText: new RegExp(`^${shBefore - 5}\\s`) }).waitFor();
    await expect(count(guangzhou.getByTestId('stock-onhand'))).resolves.toBe(gzBefore);

    // The 在途 tab lists it; 收货: 广州仓 has 5 more on hand.
    await page.getByTestId('menu-transfers').click();
    await page.getByTestId('transfer-tab-in_transit').click();
    const row = page.locator(`[data-testid="transfer-row"][data-no="${no}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('在途');
    await row.getByTestId('transfer-row-no').click();
    await page.getByTestId('transfer-receive').click();
    await page.getByTestId('transfer-receive-confirm').click();
    await toast(page, `${no} 已收货`);
    await page.getByTestId('transfer-status').filter({ hasText: /^已收货$/ }).waitFor();
    await expect(page.getByTestId('transfer-receive').count()).resolves.toBe(0);
    await openStock(page, 'NFSQ-550');
    await guangzhou.getByTestId('stock-onhand').filter({ hasText: new RegExp(`^${gzBefore + 5}\\s`) }).waitFor();
    await expect(count(shanghai.getByTestId('stock-onhand'))).resolves.toBe(shBefore - 5);

    // 安全库存 of NFSQ-550 in 广州仓: 100 瓶, taken off what is available.
    const gzAvailable = await count(guangzhou.getByTestId('stock-available'));
    const gzSafety = await count(guangzhou.getByTestId('stock-safety'));
    await guangzhou.getByTestId('stock-row-safety').click();
    await page.getByTestId('safety-stock-sku').filter({ hasText: '广州仓' }).waitFor();
    await page.getByTestId('safety-stock-input').fill('100');
    await page.getByTestId('modal-save').click();
    await toast(page, '已设置安全库存 100 瓶');
    await guangzhou.getByTestId('stock-safety').filter({ hasText: /^100$/ }).waitFor();
    await guangzhou.getByTestId('stock-available').filter({ hasText: new RegExp(`^${gzAvailable + gzSafety - 100}\\s`) }).waitFor();
    if (process.env.TRANSFER_SCREENSHOT) await page.screenshot({ path: `${process.env.TRANSFER_SCREENSHOT}-stock.png`, fullPage: true });

    // More than 广州仓 can give (safety stock kept back): 发出 is refused, the line says what is short; then 取消.
    const free = gzAvailable + gzSafety - 100;
    const big = await draftTransfer(page, '广州仓', '上海总仓', 'NFSQ-550', free + 1, '超量调拨');
    await page.getByTestId('transfer-ship').click();
    await page.getByTestId('transfer-ship-confirm').click();
    await page.getByTestId('transfer-shortage').filter({ hasText: '库存不足' }).waitFor();
    const short = page.locator('[data-testid="transfer-line-row"][data-sku="NFSQ-550"]').getByTestId('transfer-line-short');
    await expect(short.textContent()).resolves.toBe(`缺 1 瓶：需要 ${free + 1}，可用 ${free}`);
    await page.getByTestId('transfer-status').filter({ hasText: /^草稿$/ }).waitFor();
    if (process.env.TRANSFER_SCREENSHOT) await page.screenshot({ path: `${process.env.TRANSFER_SCREENSHOT}-shortage.png`, fullPage: true });
    await page.getByTestId('transfer-cancel').click();
    await page.getByTestId('transfer-cancel-confirm').click();
    await toast(page, `${big} 已取消`);
    await page.getByTestId('transfer-status').filter({ hasText: /^已取消$/ }).waitFor();

    // Nothing left 广州仓 for the refused transfer.
    await openStock(page, 'NFSQ-550');
    await guangzhou.getByTestId('stock-onhand').filter({ hasText: new RegExp(`^${gzBefore + 5}\\s`) }).waitFor();
    await ctx.close();
  }, 180_000);
});
