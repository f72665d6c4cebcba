import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { loginMember, loginStaff } from '../support/http-client.js';

const suite = browserSuite();

interface Pick { skuCode: string; units: { skuUnitId: string; name: string }[] }
interface Order { id: string; orderNo: string; status: string; totalFen: number; version: number }

/** ¥1234.50 from integer fen, as the console shows money. */
const yuan = (fen: number) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** dealer1 orders over HTTP as the mall does: cart lines by SKU code and unit, then checkout with an Idempotency-Key. */
async function dealerOrders(lines: { code: string; unit: string; qty: number }[], remark?: string): Promise<Order> {
  const dealer = await loginMember(suite.server.app, 'dealer1');
  await dealer.delete('/api/v1/mall/cart');
  for (const l of lines) {
    const found = await dealer.get(`/api/v1/mall/cart/lookup?q=${encodeURIComponent(l.code)}`);
    expect(found.statusCode, found.body).toBe(200);
    const unit = (found.json().items as Pick[]).find((p) => p.skuCode === l.code)!.units.find((u) => u.name === l.unit)!;
    const added = await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unit.skuUnitId, qty: l.qty });
    expect(added.statusCode, added.body).toBe(200);
  }
  const checkout = await dealer.get('/api/v1/mall/checkout');
  expect(checkout.statusCode, checkout.body).toBe(200);
  const account = await dealer.get('/api/v1/mall/addresses');
  const addresses = (account.json().items ?? account.json()) as { id: string; isDefault: boolean }[];
  const addressId = (addresses.find((a) => a.isDefault) ?? addresses[0]).id;
  const res = await dealer.request(
    'POST',
    '/api/v1/mall/checkout',
    { addressId, paymentMethod: 'offline', expectedTotalFen: checkout.json().cart.totals.totalFen, ...(remark ? { remark } : {}) },
    { 'idempotency-key': randomUUID() },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Order;
}

async function consoleAs(username: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await suite.chrome.context();
  const page = await ctx.newPage();
  await signIn(page, suite.server.url, 'console', username);
  return { ctx, page };
}

/** The review status tag in the order page's header. */
const headerStatus = (page: Page) => page.getByTestId('order-tags').getByTestId('order-status');

async function openFromQueue(page: Page, orderNo: string) {
  const row = page.getByTestId('order-row').filter({ hasText: orderNo });
  await row.waitFor();
  await row.getByTestId('order-no').click();
  await page.getByTestId('order-title').filter({ hasText: orderNo }).waitFor();
}

