import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';

const suite = browserSuite();


const WATER = '农夫山泉 饮用天然水 550ml';

async function loginAs(ctx: BrowserContext, login: string): Promise<Page> {
  const page = await ctx.newPage();
  await signIn(page, suite.server.url, 'mall', login);
  return page;
}

/** Nothing on the page is wider than the 375 px phone. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** From the home page: search for the water, open it from the results, choose the 箱 unit; returns the shown prices. */
async function waterCasePrice(page: Page, shots?: string) {
  await page.getByTestId('home-search').click();
  await page.getByTestId('search-input').fill('农夫山泉');
  await page.getByTestId('search-input').press('Enter');
  await page.waitForURL(/\/m\/products\?q=/);
  const item = page.getByTestId('product-item').filter({ hasText: WATER });
  await item.first().waitFor();
  await expectNoOverflow(page);
  if (shots) await page.screenshot({ path: `.tmp/e2e-mall-results-375.png`, fullPage: true });
  await item.first().click();
  await page.getByTestId('product-name').filter({ hasText: WATER }).waitFor();
  await page.getByTestId('unit-箱').click();
  await page.getByTestId('unit-conversion').filter({ hasText: '1箱=24瓶' }).waitFor();
  await expectNoOverflow(page);
  if (shots) await page.screenshot({ path: `.tmp/e2e-mall-product-375.png`, fullPage: true });
  return {
    own: await page.getByTestId('product-price').textContent(),
    list: await page.getByTestId('product-price-list').textContent(),
  };
}

