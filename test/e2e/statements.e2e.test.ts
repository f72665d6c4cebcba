/**
 * 对账单 in the browser (issue 6 acceptance: "the customer downloads a statement that matches the ledger"): a dealer
 * with a recharge and paid orders opens 对账单 on a 375 px phone, sees opening, lines and closing, downloads the
 * xlsx, and the file agrees with the finance ledger. Then finance sees the same customer in the console's 应收账款,
 * 对账单 and records and voids an expense in 收支记录.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cstDay } from '../../src/modules/finance/domain/periods.js';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { customerIdOf, expectNoOverflow, placeOrder, yuan } from '../support/e2e-orders.js';
import { readStatementXlsx } from '../support/finance-world.js';
import { loginMember, loginStaff } from '../support/http-client.js';

const suite = browserSuite();
const RECHARGE = 5_000;

describe('statements of account', () => {
  let dealerId = '';
  const orderNos: string[] = [];

  it('a dealer downloads this month\'s statement on a 375 px phone and it matches the ledger', async () => {
    const app = suite.server.app;
    const finance = await loginStaff(app, 'finance');
    const dealer = await loginMember(app, 'dealer1');
    dealerId = await customerIdOf(dealer);
    const recharge = await finance.request('POST', `/api/v1/admin/customers/${dealerId}/account/recharges`, { amountFen: RECHARGE, reference: '对账测试充值' }, { 'idempotency-key': randomUUID() });
    expect(recharge.statusCode, recharge.body).toBe(201);
    const paidFromBalance = await placeOrder(app, 'dealer1', 5, { name: '对账测试矿泉水', codePrefix: 'STMT-E2E' });
    const byBalance = await dealer.request('POST', `/api/v1/mall/orders/${paidFromBalance.id}/payments`, { method: 'balance' }, { 'idempotency-key': randomUUID() });
    expect(byBalance.statusCode, byBalance.body).toBe(201);
    const paidByTransfer = await placeOrder(app, 'dealer1', 3, { name: '对账测试矿泉水', codePrefix: 'STMT-E2E' });
    const received = await finance.request('POST', `/api/v1/admin/orders/${paidByTransfer.id}/payments`, { method: 'bank_transfer', amountFen: paidByTransfer.totalFen, reference: '招行流水' }, { 'idempotency-key': randomUUID() });
    expect(received.statusCode, received.body).toBe(201);
    const unpaid = await placeOrder(app, 'dealer1', 2, { name: '对账测试矿泉水', codePrefix: 'STMT-E2E' });
    orderNos.push(paidFromBalance.orderNo, paidByTransfer.orderNo, unpaid.orderNo);

    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'mall', 'dealer1');
    await page.goto(`${suite.server.url}/m/me/finance`);
    await page.getByTestId('to-statements').click();
    await page.getByTestId('statement-summary').waitFor();
    const month = cstDay(new Date()).slice(0, 7);
    await expect(page.getByTestId(`statement-month-${month}`).getAttribute('class')).resolves.toBe('on');
    const account = (await dealer.get('/api/v1/mall/finance/account')).json() as { balanceFen: number };
    expect(account.balanceFen).toBe(RECHARGE - paidFromBalance.totalFen);
    await expect(page.getByTestId('statement-closing-balance').textContent()).resolves.toBe(yuan(account.balanceFen));
    await expect(page.getByTestId('statement-closing-ordersDue').textContent()).resolves.toBe(yuan(unpaid.totalFen));
    await page.locator('[data-testid="statement-line"][data-kind="recharge"]').filter({ hasText: yuan(RECHARGE) }).waitFor();
    await page.locator('[data-testid="statement-line"][data-kind="balance_payment"]').filter({ hasText: paidFromBalance.orderNo }).waitFor();
    await page.locator('[data-testid="statement-line"][data-kind="receipt"]').filter({ hasText: paidByTransfer.orderNo }).waitFor();
    for (const no of orderNos) await page.getByTestId('statement-order').filter({ hasText: no }).waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-statement-375.png', fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^对账单_.+\.xlsx$/);
    const file = await readStatementXlsx(await readFile((await download.path())!));
    // The file against the ledger itself: closing = the sums of the customer's movements, opening = those before the month.
    const sums = async (before?: string) => {
      const res = (await suite.server.database.owner.execute(sql`select coalesce(sum(balance_delta_fen), 0) as b, coalesce(sum(credit_delta_fen), 0) as c
        from money_movements where customer_id = ${dealerId} ${before ? sql`and created_at < ${before}::timestamptz` : sql``}`)) as unknown as { rows: { b: string; c: string }[] };
      return { balanceFen: Number(res.rows[0].b), creditUsedFen: Number(res.rows[0].c) };
    };
    expect(file.closing).toMatchObject(await sums());
    expect(file.opening).toMatchObject(await sums(`${month}-01T00:00:00+08:00`));
    expect(file.closing.ordersDueFen).toBe(unpaid.totalFen);
    const [moves] = ((await suite.server.database.owner.execute(sql`select count(*) as n from money_movements where customer_id = ${dealerId}
      and created_at >= ${`${month}-01T00:00:00+08:00`}::timestamptz`)) as unknown as { rows: { n: string }[] }).rows;
    expect(file.lines.filter((l) => !['订单', '订单修改', '订单关闭'].includes(String(l.kindName)))).toHaveLength(Number(moves.n));
    const last = file.lines.at(-1)!;
    expect([last.balanceFen, last.creditUsedFen, last.ordersDueFen, last.receivableFen]).toEqual([file.closing.balanceFen, file.closing.creditUsedFen, file.closing.ordersDueFen, file.closing.receivableFen]);
    expect(file.orders.map((o) => o[0])).toEqual(expect.arrayContaining(orderNos));
    await ctx.close();
  });

  it('finance sees the customer in 应收账款 and 对账单, and records and voids an expense in 收支记录', async () => {
    const ctx = await suite.chrome.context();
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'console', 'finance');
    await page.getByTestId('menu-receivables').click();
    await page.locator('[data-testid="aging-row"][data-customer="上海鼎盛贸易有限公司"]').waitFor();
    await page.getByTestId('aging-chart').locator('rect').first().waitFor();
    await page.getByTestId('aging-bucket-totals').waitFor();
    await page.screenshot({ path: '.tmp/e2e-receivables.png', fullPage: true });

    await page.locator('[data-testid="aging-row"][data-customer="上海鼎盛贸易有限公司"]').getByRole('link', { name: '对账单' }).click();
    await page.getByTestId('statement').waitFor();
    await page.locator('[data-testid="statement-line"][data-kind="recharge"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-download').click()]);
    const file = await readStatementXlsx(await readFile((await download.path())!));
    const json = (await (await loginStaff(suite.server.app, 'finance')).get(`/api/v1/admin/finance/statements?customerId=${dealerId}&from=${cstDay(new Date()).slice(0, 7)}-01&to=${cstDay(new Date())}`)).json();
    expect(file.closing).toEqual(json.closing);
    await page.screenshot({ path: '.tmp/e2e-statement-console.png', fullPage: true });

    await page.getByTestId('menu-financeRecords').click();
    await page.getByTestId('records-chart').waitFor();
    await page.getByTestId('records-add').click();
    await page.getByTestId('record-category').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '运费' }).click();
    await page.getByTestId('record-amount').fill('128.50');
    await page.getByTestId('record-counterparty').fill('顺丰速运');
    await page.getByTestId('modal-save').click();
    await page.locator('.ant-message').filter({ hasText: '已登记' }).waitFor();
    const row = page.getByTestId('record-row').filter({ hasText: '顺丰速运' });
    await expect(row.getByTestId('record-amount').textContent()).resolves.toBe(`−${yuan(12_850)}`);
    await row.getByTestId('record-void').click();
    await page.getByTestId('void-reason').fill('登记错误');
    await page.getByTestId('void-confirm').click();
    await page.locator('.ant-message').filter({ hasText: '已作废' }).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.screenshot({ path: '.tmp/e2e-finance-records.png', fullPage: true });
    await ctx.close();
  });
});
