import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { customerIdOf, expectNoOverflow, headPaymentStatus, placeOrder as placeSharedOrder, yuan } from '../support/e2e-orders.js';
import { loginMember, loginStaff } from '../support/http-client.js';

const suite = browserSuite();

const placeOrder = (login: string, qty: number) => placeSharedOrder(suite.server.app, login, qty, { name: '付款测试矿泉水', codePrefix: 'PAY-E2E' });

/** A small real PNG, as a phone screenshot of a transfer would be. */
const voucherPng = () => sharp({ create: { width: 120, height: 200, channels: 3, background: '#1677ff' } }).png().toBuffer();


describe('paying orders', () => {
  let order: { id: string; orderNo: string; totalFen: number };
  const BALANCE = 1500;
  let dealerId = '';

  it('a dealer pays part from the balance and the rest by bank transfer with a voucher, on a 375 px phone', async () => {
    const owner = await loginStaff(suite.server.app, 'owner');
    // The admin enters the company's 收款账户 (shown to customers paying by transfer) in 设置 › 收款设置.
    const desk = await suite.chrome.context();
    const admin = await desk.newPage();
    await signIn(admin, suite.server.url, 'console', 'admin');
    await admin.goto(`${suite.server.url}/admin/settings`);
    await admin.getByTestId('settings-bank-account-name').fill('上海鼎货贸易有限公司');
    await admin.getByTestId('settings-bank-name').fill('招商银行上海分行');
    await admin.getByTestId('settings-bank-account-no').fill('6214 8301 2345 6789');
    await admin.getByTestId('settings-payments-save').click();
    await expect.poll(async () => ((await owner.get('/api/v1/admin/settings')).json() as { settings: { payments: { bankAccount: { accountNo: string } } } }).settings.payments.bankAccount.accountNo).toBe('6214 8301 2345 6789');
    await desk.close();

    dealerId = await customerIdOf(await loginMember(suite.server.app, 'dealer1'));
    const adjusted = await owner.request('POST', `/api/v1/admin/customers/${dealerId}/account/adjustments`, { deltaFen: BALANCE, reason: 'rebate', note: '付款测试返利' }, { 'idempotency-key': randomUUID() });
    expect(adjusted.statusCode, adjusted.body).toBe(201);
    order = await placeOrder('dealer1', 20);
    expect(order.totalFen).toBeGreaterThan(BALANCE);

    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'mall', 'dealer1');
    await page.goto(`${suite.server.url}/m/orders/${order.id}`);
    await headPaymentStatus(page, '未付款').waitFor();
    await expect(page.getByTestId('pay-due').textContent()).resolves.toBe(yuan(order.totalFen));
    await page.getByTestId('order-payments').filter({ hasText: '还没有付款' }).waitFor();

    // 余额支付: the balance is shown and offered (all of it: less than what is due).
    await page.getByTestId('order-pay').click();
    await page.getByTestId('pay-sheet').waitFor();
    await page.getByTestId('pay-method-balance').click();
    await expect(page.getByTestId('pay-balance').textContent()).resolves.toBe(yuan(BALANCE));
    await expect(page.getByTestId('pay-amount').inputValue()).resolves.toBe(String(BALANCE / 100));
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-pay-balance-375.png' });
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('pay-sheet').waitFor({ state: 'detached' });
    await headPaymentStatus(page, '部分付款').waitFor();
    await expect(page.getByTestId('pay-paid').textContent()).resolves.toBe(yuan(BALANCE));
    const rest = order.totalFen - BALANCE;
    await expect(page.getByTestId('pay-due').textContent()).resolves.toBe(yuan(rest));
    await page.locator('[data-testid="order-payment"][data-method="balance"][data-status="succeeded"]').filter({ hasText: yuan(BALANCE) }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-pay-partly-375.png', fullPage: true });

    // 线下转账: the company's account, a voucher uploaded, the rest declared → 付款待审核.
    await page.getByTestId('order-pay').click();
    await page.getByTestId('pay-method-bank_transfer').click();
    await page.getByTestId('pay-bank-account').filter({ hasText: '6214 8301 2345 6789' }).waitFor();
    await expect(page.getByTestId('pay-amount').inputValue()).resolves.toBe(String(rest / 100));
    await expect(page.getByTestId('pay-submit').isDisabled()).resolves.toBe(true);
    await page.getByTestId('pay-vouchers').locator('input[type=file]').setInputFiles({ name: 'transfer.png', mimeType: 'image/png', buffer: await voucherPng() });
    await page.locator('[data-testid="pay-submit"]:not([disabled])').waitFor();
    await page.getByTestId('pay-vouchers').locator('.adm-image-uploader-cell img').first().waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-pay-transfer-375.png' });
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('pay-sheet').waitFor({ state: 'detached' });
    await headPaymentStatus(page, '付款待审核').waitFor();
    const transfer = page.locator('[data-testid="order-payment"][data-method="bank_transfer"][data-status="pending_confirmation"]');
    await transfer.filter({ hasText: '付款待审核' }).filter({ hasText: yuan(rest) }).waitFor();
    await expect(page.getByTestId('pay-awaiting').textContent()).resolves.toBe(yuan(rest));
    // Nothing more is open: no 去付款.
    await expect(page.getByTestId('order-pay').count()).resolves.toBe(0);
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-pay-pending-375.png', fullPage: true });

    // 我的账户: the balance is spent; the ledger shows the rebate and the balance payment.
    await page.goto(`${suite.server.url}/m/me`);
    await page.getByTestId('to-finance').click();
    await expect(page.getByTestId('finance-balance').textContent()).resolves.toBe(yuan(0));
    await page.locator('[data-testid="movement"][data-kind="balance_payment"]').filter({ hasText: order.orderNo }).waitFor();
    await page.locator('[data-testid="movement"][data-kind="adjustment"]').filter({ hasText: '付款测试返利' }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-pay-account-375.png', fullPage: true });
    await ctx.close();
  });

  it('finance confirms the transfer in 收款管理 and the order is paid', async () => {
    const ctx = await suite.chrome.context();
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'console', 'finance');
    await page.getByTestId('menu-payments').click();
    await page.waitForURL(/\/admin\/payments/);
    const row = page.locator(`[data-testid="payment-row"][data-order-no="${order.orderNo}"]`);
    await row.waitFor();
    await expect(row.getAttribute('data-status')).resolves.toBe('pending_confirmation');
    await expect(row.getByTestId('payment-amount').textContent()).resolves.toBe(yuan(order.totalFen - BALANCE));
    // The voucher as an image the console can open.
    const thumb = row.getByTestId('payment-voucher').locator('img');
    await thumb.waitFor();
    await expect(thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    await page.screenshot({ path: '.tmp/e2e-pay-console-pending.png', fullPage: true });

    await row.getByTestId('payment-confirm').click();
    await page.getByTestId('confirm-reference').fill('招行流水 20260101');
    await page.getByTestId('modal-save').click();
    await page.locator('.ant-message').filter({ hasText: '已确认收款' }).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('payments-tab-succeeded').click();
    await page.locator(`[data-testid="payment-row"][data-order-no="${order.orderNo}"][data-status="succeeded"]`).first().waitFor();
    await page.screenshot({ path: '.tmp/e2e-pay-console-confirmed.png', fullPage: true });

    // The customer's 账户 tab: balance spent, the rebate and the balance payment in the ledger.
    await page.goto(`${suite.server.url}/admin/customers/${dealerId}`);
    await page.getByTestId('tab-account').click();
    await expect(page.getByTestId('account-balance').textContent()).resolves.toBe(yuan(0));
    await page.locator('[data-testid="account-movement"][data-kind="balance_payment"]').filter({ hasText: order.orderNo }).waitFor();
    await page.locator('[data-testid="account-movement"][data-kind="receipt"]').filter({ hasText: order.orderNo }).waitFor();
    await page.locator('[data-testid="account-movement"][data-kind="adjustment"]').filter({ hasText: '付款测试返利' }).waitFor();
    await page.screenshot({ path: '.tmp/e2e-pay-console-account.png', fullPage: true });
    await ctx.close();

    const mall = await suite.chrome.context({ mobile: true });
    const phone = await mall.newPage();
    await signIn(phone, suite.server.url, 'mall', 'dealer1');
    await phone.goto(`${suite.server.url}/m/orders/${order.id}`);
    await headPaymentStatus(phone, '已付款').waitFor();
    await expect(phone.getByTestId('pay-paid').textContent()).resolves.toBe(yuan(order.totalFen));
    await phone.locator('[data-testid="order-payment"][data-method="bank_transfer"][data-status="succeeded"]').waitFor();
    await expect(phone.getByTestId('order-pay').count()).resolves.toBe(0);
    await expectNoOverflow(phone);
    await phone.screenshot({ path: '.tmp/e2e-pay-paid-375.png', fullPage: true });
    await mall.close();
  });

  it('a credit customer over the limit is refused with the numbers', async () => {
    const owner = await loginStaff(suite.server.app, 'owner');
    const dealer2Id = await customerIdOf(await loginMember(suite.server.app, 'dealer2'));
    const terms = await owner.put(`/api/v1/admin/customers/${dealer2Id}/account/terms`, { creditLimitFen: 100, creditTermDays: 30, creditPolicy: 'block', balanceShortPolicy: 'block', methods: null });
    expect(terms.statusCode, terms.body).toBe(200);
    const credited = await placeOrder('dealer2', 5);

    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'mall', 'dealer2');
    await page.goto(`${suite.server.url}/m/orders/${credited.id}`);
    await page.getByTestId('order-pay').click();
    await page.getByTestId('pay-method-credit').click();
    await expect(page.getByTestId('pay-credit-available').textContent()).resolves.toBe(yuan(100));
    await page.getByTestId('pay-submit').click();
    const refusal = page.getByTestId('pay-refusal');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe(
      `超出信用额度，不能用账期支付：信用额度 ${yuan(100)}，已用 ${yuan(0)}，可用 ${yuan(100)}，本次 ${yuan(credited.totalFen)}。`,
    );
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-pay-credit-refused-375.png' });
    // Nothing was written: the order is still unpaid.
    await page.reload();
    await headPaymentStatus(page, '未付款').waitFor();
    await page.getByTestId('order-payments').filter({ hasText: '还没有付款' }).waitFor();
    await ctx.close();
  });
});