describe('orders in the console', () => {
  let first: Order;
  let second: Order;

  it('the clerk sees a new mall order in 待处理 and approves it; finance approves it next', async () => {
    first = await dealerOrders([{ code: 'NFSQ-550', unit: '箱', qty: 2 }, { code: 'KO-330-YW', unit: '箱', qty: 1 }]);
    second = await dealerOrders([{ code: 'KSF-BHC-500', unit: '箱', qty: 3 }]);
    expect(first.status).toBe('pending_review');
    expect(first.orderNo).toMatch(/^DH\d{8}-\d{6}$/);

    const clerk = await consoleAs('clerk');
    const page = clerk.page;
    await page.getByTestId('menu-orders').click();
    await page.getByTestId('order-tab-todo').waitFor();
    const row = page.getByTestId('order-row').filter({ hasText: first.orderNo });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('待订单审核');
    await expect(row.textContent()).resolves.toContain('上海鼎盛贸易有限公司');
    await expect(row.getByTestId('order-total').textContent()).resolves.toBe(yuan(first.totalFen));
    await expect(page.getByTestId('order-count-todo').textContent()).resolves.toMatch(/\d/);

    // A new order arrives while the queue is open: it appears without a reload, with the notice.
    const third = await dealerOrders([{ code: 'SPRITE-500', unit: '箱', qty: 1 }]);
    await page.getByTestId('new-orders').filter({ hasText: '1 个新订单' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('order-row').filter({ hasText: third.orderNo }).waitFor();
    await page.screenshot({ path: '.tmp/e2e-console-order-queue.png', fullPage: true });

    await openFromQueue(page, first.orderNo);
    await expect(headerStatus(page).textContent()).resolves.toBe('待订单审核');
    await expect(page.getByTestId('order-line').count()).resolves.toBe(2);
    await expect(page.getByTestId('order-grand-total').textContent()).resolves.toBe(yuan(first.totalFen));
    await page.getByTestId('order-payments').filter({ hasText: '暂无收款记录' }).waitFor();
    await page.getByTestId('order-approve').click();
    await page.getByTestId('order-approve-confirm').click();
    await headerStatus(page).filter({ hasText: '待财务审核' }).waitFor();
    await page.getByTestId('order-event').filter({ hasText: '审核通过' }).filter({ hasText: '刘接单' }).waitFor();
    await page.screenshot({ path: '.tmp/e2e-console-order-approved.png', fullPage: true });

    // Finance sees it in their own 待处理 and approves the finance step.
    const finance = await consoleAs('finance');
    await finance.page.getByTestId('menu-orders').click();
    await openFromQueue(finance.page, first.orderNo);
    await expect(headerStatus(finance.page).textContent()).resolves.toBe('待财务审核');
    await finance.page.getByTestId('order-approve').click();
    await finance.page.getByTestId('order-approve-confirm').click();
    await headerStatus(finance.page).filter({ hasText: '待发货确认' }).waitFor();
    await finance.ctx.close();

    // The clerk's open page is stale now: a second approval would be refused, so there is no button to press.
    await page.reload();
    await headerStatus(page).filter({ hasText: '待发货确认' }).waitFor();
    await expect(page.getByTestId('order-approve').count()).resolves.toBe(0);
    await clerk.ctx.close();
  }, 180_000);

  it('the clerk edits a pending order: the timeline shows the quantity change and the new total', async () => {
    const clerk = await consoleAs('clerk');
    const page = clerk.page;
    await page.goto(`${suite.server.url}/admin/orders/${second.id}`);
    await page.getByTestId('order-title').filter({ hasText: second.orderNo }).waitFor();
    await page.getByTestId('order-edit').click();
    const line = page.getByTestId('edit-line').filter({ hasText: 'KSF-BHC-500' });
    await line.getByTestId('edit-qty').fill('5');
    await page.getByTestId('edit-new-total').filter({ hasText: '¥' }).waitFor();
    await expect(page.getByTestId('edit-difference').textContent()).resolves.toContain('增加');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('order-editor').waitFor({ state: 'detached' });

    const owner = await loginStaff(suite.server.app, 'owner');
    const after = (await owner.get(`/api/v1/admin/orders/${second.id}`)).json() as Order;
    expect(after.totalFen).toBeGreaterThan(second.totalFen);
    const edit = page.getByTestId('order-event').filter({ hasText: '修改订单' });
    await edit.waitFor();
    await expect(edit.getByTestId('event-line-change').textContent()).resolves.toContain('数量 3 箱 → 5 箱');
    await expect(edit.getByTestId('event-total-change').textContent()).resolves.toContain(`${yuan(second.totalFen)} → ${yuan(after.totalFen)}`);
    await expect(edit.getByTestId('event-total-change').textContent()).resolves.toContain(`增加 ${yuan(after.totalFen - second.totalFen)}`);
    await expect(page.getByTestId('order-grand-total').textContent()).resolves.toBe(yuan(after.totalFen));
    await expect(page.getByTestId('order-line').getByTestId('line-qty').textContent()).resolves.toBe('5');
    await page.screenshot({ path: '.tmp/e2e-console-order-edited.png', fullPage: true });
    await clerk.ctx.close();
  }, 120_000);

  it('the clerk places an order for a customer with the 代客下单 grid', async () => {
    const clerk = await consoleAs('clerk');
    const page = clerk.page;
    await page.getByTestId('menu-placeOrder').click();
    await page.getByTestId('place-customer').click();
    await page.keyboard.type('鼎盛');
    await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '上海鼎盛贸易有限公司' }).click();
    await page.getByTestId('place-address').filter({ hasText: '张江路 88 号' }).waitFor();
    await expect(page.getByTestId('grid-row').count()).resolves.toBe(10);

    const fillRow = async (n: number, code: string, qty: string) => {
      const row = page.locator(`[data-testid="grid-row"][data-row="${n}"]`);
      await row.getByTestId('grid-code').fill(code);
      await page.locator(`.ant-select-dropdown:visible [data-testid="sku-option"][data-sku="${code}"]`).click();
      await row.getByTestId('grid-product').waitFor();
      await row.getByTestId('grid-qty').fill(qty);
      await row.getByTestId('grid-amount').filter({ hasText: '¥' }).waitFor();
    };
    await fillRow(1, 'NFSQ-550', '12');
    await fillRow(2, 'KO-330-YW', '24');
    // A price typed wrong says so; a price of 0 is flagged (a free line); putting the customer's price back clears both.
    const row2 = page.locator('[data-testid="grid-row"][data-row="2"]');
    const priceBefore = await row2.getByTestId('grid-price').inputValue();
    await row2.getByTestId('grid-price').fill('1.2.3');
    await row2.getByTestId('grid-price-invalid').filter({ hasText: '请输入金额' }).waitFor();
    await row2.getByTestId('grid-price').fill('0');
    await row2.getByTestId('grid-price-zero').filter({ hasText: '单价为 0' }).waitFor();
    await row2.getByTestId('grid-price').fill(priceBefore);
    await row2.getByTestId('grid-price-zero').waitFor({ state: 'detached' });
    await page.getByTestId('grid-more').click();
    await expect(page.getByTestId('grid-row').count()).resolves.toBe(20);
    await page.getByTestId('place-remark').fill('电话下单，周五前送到');
    await page.getByTestId('place-goods-total').filter({ hasText: '¥' }).waitFor();
    await page.getByTestId('place-submit').click();

    await page.waitForURL(/\/admin\/orders\/(?!new)[^/]+$/);
    await page.getByTestId('order-title').waitFor().catch(async (err) => {
      await page.screenshot({ path: '.tmp/debug-placed.png', fullPage: true });
      console.log('URL', page.url(), await page.locator('body').innerText());
      throw err;
    });
    const title = await page.getByTestId('order-title').textContent();
    expect(title).toMatch(/^DH\d{8}-\d{6}$/);
    await expect(page.getByTestId('order-line').count()).resolves.toBe(2);
    await expect(page.getByTestId('order-remark').textContent()).resolves.toBe('电话下单，周五前送到');
    await expect(page.getByTestId('order-customer').textContent()).resolves.toBe('上海鼎盛贸易有限公司');
    await headerStatus(page).waitFor();
    await page.screenshot({ path: '.tmp/e2e-console-order-placed.png', fullPage: true });

    const owner = await loginStaff(suite.server.app, 'owner');
    const placed = (await owner.get(`/api/v1/admin/orders?tab=all&q=${encodeURIComponent(title!)}`)).json() as { items: (Order & { source: string })[] };
    expect(placed.items.map((o) => o.source)).toEqual(['staff']);
    await clerk.ctx.close();
  }, 120_000);
});
