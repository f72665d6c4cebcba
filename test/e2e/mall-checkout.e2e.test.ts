import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { loginStaff, type Client } from '../support/http-client.js';

const suite = browserSuite();

/** ¥1234.50 from integer fen, as the mall shows money. */
const yuan = (fen: number) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/**
 * Twenty rows as a dealer pastes them: mostly tab-separated (an Excel copy), some typed with spaces or commas,
 * one by barcode, with and without a unit. 海天金标生抽 in 瓶 must be ordered from 6 in sixes: 2 is too few.
 */
const ROWS = [
  'NFSQ-550\t2\t箱', 'KO-330-YW\t1\t箱', 'KO-330-LD\t24', 'KSF-BHC-500\t3\t箱', 'HT-JBSC-128\t2\t瓶',
  'JLY-TH-5L\t2', 'HW-M60P-BK-256\t1', 'HW-M60P-WH-256\t1', 'MI-67W\t5', 'NFSQ-DFSY-ML\t1\t箱',
  'NFSQ-DFSY-WL\t1\t箱', 'SPRITE-500 24 瓶', 'FANTA-500,1,箱', 'KSF-HSNR-5 2 箱', 'KSF-BTXL-1L 12',
  'HT-HY-700 1 箱', 'HT-LCW-500 6', 'JLY-DM-5KG 2 件', '6942103120011 2', 'MI-CABLE-C1 10',
];

interface AdminLine { id: string; skuUnitId: string; skuCode: string; unitName: string; qty: number }
interface AdminOrder { id: string; status: string; version: number; totalFen: number; lines: AdminLine[] }

