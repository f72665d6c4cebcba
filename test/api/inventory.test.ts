import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { checkStockLedgers } from '../../src/modules/inventory/check-ledgers.js';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDbKind } from '../support/test-db.js';

let t: TestApp;
let owner: Client;
let dealer: Client;
let sh: string;
let gz: string;
let addressId: string;

/** A new product (one SKU in 瓶) with the given stock in 上海 and 广州; returns its SKU and unit ids. */
async function productWithStock(code: string, inSh: number, inGz: number, stockPolicy?: string) {
  const p = (await owner.post('/api/v1/admin/products', {
    name: `库存测试 ${code}`, onShelf: true, skus: [{ code, baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 100 }, { name: '箱', conversion: 6, listPriceFen: 600 }] }],
  })).json();
  const skuId = p.skus[0].id;
  if (stockPolicy) await t.database.owner.execute(sql`update products set stock_policy = ${stockPolicy} where id = ${p.id}`);
  for (const [w, n] of [[sh, inSh], [gz, inGz]] as const) if (n) expect((await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: w, skuId, delta: n, kind: 'inbound', reason: '测试入库' })).statusCode).toBe(201);
  return { skuId, bottle: p.skus[0].units.find((u: { name: string }) => u.name === '瓶').id as string, carton: p.skus[0].units.find((u: { name: string }) => u.name === '箱').id as string };
}
const levels = async (skuId: string) => Object.fromEntries(((await owner.get('/api/v1/admin/stock?q=' + encodeURIComponent('库存测试'))).json().items as { skuId: string; warehouseId: string; onHand: number; reserved: number }[])
  .filter((l) => l.skuId === skuId).map((l) => [l.warehouseId === sh ? 'sh' : 'gz', { onHand: l.onHand, reserved: l.reserved }]));
async function submit(lines: [string, number][]) {
  await dealer.delete('/api/v1/mall/cart');
  for (const [u, qty] of lines) await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: u, qty });
  const total = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
  return dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': `inv-${Math.random()}` });
}

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

