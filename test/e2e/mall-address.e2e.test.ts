import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite.js';

const suite = browserSuite();


describe('mall on a 375 px phone', () => {
  it('a dealer logs in and adds a delivery address that becomes the default', async () => {
    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await page.goto(`${suite.server.url}/m/login`);
    await page.getByTestId('login-input').fill('dealer1');
    await page.getByTestId('password-input').fill('dinghuo123');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-company').filter({ hasText: '上海鼎盛贸易有限公司' }).waitFor();

    // The page fits the phone: nothing wider than the viewport.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.goto(`${suite.server.url}/m/me/addresses`);
    await page.getByTestId('address-item').first().waitFor();
    await expect(page.getByTestId('address-item').count()).resolves.toBe(1);
    await page.getByTestId('address-add').click();
    await page.getByTestId('address-receiver').fill('赵刚');
    await page.getByTestId('address-phone').fill('13800000001');
    await page.getByTestId('address-region').click();
    await page.getByText('华东', { exact: true }).last().click();
    await page.getByText('上海市', { exact: true }).last().click();
    await page.getByText('确定', { exact: true }).last().click();
    await page.getByTestId('address-detail').fill('浦东新区 世纪大道 100 号 5 楼');
    await page.getByTestId('address-default').click();
    await page.getByTestId('address-save').click();

    await page.waitForURL(/\/m\/me\/addresses$/);
    const items = page.getByTestId('address-item');
    await items.nth(1).waitFor();
    await expect(items.count()).resolves.toBe(2);
    const fresh = items.filter({ hasText: '世纪大道 100 号' });
    await expect(fresh.getByTestId('address-default-tag').count()).resolves.toBe(1);
    await expect(page.getByTestId('address-default-tag').count()).resolves.toBe(1);

    // And the server agrees.
    const saved = await page.evaluate(async () => (await fetch('/api/v1/mall/addresses')).json());
    expect(saved.items.find((a: { detail: string }) => a.detail.includes('世纪大道'))).toMatchObject({ isDefault: true, regionText: expect.stringContaining('上海') });
    await page.screenshot({ path: '.tmp/e2e-mall-addresses-375.png', fullPage: true });
    await ctx.close();
  });
});
