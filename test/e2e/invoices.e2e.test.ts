import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { expectNoOverflow, placeOrder, yuan } from '../support/e2e-orders.js';
import { loginMember } from '../support/http-client.js';

const suite = browserSuite();

describe('invoices', () => {
  let order: { id: string; orderNo: string; totalFen: number };
  const invoiceNo = '24312000000012345678';

  it('a dealer requests an invoice on an order in the mall at 375 px', async () => {
    const dealer = await loginMember(suite.server.app, 'dealer1');
    const profile = await dealer.post('/api/v1/mall/invoice-profiles', { kind: 'normal', title: '上海鼎盛贸易有限公司', taxNo: '91310000MA1FL8XQ3K' });
    expect(profile.statusCode, profile.body).toBe(201);
    order = await placeOrder(suite.server.app, 'dealer1', 3, { name: '开票测试矿泉水', codePrefix: 'INV-E2E' });

    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'mall', 'dealer1');
    await page.goto(`${suite.server.url}/m/orders/${order.id}`);
    const block = page.getByTestId('order-invoice');
    await block.getByTestId('order-invoice-status').filter({ hasText: '未开票' }).waitFor();
    await block.getByTestId('order-invoice-request-button').click();
    await page.getByTestId('invoice-profile-sheet').getByTestId('invoice-profile-option').filter({ hasText: '上海鼎盛贸易有限公司' }).click();
    await block.getByTestId('order-invoice-status').filter({ hasText: '未开票（已申请）' }).waitFor();
    await block.getByTestId('order-invoice-request').filter({ hasText: '91310000MA1FL8XQ3K' }).waitFor();
    await block.scrollIntoViewIfNeeded();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-invoice-requested-375.png', fullPage: true });
    await ctx.close();
  });

  it('finance issues it from 发票管理 › 待开票: the amount defaults to what is left, the buyer to the request', async () => {
    const ctx = await suite.chrome.context();
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'console', 'finance');
    await page.getByTestId('menu-invoices').click();
    await page.waitForURL(/\/admin\/invoices/);
    const row = page.locator(`[data-testid="invoice-queue-row"][data-order-no="${order.orderNo}"]`);
    await row.waitFor();
    await expect(row.getByTestId('invoice-queue-remaining').textContent()).resolves.toBe(yuan(order.totalFen));
    await row.getByTestId('invoice-queue-issue').click();

    const drawer = page.getByTestId('invoice-issue-drawer');
    const line = drawer.locator(`[data-testid="invoice-issue-order"][data-order-no="${order.orderNo}"]`);
    await line.waitFor();
    await expect(line.getByTestId('invoice-issue-amount').inputValue()).resolves.toBe((order.totalFen / 100).toFixed(2));
    await expect.poll(() => drawer.getByTestId('invoice-issue-title').inputValue()).toBe('上海鼎盛贸易有限公司');
    await expect(drawer.getByTestId('invoice-issue-taxno').inputValue()).resolves.toBe('91310000MA1FL8XQ3K');
    await drawer.getByTestId('invoice-no-input').fill(invoiceNo);
    await drawer.getByTestId('invoice-issue-total').filter({ hasText: yuan(order.totalFen) }).waitFor();
    await page.screenshot({ path: '.tmp/e2e-invoice-drawer.png', fullPage: true });
    await page.getByTestId('invoice-issue-submit').click();
    await page.locator('.ant-message').filter({ hasText: '已开票' }).waitFor();
    await row.waitFor({ state: 'detached' });

    await page.getByTestId('invoices-tab-list').click();
    const issued = page.locator(`[data-testid="invoice-row"][data-no="${invoiceNo}"][data-status="issued"]`);
    await issued.waitFor();
    await expect(issued.getByTestId('invoice-amount').textContent()).resolves.toBe(yuan(order.totalFen));
    await issued.filter({ hasText: order.orderNo }).waitFor();
    await page.screenshot({ path: '.tmp/e2e-invoice-list.png', fullPage: true });

    // The order page's 发票 card says so too.
    await page.goto(`${suite.server.url}/admin/orders/${order.id}`);
    const card = page.getByTestId('order-invoice-card');
    await card.getByTestId('order-invoice-status').filter({ hasText: '已开票' }).waitFor();
    await card.locator(`[data-testid="order-invoice"][data-no="${invoiceNo}"]`).waitFor();
    await ctx.close();
  });

  it('the dealer sees the order 已开票 with its invoice, and the invoice in 我的发票', async () => {
    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'mall', 'dealer1');
    await page.goto(`${suite.server.url}/m/orders/${order.id}`);
    const block = page.getByTestId('order-invoice');
    await block.getByTestId('order-invoice-status').filter({ hasText: '已开票' }).waitFor();
    const invoice = block.locator(`[data-testid="invoice-row"][data-no="${invoiceNo}"][data-status="issued"]`);
    await invoice.waitFor();
    await expect(invoice.getByTestId('invoice-amount').textContent()).resolves.toBe(yuan(order.totalFen));
    await expect(block.getByTestId('order-invoice-request-button').count()).resolves.toBe(0);
    await block.scrollIntoViewIfNeeded();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-invoice-issued-375.png', fullPage: true });

    await page.goto(`${suite.server.url}/m/me`);
    await page.getByTestId('to-invoice-records').click();
    await page.waitForURL(/\/m\/me\/invoice-records/);
    const record = page.locator(`[data-testid="invoice-records"] [data-testid="invoice-row"][data-no="${invoiceNo}"]`);
    await record.waitFor();
    await expect(record.getByTestId('invoice-state').textContent()).resolves.toBe('已开票');
    await page.getByTestId('invoice-order-link').filter({ hasText: order.orderNo }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-invoice-records-375.png', fullPage: true });
    await ctx.close();
  });
});