describe('stock reservation', () => {
  it('reserves in the warehouse serving the customer\'s region, releases on cancel, and the ledger balances', async () => {
    const p = await productWithStock('INV-A', 100, 100);
    const res = await submit([[p.carton, 2], [p.bottle, 3]]);
    expect(res.statusCode, res.body).toBe(201);
    // dealer1 is in 上海 (华东): 2 cartons × 6 + 3 bottles = 15 reserved in 上海总仓.
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 100, reserved: 15 }, gz: { onHand: 100, reserved: 0 } });
    const o = res.json();
    await dealer.post(`/api/v1/mall/orders/${o.id}/cancel`, { version: o.version });
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 100, reserved: 0 }, gz: { onHand: 100, reserved: 0 } });
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });

  it('splits across warehouses when no single one can fill it, and ships from both', async () => {
    const p = await productWithStock('INV-B', 4, 3);
    const res = await submit([[p.bottle, 6]]);
    expect(res.statusCode, res.body).toBe(201);
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 4, reserved: 4 }, gz: { onHand: 3, reserved: 2 } });
    let o = res.json();
    for (const step of ['approve', 'approve', 'ship']) o = (await owner.post(`/api/v1/admin/orders/${o.id}/${step}`, { version: o.version })).json();
    expect(o.status).toBe('pending_receipt');
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 0, reserved: 0 }, gz: { onHand: 1, reserved: 0 } });
    const ledger = (await owner.get(`/api/v1/admin/stock/movements?skuId=${p.skuId}`)).json().items.map((m: { kind: string }) => m.kind);
    expect(ledger.sort()).toEqual(['inbound', 'inbound', 'reserve', 'reserve', 'ship', 'ship']);
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });

  it('refuses an order beyond available stock with 409 out_of_stock and writes nothing; a backorder product accepts it', async () => {
    const p = await productWithStock('INV-C', 2, 1);
    const before = (await dealer.get('/api/v1/mall/orders')).json().counts.all;
    const res = await submit([[p.bottle, 4]]);
    expect([res.statusCode, res.json().code]).toEqual([409, 'out_of_stock']);
    expect(res.json().lines).toEqual([{ skuId: p.skuId, skuCode: 'INV-C', wanted: 4, available: 3 }]);
    expect((await dealer.get('/api/v1/mall/orders')).json().counts.all).toBe(before);
    expect((await dealer.get('/api/v1/mall/cart')).json().lines).toHaveLength(1);
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 2, reserved: 0 }, gz: { onHand: 1, reserved: 0 } });

    const b = await productWithStock('INV-D', 1, 0, 'backorder');
    const ok = await submit([[b.bottle, 3]]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await levels(b.skuId)).toEqual({ sh: { onHand: 1, reserved: 1 } });
  });

  it('re-reserves when staff edit the order, and refuses an edit beyond stock', async () => {
    const p = await productWithStock('INV-E', 10, 0);
    const o = (await submit([[p.bottle, 2]])).json();
    const clerk = await loginStaff(t.app, 'clerk');
    const edited = await clerk.put(`/api/v1/admin/orders/${o.id}`, { version: o.version, lines: [{ id: o.lines[0].id, skuUnitId: p.bottle, qty: 7 }] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 10, reserved: 7 } });
    const tooMuch = await clerk.put(`/api/v1/admin/orders/${o.id}`, { version: edited.json().version, lines: [{ id: o.lines[0].id, skuUnitId: p.bottle, qty: 11 }] });
    expect([tooMuch.statusCode, tooMuch.json().code]).toEqual([409, 'out_of_stock']);
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 10, reserved: 7 } });
    expect((await clerk.get(`/api/v1/admin/orders/${o.id}`)).json().lines[0].qty).toBe(7);
  });

  it('staff voiding while the warehouse ships the same order: one wins, stock and ledger stay consistent', async () => {
    const p = await productWithStock('INV-G', 5, 0);
    let o = (await submit([[p.bottle, 3]])).json();
    for (const step of ['approve', 'approve']) o = (await owner.post(`/api/v1/admin/orders/${o.id}/${step}`, { version: o.version })).json();
    expect(o.status).toBe('pending_shipment');
    const warehouse = await loginStaff(t.app, 'warehouse');
    const [voided, shipped] = await Promise.all([
      owner.post(`/api/v1/admin/orders/${o.id}/void`, { version: o.version, reason: '客户取消' }),
      warehouse.post(`/api/v1/admin/orders/${o.id}/ship`, { version: o.version }),
    ]);
    expect([voided.statusCode, shipped.statusCode].sort()).toEqual([200, 409]);
    expect(await levels(p.skuId)).toEqual(voided.statusCode === 200 ? { sh: { onHand: 5, reserved: 0 } } : { sh: { onHand: 2, reserved: 0 } });
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });

  it('keeps safety stock back from sale', async () => {
    const p = await productWithStock('INV-SAFE', 10, 0);
    expect((await owner.put(`/api/v1/admin/stock/${p.skuId}/${sh}/safety-stock`, { safetyStock: 8 })).statusCode).toBe(200);
    const res = await submit([[p.bottle, 3]]);
    expect([res.statusCode, res.json().code]).toEqual([409, 'out_of_stock']);
    expect((await owner.get(`/api/v1/admin/stock?skuId=${p.skuId}&low=true`)).json().items).toEqual([]);
    expect((await submit([[p.bottle, 2]])).statusCode).toBe(201);
    // On hand minus reserved is now down to the safety stock: the row is low.
    expect((await owner.get(`/api/v1/admin/stock?skuId=${p.skuId}&low=true`)).json().items).toEqual([expect.objectContaining({ onHand: 10, reserved: 2, safetyStock: 8, available: 0 })]);
    const ledger = (await owner.get(`/api/v1/admin/stock/movements?skuId=${p.skuId}`)).json().items;
    expect(ledger[0]).toMatchObject({ kind: 'reserve', skuCode: 'INV-SAFE', warehouseName: '上海总仓', productName: '库存测试 INV-SAFE' });
  });

  it('never lets an adjustment take on-hand below what is reserved', async () => {
    const p = await productWithStock('INV-F', 5, 0);
    await submit([[p.bottle, 4]]);
    const res = await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: sh, skuId: p.skuId, delta: -2, kind: 'adjust', reason: '破损' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'insufficient_stock']);
    expect((await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: sh, skuId: p.skuId, delta: -1, kind: 'adjust', reason: '破损' })).statusCode).toBe(201);
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 4, reserved: 4 } });
  });

  it('forty customers racing for ten units: exactly ten orders, stock never negative', async () => {
    const p = await productWithStock('INV-RACE', 6, 4);
    const customerId = (await dealer.get('/api/v1/mall/account')).json().customer.id;
    const racers: Client[] = [];
    for (let i = 0; i < 40; i++) {
      await owner.post(`/api/v1/admin/customers/${customerId}/members`, { name: `抢购${i}`, username: `racer${i}`, memberRole: 'buyer', password: 'dinghuo123' });
      const m = await loginMember(t.app, `racer${i}`);
      await m.post('/api/v1/mall/cart/lines', { skuUnitId: p.bottle, qty: 1 });
      racers.push(m);
    }
    const total = (await racers[0].get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
    const res = await Promise.all(racers.map((m, i) => m.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': `race-${i}-key` })));
    const codes = res.map((r) => (r.statusCode === 201 ? 'ok' : r.json().code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(10);
    expect(codes.filter((c) => c === 'out_of_stock')).toHaveLength(30);
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 6, reserved: 6 }, gz: { onHand: 4, reserved: 4 } });
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });

  // The CLI opens its own connection, so it needs a server database (the in-memory PGlite belongs to this process).
  it.skipIf(testDbKind() === 'pglite')('dinghuo check-ledgers reports the ledgers balanced', async () => {
    const url = (t.database as typeof t.database & { url?: string }).url!;
    const lines: string[] = [];
    const log = console.log;
    console.log = (s: string) => { lines.push(s); };
    try {
      expect(await runCli(['check-ledgers'], { DATABASE_URL: url })).toBe(0);
    } finally { console.log = log; }
    expect(lines).toContain('ledgers balanced');
  });
});

