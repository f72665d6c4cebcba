/**
 * 在线支付 in the browser (issue 6): a dealer on a 375 px phone pays an order part from the prepaid balance and part
 * through the 沙箱支付 gateway (the WeChat Pay simulator's cashier, reached by the QR code's link), comes back to the
 * order and sees it paid; then tops up the balance with Alipay through its cashier page.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { customerIdOf, expectNoOverflow, headPaymentStatus, placeOrder, yuan } from '../support/e2e-orders.js';
import { loginMember, loginStaff } from '../support/http-client.js';

const suite = browserSuite({ payments: true });
const ALL_METHODS = ['offline', 'wechat', 'alipay', 'unionpay', 'balance', 'bank_transfer', 'cod', 'credit'];

describe('paying online through the sandbox gateway', () => {
  it('part from the balance, part by WeChat Pay at the cashier, on a 375 px phone; then a recharge by Alipay', async () => {
    const owner = await loginStaff(suite.server.app, 'owner');
    const s = (await owner.get('/api/v1/admin/settings')).json();
    expect((await owner.put('/api/v1/admin/settings', { settings: { ...s.settings, payments: { ...s.settings.payments, methods: ALL_METHODS } }, version: s.version })).statusCode).toBe(200);
    const dealerId = await customerIdOf(await loginMember(suite.server.app, 'dealer1'));
    const BALANCE = 2000;
    expect((await owner.request('POST', `/api/v1/admin/customers/${dealerId}/account/adjustments`, { deltaFen: BALANCE, reason: 'rebate', note: '返利' }, { 'idempotency-key': randomUUID() })).statusCode).toBe(201);
    const order = await placeOrder(suite.server.app, 'dealer1', 12, { name: '在线支付测试茶饮', codePrefix: 'ONL-E2E' });
    expect(order.totalFen).toBeGreaterThan(BALANCE);

    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'mall', 'dealer1');
    await page.goto(`${suite.server.url}/m/orders/${order.id}`);
    await headPaymentStatus(page, '未付款').waitFor();
    await page.getByTestId('order-pay').click();
    await page.getByTestId('pay-sheet').waitFor();
    await page.getByTestId('pay-method-wechat').click();
    await page.getByTestId('pay-sandbox-note').waitFor();
    // 组合支付: the balance is used first (ticked by default), the rest goes online.
    await page.getByTestId('pay-combine-split').filter({ hasText: `${yuan(BALANCE)}` }).filter({ hasText: yuan(order.totalFen - BALANCE) }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-online-pay-sheet-375.png' });
    await page.getByTestId('pay-submit').click();
    // WeChat Native: the code to scan, and the link to open the cashier on this phone.
    await page.getByTestId('pay-sheet').getByTestId('online-qr').waitFor();
    await page.getByTestId('pay-sheet').getByTestId('sandbox-tag').waitFor();
    await page.screenshot({ path: '.tmp/e2e-online-pay-qr-375.png' });
    const wechat = suite.server.paySims!.wechat;
    expect([...wechat.trades.values()].map((tr) => tr.amountFen)).toEqual([order.totalFen - BALANCE]);

    await page.getByTestId('pay-sheet').getByTestId('online-open').click();
    await page.waitForURL(/\/cashier\//);
    await page.getByText('沙箱支付').first().waitFor();
    await page.getByText(yuan(order.totalFen - BALANCE).slice(1)).first().waitFor();
    await page.screenshot({ path: '.tmp/e2e-online-cashier-375.png' });
    await page.getByRole('button', { name: '确认支付' }).click();

    // Back on the order: paid, the balance part and the WeChat part each a succeeded payment.
    await page.waitForURL(new RegExp(`/m/orders/${order.id}`));
    await headPaymentStatus(page, '已付款').waitFor();
    await page.locator('[data-testid="order-payment"][data-method="balance"][data-status="succeeded"]').filter({ hasText: yuan(BALANCE) }).waitFor();
    await page.locator('[data-testid="order-payment"][data-method="wechat"][data-status="succeeded"]').filter({ hasText: yuan(order.totalFen - BALANCE) }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-online-paid-375.png', fullPage: true });
    const mine = (await owner.get(`/api/v1/admin/customers/${dealerId}/account`)).json();
    expect(mine.balanceFen).toBe(0);

    // 充值 by Alipay: the cashier page, then back to 我的账户 with the balance grown.
    await page.goto(`${suite.server.url}/m/me/finance`);
    await page.getByTestId('recharge-open').click();
    await page.getByTestId('recharge-method-alipay').click();
    await page.getByTestId('recharge-amount').fill('300');
    await expectNoOverflow(page);
    await page.getByTestId('recharge-submit').click();
    await page.waitForURL(/\/cashier\//);
    await page.getByRole('button', { name: '确认支付' }).click();
    await page.waitForURL(/\/m\/me\/finance/);
    await page.getByTestId('finance-balance').filter({ hasText: yuan(30_000) }).waitFor();
    await page.locator('[data-testid="recharge-row"][data-status="succeeded"]').first().waitFor();
    await page.screenshot({ path: '.tmp/e2e-online-recharge-375.png', fullPage: true });
    await ctx.close();
  });
});
