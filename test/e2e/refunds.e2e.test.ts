import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { customerIdOf, expectNoOverflow, headPaymentStatus, placeOrder as placeSharedOrder, yuan } from '../support/e2e-orders.js';
import { loginMember, loginStaff } from '../support/http-client.js';

const suite = browserSuite();

const placeOrder = (login: string, qty: number) => placeSharedOrder(suite.server.app, login, qty, { name: '退款测试矿泉水', codePrefix: 'RF-E2E' });

/** The owner credits `login`'s prepaid balance with `fen` (a rebate). */
async function giveBalance(login: string, fen: number, note: string) {
  const owner = await loginStaff(suite.server.app, 'owner');
  const customerId = await customerIdOf(await loginMember(suite.server.app, login));
  const adjusted = await owner.request('POST', `/api/v1/admin/customers/${customerId}/account/adjustments`, { deltaFen: fen, reason: 'rebate', note }, { 'idempotency-key': randomUUID() });
  expect(adjusted.statusCode, adjusted.body).toBe(201);
}

/** `login` pays the whole order from the balance, over HTTP. */
async function payFromBalance(login: string, order: { id: string; totalFen: number }) {
  const member = await loginMember(suite.server.app, login);
  const paid = await member.request('POST', `/api/v1/mall/orders/${order.id}/payments`, { method: 'balance', amountFen: order.totalFen }, { 'idempotency-key': randomUUID() });
  expect(paid.statusCode, paid.body).toBe(201);
  expect((paid.json() as { payment: { status: string } }).payment.status).toBe('succeeded');
}

async function balanceOf(login: string): Promise<number> {
  const member = await loginMember(suite.server.app, login);
  const res = await member.get('/api/v1/mall/finance/account');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { balanceFen: number }).balanceFen;
}