describe('availability for customers', () => {
  it('shows 有货/缺货 (or the number, if the tenant says so) on the product page, flags short cart lines, and filters search', async () => {
    const p = await productWithStock('INV-AV', 3, 0);
    const productId = (await owner.get(`/api/v1/admin/products?q=INV-AV`)).json().items[0].id;
    expect((await dealer.get(`/api/v1/mall/products/${productId}`)).json().skus[0].stock).toEqual({ status: 'in_stock', available: null, policy: 'block' });
    const s = (await owner.get('/api/v1/admin/settings')).json();
    await owner.put('/api/v1/admin/settings', { settings: { ...s.settings, stockDisplay: 'exact' }, version: s.version });
    expect((await dealer.get(`/api/v1/mall/products/${productId}`)).json().skus[0].stock).toEqual({ status: 'in_stock', available: 3, policy: 'block' });

    await dealer.delete('/api/v1/mall/cart');
    const cart = (await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: p.carton, qty: 1 })).json();
    expect(cart.lines[0].problems).toEqual([expect.objectContaining({ code: 'out_of_stock', blocking: true, data: { available: 3, needed: 6 } })]);
    expect(cart.blocking).toBe(true);

    const empty = await productWithStock('INV-AV0', 0, 0);
    void empty;
    const search = async (inStock: string) => (await dealer.get(`/api/v1/mall/products?q=${encodeURIComponent('库存测试 INV-AV')}&inStock=${inStock}`)).json().items.map((i: { name: string }) => i.name);
    expect(await search('false')).toEqual(expect.arrayContaining(['库存测试 INV-AV', '库存测试 INV-AV0']));
    expect(await search('true')).toContain('库存测试 INV-AV');
    expect(await search('true')).not.toContain('库存测试 INV-AV0');
  });
});

describe('out-of-stock registration (缺货登记)', () => {
  it('marks registrations notified and writes one stock.arrived event when the SKU arrives', async () => {
    const p = await productWithStock('INV-ALERT', 0, 0);
    const retailer = await loginMember(t.app, 'retailer1');
    const mine = await dealer.post('/api/v1/mall/stock-alerts', { skuId: p.skuId });
    expect(mine.statusCode, mine.body).toBe(201);
    expect((await retailer.post('/api/v1/mall/stock-alerts', { skuId: p.skuId })).statusCode).toBe(201);
    expect((await dealer.post('/api/v1/mall/stock-alerts', { skuId: p.skuId })).statusCode).toBe(201); // again: still one registration
    expect((await dealer.get('/api/v1/mall/stock-alerts')).json().items.filter((a: { skuId: string }) => a.skuId === p.skuId)).toHaveLength(1);
    await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: sh, skuId: p.skuId, delta: 10, kind: 'inbound', reason: '到货' });
    const after = (await dealer.get('/api/v1/mall/stock-alerts')).json().items.find((a: { skuId: string }) => a.skuId === p.skuId);
    expect(after.notifiedAt).not.toBeNull();
    const events = (await t.database.owner.execute(sql`select payload from outbox_events where topic = 'stock.arrived' and aggregate_id = ${p.skuId}`)) as unknown as { rows: { payload: { memberIds: string[] } }[] };
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].payload.memberIds).toHaveLength(2);
    expect((await dealer.delete(`/api/v1/mall/stock-alerts/${mine.json().id}`)).statusCode).toBe(204);
    expect((await retailer.delete(`/api/v1/mall/stock-alerts/${mine.json().id}`)).statusCode).toBe(404);
  });
});

