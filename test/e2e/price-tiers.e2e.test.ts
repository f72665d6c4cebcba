import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { loginMember } from '../support/http-client.js';

const suite = browserSuite();

/** A GET of the console API in the logged-in page (the session cookie goes along). */
const get = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => {
    const res = await fetch(`/api/v1${p}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return res.json();
  }, path) as Promise<T>;

interface Tier { minQty: number; priceFen: number }
interface AdminProduct { id: string; skus: { code: string; units: { id: string; name: string }[] }[] }
interface UnitPrices { levelPrices: { levelId: string; mode: string; value: number; tiers: Tier[] }[]; customerPrices: { customerId: string; priceFen: number; tiers: Tier[] }[] }
interface MallProduct {
  skus: { code: string; units: { id: string; name: string; price: { priceFen: number; source: string } | null; tiers: Tier[] }[] }[];
}

const productByCode = async (page: Page, code: string) => {
  const found = await get<{ items: { id: string }[] }>(page, `/admin/products?q=${encodeURIComponent(code)}`);
  expect(found.items).toHaveLength(1);
  return get<AdminProduct>(page, `/admin/products/${found.items[0]!.id}`);
};

/** The antd error text under one form cell. */
const cellError = (cell: Locator) =>
  cell.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-form-item ")][1]').locator('.ant-form-item-explain-error');

describe('quantity breaks (阶梯价) on level and customer prices in the console', () => {
  it('staff adds 金牌 tiers (the server rejects a rising tier on its row) and sets a customer price with a tier; dealer1 sees both in the mall', async () => {
    const desk = await suite.chrome.context();
    const page = await desk.newPage();
    await signIn(page, suite.server.url, 'console', 'admin');

    // 1. Level price tiers: 康师傅 冰红茶 500ml, 瓶 — 金牌 is 90 % of ¥3.00.
    const tea = await productByCode(page, 'KSF-BHC-500');
    const teaBottle = tea.skus[0]!.units.find((u) => u.name === '瓶')!;
    await page.goto(`${suite.server.url}/admin/products/${tea.id}`);
    await page.getByTestId('unit-prices-0-0').click();
    await page.getByTestId('price-drawer-title').filter({ hasText: 'KSF-BHC-500' }).waitFor();
    const gold = page.locator('[data-testid="level-price-row"][data-level="金牌"]');
    await expect(gold.getByTestId('level-value').inputValue()).resolves.toBe('90');
    await gold.getByTestId('level-tiers-add').click();
    await gold.getByTestId('level-tiers-add').click();
    const tier = (n: number) => gold.getByTestId('level-tiers-row').nth(n);
    await tier(0).getByTestId('level-tiers-min').fill('10');
    await tier(0).getByTestId('level-tiers-price').fill('2.50');
    await tier(1).getByTestId('level-tiers-min').fill('20');
    await tier(1).getByTestId('level-tiers-price').fill('2.60');
    await page.getByTestId('prices-save').click();

    // The server's 400 (prices must not rise with quantity) lands on the second row's price, not as a toast.
    const rising = cellError(tier(1).getByTestId('level-tiers-price'));
    await rising.waitFor().catch(async (err) => {
      await page.screenshot({ path: '.tmp/e2e-price-tiers-debug.png', fullPage: true });
      throw err;
    });
    await expect(rising.textContent()).resolves.toContain('不能高于数量更少的一档');
    await expect(cellError(tier(0).getByTestId('level-tiers-price')).count()).resolves.toBe(0);
    if (process.env.TIERS_SCREENSHOT) await page.screenshot({ path: `${process.env.TIERS_SCREENSHOT}-drawer.png`, fullPage: true });

    await tier(1).getByTestId('level-tiers-price').fill('2.40');
    await page.getByTestId('prices-save').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已保存' }).waitFor();
    const levels = await get<{ id: string; name: string }[] | { items: { id: string; name: string }[] }>(page, '/admin/customer-levels');
    const goldId = (Array.isArray(levels) ? levels : levels.items).find((l) => l.name === '金牌')!.id;
    const teaPrices = await get<UnitPrices>(page, `/admin/sku-units/${teaBottle.id}/prices`);
    expect(teaPrices.levelPrices.find((l) => l.levelId === goldId)).toMatchObject({
      mode: 'percent', value: 9000, tiers: [{ minQty: 10, priceFen: 250 }, { minQty: 20, priceFen: 240 }],
    });

    // 2. 一客一价 with a tier from dealer1's company page: 农夫山泉 550ml, 瓶 (金牌 90 % of ¥2.00 = ¥1.80 before).
    const found = await get<{ items: { id: string; name: string }[] }>(page, `/admin/customers?q=${encodeURIComponent('鼎盛')}`);
    const company = found.items.find((c) => c.name === '上海鼎盛贸易有限公司')!;
    await page.goto(`${suite.server.url}/admin/customers/${company.id}`);
    await page.getByTestId('customer-title').waitFor();
    await page.getByTestId('tab-prices').click();
    await page.getByTestId('cp-sku').fill('NFSQ-550');
    await page.locator('.ant-select-dropdown:visible [data-testid="sku-option"][data-sku="NFSQ-550"]').click();
    const bottle = page.locator('[data-testid="cp-row"][data-sku="NFSQ-550"][data-unit="瓶"]');
    await bottle.getByTestId('cp-current').filter({ hasText: '¥1.80' }).waitFor();
    await bottle.getByTestId('cp-own').filter({ hasText: '未设置' }).waitFor();
    await bottle.getByTestId('cp-edit').click();
    await page.getByTestId('cp-price').fill('1.66');
    await page.getByTestId('cp-tiers-edit-add').click();
    await page.getByTestId('cp-tiers-edit-min').fill('48');
    await page.getByTestId('cp-tiers-edit-price').fill('1.55');
    await page.getByTestId('modal-save').click();
    await bottle.getByTestId('cp-own').filter({ hasText: '¥1.66' }).waitFor();
    await expect(bottle.getByTestId('cp-tiers').textContent()).resolves.toBe('≥48 ¥1.55');
    await bottle.getByTestId('cp-current').filter({ hasText: '¥1.66' }).waitFor();
    if (process.env.TIERS_SCREENSHOT) await page.screenshot({ path: `${process.env.TIERS_SCREENSHOT}-customer.png`, fullPage: true });
    const water = await productByCode(page, 'NFSQ-550');
    await desk.close();

    // 3. The mall product page API, as dealer1 (金牌, of that company) over HTTP.
    const dealer = await loginMember(suite.server.app, 'dealer1', undefined, 'demo');
    const mallUnit = async (productId: string, code: string, unit: string) => {
      const res = await dealer.get(`/api/v1/mall/products/${productId}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as MallProduct).skus.find((s) => s.code === code)!.units.find((u) => u.name === unit)!;
    };
    const waterBottle = await mallUnit(water.id, 'NFSQ-550', '瓶');
    expect(waterBottle.price).toMatchObject({ priceFen: 166, source: 'customer' });
    expect(waterBottle.tiers).toEqual([{ minQty: 48, priceFen: 155 }]);
    const teaMall = await mallUnit(tea.id, 'KSF-BHC-500', '瓶');
    expect(teaMall.price).toMatchObject({ priceFen: 270, source: 'level' });
    expect(teaMall.tiers).toEqual([{ minQty: 10, priceFen: 250 }, { minQty: 20, priceFen: 240 }]);
  }, 120_000);
});
