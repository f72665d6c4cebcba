import { randomUUID } from 'node:crypto';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { loginMember, loginStaff } from '../support/http-client.js';

/** The app with the simulated Kuaidi100: 电子面单 numbers, and signed tracking pushed by `server.sim.advance`. */
const suite = browserSuite({ carrier: true });

/** A released order (待发货确认) whose stock is split over 上海总仓 SH01 and 广州仓 GZ01. */
export interface SplitOrder {
  id: string;
  orderNo: string;
  skuCode: string;
  productName: string;
}

/** A parcel shipped in the console. */
export interface Parcel {
  shipmentId: string;
  shipmentNo: string;
  trackingNo: string;
}

/**
 * A new product with 3 瓶 in SH01 and 5 瓶 in GZ01; dealer1 orders 6 in the mall (over HTTP) and the owner approves
 * every review step, so 3 are reserved in each warehouse. Exported for later steps (the customer's order page).
 */
export async function placeSplitOrder(server: typeof suite.server): Promise<SplitOrder> {
  const owner = await loginStaff(server.app, 'owner');
  const dealer = await loginMember(server.app, 'dealer1');
  const warehouses = (await owner.get('/api/v1/admin/warehouses')).json().items as { id: string; code: string }[];
  const skuCode = `FH-E2E-${randomUUID().slice(0, 6).toUpperCase()}`;
  const productName = '分仓发货测试矿泉水';
  const created = await owner.post('/api/v1/admin/products', {
    name: productName, onShelf: true, skus: [{ code: skuCode, baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 200 }] }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const sku = created.json().skus[0] as { id: string; units: { id: string }[] };
  for (const [code, delta] of [['SH01', 3], ['GZ01', 5]] as const) {
    const warehouseId = warehouses.find((w) => w.code === code)!.id;
    const res = await owner.post('/api/v1/admin/stock/adjustments', { warehouseId, skuId: sku.id, delta, kind: 'inbound', reason: '分仓发货测试入库' });
    expect(res.statusCode, res.body).toBe(201);
  }
  await dealer.delete('/api/v1/mall/cart');
  const added = await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: sku.units[0].id, qty: 6 });
  expect(added.statusCode, added.body).toBe(200);
  const addressId = ((await dealer.get('/api/v1/mall/addresses')).json().items as { id: string }[])[0].id;
  const preview = await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`);
  expect(preview.statusCode, preview.body).toBe(200);
  const total = preview.json().cart.totals.totalFen as number;
  const placed = await dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': randomUUID() });
  expect(placed.statusCode, placed.body).toBe(201);
  let order = placed.json() as { id: string; orderNo: string; status: string; version: number };
  for (let step = 0; order.status !== 'pending_shipment'; step++) {
    expect(step, `stuck at ${order.status}`).toBeLessThan(5);
    const res = await owner.post(`/api/v1/admin/orders/${order.id}/approve`, { version: order.version });
    expect(res.statusCode, res.body).toBe(200);
    order = res.json();
  }
  return { id: order.id, orderNo: order.orderNo, skuCode, productName };
}

async function consoleAs(username: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await suite.chrome.context();
  const page = await ctx.newPage();
  await signIn(page, suite.server.url, 'console', username);
  return { ctx, page };
}

const toast = (page: Page, text: string | RegExp) => page.locator('.ant-message-notice').filter({ hasText: text }).last().waitFor();

/** Picks an option of the open select, then waits for its dropdown to close. */
async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${text}$`) }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
}

const queueRows = (page: Page, orderNo: string) => page.locator(`[data-testid="queue-row"][data-order-no="${orderNo}"]`);
const shipmentStatus = (page: Page, text: string) => page.getByTestId('shipment-header').getByTestId('shipment-status').filter({ hasText: new RegExp(`^${text}$`) });
const texts = async (l: Locator) => (await l.allTextContents()).map((s) => s.trim());

/** On a shipment page: 发货 with a carrier, and either a typed tracking number or 电子面单取号 (expecting 已发货 unless told). */
async function ship(page: Page, carrier: string, how: { trackingNo: string } | { waybill: true }, expectShipped = true) {
  await page.getByTestId('shipment-ship').click();
  await page.getByTestId('ship-carrier').click();
  await pickOption(page, carrier);
  if ('waybill' in how) {
    await page.getByTestId('ship-waybill').click();
    await page.getByTestId('ship-tracking').waitFor({ state: 'detached' });
  } else {
    await page.getByTestId('ship-tracking').fill(how.trackingNo);
  }
  await page.getByTestId('modal-save').click();
  await page.getByTestId('modal-save').waitFor({ state: 'detached' });
  if (expectShipped) await shipmentStatus(page, '已发货').waitFor();
}