async function readOrder(staff: Client, id: string): Promise<AdminOrder> {
  const res = await staff.get(`/api/v1/admin/orders/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AdminOrder;
}

async function approveAs(username: string, id: string): Promise<AdminOrder> {
  const staff = await loginStaff(suite.server.app, username);
  const { version } = await readOrder(staff, id);
  const res = await staff.post(`/api/v1/admin/orders/${id}/approve`, { version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AdminOrder;
}

/** Nothing on the page is wider than the 375 px phone. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const statusText = (page: Page) => page.getByTestId('order-status-text');

describe('mall checkout on a 375 px phone', () => {
  it('a dealer pastes 20 SKU codes, fixes a line below the minimum, submits; reviews and a staff edit show on the order page', async () => {
    // The review chain with its release step (订单审核 → 财务审核 → 出库审核), so the order can still be edited
    // after both approvals: staff edit before release only.
    const owner = await loginStaff(suite.server.app, 'owner');
    const current = (await owner.get('/api/v1/admin/settings')).json() as { settings: { orders: Record<string, unknown> }; version: number };
    const saved = await owner.put('/api/v1/admin/settings', {
      version: current.version,
      settings: { ...current.settings, orders: { ...current.settings.orders, reviewEnabled: true, financeEnabled: true, releaseEnabled: true } },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'mall', 'dealer1');

    // 快速订货 from the home page: paste the rows, every one is added.
    await page.getByTestId('home-quick-order').click();
    await page.getByTestId('quick-text').fill(ROWS.join('\n'));
    await page.getByTestId('quick-submit').filter({ hasText: '20 行' }).click();
    await page.getByTestId('row-report-summary').filter({ hasText: '成功 20 行，失败 0 行' }).waitFor();
    await expect(page.getByTestId('report-ok').count()).resolves.toBe(20);
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-quick-order-375.png', fullPage: true });

    // The cart: 20 lines; the soy sauce is below its minimum, so checkout is not possible yet.
    await page.getByTestId('quick-to-cart').click();
    await page.waitForURL(/\/m\/cart$/);
    const lines = page.getByTestId('cart-line');
    await lines.nth(19).waitFor();
    await expect(lines.count()).resolves.toBe(20);
    await expect(page.locator('.dh-tabbar .adm-badge-content').textContent()).resolves.toBe('20');
    const soy = lines.filter({ hasText: 'HT-JBSC-128' });
    await soy.getByTestId('cart-problem-below_minimum').filter({ hasText: '起订量为 6瓶' }).waitFor();
    await page.getByTestId('cart-blocking').filter({ hasText: '1 个商品需要调整后才能结算' }).waitFor();
    await expect(page.getByTestId('cart-checkout').isDisabled()).resolves.toBe(true);
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-cart-blocked-375.png', fullPage: true });

    // One tap on + goes to the first valid quantity (6); the problem is gone and checkout opens.
    await soy.getByTestId('cart-line-qty-plus').click();
    await soy.getByTestId('cart-problem-below_minimum').waitFor({ state: 'detached' });
    await expect(soy.getByTestId('cart-line-qty-input').inputValue()).resolves.toBe('6');
    await expect(soy.getByTestId('cart-line-amount').textContent()).resolves.toBe(yuan(6 * 1463));
    await page.getByTestId('cart-blocking').waitFor({ state: 'detached' });
    await page.locator('[data-testid="cart-checkout"]:not([disabled])').waitFor();
    const cartTotal = await page.getByTestId('cart-total').textContent();
    await page.screenshot({ path: '.tmp/e2e-mall-cart-375.png', fullPage: true });

    // 确认订单: the default address, the total as in the cart; submit once.
    await page.getByTestId('cart-checkout').click();
    await page.waitForURL(/\/m\/checkout$/);
    await page.getByTestId('checkout-address').filter({ hasText: '赵刚' }).waitFor();
    await page.getByTestId('checkout-lines').filter({ hasText: '共 20 种商品' }).waitFor();
    await expect(page.getByTestId('checkout-total').textContent()).resolves.toBe(cartTotal);
    await page.getByTestId('checkout-remark').fill('周五前送到，谢谢');
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-checkout-375.png', fullPage: true });
    await page.getByTestId('checkout-submit').click();

    // The order page: 待订单审核, the number, 20 lines, the remark and the submission in the timeline.
    await page.waitForURL(/\/m\/orders\/[^/]+$/);
    const orderId = page.url().split('/').pop()!;
    await statusText(page).filter({ hasText: '待订单审核' }).waitFor();
    await expect(page.getByTestId('order-no').textContent()).resolves.toMatch(/^DH\d{8}-\d{6}$/);
    await expect(page.getByTestId('order-line').count()).resolves.toBe(20);
    await expect(page.getByTestId('order-remark').textContent()).resolves.toBe('周五前送到，谢谢');
    await expect(page.getByTestId('totals-total').textContent()).resolves.toBe(cartTotal);
    await page.getByTestId('order-event').filter({ hasText: '提交订单' }).filter({ hasText: '赵刚' }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-order-375.png', fullPage: true });
    await expect(page.getByTestId('order-actions').textContent()).resolves.toContain('取消订单');

    // The order clerk approves, then finance: the dealer reloads and sees 待出库审核.
    expect((await approveAs('clerk', orderId)).status).toBe('pending_finance');
    await page.reload();
    await statusText(page).filter({ hasText: '待财务审核' }).waitFor();
    expect((await approveAs('finance', orderId)).status).toBe('pending_release');
    await page.reload();
    await statusText(page).filter({ hasText: '待出库审核' }).waitFor();
    await page.getByTestId('order-event').filter({ hasText: '审核通过' }).filter({ hasText: '刘接单' }).waitFor();
    await page.getByTestId('order-event').filter({ hasText: '审核通过' }).filter({ hasText: '周财务' }).waitFor();
    await page.getByTestId('order-event').filter({ hasText: '待财务审核 → 待出库审核' }).waitFor();

    // Staff change the water from 2 to 5 cases (still before release).
    const clerk = await loginStaff(suite.server.app, 'clerk');
    const before = await readOrder(clerk, orderId);
    const edited = await clerk.put(`/api/v1/admin/orders/${orderId}`, {
      version: before.version,
      lines: before.lines.map((l) => ({ id: l.id, skuUnitId: l.skuUnitId, qty: l.skuCode === 'NFSQ-550' ? 5 : l.qty })),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = edited.json() as AdminOrder;
    expect(after.totalFen).toBeGreaterThan(before.totalFen);

    // The dealer sees the new total and the edit in the timeline: the line, the totals and the difference.
    await page.reload();
    await page.getByTestId('totals-total').filter({ hasText: yuan(after.totalFen) }).waitFor();
    await statusText(page).filter({ hasText: '待出库审核' }).waitFor();
    await expect(page.getByTestId('order-line').filter({ hasText: 'NFSQ-550' }).getByTestId('order-line-qty').textContent()).resolves.toBe('5');
    const edit = page.getByTestId('order-event').filter({ hasText: '修改订单' });
    await edit.waitFor();
    await expect(edit.textContent()).resolves.toContain('供货商：刘接单');
    await expect(edit.getByTestId('event-change').textContent()).resolves.toBe('农夫山泉 饮用天然水 550ml（箱）数量 2 → 5');
    await expect(edit.getByTestId('event-change-total').textContent())
      .resolves.toBe(`合计 ${yuan(before.totalFen)} → ${yuan(after.totalFen)}增加 ${yuan(after.totalFen - before.totalFen)}`);
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-order-edited-375.png', fullPage: true });

    // My orders, tab 待审核: the card shows the status and the new total; the cart was emptied by the order.
    await page.goto(`${suite.server.url}/m/orders?tab=review`);
    const card = page.getByTestId('order-card').filter({ hasText: '待出库审核' });
    await card.waitFor();
    await expect(card.getByTestId('order-total').textContent()).resolves.toBe(yuan(after.totalFen));
    await page.getByTestId('orders-tab-review').filter({ hasText: '1' }).waitFor();
    await expect(page.locator('.dh-tabbar .adm-badge-content').count()).resolves.toBe(0);
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-orders-375.png', fullPage: true });
    await ctx.close();
  });
});
