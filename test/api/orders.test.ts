import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let clerk: Client;
let finance: Client;
let dealer: Client;
const unit: Record<string, string> = {};

/** The demo catalog's sell units by "CODE/unit". */
async function loadUnits() {
  const list = (await admin.get('/api/v1/admin/products?limit=200')).json().items as { id: string }[];
  for (const p of list) {
    const d = (await admin.get(`/api/v1/admin/products/${p.id}`)).json();
    for (const s of d.skus) for (const u of s.units) unit[`${s.code}/${u.name}`] = u.id;
  }
}
const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const checkout = (c: Client, body: Record<string, unknown>, k = key()) => c.request('POST', '/api/v1/mall/checkout', body, { 'idempotency-key': k });
async function defaultAddress(c: Client) {
  return ((await c.get('/api/v1/mall/addresses')).json().items as { id: string; isDefault: boolean }[]).find((a) => a.isDefault)!.id;
}
/** Fills the dealer's cart and submits it; returns the order. */
async function placeOrder(c: Client, lines: [string, number][]) {
  await c.delete('/api/v1/mall/cart');
  for (const [u, qty] of lines) expect((await c.post('/api/v1/mall/cart/lines', { skuUnitId: unit[u], qty })).statusCode).toBe(200);
  const addressId = await defaultAddress(c);
  const preview = (await c.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json();
  const res = await checkout(c, { addressId, paymentMethod: 'offline', expectedTotalFen: preview.cart.totals.totalFen });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginStaff(t.app, 'admin');
  clerk = await loginStaff(t.app, 'clerk');
  finance = await loginStaff(t.app, 'finance');
  dealer = await loginMember(t.app, 'dealer1');
  await loadUnits();
});
afterAll(async () => { await t?.close(); });

