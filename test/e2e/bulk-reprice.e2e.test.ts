import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from '../support/browser-suite.js';

const suite = browserSuite();


const fill = (page: Page, testId: string, value: string) => page.getByTestId(testId).fill(value);

/** A GET of the console API in the logged-in page (the session cookie goes along). */
const get = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => {
    const res = await fetch(`/api/v1${p}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return res.json();
  }, path) as Promise<T>;

interface Unit { id: string; name: string; conversion: number }
interface Product { id: string; skus: { code: string; costPriceFen: number; units: Unit[] }[] }

describe('bulk repricing in the console', () => {
  it('sets 金牌 = 成本价 × 150% on the category 饮料 (with its subcategories), per unit by conversion', async () => {
    const desk = await suite.chrome.context();
    const page = await desk.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${suite.server.url}/admin/login`);
    await fill(page, 'login-input', 'admin');
    await fill(page, 'password-input', 'dinghuo123');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('menu-reprice').click();

    // The form: level, base, percentage, a category.
    await page.getByTestId('reprice-level').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^金牌$/ }).click();
    await page.getByTestId('reprice-base-cost').click();
    await fill(page, 'reprice-percent', '150');
    await page.getByTestId('reprice-scope-category').click();
    await page.getByTestId('reprice-category').click();
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: /^饮料$/ }).click();
    if (process.env.REPRICE_SCREENSHOT) await page.screenshot({ path: process.env.REPRICE_SCREENSHOT, fullPage: true });
    await page.getByTestId('reprice-submit').click();

    // The confirmation states the formula in words.
    const confirmText = page.getByTestId('reprice-confirm-text');
    await confirmText.waitFor();
    await expect(confirmText.textContent()).resolves.toContain('金牌 的价格将设为 成本价 × 150%');
    await page.getByTestId('reprice-confirm').click();

    // The result counts the sell units repriced.
    await page.getByTestId('reprice-result').waitFor();
    const affected = Number(await page.getByTestId('reprice-affected').textContent());
    expect(affected).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('reprice-result').textContent()).resolves.toBe(`已调价 ${affected} 个销售单位`);

    // Through the API: 农夫山泉 550ml costs 80 fen per 瓶 → 瓶 120, 箱 (24 瓶) 2880.
    const levels = await get<{ items: { id: string; name: string }[] } | { id: string; name: string }[]>(page, '/admin/customer-levels');
    const gold = (Array.isArray(levels) ? levels : levels.items).find((l) => l.name === '金牌');
    expect(gold).toBeDefined();
    const found = await get<{ items: { id: string }[] }>(page, '/admin/products?q=NFSQ-550');
    expect(found.items).toHaveLength(1);
    const product = await get<Product>(page, `/admin/products/${found.items[0]!.id}`);
    const sku = product.skus.find((s) => s.code === 'NFSQ-550')!;
    expect(sku.costPriceFen).toBe(80);
    const goldPrice = async (unitName: string) => {
      const unit = sku.units.find((u) => u.name === unitName)!;
      const prices = await get<{ levelPrices: { levelId: string; mode: string; value: number }[] }>(page, `/admin/sku-units/${unit.id}/prices`);
      return prices.levelPrices.find((l) => l.levelId === gold!.id);
    };
    await expect(goldPrice('瓶')).resolves.toMatchObject({ mode: 'price', value: 120 });
    await expect(goldPrice('箱')).resolves.toMatchObject({ mode: 'price', value: 2880 });
    await desk.close();
  });
});