describe('transfers (调拨单)', () => {
  it('moves stock out when shipped and in when received, keeping the ledger balanced; refuses the same warehouse and a second receipt', async () => {
    const p = await productWithStock('INV-TR', 10, 0);
    const same = await owner.post('/api/v1/admin/stock-transfers', { fromWarehouseId: sh, toWarehouseId: sh, lines: [{ skuId: p.skuId, qty: 1 }] });
    expect([same.statusCode, same.json().errors[0].path]).toEqual([400, 'body.toWarehouseId']);
    let tr = (await owner.post('/api/v1/admin/stock-transfers', { fromWarehouseId: sh, toWarehouseId: gz, lines: [{ skuId: p.skuId, qty: 4 }] })).json();
    expect(tr).toMatchObject({ status: 'draft', transferNo: expect.stringMatching(/^DB\d{6}$/), lines: [{ skuId: p.skuId, qty: 4, skuCode: 'INV-TR', productName: '库存测试 INV-TR', baseUnit: '瓶' }] });
    tr = (await owner.post(`/api/v1/admin/stock-transfers/${tr.id}/ship`, { version: tr.version })).json();
    expect(tr.status).toBe('in_transit');
    const printed = await owner.get(`/api/v1/admin/stock-transfers/${tr.id}/print`);
    expect([printed.statusCode, printed.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(printed.body).toContain(tr.transferNo);
    expect(printed.body).toMatch(/调出仓库：上海总仓.*调入仓库：广州仓/s);
    expect(printed.body).toContain('<td>INV-TR</td>');
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 6, reserved: 0 } });
    tr = (await owner.post(`/api/v1/admin/stock-transfers/${tr.id}/receive`, { version: tr.version })).json();
    expect(tr.status).toBe('received');
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 6, reserved: 0 }, gz: { onHand: 4, reserved: 0 } });
    const again = await owner.post(`/api/v1/admin/stock-transfers/${tr.id}/receive`, { version: tr.version });
    expect([again.statusCode, again.json().code]).toEqual([409, 'invalid_state']);
    expect(await levels(p.skuId)).toEqual({ sh: { onHand: 6, reserved: 0 }, gz: { onHand: 4, reserved: 0 } });
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });

  it('a transfer racing an order for the same stock: never both, never negative', async () => {
    const p = await productWithStock('INV-TR2', 5, 0);
    const tr = (await owner.post('/api/v1/admin/stock-transfers', { fromWarehouseId: sh, toWarehouseId: gz, lines: [{ skuId: p.skuId, qty: 4 }] })).json();
    await dealer.delete('/api/v1/mall/cart');
    await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: p.bottle, qty: 3 });
    const total = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
    const [ship, order] = await Promise.all([
      owner.post(`/api/v1/admin/stock-transfers/${tr.id}/ship`, { version: tr.version }),
      dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': `tr-race-${Date.now()}` }),
    ]);
    // 5 on hand: 4 out and 3 reserved cannot both happen.
    expect(ship.statusCode === 200 ? order.statusCode : ship.statusCode).toBe(409);
    expect(ship.statusCode === 200 || order.statusCode === 201).toBe(true);
    const l = (await levels(p.skuId)).sh;
    expect(l.onHand - l.reserved).toBeGreaterThanOrEqual(0);
    expect(l).toEqual(ship.statusCode === 200 ? { onHand: 1, reserved: 0 } : { onHand: 5, reserved: 3 });
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });
});

