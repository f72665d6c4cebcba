import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';

const suite = browserSuite();

/** Nothing on the page is wider than the 375 px phone. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A product on the shelf with one SKU sold in 瓶 (stock policy `block` unless given); returns its id and SKU id. */
async function createProduct(owner: Client, name: string, code: string, stockPolicy?: 'backorder' | 'preorder'): Promise<{ id: string; skuId: string }> {
  const res = await owner.post('/api/v1/admin/products', {
    name, onShelf: true, ...(stockPolicy ? { stockPolicy } : {}), skus: [{ code, baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 1000 }] }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const p = res.json() as { id: string; skus: { id: string }[] };
  return { id: p.id, skuId: p.skus[0].id };
}

async function adjust(owner: Client, warehouseId: string, skuId: string, delta: number, kind: 'inbound' | 'adjust') {
  const res = await owner.post('/api/v1/admin/stock/adjustments', { warehouseId, skuId, delta, kind, reason: 'e2e' });
  expect(res.statusCode, res.body).toBe(201);
}

describe('stock in the mall on a 375 px phone', () => {
  it('shows 有货 / 缺货, flags a cart line beyond stock, filters 仅看有货, and explains a checkout refused for stock', async () => {
    const owner = await loginStaff(suite.server.app, 'owner');
    const warehouses = (await owner.get('/api/v1/admin/warehouses')).json() as { items: { id: string }[] };
    const warehouseId = warehouses.items[0].id;
    const stocked = await createProduct(owner, '库存测试 有货酱油', 'E2E-STK-2');
    const empty = await createProduct(owner, '库存测试 缺货醋', 'E2E-STK-0');
    const backorder = await createProduct(owner, '库存测试 可缺货醋', 'E2E-STK-B', 'backorder');
    const preorder = await createProduct(owner, '库存测试 预售新品', 'E2E-STK-P', 'preorder');
    await adjust(owner, warehouseId, stocked.skuId, 2, 'inbound');
    await adjust(owner, warehouseId, preorder.skuId, 5, 'inbound');
    // A fresh cart, so the lines below are the only ones.
    expect((await (await loginMember(suite.server.app, 'dealer1')).delete('/api/v1/mall/cart')).statusCode).toBeLessThan(300);

    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'mall', 'dealer1');

    // 有货 (the demo company shows the status, not the number); add 3 although only 2 are left.
    await page.goto(`${suite.server.url}/m/products/${stocked.id}`);
    await page.getByTestId('stock-status').filter({ hasText: '有货' }).waitFor();
    await expect(page.getByTestId('add-to-cart').isDisabled()).resolves.toBe(false);
    await page.getByTestId('product-qty-plus').click();
    await page.getByTestId('product-qty-plus').click();
    await expect.poll(() => page.getByTestId('product-qty-input').inputValue()).toBe('3');
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-stock-product-375.png', fullPage: true });
    await page.getByTestId('add-to-cart').click();
    await page.getByText('已加入购物车').waitFor();

    // The cart: the line is short of stock (blocking, with the number left) and checkout is closed.
    await page.getByTestId('to-cart').click();
    await page.waitForURL(/\/m\/cart$/);
    const line = page.getByTestId('cart-line').filter({ hasText: 'E2E-STK-2' });
    await line.getByTestId('cart-problem-out_of_stock').filter({ hasText: '库存不足，仅剩 2瓶' }).waitFor();
    await page.getByTestId('cart-blocking').filter({ hasText: '1 个商品需要调整后才能结算' }).waitFor();
    await expect(page.getByTestId('cart-checkout').isDisabled()).resolves.toBe(true);
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-stock-cart-375.png', fullPage: true });

    // One tap lowers it to what is left; the problem goes and checkout opens.
    await line.getByTestId('cart-fix-stock').filter({ hasText: '改为 2瓶' }).click();
    await line.getByTestId('cart-problem-out_of_stock').waitFor({ state: 'detached' });
    await expect.poll(() => line.getByTestId('cart-line-qty-input').inputValue()).toBe('2');
    await page.locator('[data-testid="cart-checkout"]:not([disabled])').click();
    await page.waitForURL(/\/m\/checkout$/);
    await page.getByTestId('checkout-address').filter({ hasText: '赵刚' }).waitFor();

    // Someone else takes one while the dealer looks at the order: the submission is refused, nothing is ordered,
    // and the dialog names the line and sends the dealer back to the cart.
    await adjust(owner, warehouseId, stocked.skuId, -1, 'adjust');
    await page.getByTestId('checkout-submit').click();
    await page.getByTestId('out-of-stock-line').filter({ hasText: 'E2E-STK-2：需要 2瓶，可用 1瓶' }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-stock-checkout-375.png' });
    await page.getByTestId('out-of-stock-to-cart').click();
    await page.waitForURL(/\/m\/cart$/);
    await line.getByTestId('cart-problem-out_of_stock').filter({ hasText: '库存不足，仅剩 1瓶' }).waitFor();

    // A backorder product without stock: 缺货 but 可缺货下单; it can be added, and the cart only notes it (orange).
    await page.goto(`${suite.server.url}/m/products/${backorder.id}`);
    await page.getByTestId('stock-status').filter({ hasText: '缺货' }).waitFor();
    await page.getByTestId('stock-backorder').filter({ hasText: '可缺货下单' }).waitFor();
    await expect(page.getByTestId('add-to-cart').textContent()).resolves.toBe('加入购物车');
    await page.getByTestId('add-to-cart').click();
    await page.getByText('已加入购物车').waitFor();
    await page.getByTestId('to-cart').click();
    await page.waitForURL(/\/m\/cart$/);
    const late = page.getByTestId('cart-line').filter({ hasText: 'E2E-STK-B' });
    await late.locator('.dh-problem-warning[data-testid="cart-problem-backorder"]').filter({ hasText: '部分缺货，1瓶到货后发' }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-stock-backorder-375.png', fullPage: true });

    // A pre-order product in stock: 有货 with the 预售 tag.
    await page.goto(`${suite.server.url}/m/products/${preorder.id}`);
    await page.getByTestId('stock-status').filter({ hasText: '有货' }).waitFor();
    await page.getByTestId('stock-preorder').filter({ hasText: '预售' }).waitFor();

    // The company shows exact stock: the number, in the base unit.
    const current = (await owner.get('/api/v1/admin/settings')).json() as { settings: Record<string, unknown>; version: number };
    const saved = await owner.put('/api/v1/admin/settings', { version: current.version, settings: { ...current.settings, stockDisplay: 'exact' } });
    expect(saved.statusCode, saved.body).toBe(200);
    await page.reload();
    await page.getByTestId('stock-status').filter({ hasText: '库存 5瓶' }).waitFor();

    // No stock at all: 缺货, and the add button is disabled and says so.
    await page.goto(`${suite.server.url}/m/products/${empty.id}`);
    await page.getByTestId('stock-status').filter({ hasText: '缺货' }).waitFor();
    const add = page.getByTestId('add-to-cart');
    await expect(add.isDisabled()).resolves.toBe(true);
    await expect(add.textContent()).resolves.toBe('缺货');
    await expect(page.getByTestId('qty-row').count()).resolves.toBe(0);
    // 缺货登记: tell me when it is back.
    await page.getByTestId('stock-alert').click();
    await page.getByTestId('stock-alert-registered').filter({ hasText: '已登记到货通知' }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-stock-soldout-375.png', fullPage: true });

    // The result list: both products, then only the one in stock, the search words kept.
    await page.goto(`${suite.server.url}/m/products?q=${encodeURIComponent('库存测试')}`);
    const item = (id: string) => page.locator(`[data-testid="product-item"][data-product-id="${id}"]`);
    await item(empty.id).waitFor();
    await item(stocked.id).waitFor();
    await page.getByTestId('only-in-stock').click();
    await page.waitForURL(/inStock=true/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('库存测试');
    await item(empty.id).waitFor({ state: 'detached' });
    await item(stocked.id).waitFor();
    await expect(item(backorder.id).count()).resolves.toBe(0);
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-stock-results-375.png', fullPage: true });

    // The vinegar arrives: the registration shows 已到货 under 我的 → 到货提醒, with a count beside it.
    await adjust(owner, warehouseId, empty.skuId, 10, 'inbound');
    await page.goto(`${suite.server.url}/m/me`);
    await page.getByTestId('stock-alerts-arrived').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('to-stock-alerts').click();
    await page.locator('[data-testid="stock-alert-item"][data-arrived="yes"]').filter({ hasText: '库存测试 缺货醋' }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-stock-alerts-375.png', fullPage: true });
    await ctx.close();
  });
});