describe('cart', () => {
  it('adds, merges, re-prices and flags a line below the minimum', async () => {
    await dealer.delete('/api/v1/mall/cart');
    await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unit['NFSQ-550/箱'], qty: 2 });
    let cart = (await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unit['NFSQ-550/箱'], qty: 3 })).json();
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0].qty).toBe(5);
    // dealer1 is 金牌 (90 % of list 4200) → 3780 a carton.
    expect(cart.lines[0].unitPriceFen).toBe(3780);
    expect(cart.totals.goodsFen).toBe(5 * 3780);
    cart = (await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unit['HT-JBSC-128/瓶'], qty: 4 })).json();
    const soy = cart.lines.find((l: { skuCode: string }) => l.skuCode === 'HT-JBSC-128');
    expect(soy.problems.map((p: { code: string }) => p.code)).toEqual(['below_minimum', 'not_multiple']);
    expect(soy.problems[0].data).toEqual({ minQty: 6 });
    expect(cart.blocking).toBe(true);
    cart = (await dealer.patch(`/api/v1/mall/cart/lines/${soy.id}`, { qty: 12 })).json();
    expect(cart.blocking).toBe(false);
    // 13 % VAT inside the price: tax = round(amount × 1300 / 11300).
    const gross = cart.totals.goodsFen;
    expect(cart.totals.taxes).toEqual([{ rateBp: 1300, amountFen: gross, taxFen: Math.round((gross * 1300) / 11300) }]);
  });

  it('adds many rows by code, barcode and unit, reporting each row', async () => {
    await dealer.delete('/api/v1/mall/cart');
    const res = (await dealer.post('/api/v1/mall/cart/quick', { rows: [
      { code: 'KO-330-YW', qty: 24 }, { code: '16921168509253', qty: 2 }, { code: 'mi-67w', unit: '盒', qty: 1 },
      { code: 'NOPE-1', qty: 1 }, { code: 'KO-330-LD', unit: '托', qty: 1 }, { code: 'KO-330-LD', qty: 0 },
    ] })).json();
    expect(res.report.map((r: { ok: boolean; error?: { code: string } }) => r.ok || r.error!.code))
      .toEqual([true, true, true, 'code_not_found', 'unit_not_found', 'invalid_quantity']);
    expect(res.cart.lines.map((l: { skuCode: string; unitName: string }) => `${l.skuCode}/${l.unitName}`))
      .toEqual(['KO-330-YW/罐', 'NFSQ-550/箱', 'MI-67W/盒']);
  });

  it('reads a pasted list from an uploaded csv file', async () => {
    await dealer.delete('/api/v1/mall/cart');
    const csv = 'SKU编码,单位,数量\nKSF-BHC-500,箱,3\nJLY-TH-5L,桶,2\n';
    const boundary = '----dh';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const res = await dealer.request('POST', '/api/v1/mall/cart/upload', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().cart.lines.map((l: { qty: number; unitName: string }) => `${l.qty}${l.unitName}`)).toEqual(['3箱', '2桶']);
  });

  it('shows a price changed since it was seen, until acknowledged', async () => {
    await dealer.delete('/api/v1/mall/cart');
    await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unit['MI-67W/个'], qty: 1 });
    const dealer1 = (await admin.get('/api/v1/admin/customers?q=dealer')).json().items;
    void dealer1;
    const me = (await dealer.get('/api/v1/mall/account')).json().customer.id;
    await admin.put(`/api/v1/admin/customers/${me}/prices/${unit['MI-67W/个']}`, { priceFen: 8000, tiers: [] });
    let cart = (await dealer.get('/api/v1/mall/cart')).json();
    expect(cart.lines[0].problems).toEqual([expect.objectContaining({ code: 'price_changed', blocking: false })]);
    expect(cart.lines[0].unitPriceFen).toBe(8000);
    cart = (await dealer.post('/api/v1/mall/cart/acknowledge-prices')).json();
    expect(cart.lines[0].problems).toEqual([]);
  });

  it('keeps named lists (常购清单) and puts them back into the cart', async () => {
    await dealer.delete('/api/v1/mall/cart');
    await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unit['SPRITE-500/箱'], qty: 2 });
    const list = (await dealer.post('/api/v1/mall/saved-lists', { name: '每周饮料' })).json();
    expect(list.lines).toEqual([expect.objectContaining({ skuCode: 'SPRITE-500', unitName: '箱', qty: 2 })]);
    await dealer.delete('/api/v1/mall/cart');
    const back = (await dealer.post(`/api/v1/mall/saved-lists/${list.id}/to-cart`)).json();
    expect(back.cart.lines.map((l: { skuCode: string; qty: number }) => `${l.skuCode}×${l.qty}`)).toEqual(['SPRITE-500×2']);
    expect((await dealer.delete(`/api/v1/mall/saved-lists/${list.id}`)).statusCode).toBe(204);
  });
});

