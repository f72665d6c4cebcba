import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { loginMember } from '../support/http-client.js';

const suite = browserSuite();

interface Pick { skuCode: string; units: { skuUnitId: string; name: string }[] }

/** dealer1 (上海, served by 上海总仓) orders over HTTP as the mall does, so part of the stock is reserved. */
async function dealerOrders(code: string, unit: string, qty: number): Promise<{ id: string }> {
  const dealer = await loginMember(suite.server.app, 'dealer1');
  await dealer.delete('/api/v1/mall/cart');
  const found = await dealer.get(`/api/v1/mall/cart/lookup?q=${encodeURIComponent(code)}`);
  expect(found.statusCode, found.body).toBe(200);
  const skuUnit = (found.json().items as Pick[]).find((p) => p.skuCode === code)!.units.find((u) => u.name === unit)!;
  const added = await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: skuUnit.skuUnitId, qty });
  expect(added.statusCode, added.body).toBe(200);
  const checkout = await dealer.get('/api/v1/mall/checkout');
  expect(checkout.statusCode, checkout.body).toBe(200);
  const account = await dealer.get('/api/v1/mall/addresses');
  const addresses = (account.json().items ?? account.json()) as { id: string; isDefault: boolean }[];
  const addressId = (addresses.find((a) => a.isDefault) ?? addresses[0]).id;
  const res = await dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: checkout.json().cart.totals.totalFen },
    { 'idempotency-key': randomUUID() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** "5030 瓶" → 5030 */
const count = async (cell: Locator) => Number.parseInt((await cell.textContent()) ?? '', 10);

const stockRow = (page: Page, code: string, warehouse: string) =>
  page.locator(`[data-testid="stock-row"][data-sku="${code}"][data-warehouse="${warehouse}"]`);

async function searchStock(page: Page, code: string) {
  await page.getByTestId('stock-search').fill(code);
  await page.getByTestId('stock-search').press('Enter');
}

async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) }).click();
}