async function parcelOnPage(page: Page): Promise<Parcel> {
  return {
    shipmentId: /\/shipments\/([^/?#]+)/.exec(page.url())![1],
    shipmentNo: ((await page.getByTestId('shipment-title').textContent()) ?? '').trim(),
    trackingNo: ((await page.getByTestId('shipment-tracking-no').textContent()) ?? '').trim(),
  };
}

describe('发货 in the console', () => {
  /** Shared with any later step of this file (e.g. the customer's view of the same order and parcels). */
  let order: SplitOrder;
  const parcels: { sh?: Parcel; gz?: Parcel } = {};

  it('the warehouse keeper ships a split order from 上海总仓 (typed number) and 广州仓 (电子面单), and sees the tracking arrive', async () => {
    order = await placeSplitOrder(suite.server);
    const sim = suite.server.sim!;
    const { ctx, page } = await consoleAs('warehouse');

    // 发货管理 › 待发货, 全部仓库: the order waits in both warehouses, 3 瓶 each.
    await page.getByTestId('menu-fulfilment').click();
    await page.getByTestId('fulfilment-tab-queue').waitFor();
    await queueRows(page, order.orderNo).nth(1).waitFor();
    expect((await texts(queueRows(page, order.orderNo).getByTestId('queue-warehouse'))).sort()).toEqual(['上海总仓', '广州仓'].sort());
    // Each warehouse on its own: the order once, with the 3 瓶 held there.
    for (const [code, name, other] of [['GZ01', '广州仓', '上海总仓'], ['SH01', '上海总仓', '广州仓']] as const) {
      await page.getByTestId(`fulfilment-warehouse-${code}`).click();
      await queueRows(page, order.orderNo).and(page.locator(`[data-warehouse="${other}"]`)).waitFor({ state: 'detached' });
      await queueRows(page, order.orderNo).and(page.locator(`[data-warehouse="${name}"]`)).waitFor();
      await expect(queueRows(page, order.orderNo).count()).resolves.toBe(1);
      await expect(queueRows(page, order.orderNo).getByTestId('queue-line-qty').textContent()).resolves.toBe('3');
    }
    const shRow = queueRows(page, order.orderNo);
    await expect(shRow.textContent()).resolves.toContain(order.skuCode);
    await page.screenshot({ path: '.tmp/e2e-fulfilment-queue.png', fullPage: true });

    // 上海总仓: 创建发货单 asks for 4 (only 3 here) → the line says so; with 3 it is created (拣货中).
    await shRow.getByTestId('queue-create').click();
    const qty = page.getByTestId('create-line-qty');
    await expect(qty.inputValue()).resolves.toBe('3');
    await qty.fill('4');
    await page.getByTestId('create-submit').click();
    await page.getByTestId('create-line-error').filter({ hasText: '本仓库存不足，最多 3' }).waitFor();
    await page.screenshot({ path: '.tmp/e2e-fulfilment-create.png' });
    await qty.fill('3');
    await page.getByTestId('create-submit').click();
    await toast(page, /已创建发货单 FH\d{6}/);
    await page.waitForURL(/\/admin\/shipments\//);
    await shipmentStatus(page, '拣货中').waitFor();
    await expect(page.getByTestId('shipment-warehouse').textContent()).resolves.toBe('上海总仓');
    const line = page.locator(`[data-testid="shipment-line"][data-sku="${order.skuCode}"]`);
    await expect(line.getByTestId('shipment-line-qty').textContent()).resolves.toBe('3 瓶');
    await expect(page.getByTestId('shipment-order').textContent()).resolves.toBe(order.orderNo);

    // 打包: 2 parcels, 1.5 kg; then 发货 with 顺丰速运 and a typed number.
    await page.getByTestId('shipment-pack').click();
    await page.getByTestId('pack-packages').fill('2');
    await page.getByTestId('pack-weight').fill('1.5');
    await page.getByTestId('modal-save').click();
    await shipmentStatus(page, '已打包').waitFor();
    await expect(page.getByTestId('shipment-weight').textContent()).resolves.toBe('1.5 kg');
    await expect(page.getByTestId('shipment-packages').textContent()).resolves.toBe('2');
    await ship(page, '顺丰速运', { trackingNo: 'SF1234567890' });
    parcels.sh = await parcelOnPage(page);
    expect(parcels.sh.shipmentNo).toMatch(/^FH\d{6}$/);
    expect(parcels.sh.trackingNo).toBe('SF1234567890');
    await expect(page.getByTestId('shipment-carrier').textContent()).resolves.toBe('顺丰速运');
    await page.getByTestId('tracking-empty').filter({ hasText: '暂无物流信息' }).waitFor();
    await page.screenshot({ path: '.tmp/e2e-fulfilment-shipped.png' });

    // 广州仓: 批量创建 from the queue, 合并拣货单 from 拣货中 (a print tab), then 发货 with 电子面单取号.
    await page.goto(`${suite.server.url}/admin/fulfilment?warehouseId=${encodeURIComponent(await warehouseId('GZ01'))}`);
    const gzRow = queueRows(page, order.orderNo);
    await gzRow.waitFor();
    await gzRow.locator('.ant-checkbox-input').check();
    await page.getByTestId('bulk-create').click();
    await page.getByTestId('bulk-create-confirm').click();
    await toast(page, '批量创建：成功 1 张，失败 0 张');
    await gzRow.waitFor({ state: 'detached' });
    await page.getByTestId('fulfilment-tab-picking').click();
    const picking = page.locator(`[data-testid="shipment-row"][data-order-no="${order.orderNo}"]`);
    await picking.waitFor();
    await picking.locator('.ant-checkbox-input').check();
    const [printTab] = await Promise.all([ctx.waitForEvent('page'), page.getByTestId('pick-list-create').click()]);
    await printTab.waitForURL(/\/api\/v1\/admin\/pick-lists\/[^/]+\/print$/);
    await expect(printTab.locator('body').textContent()).resolves.toContain(order.skuCode);
    await expect(printTab.title()).resolves.toMatch(/^拣货单 JH\d{6}$/);
    await printTab.close();
    await toast(page, /已生成拣货单 JH\d{6}/);
    await picking.getByTestId('shipment-row-no').click();
    await shipmentStatus(page, '拣货中').waitFor();
    await expect(page.getByTestId('shipment-warehouse').textContent()).resolves.toBe('广州仓');

    // Someone packs it meanwhile (the page still shows 拣货中): 发货 answers 409, the page reloads and says so.
    const owner = await loginStaff(suite.server.app, 'owner');
    const gzId = /\/shipments\/([^/?#]+)/.exec(page.url())![1];
    const seen = (await owner.get(`/api/v1/admin/shipments/${gzId}`)).json() as { version: number };
    const packedElsewhere = await owner.post(`/api/v1/admin/shipments/${gzId}/pack`, { version: seen.version, packages: 1 });
    expect(packedElsewhere.statusCode, packedElsewhere.body).toBe(200);
    await ship(page, '中通快递', { waybill: true }, false);
    await toast(page, '发货单刚被其他人修改过');
    await shipmentStatus(page, '已打包').waitFor();
    await ship(page, '中通快递', { waybill: true });
    parcels.gz = await parcelOnPage(page);
    expect(parcels.gz.trackingNo).toMatch(/^SIM\d+/);
    await page.getByTestId('shipment-waybill-via').filter({ hasText: '电子面单' }).waitFor();

    // The order: both parcels in its 发货单 card, the shipment events in its log, nothing left in the queue.
    await page.getByTestId('shipment-order').click();
    await page.getByTestId('order-title').filter({ hasText: order.orderNo }).waitFor();
    const cardRows = page.getByTestId('order-shipment');
    await cardRows.nth(1).waitFor();
    expect((await texts(page.getByTestId('order-shipment-carrier'))).sort()).toEqual([`中通快递 ${parcels.gz.trackingNo}`, '顺丰速运 SF1234567890'].sort());
    await page.getByTestId('order-tags').getByTestId('order-status').filter({ hasText: '待收货确认' }).waitFor();
    await page.getByTestId('order-tags').getByTestId('order-fulfilment').filter({ hasText: '已发货' }).waitFor();
    await page.locator('[data-testid="order-event"][data-action="shipment_created"]').filter({ hasText: '创建发货单' }).filter({ hasText: `${order.skuCode} ×3 瓶` }).first().waitFor();
    await page.locator('[data-testid="order-event"][data-action="shipment_shipped"]').filter({ hasText: 'SF1234567890' }).waitFor();
    await page.screenshot({ path: '.tmp/e2e-fulfilment-order.png', fullPage: true });

    // The carrier moves the parcels: 顺丰 is collected and in transit (seen with 刷新物流); 中通 is delivered (pushed).
    for (let i = 0; i < 2; i++) expect((await sim.advance(parcels.sh.trackingNo))?.status).toBe(200);
    await page.goto(`${suite.server.url}/admin/shipments/${parcels.sh.shipmentId}`);
    await shipmentStatus(page, '已发货').waitFor();
    await page.getByTestId('shipment-refresh-tracking').click();
    await toast(page, '物流信息已更新');
    const steps = page.getByTestId('tracking-step');
    await steps.nth(1).waitFor();
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['in_transit', 'collected']);
    expect(await texts(page.getByTestId('tracking-timeline').getByTestId('tracking-state'))).toEqual(['运输中', '已揽收']);

    for (let i = 0; i < 5; i++) expect((await sim.advance(parcels.gz.trackingNo))?.status).toBe(200);
    await page.goto(`${suite.server.url}/admin/shipments/${parcels.gz.shipmentId}`);
    await shipmentStatus(page, '已签收').waitFor();
    await steps.nth(4).waitFor();
    expect(await texts(page.getByTestId('tracking-timeline').getByTestId('tracking-state'))).toEqual(['已签收', '派送中', '运输中', '运输中', '已揽收']);
    await expect(steps.first().textContent()).resolves.toContain('快件已签收');
    await page.screenshot({ path: '.tmp/e2e-fulfilment-tracking.png', fullPage: true });

    // The lists: 顺丰 under 已发货, 中通 under 已签收.
    await page.goto(`${suite.server.url}/admin/fulfilment?tab=shipped&warehouseId=all`);
    await page.locator(`[data-testid="shipment-row"][data-no="${parcels.sh.shipmentNo}"]`).filter({ hasText: '运输中' }).waitFor();
    await page.getByTestId('fulfilment-tab-delivered').click();
    await page.locator(`[data-testid="shipment-row"][data-no="${parcels.gz.shipmentNo}"]`).waitFor();
    await ctx.close();
  }, 240_000);

  it('from an order page: 分仓发货 opens its queue rows; 整单发货 ships everything left at once', async () => {
    const other = await placeSplitOrder(suite.server);
    const { ctx, page } = await consoleAs('warehouse');
    await page.goto(`${suite.server.url}/admin/orders/${other.id}`);
    await page.getByTestId('order-title').filter({ hasText: other.orderNo }).waitFor();
    await page.getByTestId('order-shipment-card').filter({ hasText: '还没有发货单' }).waitFor();

    await page.getByTestId('order-split-ship').click();
    await page.getByTestId('fulfilment-order-filter').filter({ hasText: other.orderNo }).waitFor();
    await queueRows(page, other.orderNo).nth(1).waitFor();
    expect(await page.getByTestId('queue-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-no')))).toEqual([other.orderNo, other.orderNo]);

    await page.goBack();
    await page.getByTestId('order-title').filter({ hasText: other.orderNo }).waitFor();
    await page.getByTestId('order-ship').click();
    await page.getByTestId('ship-carrier').click();
    // The field also takes free text: type the whole name, so a pick that lands while the list re-renders
    // (seen on a busy machine) cannot leave a half-typed carrier behind.
    await page.keyboard.type('韵达快递');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '韵达快递' }).click();
    await page.getByTestId('ship-tracking').fill('YD9876543210');
    await page.getByTestId('modal-save').click();
    await page.getByTestId('order-tags').getByTestId('order-status').filter({ hasText: '待收货确认' }).waitFor();
    await page.getByTestId('order-shipment').nth(1).waitFor();
    expect(await texts(page.getByTestId('order-shipment-carrier'))).toEqual(['韵达快递 YD9876543210', '韵达快递 YD9876543210']);
    await ctx.close();
  }, 120_000);

  it('the customer sees both parcels of that order with their tracking timelines on a 375 px phone', async () => {
    const ctx = await suite.chrome.context({ mobile: true });
    const page = await ctx.newPage();
    await signIn(page, suite.server.url, 'mall', 'dealer1');
    await page.goto(`${suite.server.url}/m/orders/${order.id}`);
    const parcel = (p: Parcel) => page.locator(`[data-testid="shipment"][data-shipment-no="${p.shipmentNo}"]`);
    const sh = parcel(parcels.sh!);
    const gz = parcel(parcels.gz!);
    await sh.getByTestId('shipment-tracking-no').filter({ hasText: 'SF1234567890' }).waitFor();
    await gz.getByTestId('shipment-tracking-no').filter({ hasText: parcels.gz!.trackingNo }).waitFor();
    // 顺丰: collected, then in transit (newest first); 中通: all five steps, 签收 on top, and the parcel says 已签收.
    await expect.poll(() => sh.getByTestId('tracking-step').count()).toBe(2);
    await expect(sh.getByTestId('shipment-state').textContent()).resolves.toBe('运输中');
    await expect.poll(() => gz.getByTestId('tracking-step').count()).toBe(5);
    await expect(gz.getByTestId('tracking-step').first().textContent()).resolves.toContain('已签收');
    await expect(gz.getByTestId('shipment-state').textContent()).resolves.toBe('已签收');
    await expect(page.getByTestId('fulfilment-status').textContent()).resolves.toBe('已发货');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '.tmp/e2e-mall-order-parcels-375.png', fullPage: true });
    await ctx.close();
  });
});

async function warehouseId(code: string): Promise<string> {
  const owner = await loginStaff(suite.server.app, 'owner');
  return ((await owner.get('/api/v1/admin/warehouses')).json().items as { id: string; code: string }[]).find((w) => w.code === code)!.id;
}