describe('refunds', () => {
  let order: { id: string; orderNo: string; totalFen: number };
  /** Left in the balance after paying the order. */
  const SPARE = 300;

  it('a dealer cancels an order paid from the balance on a 375 px phone and sees the refund awaiting approval', async () => {
    order = await placeOrder('dealer1', 5);
    const before = await balanceOf('dealer1');
    await giveBalance('dealer1', order.totalFen + SPARE - before, '退款测试返利');
    await payFromBalance('dealer1', order);
    expect(await balanceOf('dealer1')).toBe(SPARE);

    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'mall', 'dealer1');
    await page.goto(`${suite.server.url}/m/orders/${order.id}`);
    await headPaymentStatus(page, '已付款').waitFor();
    // Nothing refunded yet: no refund block.
    await expect(page.getByTestId('order-refunds').count()).resolves.toBe(0);

    await page.getByTestId('order-cancel').click();
    await page.getByTestId('cancel-reason-input').fill('下错了规格');
    await page.getByTestId('cancel-reason-confirm').click();
    await page.getByTestId('order-status-text').filter({ hasText: '已取消' }).waitFor();

    // The 付款 block: the whole amount is to go back to the balance, awaiting the supplier's finance.
    const refund = page.locator('[data-testid="order-refund"][data-status="pending_approval"][data-destination="balance"]');
    await refund.waitFor();
    await expect(refund.getByTestId('order-refund-amount').textContent()).resolves.toBe(yuan(order.totalFen));
    await expect(refund.getByTestId('order-refund-status').textContent()).resolves.toBe('退款审核中');
    await expect(refund.getByTestId('order-refund-destination').textContent()).resolves.toBe('退回余额');
    await refund.filter({ hasText: '订单取消' }).waitFor();
    // Nothing to pay on a cancelled order.
    await expect(page.getByTestId('order-pay').count()).resolves.toBe(0);
    // The balance comes back only once finance approves.
    expect(await balanceOf('dealer1')).toBe(SPARE);
    await page.getByTestId('order-refunds').scrollIntoViewIfNeeded();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-refund-pending-375.png', fullPage: true });
    await ctx.close();
  });

  it('finance approves the refund in 收款管理 › 退款单; the mall shows it refunded and the balance back', async () => {
    const ctx = await suite.chrome.context();
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'console', 'finance');
    await page.getByTestId('menu-payments').click();
    await page.waitForURL(/\/admin\/payments/);
    await page.getByTestId('finance-view-refunds').click();
    await page.waitForURL(/\/admin\/refunds/);
    const row = page.locator(`[data-testid="refund-row"][data-order-no="${order.orderNo}"]`);
    await row.waitFor();
    await expect(row.getAttribute('data-status')).resolves.toBe('pending_approval');
    await expect(row.getByTestId('refund-amount').textContent()).resolves.toBe(yuan(order.totalFen));
    await expect(row.getByTestId('refund-destination').textContent()).resolves.toBe('退回余额');
    await row.filter({ hasText: '订单取消' }).waitFor();
    await expect(row.getByTestId('refund-order').textContent()).resolves.toBe(order.orderNo);
    await page.screenshot({ path: '.tmp/e2e-refund-console-pending.png', fullPage: true });

    await row.getByTestId('refund-approve').click();
    await page.getByTestId('refund-approve-hint').filter({ hasText: '预存款余额' }).waitFor();
    await page.getByTestId('modal-save').click();
    await page.locator('.ant-message').filter({ hasText: '已同意退款' }).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('refunds-tab-succeeded').click();
    await page.locator(`[data-testid="refund-row"][data-order-no="${order.orderNo}"][data-status="succeeded"]`).waitFor();
    await page.screenshot({ path: '.tmp/e2e-refund-console-approved.png', fullPage: true });

    // The order's 收款 card: the balance payment and the refund beside it; nothing left to refund.
    await page.goto(`${suite.server.url}/admin/orders/${order.id}`);
    const card = page.getByTestId('order-payments');
    await card.locator('[data-testid="order-refund"][data-status="succeeded"]').filter({ hasText: yuan(order.totalFen) }).waitFor();
    await card.locator('[data-testid="order-payment"][data-status="succeeded"]').waitFor();
    await page.screenshot({ path: '.tmp/e2e-refund-console-order.png', fullPage: true });
    await ctx.close();

    const mall = await suite.chrome.context({ mobile: true });
    const phone = await mall.newPage();
    await signIn(phone, suite.server.url, 'mall', 'dealer1');
    await phone.goto(`${suite.server.url}/m/orders/${order.id}`);
    await headPaymentStatus(phone, '已退款').waitFor();
    const refund = phone.locator('[data-testid="order-refund"][data-status="succeeded"]');
    await refund.waitFor();
    await expect(refund.getByTestId('order-refund-status').textContent()).resolves.toBe('已退款');
    await expect(refund.getByTestId('order-refund-amount').textContent()).resolves.toBe(yuan(order.totalFen));
    await phone.getByTestId('order-refunds').scrollIntoViewIfNeeded();
    await expectNoOverflow(phone);
    await phone.screenshot({ path: '.tmp/e2e-refund-done-375.png', fullPage: true });

    // 我的账户: the balance is back, and the ledger shows the refund.
    await phone.goto(`${suite.server.url}/m/me/finance`);
    await expect.poll(() => phone.getByTestId('finance-balance').textContent()).toBe(yuan(order.totalFen + SPARE));
    await phone.locator('[data-testid="movement"][data-kind="refund"]').filter({ hasText: order.orderNo }).waitFor();
    await expectNoOverflow(phone);
    await phone.screenshot({ path: '.tmp/e2e-refund-account-375.png', fullPage: true });
    await mall.close();
  });

  it('finance refunds part of a paid order from its 收款 card: too much is refused with what is left, the rest goes out offline', async () => {
    const paid = await placeOrder('dealer1', 10);
    const before = await balanceOf('dealer1');
    if (before < paid.totalFen) await giveBalance('dealer1', paid.totalFen - before, '退款测试返利二');
    await payFromBalance('dealer1', paid);
    // Only 5 of the 10 bottles can be delivered: the clerk lowers the order, so half of what was paid may go back.
    const clerk = await loginStaff(suite.server.app, 'owner');
    const full = (await clerk.get(`/api/v1/admin/orders/${paid.id}`)).json();
    const edited = await clerk.put(`/api/v1/admin/orders/${paid.id}`, { version: full.version, lines: [{ id: full.lines[0].id, skuUnitId: full.lines[0].skuUnitId, qty: 5 }] });
    expect(edited.statusCode, edited.body).toBe(200);
    const over = paid.totalFen - (edited.json() as { totalFen: number }).totalFen;
    const part = 500;
    expect(over).toBeGreaterThan(part);
    // The edit asked for the whole overpayment back to the balance by itself (trigger edit); finance turns that down
    // here, to refund part of it offline instead.
    const fin = await loginStaff(suite.server.app, 'finance');
    const auto = ((await fin.get(`/api/v1/admin/refunds?orderId=${paid.id}&status=pending_approval`)).json().items as { id: string; trigger: string; amountFen: number }[]);
    expect(auto.map((r) => [r.trigger, r.amountFen])).toEqual([['edit', over]]);
    expect((await fin.post(`/api/v1/admin/refunds/${auto[0].id}/reject`, { rejectReason: '部分线下退款' })).statusCode).toBe(200);

    const ctx = await suite.chrome.context();
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'console', 'finance');
    await page.goto(`${suite.server.url}/admin/orders/${paid.id}`);
    const card = page.getByTestId('order-payments');
    await card.getByTestId('request-refund').click();
    // What was paid beyond the lowered total is offered.
    await expect(page.getByTestId('refund-amount-input').inputValue()).resolves.toBe((over / 100).toFixed(2));
    await page.getByTestId('refund-amount-input').fill((part / 100).toFixed(2));
    await page.getByTestId('refund-destination-original').click();
    await page.getByTestId('refund-reason-input').fill('少发了 5 瓶，线下退款');
    await page.getByTestId('modal-save').click();
    await page.locator('.ant-message').filter({ hasText: '已提交退款' }).waitFor();
    const pending = card.locator('[data-testid="order-refund"][data-status="pending_approval"][data-destination="original"]');
    await pending.filter({ hasText: yuan(part) }).waitFor();

    // Asking for more than is left (paid − pending) over the API is refused with the numbers.
    const staff = await loginStaff(suite.server.app, 'finance');
    const tooMuch = await staff.request('POST', `/api/v1/admin/orders/${paid.id}/refunds`, { amountFen: paid.totalFen, destination: 'balance', reason: '太多' }, { 'idempotency-key': randomUUID() });
    expect(tooMuch.statusCode, tooMuch.body).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'refund_exceeds_paid', refundableFen: over - part, amountFen: paid.totalFen });

    // The dialog offers only what is left now.
    await card.getByTestId('request-refund').click();
    await expect(page.getByTestId('refund-amount-input').inputValue()).resolves.toBe(((over - part) / 100).toFixed(2));
    await page.getByTestId('refund-refundable').filter({ hasText: yuan(part) }).waitFor();
    await page.getByTestId('modal-cancel').click();

    // Approved from the card.
    await pending.getByTestId('refund-approve').click();
    await page.getByTestId('refund-approve-hint').filter({ hasText: '线下' }).waitFor();
    await page.getByTestId('modal-save').click();
    await page.locator('.ant-message').filter({ hasText: '已同意退款' }).waitFor();
    await card.locator('[data-testid="order-refund"][data-status="succeeded"][data-destination="original"]').waitFor();
    await page.getByTestId('order-tags').getByTestId('order-payment').filter({ hasText: '部分退款' }).waitFor();
    await page.screenshot({ path: '.tmp/e2e-refund-console-partial.png', fullPage: true });

    // Approving it again (a second tab that still shows it pending) → 409, said in words.
    const again = await staff.get(`/api/v1/admin/refunds?orderId=${paid.id}`);
    const refundId = (again.json() as { items: { id: string }[] }).items[0].id;
    const twice = await staff.post(`/api/v1/admin/refunds/${refundId}/approve`, {});
    expect(twice.statusCode, twice.body).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'refund_state_conflict' });
    await ctx.close();
  });
});