describe('inventory in the console', () => {
  it('the warehouse keeper receives 30 units into 上海总仓, sees on hand grow and the 入库 row in the ledger; taking more than is free is refused', async () => {
    const order = await dealerOrders('NFSQ-550', '箱', 2);

    const ctx = await suite.chrome.context();
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'console', 'warehouse');

    // 库存管理 › 库存: the SKU in 上海总仓 before.
    await page.getByTestId('menu-group-inventoryGroup').waitFor();
    await page.getByTestId('menu-stock').click();
    await searchStock(page, 'NFSQ-550');
    const row = stockRow(page, 'NFSQ-550', '上海总仓');
    await row.waitFor();
    const before = await count(row.getByTestId('stock-onhand'));
    const reserved = await count(row.getByTestId('stock-reserved'));
    expect(before).toBeGreaterThan(0);
    expect(reserved).toBeGreaterThan(0); // dealer1's order holds part of it

    // 入库: warehouse, SKU by its code, 30, a note.
    await page.getByTestId('stock-inbound').click();
    await page.getByTestId('stock-change-title').filter({ hasText: '入库' }).waitFor();
    await page.getByTestId('stock-change-warehouse').click();
    await pickOption(page, '上海总仓');
    await page.getByTestId('stock-change-sku').fill('NFSQ-550');
    await page.locator('.ant-select-dropdown:visible [data-testid="sku-option"][data-sku="NFSQ-550"]').click();
    await page.getByTestId('stock-change-onhand').filter({ hasText: String(before) }).waitFor();
    await page.getByTestId('stock-change-qty').fill('30');
    await page.getByTestId('stock-change-reason').fill('采购入库 PO-0001');
    await page.getByTestId('stock-change-submit').click();
    await page.locator('.ant-message-notice').filter({ hasText: `已入库，现有库存 ${before + 30}` }).waitFor();

    // The overview shows 30 more on hand.
    await row.getByTestId('stock-onhand').filter({ hasText: new RegExp(`^${before + 30}\\s`) }).waitFor();
    await expect(count(row.getByTestId('stock-reserved'))).resolves.toBe(reserved);

    // 库存流水 of that SKU in that warehouse: the 入库 on top, dealer1's 订单占用 linking to the order.
    await row.getByTestId('stock-row-ledger').click();
    await page.getByTestId('ledger-sku-label').filter({ hasText: 'NFSQ-550' }).waitFor();
    const newest = page.getByTestId('movement-row').first();
    await newest.getByTestId('movement-kind').filter({ hasText: /^入库$/ }).waitFor();
    await expect(newest.getByTestId('movement-onhand').textContent()).resolves.toBe('+30');
    await expect(newest.getByTestId('movement-reason').textContent()).resolves.toBe('采购入库 PO-0001');
    const reserve = page.locator('[data-testid="movement-row"][data-kind="reserve"]').first();
    await expect(reserve.getByTestId('movement-kind').textContent()).resolves.toBe('订单占用');
    await expect(reserve.getByTestId('movement-doc-link').getAttribute('href')).resolves.toBe(`/admin/orders/${order.id}`);
    if (process.env.INVENTORY_SCREENSHOT) await page.screenshot({ path: `${process.env.INVENTORY_SCREENSHOT}-ledger.png`, fullPage: true });

    // 调整 taking one more than on hand − reserved: the server's 409 insufficient_stock, said plainly in the drawer.
    await page.getByTestId('menu-stock').click();
    await searchStock(page, 'NFSQ-550');
    await row.getByTestId('stock-onhand').filter({ hasText: new RegExp(`^${before + 30}\\s`) }).waitFor();
    await row.getByTestId('stock-row-adjust').click();
    await page.getByTestId('stock-change-title').filter({ hasText: '库存调整' }).waitFor();
    await page.getByTestId('stock-change-onhand').filter({ hasText: String(before + 30) }).waitFor();
    const free = before + 30 - reserved;
    await page.getByTestId('stock-change-qty').fill(String(-(free + 1)));
    await page.getByTestId('stock-change-reason').fill('盘亏');
    await page.getByTestId('stock-change-submit').click();
    const shortage = page.getByTestId('stock-change-shortage');
    await shortage.waitFor();
    await expect(shortage.textContent()).resolves.toContain('库存不足');
    await expect(shortage.textContent()).resolves.toContain(`最多只能减少 ${free} 瓶`);
    if (process.env.INVENTORY_SCREENSHOT) await page.screenshot({ path: `${process.env.INVENTORY_SCREENSHOT}-shortage.png`, fullPage: true });

    // Nothing was booked.
    await page.keyboard.press('Escape');
    await page.getByTestId('stock-change-shortage').waitFor({ state: 'detached' });
    await expect(count(row.getByTestId('stock-onhand'))).resolves.toBe(before + 30);
    if (process.env.INVENTORY_SCREENSHOT) await page.screenshot({ path: `${process.env.INVENTORY_SCREENSHOT}-stock.png`, fullPage: true });
    await ctx.close();
  }, 120_000);

  it('the warehouse keeper adds a warehouse serving 江苏省 and later switches it off', async () => {
    const ctx = await suite.chrome.context();
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'console', 'warehouse');
    await page.getByTestId('menu-warehouses').click();
    const shanghai = page.locator('[data-testid="warehouse-row"][data-code="SH01"]');
    await shanghai.filter({ hasText: '华东' }).waitFor();

    // Each dialog shows its own warehouse (not the one opened before).
    await shanghai.getByTestId('warehouse-edit').click();
    await expect(page.getByTestId('warehouse-name').inputValue()).resolves.toBe('上海总仓');
    await page.getByTestId('modal-cancel').click();
    await page.locator('[data-testid="warehouse-row"][data-code="GZ01"]').getByTestId('warehouse-edit').click();
    await expect(page.getByTestId('warehouse-name').inputValue()).resolves.toBe('广州仓');
    await page.getByTestId('modal-cancel').click();

    await page.getByTestId('warehouse-create').click();
    await expect(page.getByTestId('warehouse-name').inputValue()).resolves.toBe('');
    await page.getByTestId('warehouse-code').fill('NJ01');
    await page.getByTestId('warehouse-name').fill('南京仓');
    await page.getByTestId('warehouse-regions').click();
    await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: /^华东$/ }).click();
    await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item').filter({ hasText: /^江苏省$/ }).locator('.ant-cascader-checkbox').click();
    await page.getByTestId('warehouse-priority').fill('30');
    await page.getByTestId('modal-save').click();
    const nanjing = page.locator('[data-testid="warehouse-row"][data-code="NJ01"]');
    await nanjing.waitFor();
    await expect(nanjing.textContent()).resolves.toContain('华东 江苏省');
    await expect(nanjing.textContent()).resolves.toContain('启用');

    await nanjing.getByTestId('warehouse-edit').click();
    await expect(page.getByTestId('warehouse-name').inputValue()).resolves.toBe('南京仓');
    await page.getByTestId('warehouse-active').click();
    await page.getByTestId('modal-save').click();
    await nanjing.filter({ hasText: '已停用' }).waitFor();
    await expect(nanjing.textContent()).resolves.toContain('华东 江苏省');
    if (process.env.INVENTORY_SCREENSHOT) await page.screenshot({ path: `${process.env.INVENTORY_SCREENSHOT}-warehouses.png`, fullPage: true });
    await ctx.close();
  }, 120_000);
});