describe('checkout', () => {
  it('creates an order numbered DHyyyymmdd-nnnnnn, empties the cart and answers a retry with the same order', async () => {
    await dealer.delete('/api/v1/mall/cart');
    await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unit['JLY-TH-5L/箱'], qty: 1 });
    const addressId = await defaultAddress(dealer);
    const total = (await dealer.get('/api/v1/mall/cart')).json().totals.totalFen;
    const k = key();
    const first = await checkout(dealer, { addressId, paymentMethod: 'offline', expectedTotalFen: total }, k);
    expect(first.statusCode, first.body).toBe(201);
    const order = first.json();
    expect(order.orderNo).toMatch(/^DH\d{8}-\d{6}$/);
    expect(order.status).toBe('pending_review');
    expect(order.paymentStatus).toBe('unpaid');
    expect((await dealer.get('/api/v1/mall/cart')).json().lines).toEqual([]);
    const again = await checkout(dealer, { addressId, paymentMethod: 'offline', expectedTotalFen: total }, k);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(order.id);
    const other = await checkout(dealer, { addressId, paymentMethod: 'offline', expectedTotalFen: total + 1 }, k);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_mismatch');
  });

  it('answers concurrent double submits with one order', async () => {
    await dealer.delete('/api/v1/mall/cart');
    await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unit['KO-330-YW/箱'], qty: 1 });
    const addressId = await defaultAddress(dealer);
    const total = (await dealer.get('/api/v1/mall/cart')).json().totals.totalFen;
    const k = key();
    const before = (await dealer.get('/api/v1/mall/orders?limit=200')).json().counts.all;
    const [a, b] = await Promise.all([1, 2].map(() => checkout(dealer, { addressId, paymentMethod: 'offline', expectedTotalFen: total }, k)));
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect((await dealer.get('/api/v1/mall/orders?limit=200')).json().counts.all).toBe(before + 1);
  });

  it('refuses an empty cart, an invalid line, a changed total, a missing key and another company\'s address', async () => {
    await dealer.delete('/api/v1/mall/cart');
    const addressId = await defaultAddress(dealer);
    const body = { addressId, paymentMethod: 'offline', expectedTotalFen: 0 };
    expect((await checkout(dealer, body)).json().code).toBe('cart_empty');
    const noKey = await dealer.post('/api/v1/mall/checkout', body);
    expect([noKey.statusCode, noKey.json().code]).toEqual([400, 'idempotency_key_required']);

    const cart = (await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unit['HT-JBSC-128/瓶'], qty: 5 })).json();
    const invalid = await checkout(dealer, { ...body, expectedTotalFen: cart.totals.totalFen });
    expect([invalid.statusCode, invalid.json().code]).toEqual([422, 'cart_invalid']);
    expect(invalid.json().lines).toEqual([expect.objectContaining({ lineId: cart.lines[0].id, code: 'below_minimum' }), expect.objectContaining({ code: 'not_multiple' })]);

    await dealer.patch(`/api/v1/mall/cart/lines/${cart.lines[0].id}`, { qty: 6 });
    const changed = await checkout(dealer, { ...body, expectedTotalFen: 1 });
    expect([changed.statusCode, changed.json().code]).toEqual([409, 'cart_prices_changed']);
    expect(changed.json().totalFen, changed.body).toBeGreaterThan(1);
    expect(changed.json().changes).toEqual([]);

    const retailer = await loginMember(t.app, 'retailer1');
    const foreign = await defaultAddress(retailer);
    const stolen = await checkout(dealer, { ...body, addressId: foreign, expectedTotalFen: changed.json().totalFen });
    expect([stolen.statusCode, stolen.json().code]).toEqual([404, 'not_found']);
    expect((await dealer.get('/api/v1/mall/cart')).json().lines).toHaveLength(1);
  });
});