describe('mall catalogue on a 375 px phone', () => {
  it('a 金牌 dealer and a 银牌 retailer each see their own price for a case of water', async () => {
    const dealerCtx = await suite.chrome.context({ mobile: true });
    const dealer = await loginAs(dealerCtx, 'dealer1');
    await dealer.getByTestId('home-category').first().waitFor();
    await dealer.getByTestId('product-item').first().waitFor();
    await expectNoOverflow(dealer);
    await dealer.screenshot({ path: '.tmp/e2e-mall-home-375.png', fullPage: true });
    const dealerPrice = await waterCasePrice(dealer, 'shots');
    expect(dealerPrice).toEqual({ own: '¥37.80', list: '¥42.00' });
    // The demo warehouses hold stock of every demo SKU.
    await dealer.getByTestId('stock-status').filter({ hasText: '有货' }).waitFor();
    // The 金牌 level price (90 %) beats the list quantity break (97 %), so the water shows no break; the oil has
    // no level price, so its carton shows the list break: 10 or more at 97 % of ¥269.00.
    await dealer.goto(`${suite.server.url}/m/search`);
    await dealer.getByTestId('search-input').fill('金龙鱼');
    await dealer.getByTestId('suggestion').filter({ hasText: '调和油' }).first().click();
    await dealer.getByTestId('unit-箱').click();
    await dealer.getByTestId('tier-row').filter({ hasText: '≥10 箱' }).filter({ hasText: '¥260.93' }).waitFor();
    await expect(dealer.getByTestId('product-price').textContent()).resolves.toBe('¥269.00');
    await expect(dealer.getByTestId('unit-conversion').textContent()).resolves.toBe('1箱=4桶');
    await expectNoOverflow(dealer);
    await dealer.screenshot({ path: '.tmp/e2e-mall-product-tiers-375.png' });
    await dealerCtx.close();

    const retailerCtx = await suite.chrome.context({ mobile: true });
    const retailer = await loginAs(retailerCtx, 'retailer1');
    const retailerPrice = await waterCasePrice(retailer);
    expect(retailerPrice).toEqual({ own: '¥39.90', list: '¥42.00' });
    await retailerCtx.close();
  });

  it('pinyin initials find 华为手机; categories and the comparison fit the phone', async () => {
    const ctx = await suite.chrome.context({ mobile: true });
    const page = await loginAs(ctx, 'dealer1');

    await page.goto(`${suite.server.url}/m/search`);
    await page.getByTestId('search-input').fill('hwsj');
    const phone = page.getByTestId('suggestion').filter({ hasText: '华为手机 Mate60 Pro' });
    await phone.waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-search-375.png' });

    // Its product page goes into the comparison, together with the water.
    await phone.click();
    await page.getByTestId('product-name').filter({ hasText: '华为手机 Mate60 Pro' }).waitFor();
    await page.getByTestId('params').filter({ hasText: '麒麟 9000S' }).waitFor();
    // Picking 512G selects the SKU with those spec values; the favourite toggle saves on the suite.server.
    await page.getByTestId('spec-value').filter({ hasText: '512G' }).click();
    await page.getByText('HW-M60P-BK-512').waitFor();
    await page.getByTestId('favourite-toggle').click();
    await page.locator('[data-testid="favourite-toggle"][data-favourite="yes"]').waitFor();
    const favs = await page.evaluate(async () => (await fetch('/api/v1/mall/favourites')).json());
    expect(favs.items.map((i: { name: string }) => i.name)).toContain('华为手机 Mate60 Pro');
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-product-specs-375.png', fullPage: true });
    await page.getByTestId('compare-toggle').click();
    await page.goto(`${suite.server.url}/m/search`);
    await page.getByTestId('search-input').fill('nfsq');
    await page.getByTestId('suggestion').filter({ hasText: WATER }).click();
    await page.getByTestId('product-name').filter({ hasText: WATER }).waitFor();
    await page.getByTestId('compare-toggle').click();
    await page.getByTestId('to-compare').click();
    await page.getByTestId('compare-col').nth(1).waitFor();
    await page.locator('.adm-toast-mask').waitFor({ state: 'detached' });
    await expect(page.getByTestId('compare-name').allTextContents()).resolves.toEqual(['华为手机 Mate60 Pro', WATER]);
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-compare-375.png', fullPage: true });

    await page.goto(`${suite.server.url}/m/`);
    await page.getByTestId('tab-categories').click();
    await page.getByTestId('category-sub').first().waitFor();
    await expectNoOverflow(page);
    await page.screenshot({ path: '.tmp/e2e-mall-categories-375.png', fullPage: true });
    await page.getByTestId('category-sub').first().click();
    await page.waitForURL(/categoryId=/);
    await page.getByTestId('product-item').first().waitFor();
    await expectNoOverflow(page);

    // Brand filter from the facets, and a price range in 元.
    await page.goto(`${suite.server.url}/m/products`);
    await page.getByTestId('product-item').nth(2).waitFor();
    await page.getByTestId('open-filter').click();
    await page.getByTestId('filter-brand').filter({ hasText: '华为' }).click();
    await page.getByTestId('filter-min').fill('1000'); // ¥1,000 keeps the phone, not the ¥449 earphones
    await page.screenshot({ path: '.tmp/e2e-mall-filter-375.png' });
    await page.getByTestId('filter-apply').click();
    await page.waitForURL(/brandId=.*minPriceFen=100000/);
    await page.getByTestId('results').filter({ hasText: '华为手机 Mate60 Pro' }).waitFor();
    await expect(page.getByTestId('product-name').allTextContents()).resolves.toEqual(['华为手机 Mate60 Pro']);
    await ctx.close();
  });

  it('a guest browses without logging in and is asked to log in for favourites', async () => {
    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await page.goto(`${suite.server.url}/m/`);
    await page.getByTestId('home-login').waitFor();
    await page.getByTestId('product-item').filter({ hasText: WATER }).click();
    await page.getByTestId('product-name').filter({ hasText: WATER }).waitFor();
    await page.getByTestId('favourite-toggle').click();
    await page.getByText('登录后才能收藏商品').waitFor();
    await page.getByText('登录', { exact: true }).last().click();
    await page.waitForURL(/\/m\/login\?next=/);
    await ctx.close();
  });
});
