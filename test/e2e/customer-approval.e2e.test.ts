import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser-suite.js';

const suite = browserSuite();


const fill = (page: Page, testId: string, value: string) => page.getByTestId(testId).fill(value);

describe('registration and approval in the browser', () => {
  it('a store registers on a phone, staff approve it in the console, then the store logs in', async () => {
    // 1. The store registers from the mall on a 375 px phone.
    const phone = await suite.chrome.context({ mobile: true });
    const mall = await phone.newPage();
    await mall.goto(`${suite.server.url}/m/register`);
    await fill(mall, 'register-company', '南京鼓楼便利店');
    await mall.getByText('零售商 / 门店').or(mall.getByText('零售商')).first().click();
    await fill(mall, 'register-contact', '周敏');
    await fill(mall, 'register-phone', '13912345678');
    await fill(mall, 'register-username', 'gulou');
    await fill(mall, 'register-password', 'gulou2026');
    await mall.getByTestId('register-submit').click();
    await mall.getByTestId('register-pending').waitFor();

    // Not yet approved: login is refused with a clear message.
    await mall.goto(`${suite.server.url}/m/login`);
    await fill(mall, 'login-input', 'gulou');
    await fill(mall, 'password-input', 'gulou2026');
    await mall.getByTestId('login-submit').click();
    await expect(mall.getByTestId('login-error').textContent()).resolves.toMatch(/审核/);

    // 2. The admin approves it in the console.
    const desk = await suite.chrome.context();
    const console_ = await desk.newPage();
    await console_.goto(`${suite.server.url}/admin/login`);
    await fill(console_, 'login-input', 'admin');
    await fill(console_, 'password-input', 'dinghuo123');
    await console_.getByTestId('login-submit').click();
    await console_.getByTestId('menu-customers').click();
    await console_.getByTestId('customer-tab-pending').click();
    const row = console_.getByTestId('customer-row').filter({ hasText: '南京鼓楼便利店' });
    await row.waitFor();
    await row.getByRole('link').or(row.getByText('南京鼓楼便利店')).first().click();
    await console_.getByTestId('customer-approve').click();
    await console_.getByTestId('customer-approve-confirm').click();
    await console_.getByTestId('customer-status').filter({ hasText: '正常' }).waitFor();

    // 3. Now the store logs in on the phone and sees its company.
    await mall.getByTestId('login-submit').click();
    await mall.waitForURL(/\/m\/?$/);
    await mall.getByTestId('home-company').filter({ hasText: '南京鼓楼便利店' }).waitFor();
    await desk.close();
    await phone.close();
  });
});