describe('order lifecycle', () => {
  it('goes through order review and finance review, then shipment and receipt, with a timeline', async () => {
    const order = await placeOrder(dealer, [['NFSQ-550/箱', 3]]);
    expect(order.status).toBe('pending_review');
    // Finance cannot approve at the order-review step.
    const early = await finance.post(`/api/v1/admin/orders/${order.id}/approve`, { version: order.version });
    expect([early.statusCode, early.json().code]).toEqual([403, 'forbidden']);
    const reviewed = (await clerk.post(`/api/v1/admin/orders/${order.id}/approve`, { version: order.version })).json();
    expect(reviewed.status).toBe('pending_finance');
    const financed = (await finance.post(`/api/v1/admin/orders/${order.id}/approve`, { version: reviewed.version })).json();
    expect(financed.status).toBe('pending_shipment');
    const warehouse = await loginStaff(t.app, 'warehouse');
    const shipped = (await warehouse.post(`/api/v1/admin/orders/${order.id}/ship`, { version: financed.version, carrier: '顺丰', trackingNo: 'SF123' })).json();
    expect([shipped.status, shipped.fulfilmentStatus, shipped.trackingNo]).toEqual(['pending_receipt', 'shipped', 'SF123']);
    const cancel = await dealer.post(`/api/v1/mall/orders/${order.id}/cancel`, { version: shipped.version });
    expect([cancel.statusCode, cancel.json().code]).toEqual([409, 'order_state_conflict']);
    const done = (await dealer.post(`/api/v1/mall/orders/${order.id}/receive`, { version: shipped.version })).json();
    expect(done.status).toBe('completed');
    expect(done.events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'approve', 'approve', 'shipment_created', 'shipment_shipped', 'ship', 'receive']);
  });

  it('lets exactly one of two staff approving at once win; the other gets 409', async () => {
    const order = await placeOrder(dealer, [['KSF-BHC-500/箱', 1]]);
    const clerk2 = await loginStaff(t.app, 'admin');
    const [a, b] = await Promise.all([clerk, clerk2].map((c) => c.post(`/api/v1/admin/orders/${order.id}/approve`, { version: order.version })));
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const detail = (await admin.get(`/api/v1/admin/orders/${order.id}`)).json();
    expect(detail.events.filter((e: { action: string }) => e.action === 'approve')).toHaveLength(1);
  });

  it('lets the customer cancel before release, and staff reject with a reason or void', async () => {
    const a = await placeOrder(dealer, [['SPRITE-500/瓶', 24]]);
    expect((await dealer.post(`/api/v1/mall/orders/${a.id}/cancel`, { version: a.version, reason: '下错了' })).json()).toMatchObject({ status: 'cancelled', cancelReason: '下错了' });
    const b = await placeOrder(dealer, [['FANTA-500/瓶', 24]]);
    const noReason = await clerk.post(`/api/v1/admin/orders/${b.id}/reject`, { version: b.version });
    expect(noReason.statusCode).toBe(400);
    expect((await clerk.post(`/api/v1/admin/orders/${b.id}/reject`, { version: b.version, reason: '价格有误' })).json()).toMatchObject({ status: 'rejected', rejectReason: '价格有误' });
    const c = await placeOrder(dealer, [['FANTA-500/箱', 1]]);
    expect((await clerk.post(`/api/v1/admin/orders/${c.id}/void`, { version: c.version, reason: '重复订单' })).json().status).toBe('voided');
  });

  it('bulk-approves the orders at the caller\'s step and reports the rest', async () => {
    const x = await placeOrder(dealer, [['HT-HY-700/瓶', 1]]);
    const y = await placeOrder(dealer, [['HT-LCW-500/瓶', 1]]);
    const done = await clerk.post(`/api/v1/admin/orders/${y.id}/approve`, { version: y.version });
    expect(done.statusCode).toBe(200);
    const res = (await clerk.post('/api/v1/admin/orders/bulk-approve', { ids: [x.id, y.id] })).json();
    expect(res.results).toEqual([{ id: x.id, ok: true, status: 'pending_finance' }, { id: y.id, ok: false, code: 'forbidden' }]);
  });
});

describe('staff edit', () => {
  it('recalculates totals, keeps the change in the timeline, remembers a price and refuses a stale version', async () => {
    const order = await placeOrder(dealer, [['NFSQ-550/箱', 2], ['KO-330-YW/箱', 1]]);
    const [water, cola] = order.lines;
    const edited = await clerk.put(`/api/v1/admin/orders/${order.id}`, {
      version: order.version, rememberPrices: true,
      lines: [{ id: water.id, skuUnitId: water.skuUnitId, qty: 4 }, { skuUnitId: unit['MI-67W/个'], qty: 1, unitPriceFen: 7000 }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const e = edited.json();
    expect(e.revision).toBe(2);
    expect(e.totals.goodsFen).toBe(4 * water.unitPriceFen + 7000);
    const change = e.events.at(-1);
    expect(change.action).toBe('edited');
    expect(change.changes.lines).toEqual([
      expect.objectContaining({ skuCode: 'NFSQ-550', kind: 'qty', before: 2, after: 4 }),
      expect.objectContaining({ skuCode: cola.skuCode, kind: 'removed' }),
      expect.objectContaining({ skuCode: 'MI-67W', kind: 'added', after: 1 }),
    ]);
    expect(change.changes.differenceFen).toBe(e.totalFen - order.totalFen);
    // The customer sees the new total and the history.
    const seen = (await dealer.get(`/api/v1/mall/orders/${order.id}`)).json();
    expect(seen.totalFen).toBe(e.totalFen);
    expect(seen.events.at(-1).changes.totalAfterFen).toBe(e.totalFen);
    // Price memory: 7000 is now dealer1's own price of the charger.
    const cart = (await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unit['MI-67W/个'], qty: 1 })).json();
    expect(cart.lines.find((l: { skuCode: string }) => l.skuCode === 'MI-67W')).toMatchObject({ unitPriceFen: 7000, priceSource: 'customer' });
    await dealer.delete('/api/v1/mall/cart');

    const stale = await clerk.put(`/api/v1/admin/orders/${order.id}`, { version: order.version, lines: [{ skuUnitId: water.skuUnitId, qty: 1 }] });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'version_conflict']);
  });

  it('refuses to edit a released order', async () => {
    const order = await placeOrder(dealer, [['NFSQ-550/箱', 1]]);
    let o = (await clerk.post(`/api/v1/admin/orders/${order.id}/approve`, { version: order.version })).json();
    o = (await finance.post(`/api/v1/admin/orders/${order.id}/approve`, { version: o.version })).json();
    expect(o.status).toBe('pending_shipment');
    const res = await clerk.put(`/api/v1/admin/orders/${order.id}`, { version: o.version, lines: [{ id: o.lines[0].id, skuUnitId: o.lines[0].skuUnitId, qty: 2 }] });
    expect([res.statusCode, res.json().code]).toEqual([409, 'order_state_conflict']);
    expect((await admin.get(`/api/v1/admin/orders/${order.id}`)).json().revision).toBe(1);
  });
});