describe('stocktakes (盘点单)', () => {
  it('posts each counted difference once, and never below what is reserved', async () => {
    const a = await productWithStock('INV-PD-A', 10, 0);
    const b = await productWithStock('INV-PD-B', 5, 0);
    await submit([[b.bottle, 4]]); // 4 of B reserved
    let st = (await owner.post('/api/v1/admin/stocktakes', { warehouseId: sh, skuIds: [a.skuId, b.skuId] })).json();
    expect(st).toMatchObject({ status: 'counting', stocktakeNo: expect.stringMatching(/^PD\d{6}$/) });
    expect(st.lines.map((l: { skuCode: string; systemQty: number }) => `${l.skuCode}:${l.systemQty}`)).toEqual(['INV-PD-A:10', 'INV-PD-B:5']);
    expect((await owner.get(`/api/v1/admin/stocktakes/${st.id}/print`)).body).toContain('INV-PD-A');
    st = (await owner.put(`/api/v1/admin/stocktakes/${st.id}/counts`, { version: st.version, counts: [{ skuId: a.skuId, countedQty: 8 }, { skuId: b.skuId, countedQty: 3 }] })).json();
    expect(st.differences).toBe(2);
    const refused = await owner.post(`/api/v1/admin/stocktakes/${st.id}/confirm`, { version: st.version });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'insufficient_stock']); // B: 3 counted < 4 reserved
    expect(refused.json().lines).toEqual([{ skuId: b.skuId, skuCode: 'INV-PD-B' }]);
    expect(await levels(a.skuId)).toEqual({ sh: { onHand: 10, reserved: 0 } });
    st = (await owner.put(`/api/v1/admin/stocktakes/${st.id}/counts`, { version: st.version, counts: [{ skuId: b.skuId, countedQty: 6 }] })).json();
    const done = (await owner.post(`/api/v1/admin/stocktakes/${st.id}/confirm`, { version: st.version })).json();
    expect(done.status).toBe('confirmed');
    expect(await levels(a.skuId)).toEqual({ sh: { onHand: 8, reserved: 0 } });
    expect(await levels(b.skuId)).toEqual({ sh: { onHand: 6, reserved: 4 } });
    const twice = await owner.post(`/api/v1/admin/stocktakes/${st.id}/confirm`, { version: done.version });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'invalid_state']);
    expect(await levels(a.skuId)).toEqual({ sh: { onHand: 8, reserved: 0 } });
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });
});

describe('replenishment (补货建议)', () => {
  it('lists SKUs at or below safety stock with a suggested quantity, and writes one stock.low event when an order crosses it', async () => {
    const p = await productWithStock('INV-LOW', 12, 0);
    await owner.put(`/api/v1/admin/stock/${p.skuId}/${sh}/safety-stock`, { safetyStock: 5 });
    expect((await owner.get('/api/v1/admin/stock/replenishment')).json().items.map((i: { skuCode: string }) => i.skuCode)).not.toContain('INV-LOW');
    expect((await submit([[p.bottle, 7]])).statusCode).toBe(201); // 12 − 7 = 5: down to the safety stock
    const item = (await owner.get('/api/v1/admin/stock/replenishment')).json().items.find((i: { skuCode: string }) => i.skuCode === 'INV-LOW');
    // Sold 7 in 30 days; cover them again and refill the safety stock of 5, minus the 5 still free.
    expect(item).toMatchObject({ onHand: 12, reserved: 7, safetyStock: 5, soldLast30Days: 7, suggestedQty: 7 });
    const events = (await t.database.owner.execute(sql`select payload from outbox_events where topic = 'stock.low' and aggregate_id = ${p.skuId}`)) as unknown as { rows: unknown[] };
    expect(events.rows).toHaveLength(1);
  });
});

describe('inbound receipts (入库单)', () => {
  it('moves stock only when confirmed, once, updating cost prices', async () => {
    const p = await productWithStock('INV-RK', 0, 0);
    let r = (await owner.post('/api/v1/admin/inbound-receipts', { warehouseId: gz, supplier: '农夫山泉华南经销', lines: [{ skuId: p.skuId, qty: 24, costPriceFen: 85 }] })).json();
    expect(r).toMatchObject({ status: 'draft', receiptNo: expect.stringMatching(/^RK\d{6}$/), totalQty: 24, totalCostFen: 2040 });
    expect(await levels(p.skuId)).toEqual({});
    expect((await owner.get(`/api/v1/admin/inbound-receipts/${r.id}/print`)).body).toContain('农夫山泉华南经销');
    r = (await owner.post(`/api/v1/admin/inbound-receipts/${r.id}/confirm`, { version: r.version })).json();
    expect(r.status).toBe('confirmed');
    expect(await levels(p.skuId)).toEqual({ gz: { onHand: 24, reserved: 0 } });
    const productId = (await owner.get('/api/v1/admin/products?q=INV-RK')).json().items[0].id;
    expect((await owner.get(`/api/v1/admin/products/${productId}`)).json().skus[0].costPriceFen).toBe(85);
    const again = await owner.post(`/api/v1/admin/inbound-receipts/${r.id}/confirm`, { version: r.version });
    expect([again.statusCode, again.json().code]).toEqual([409, 'invalid_state']);
    expect(await levels(p.skuId)).toEqual({ gz: { onHand: 24, reserved: 0 } });
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });
});
