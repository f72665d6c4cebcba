import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let owner: Client;
let dealer: Client;
let sh: string;
let gz: string;
let addressId: string;

interface Alert { scope: string; skuId: string; skuCode: string; warehouseId: string | null; onHand: number; reserved: number; free: number; lowMark: number | null; overstockMark: number | null; soldLast30Days: number; suggestedQty: number | null; excessQty: number | null }

/** A new product (one SKU in 瓶) with the given stock in 上海 and 广州. */
async function productWithStock(code: string, inSh: number, inGz: number) {
  const p = (await owner.post('/api/v1/admin/products', {
    name: `预警测试 ${code}`, onShelf: true, skus: [{ code, baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 100 }] }],
  })).json();
  const skuId = p.skus[0].id as string;
  for (const [w, n] of [[sh, inSh], [gz, inGz]] as const) if (n) expect((await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: w, skuId, delta: n, kind: 'inbound', reason: '测试入库' })).statusCode).toBe(201);
  return { skuId, bottle: p.skus[0].units[0].id as string };
}
async function submit(unitId: string, qty: number) {
  await dealer.delete('/api/v1/mall/cart');
  await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unitId, qty });
  const total = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
  return dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': `thr-${Math.random()}` });
}
const alerts = async (query: string): Promise<Alert[]> => {
  const res = await owner.get(`/api/v1/admin/inventory/alerts?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
async function events(topic: string, skuId: string) {
  const res = (await t.database.owner.execute(sql`select payload from outbox_events where topic = ${topic} and aggregate_id = ${skuId} order by id`)) as unknown as { rows: { payload: Record<string, unknown> }[] };
  return res.rows.map((r) => r.payload);
}
const setLevel = (skuId: string, warehouseId: string, body: Record<string, unknown>) => owner.put(`/api/v1/admin/stock/${skuId}/${warehouseId}/safety-stock`, body);

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginStaff(t.app, 'owner');
  dealer = await loginMember(t.app, 'dealer1');
  const ws = (await owner.get('/api/v1/admin/warehouses')).json().items as { id: string; code: string }[];
  sh = ws.find((w) => w.code === 'SH01')!.id;
  gz = ws.find((w) => w.code === 'GZ01')!.id;
  addressId = (await dealer.get('/api/v1/mall/addresses')).json().items[0].id;
});
afterAll(async () => { await t?.close(); });

describe('stock thresholds (库存预警)', () => {
  it('sets the three numbers of a level, keeps marks left out, and shows them on the stock list', async () => {
    const p = await productWithStock('THR-SET', 10, 0);
    const res = await setLevel(p.skuId, sh, { safetyStock: 2, lowStockQty: 4, overstockQty: 50 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ skuId: p.skuId, warehouseId: sh, safetyStock: 2, lowStockQty: 4, overstockQty: 50 });
    // The old body (safety stock only) leaves the marks alone.
    expect((await setLevel(p.skuId, sh, { safetyStock: 3 })).json()).toMatchObject({ safetyStock: 3, lowStockQty: 4, overstockQty: 50 });
    expect((await setLevel(p.skuId, sh, { safetyStock: 3, lowStockQty: null })).json()).toMatchObject({ lowStockQty: null, overstockQty: 50 });
    expect((await owner.put(`/api/v1/admin/stock/${p.skuId}/thresholds`, { lowStockQty: 5, overstockQty: 100 })).json()).toEqual({ skuId: p.skuId, lowStockQty: 5, overstockQty: 100 });
    const row = (await owner.get(`/api/v1/admin/stock?skuId=${p.skuId}`)).json().items[0];
    expect(row).toMatchObject({ safetyStock: 3, lowStockQty: null, overstockQty: 50, skuLowStockQty: 5, skuOverstockQty: 100 });
  });

  it('refuses an overstock mark not above the low mark with 422 stock_thresholds_invalid, and negative numbers with 400', async () => {
    const p = await productWithStock('THR-BAD', 1, 0);
    for (const body of [{ safetyStock: 0, lowStockQty: 10, overstockQty: 10 }, { safetyStock: 20, overstockQty: 15 }]) {
      const res = await setLevel(p.skuId, sh, body);
      expect([res.statusCode, res.json().code, res.json().errors[0].path]).toEqual([422, 'stock_thresholds_invalid', 'body.overstockQty']);
    }
    // The mark kept from before counts too.
    expect((await setLevel(p.skuId, sh, { safetyStock: 0, overstockQty: 8 })).statusCode).toBe(200);
    expect((await setLevel(p.skuId, sh, { safetyStock: 0, lowStockQty: 9 })).json().code).toBe('stock_thresholds_invalid');
    const sku = await owner.put(`/api/v1/admin/stock/${p.skuId}/thresholds`, { lowStockQty: 7, overstockQty: 3 });
    expect([sku.statusCode, sku.json().code]).toEqual([422, 'stock_thresholds_invalid']);
    expect((await setLevel(p.skuId, sh, { safetyStock: 0, lowStockQty: -1 })).statusCode).toBe(400);
    expect((await owner.put(`/api/v1/admin/stock/${p.skuId}/thresholds`, { lowStockQty: 1.5, overstockQty: null })).statusCode).toBe(400);
    expect((await owner.put('/api/v1/admin/stock/0NOSUCHSKU/thresholds', { lowStockQty: null, overstockQty: null })).statusCode).toBe(404);
    expect((await owner.get(`/api/v1/admin/stock?skuId=${p.skuId}`)).json().items[0]).toMatchObject({ lowStockQty: null, overstockQty: 8 });
  });

  it('lists a level at or below its low mark with the suggested purchase, and one stock.low event when an order crosses it', async () => {
    const p = await productWithStock('THR-LOW', 12, 0);
    expect((await setLevel(p.skuId, sh, { safetyStock: 0, lowStockQty: 6 })).statusCode).toBe(200);
    expect((await alerts('kind=low')).map((a) => a.skuCode)).not.toContain('THR-LOW');
    expect((await submit(p.bottle, 7)).statusCode).toBe(201); // 12 − 7 = 5 free, below 6
    const [row] = (await alerts('kind=low')).filter((a) => a.skuId === p.skuId);
    // Sold 7 in 30 days from 上海: cover them again and refill to the mark of 6, minus the 5 still free.
    expect(row).toMatchObject({ scope: 'warehouse', warehouseId: sh, onHand: 12, reserved: 7, free: 5, lowMark: 6, soldLast30Days: 7, suggestedQty: 8, excessQty: null });
    expect(await events('stock.low', p.skuId)).toEqual([expect.objectContaining({ scope: 'warehouse', warehouseId: sh, onHand: 12, reserved: 7, lowStockQty: 6 })]);
    // The replenishment list uses the same mark.
    const rep = (await owner.get('/api/v1/admin/stock/replenishment')).json().items.find((i: { skuId: string }) => i.skuId === p.skuId);
    expect(rep).toMatchObject({ lowMark: 6, soldLast30Days: 7, suggestedQty: 8 });
    // Another order while already low: no second event.
    expect((await submit(p.bottle, 1)).statusCode).toBe(201);
    expect(await events('stock.low', p.skuId)).toHaveLength(1);
    // Filters: another warehouse, or the other kind, do not show it.
    expect((await alerts(`kind=low&warehouseId=${gz}`)).some((a) => a.skuId === p.skuId)).toBe(false);
    expect((await alerts(`kind=low&warehouseId=${sh}`)).some((a) => a.skuId === p.skuId)).toBe(true);
    expect((await alerts('kind=over')).some((a) => a.skuId === p.skuId)).toBe(false);
  });

  it('an adjustment down crosses the low mark too', async () => {
    const p = await productWithStock('THR-ADJ', 10, 0);
    await setLevel(p.skuId, sh, { safetyStock: 3 });
    expect((await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: sh, skuId: p.skuId, delta: -7, kind: 'adjust', reason: '破损' })).statusCode).toBe(201);
    expect(await events('stock.low', p.skuId)).toEqual([expect.objectContaining({ warehouseId: sh, onHand: 3, lowStockQty: 3, safetyStock: 3 })]);
  });

  it('writes stock.overstock when an inbound receipt, a transfer in, an adjustment or a stocktake takes a level above its mark', async () => {
    const p = await productWithStock('THR-OVER', 10, 10);
    await setLevel(p.skuId, sh, { safetyStock: 0, overstockQty: 20 });
    await setLevel(p.skuId, gz, { safetyStock: 0, overstockQty: 12 });

    // Inbound receipt: 10 + 15 = 25 > 20.
    const r = (await owner.post('/api/v1/admin/inbound-receipts', { warehouseId: sh, lines: [{ skuId: p.skuId, qty: 15 }] })).json();
    expect((await owner.post(`/api/v1/admin/inbound-receipts/${r.id}/confirm`, { version: r.version })).statusCode).toBe(200);
    expect(await events('stock.overstock', p.skuId)).toEqual([expect.objectContaining({ scope: 'warehouse', warehouseId: sh, onHand: 25, overstockQty: 20 })]);
    const [over] = (await alerts('kind=over')).filter((a) => a.skuId === p.skuId);
    expect(over).toMatchObject({ warehouseId: sh, onHand: 25, overstockMark: 20, excessQty: 5, suggestedQty: null });

    // Transfer in: 广州 10 + 5 = 15 > 12 (上海 goes down to 20: not over any more, and no event for that).
    let tr = (await owner.post('/api/v1/admin/stock-transfers', { fromWarehouseId: sh, toWarehouseId: gz, lines: [{ skuId: p.skuId, qty: 5 }] })).json();
    tr = (await owner.post(`/api/v1/admin/stock-transfers/${tr.id}/ship`, { version: tr.version })).json();
    expect((await owner.post(`/api/v1/admin/stock-transfers/${tr.id}/receive`, { version: tr.version })).statusCode).toBe(200);
    expect((await events('stock.overstock', p.skuId)).map((e) => e.warehouseId)).toEqual([sh, gz]);

    // Adjustment: 上海 20 → 21.
    await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: sh, skuId: p.skuId, delta: 1, kind: 'adjust', reason: '盘盈' });
    expect(await events('stock.overstock', p.skuId)).toHaveLength(3);

    // Stocktake: 广州 counted 10 (below), then a second one counted 13 (above again).
    for (const counted of [10, 13]) {
      let st = (await owner.post('/api/v1/admin/stocktakes', { warehouseId: gz, skuIds: [p.skuId] })).json();
      st = (await owner.put(`/api/v1/admin/stocktakes/${st.id}/counts`, { version: st.version, counts: [{ skuId: p.skuId, countedQty: counted }] })).json();
      expect((await owner.post(`/api/v1/admin/stocktakes/${st.id}/confirm`, { version: st.version })).statusCode).toBe(200);
    }
    expect((await events('stock.overstock', p.skuId)).map((e) => [e.warehouseId, e.onHand])).toEqual([[sh, 25], [gz, 15], [sh, 21], [gz, 13]]);
  });

  it('SKU marks count all active warehouses together: listed per SKU, with events of scope sku', async () => {
    const p = await productWithStock('THR-SKU', 4, 4);
    expect((await owner.put(`/api/v1/admin/stock/${p.skuId}/thresholds`, { lowStockQty: 5, overstockQty: 12 })).statusCode).toBe(200);
    // 8 free in total: neither low nor over.
    expect((await alerts('kind=low&scope=sku')).some((a) => a.skuId === p.skuId)).toBe(false);
    await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: gz, skuId: p.skuId, delta: -3, kind: 'adjust', reason: '破损' });
    const [low] = (await alerts('kind=low')).filter((a) => a.skuId === p.skuId);
    expect(low).toMatchObject({ scope: 'sku', warehouseId: null, onHand: 5, free: 5, lowMark: 5, overstockMark: 12, suggestedQty: 0 });
    // SKU totals are left out when a warehouse is named, or with scope=warehouse.
    expect((await alerts(`kind=low&warehouseId=${gz}`)).some((a) => a.skuId === p.skuId)).toBe(false);
    expect((await alerts('kind=low&scope=warehouse')).some((a) => a.skuId === p.skuId)).toBe(false);
    await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: sh, skuId: p.skuId, delta: 8, kind: 'inbound', reason: '到货' });
    expect((await alerts('kind=over')).filter((a) => a.skuId === p.skuId)).toEqual([expect.objectContaining({ scope: 'sku', onHand: 13, excessQty: 1 })]);
    expect(await events('stock.low', p.skuId)).toEqual([expect.objectContaining({ scope: 'sku', warehouseId: null, onHand: 5, lowStockQty: 5 })]);
    expect(await events('stock.overstock', p.skuId)).toEqual([expect.objectContaining({ scope: 'sku', warehouseId: null, onHand: 13, overstockQty: 12 })]);
  });

  it('a SKU with marks but no stock rows at all is low', async () => {
    const p = await productWithStock('THR-NONE', 0, 0);
    await owner.put(`/api/v1/admin/stock/${p.skuId}/thresholds`, { lowStockQty: 0, overstockQty: null });
    expect((await alerts('kind=low')).filter((a) => a.skuId === p.skuId)).toEqual([expect.objectContaining({ scope: 'sku', onHand: 0, free: 0, lowMark: 0, specText: '' })]);
  });
});