describe('console queue', () => {
  it('lists the clerk\'s to-do tab, filters by SKU and order number, counts tabs and exports xlsx', async () => {
    const order = await placeOrder(dealer, [['HW-FB5I-WH/副', 2]]);
    const todo = (await clerk.get('/api/v1/admin/orders?tab=todo')).json().items;
    expect(todo.every((o: { status: string }) => o.status === 'pending_review')).toBe(true);
    expect(todo.map((o: { id: string }) => o.id)).toContain(order.id);
    expect((await finance.get('/api/v1/admin/orders?tab=todo')).json().items.map((o: { id: string }) => o.id)).not.toContain(order.id);
    expect((await clerk.get('/api/v1/admin/orders?sku=hw-fb5i-wh')).json().items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect((await clerk.get(`/api/v1/admin/orders?q=${order.orderNo}`)).json().items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    // The whole number in lower case (equality on the unique number), and its start (prefix match) both find it.
    expect((await clerk.get(`/api/v1/admin/orders?q=${order.orderNo.toLowerCase()}`)).json().items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect((await clerk.get(`/api/v1/admin/orders?q=${order.orderNo.slice(0, -2)}`)).json().items.map((o: { id: string }) => o.id)).toContain(order.id);
    // The day range (China days, both ends included) — also bounded on the id, which must not change what it finds.
    const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const inRange = async (range: string) => (await clerk.get(`/api/v1/admin/orders?${range}`)).json().items.map((o: { id: string }) => o.id);
    expect(await inRange(`from=${chinaDay(0)}&to=${chinaDay(0)}`)).toContain(order.id);
    expect(await inRange(`from=${chinaDay(-30)}`)).toContain(order.id);
    expect(await inRange(`to=${chinaDay(0)}`)).toContain(order.id);
    expect(await inRange(`from=${chinaDay(1)}`)).not.toContain(order.id);
    expect(await inRange(`to=${chinaDay(-1)}`)).not.toContain(order.id);
    const counts = (await clerk.get('/api/v1/admin/orders/counts')).json();
    expect(counts.latestId).toBe(order.id);
    expect(counts.todo).toBeGreaterThanOrEqual(1);
    const x = await clerk.get('/api/v1/admin/orders/export?tab=todo');
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const print = await clerk.get(`/api/v1/admin/orders/${order.id}/print/picking`);
    expect(print.headers['content-type']).toContain('text/html');
    expect(print.body).toContain('拣货单');
    expect(print.body).toContain('HW-FB5I-WH');
  });

  it('hides other salespeople\'s customers\' orders from a salesperson', async () => {
    const order = await placeOrder(dealer, [['NFSQ-550/瓶', 1]]);
    const sales2 = await loginStaff(t.app, 'sales2');
    const sales = await loginStaff(t.app, 'sales');
    const mine = (await sales.get('/api/v1/admin/orders')).json().items.map((o: { id: string }) => o.id);
    const theirs = (await sales2.get('/api/v1/admin/orders')).json().items.map((o: { id: string }) => o.id);
    expect(mine.includes(order.id) !== theirs.includes(order.id)).toBe(true);
    const outsider = mine.includes(order.id) ? sales2 : sales;
    expect((await outsider.get(`/api/v1/admin/orders/${order.id}`)).statusCode).toBe(404);
  });

  it('places an order for a customer (代客下单) at a staff price, idempotently', async () => {
    const customerId = (await dealer.get('/api/v1/mall/account')).json().customer.id;
    const address = (await admin.get(`/api/v1/admin/customers/${customerId}`)).json().addresses[0].id;
    const picks = (await clerk.get(`/api/v1/admin/orders/sku-lookup?customerId=${customerId}&q=JLY`)).json().items;
    expect(picks.map((p: { skuCode: string }) => p.skuCode)).toContain('JLY-TH-5L');
    const body = { customerId, addressId: address, paymentMethod: 'offline', lines: [{ skuUnitId: unit['JLY-TH-5L/桶'], qty: 3, unitPriceFen: 6000 }] };
    const k = key();
    const res = await clerk.request('POST', '/api/v1/admin/orders', body, { 'idempotency-key': k });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'staff', placedByName: expect.any(String), totalFen: 18000 });
    expect(res.json().lines[0]).toMatchObject({ priceOverridden: true, priceSource: 'manual' });
    const again = await clerk.request('POST', '/api/v1/admin/orders', body, { 'idempotency-key': k });
    expect(again.json().id).toBe(res.json().id);
  });
});

describe('member approval and reorder', () => {
  it('holds a buyer\'s order for the company approver when the customer requires it', async () => {
    const customerId = (await dealer.get('/api/v1/mall/account')).json().customer.id;
    const c = (await admin.get(`/api/v1/admin/customers/${customerId}`)).json();
    const approverLogin = c.members.find((m: { memberRole: string }) => m.memberRole === 'approver');
    const created = await admin.post(`/api/v1/admin/customers/${customerId}/members`, { name: '采购小王', username: 'dealer1buyer', memberRole: 'buyer', password: 'dinghuo123' });
    expect(created.statusCode, created.body).toBe(201);
    const buyerLogin = created.json();
    await admin.patch(`/api/v1/admin/customers/${customerId}`, { orderApproval: true, version: c.version });
    const buyer = await loginMember(t.app, buyerLogin.username);
    const order = await placeOrder(buyer, [['NFSQ-550/箱', 1]]);
    expect(order.status).toBe('pending_approval');
    expect(order.allowedActions).not.toContain('approve');
    const approver = await loginMember(t.app, approverLogin.username);
    const seen = (await approver.get(`/api/v1/mall/orders/${order.id}`)).json();
    expect(seen.allowedActions).toContain('approve');
    expect((await approver.post(`/api/v1/mall/orders/${order.id}/approve`, { version: seen.version })).json().status).toBe('pending_review');
    const after = (await admin.get(`/api/v1/admin/customers/${customerId}`)).json();
    await admin.patch(`/api/v1/admin/customers/${customerId}`, { orderApproval: false, version: after.version });
  });

  it('puts a past order back into the cart (再来一单) and downloads it as xlsx', async () => {
    const order = await placeOrder(dealer, [['KO-330-LD/箱', 2]]);
    const res = (await dealer.post(`/api/v1/mall/orders/${order.id}/reorder`)).json();
    expect(res.cart.lines.map((l: { skuCode: string; qty: number }) => `${l.skuCode}×${l.qty}`)).toEqual(['KO-330-LD×2']);
    const x = await dealer.get(`/api/v1/mall/orders/${order.id}/export`);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const retailer = await loginMember(t.app, 'retailer1');
    expect((await retailer.get(`/api/v1/mall/orders/${order.id}`)).statusCode).toBe(404);
  });
});
