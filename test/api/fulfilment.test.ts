import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStockLedgers } from '../../src/modules/inventory/check-ledgers.js';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { startLiveServer } from '../support/live-server.js';
import type { TestApp } from '../support/test-app.js';
import type { Kuaidi100Simulator } from '../../src/modules/logistics/kuaidi100.simulator.js';

let t: TestApp & { url: string; sim: Kuaidi100Simulator | null };
let sim: Kuaidi100Simulator;
let owner: Client;
let dealer: Client;
let sh: string;
let gz: string;
let addressId: string;

async function productWithStock(code: string, inSh: number, inGz: number) {
  const p = (await owner.post('/api/v1/admin/products', {
    name: `发货测试 ${code}`, onShelf: true, skus: [{ code, baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 100 }] }],
  })).json();
  const skuId = p.skus[0].id as string;
  for (const [w, n] of [[sh, inSh], [gz, inGz]] as const) if (n) expect((await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: w, skuId, delta: n, kind: 'inbound', reason: '测试入库' })).statusCode).toBe(201);
  return { skuId, unit: p.skus[0].units[0].id as string };
}
const level = async (skuId: string, w: string) => {
  const rows = (await t.database.owner.execute(sql`select on_hand, reserved from stock_levels where sku_id = ${skuId} and warehouse_id = ${w}`)) as unknown as { rows: { on_hand: string; reserved: string }[] };
  return { onHand: Number(rows.rows[0]?.on_hand ?? 0), reserved: Number(rows.rows[0]?.reserved ?? 0) };
};
/** A submitted order released to the warehouse (order review and finance approved). */
async function releasedOrder(lines: [string, number][]) {
  await dealer.delete('/api/v1/mall/cart');
  for (const [u, qty] of lines) await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: u, qty });
  const total = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
  const res = await dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': `ful-${Math.random()}` });
  expect(res.statusCode, res.body).toBe(201);
  let o = res.json();
  while (o.status !== 'pending_shipment') o = (await owner.post(`/api/v1/admin/orders/${o.id}/approve`, { version: o.version })).json();
  return o as { id: string; orderNo: string; version: number };
}
const order = async (id: string) => (await owner.get(`/api/v1/admin/orders/${id}`)).json();

beforeAll(async () => {
  t = await startLiveServer({}, { carrier: true, web: false }) as typeof t;
  sim = t.sim!;
  owner = await loginStaff(t.app, 'owner');
  dealer = await loginMember(t.app, 'dealer1');
  const ws = (await owner.get('/api/v1/admin/warehouses')).json().items as { id: string; code: string }[];
  sh = ws.find((w) => w.code === 'SH01')!.id;
  gz = ws.find((w) => w.code === 'GZ01')!.id;
  addressId = (await dealer.get('/api/v1/mall/addresses')).json().items[0].id;
});
afterAll(async () => {
  if (t) expect(await checkStockLedgers(t.database)).toEqual([]);
  await t?.close();
});

describe('fulfilment', () => {
  it('a released order split over two warehouses appears in both queues and ships partially from each', async () => {
    const p = await productWithStock('FUL-A', 4, 6);
    const o = await releasedOrder([[p.unit, 8]]);
    expect(await level(p.skuId, sh)).toEqual({ onHand: 4, reserved: 4 });
    expect(await level(p.skuId, gz)).toEqual({ onHand: 6, reserved: 4 });
    const queue = (w: string) => owner.get(`/api/v1/admin/fulfilment/queue?warehouseId=${w}`).then((r) => r.json().items.filter((i: { orderId: string }) => i.orderId === o.id));
    expect((await queue(sh)).map((i: { lines: { qty: number }[] }) => i.lines[0].qty)).toEqual([4]);
    expect((await queue(gz)).map((i: { lines: { qty: number }[] }) => i.lines[0].qty)).toEqual([4]);

    // 上海 ships 3 of its 4 first.
    const s1 = (await owner.post('/api/v1/admin/shipments', { orderId: o.id, warehouseId: sh, lines: [{ skuId: p.skuId, qty: 3 }] })).json();
    expect([s1.status, s1.quantity, s1.shipmentNo]).toEqual(['picking', 3, expect.stringMatching(/^FH\d{6}$/)]);
    expect((await order(o.id)).fulfilmentStatus).toBe('partially_picked');
    const packed = (await owner.post(`/api/v1/admin/shipments/${s1.id}/pack`, { version: s1.version, packages: 2, weightGrams: 1500 })).json();
    expect(packed.status).toBe('packed');
    const shipped1 = await owner.post(`/api/v1/admin/shipments/${s1.id}/ship`, { version: packed.version, carrierCode: 'shunfeng', trackingNo: 'SF1234567890' });
    expect(shipped1.statusCode, shipped1.body).toBe(200);
    expect(await level(p.skuId, sh)).toEqual({ onHand: 1, reserved: 1 });
    let now = await order(o.id);
    expect([now.status, now.fulfilmentStatus]).toEqual(['pending_shipment', 'partially_shipped']);
    expect((await queue(sh)).map((i: { lines: { qty: number }[] }) => i.lines[0].qty)).toEqual([1]);

    // 广州 ships its 4 with a waybill number issued by the carrier (the simulated Kuaidi100).
    const s2 = (await owner.post('/api/v1/admin/shipments', { orderId: o.id, warehouseId: gz })).json();
    expect(s2.lines.map((l: { qty: number }) => l.qty)).toEqual([4]);
    const shipped2 = (await owner.post(`/api/v1/admin/shipments/${s2.id}/ship`, { carrierCode: 'zhongtong', requestWaybill: true })).json();
    expect([shipped2.status, shipped2.waybillVia, shipped2.trackingNo]).toEqual(['shipped', 'kuaidi100', expect.stringMatching(/^SIM/)]);
    expect(await level(p.skuId, gz)).toEqual({ onHand: 2, reserved: 0 });

    // The last unit from 上海 closes the order's shipping: 待收货确认.
    const s3 = (await owner.post('/api/v1/admin/shipments', { orderId: o.id, warehouseId: sh })).json();
    expect((await owner.post(`/api/v1/admin/shipments/${s3.id}/ship`, { carrierCode: 'self' })).statusCode).toBe(200);
    now = await order(o.id);
    expect([now.status, now.fulfilmentStatus]).toEqual(['pending_receipt', 'shipped']);
    expect(await level(p.skuId, sh)).toEqual({ onHand: 0, reserved: 0 });
    const kinds = ((await t.database.owner.execute(sql`select kind, doc_type from stock_movements where sku_id = ${p.skuId} and kind = 'ship' order by id`)) as unknown as { rows: { doc_type: string }[] }).rows;
    expect(kinds.map((k) => k.doc_type)).toEqual(['shipment', 'shipment', 'shipment']);
    expect(now.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['shipment_created', 'shipment_shipped', 'ship']));

    // The customer sees three parcels; receipt marks them delivered.
    const mine = (await dealer.get(`/api/v1/mall/orders/${o.id}/shipments`)).json().items;
    expect(mine.map((s: { carrierName: string }) => s.carrierName)).toEqual(['顺丰速运', '中通快递', '自送/自提']);
    const rec = await dealer.post(`/api/v1/mall/orders/${o.id}/receive`, { version: now.version });
    expect(rec.statusCode, rec.body).toBe(200);
    expect((await dealer.get(`/api/v1/mall/orders/${o.id}/shipments`)).json().items.every((s: { status: string }) => s.status === 'delivered')).toBe(true);
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });

  it('tracking pushes are verified, stored once however often they come, and a forged one is refused', async () => {
    const p = await productWithStock('FUL-T', 5, 0);
    const o = await releasedOrder([[p.unit, 2]]);
    const s = (await owner.post('/api/v1/admin/shipments', { orderId: o.id, warehouseId: sh })).json();
    const shipped = (await owner.post(`/api/v1/admin/shipments/${s.id}/ship`, { carrierCode: 'yuantong', requestWaybill: true })).json();
    expect(shipped.trackingVia).toBeNull(); // the answer is sent before the subscription, which happens after commit
    const detail = async () => (await owner.get(`/api/v1/admin/shipments/${s.id}`)).json();
    expect((await detail()).trackingVia).toBe('kuaidi100');
    expect(sim.parcels.get(shipped.trackingNo)!.subscription!.callbackurl).toBe(`${t.url}/api/v1/webhooks/kuaidi100/demo/${s.id}`);

    for (let i = 0; i < 3; i++) expect((await sim.advance(shipped.trackingNo))!.status).toBe(200);
    expect((await detail()).tracking.map((e: { state: string }) => e.state)).toEqual(['collected', 'in_transit', 'in_transit']);
    const older = [...sim.parcels.get(shipped.trackingNo)!.history.slice(1)];
    // The same push ten times, concurrently: still three steps.
    const dupes = await Promise.all(Array.from({ length: 10 }, () => sim.push(shipped.trackingNo)));
    expect(dupes.map((d) => d!.status)).toEqual(Array(10).fill(200));
    expect(JSON.parse(dupes[0]!.body)).toEqual({ result: true, returnCode: '200', message: '成功' });
    expect((await detail()).tracking).toHaveLength(3);
    // A forged push is refused and changes nothing.
    const forged = await sim.push(shipped.trackingNo, { forged: true });
    expect([forged!.status, JSON.parse(forged!.body).code]).toEqual([401, 'signature_invalid']);
    // An older push arriving late does not move the state back.
    await sim.push(shipped.trackingNo, { history: older });
    expect((await detail()).trackingState).toBe('in_transit');
    await sim.advance(shipped.trackingNo);
    await sim.advance(shipped.trackingNo);
    const done = await detail();
    expect([done.status, done.trackingState, done.tracking.length]).toEqual(['delivered', 'delivered', 5]);
    // The customer's timeline, newest first; another customer cannot see it.
    const mine = (await dealer.get(`/api/v1/mall/orders/${o.id}/shipments`)).json().items[0];
    expect(mine.tracking[0].description).toContain('签收');
    const other = await loginMember(t.app, 'dealer2');
    expect((await other.get(`/api/v1/mall/orders/${o.id}/shipments`)).statusCode).toBe(404);
    // A push for an unknown tenant or a malformed one never reaches the data.
    const bad = await fetch(`${t.url}/api/v1/webhooks/kuaidi100/nosuchtenant/${s.id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'param=%7B%7D&sign=X' });
    expect(bad.status).toBe(404);
    const noSign = await fetch(`${t.url}/api/v1/webhooks/kuaidi100/demo/${s.id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'param=%7B%7D' });
    expect(noSign.status).toBe(400);
    // Staff can also query the carrier directly.
    expect((await owner.post(`/api/v1/admin/shipments/${s.id}/tracking/refresh`)).json().tracking).toHaveLength(5);
  });

  it('refuses shipping more than ordered, a SKU not in the order, an unreleased order, and shipping twice', async () => {
    const p = await productWithStock('FUL-B', 10, 0);
    const q = await productWithStock('FUL-C', 10, 0);
    const o = await releasedOrder([[p.unit, 3]]);
    const before = await level(p.skuId, sh);
    const over = await owner.post('/api/v1/admin/shipments', { orderId: o.id, warehouseId: sh, lines: [{ skuId: p.skuId, qty: 4 }] });
    expect([over.statusCode, over.json().code, over.json().errors[0].path]).toEqual([422, 'exceeds_ordered', 'body.lines.0.qty']);
    const foreign = await owner.post('/api/v1/admin/shipments', { orderId: o.id, warehouseId: sh, lines: [{ skuId: q.skuId, qty: 1 }] });
    expect([foreign.statusCode, foreign.json().code]).toEqual([422, 'exceeds_ordered']);
    expect((await owner.get(`/api/v1/admin/shipments?orderId=${o.id}`)).json().items).toEqual([]);
    expect(await level(p.skuId, sh)).toEqual(before);

    await dealer.delete('/api/v1/mall/cart');
    await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: p.unit, qty: 1 });
    const total = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
    const fresh = (await dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': `ful-${Math.random()}` })).json();
    const early = await owner.post('/api/v1/admin/shipments', { orderId: fresh.id, warehouseId: sh });
    expect([early.statusCode, early.json().code]).toEqual([409, 'order_state_conflict']);

    const s = (await owner.post('/api/v1/admin/shipments', { orderId: o.id, warehouseId: sh })).json();
    const noNumber = await owner.post(`/api/v1/admin/shipments/${s.id}/ship`, { carrierCode: 'shunfeng' });
    expect([noNumber.statusCode, noNumber.json().code]).toEqual([400, 'validation_failed']);
    expect((await owner.post(`/api/v1/admin/shipments/${s.id}/ship`, { carrierCode: 'shunfeng', trackingNo: 'SF0000000001' })).statusCode).toBe(200);
    const twice = await owner.post(`/api/v1/admin/shipments/${s.id}/ship`, { carrierCode: 'shunfeng', trackingNo: 'SF0000000001' });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'invalid_state']);
    const cancelShipped = await owner.post(`/api/v1/admin/shipments/${s.id}/cancel`, {});
    expect([cancelShipped.statusCode, cancelShipped.json().code]).toEqual([409, 'invalid_state']);
    // The unreleased order still holds its 1.
    expect(await level(p.skuId, sh)).toEqual({ onHand: before.onHand - 3, reserved: before.reserved - 3 + 1 });
  });

  it('a cancelled shipment goes back to the queue; a batched pick list sums two orders; voiding after a partial shipment is refused', async () => {
    const p = await productWithStock('FUL-D', 20, 0);
    const a = await releasedOrder([[p.unit, 5]]);
    const b = await releasedOrder([[p.unit, 7]]);
    const sa = (await owner.post('/api/v1/admin/shipments', { orderId: a.id, warehouseId: sh })).json();
    const sb = (await owner.post('/api/v1/admin/shipments', { orderId: b.id, warehouseId: sh })).json();
    const inQueue = async (id: string) => (await owner.get(`/api/v1/admin/fulfilment/queue?warehouseId=${sh}`)).json().items.some((i: { orderId: string }) => i.orderId === id);
    expect(await inQueue(a.id)).toBe(false);
    const pick = await owner.post('/api/v1/admin/pick-lists', { shipmentIds: [sa.id, sb.id] });
    expect(pick.statusCode, pick.body).toBe(201);
    const html = (await owner.get(`/api/v1/admin/pick-lists/${pick.json().id}/print`)).body;
    expect(html).toContain('FUL-D');
    expect(html).toMatch(/<td>12<\/td>/);
    expect(html).toContain(`${sa.shipmentNo}×5`);
    for (const kind of ['picking', 'delivery', 'waybill']) {
      const res = await owner.get(`/api/v1/admin/shipments/${sa.id}/print/${kind}`);
      expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
      expect(res.body).toContain(sa.shipmentNo);
    }
    expect((await owner.post(`/api/v1/admin/shipments/${sa.id}/cancel`, { version: sa.version })).json().status).toBe('cancelled');
    expect(await inQueue(a.id)).toBe(true);
    expect((await order(a.id)).fulfilmentStatus).toBe('unfulfilled');

    // Order b: 3 of 7 leave, then voiding is refused; order a (nothing shipped) can be voided and its stock comes back.
    const part = (await owner.post(`/api/v1/admin/shipments/${sb.id}/cancel`, { version: sb.version })).json();
    expect(part.status).toBe('cancelled');
    const sb2 = (await owner.post('/api/v1/admin/shipments', { orderId: b.id, warehouseId: sh, lines: [{ skuId: p.skuId, qty: 3 }] })).json();
    await owner.post(`/api/v1/admin/shipments/${sb2.id}/ship`, { carrierCode: 'self' });
    const ob = await order(b.id);
    const voidB = await owner.post(`/api/v1/admin/orders/${b.id}/void`, { version: ob.version, reason: '客户不要了' });
    expect([voidB.statusCode, voidB.json().code]).toEqual([409, 'order_state_conflict']);
    const sa2 = (await owner.post('/api/v1/admin/shipments', { orderId: a.id, warehouseId: sh })).json();
    const oa = await order(a.id);
    expect((await owner.post(`/api/v1/admin/orders/${a.id}/void`, { version: oa.version, reason: '重复下单' })).statusCode).toBe(200);
    expect((await owner.get(`/api/v1/admin/shipments/${sa2.id}`)).json().status).toBe('cancelled');
    expect(await level(p.skuId, sh)).toEqual({ onHand: 17, reserved: 4 });
  });

  it('with reserveAt = approval, stock is only checked at submission and reserved when the clerk approves', async () => {
    const cur = (await owner.get('/api/v1/admin/settings')).json();
    await owner.put('/api/v1/admin/settings', { settings: { ...cur.settings, orders: { ...cur.settings.orders, reserveAt: 'approval' } }, version: cur.version });
    try {
      const p = await productWithStock('FUL-E', 5, 0);
      const submit = async () => {
        await dealer.delete('/api/v1/mall/cart');
        await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: p.unit, qty: 4 });
        const total = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
        return dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': `ful-${Math.random()}` });
      };
      const first = (await submit()).json();
      const second = (await submit()).json();
      expect([first.status, second.status]).toEqual(['pending_review', 'pending_review']);
      expect(await level(p.skuId, sh)).toEqual({ onHand: 5, reserved: 0 });
      const ok = await owner.post(`/api/v1/admin/orders/${first.id}/approve`, { version: first.version });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(await level(p.skuId, sh)).toEqual({ onHand: 5, reserved: 4 });
      // The second order's 4 are no longer there: approving it is refused and nothing changes.
      const short = await owner.post(`/api/v1/admin/orders/${second.id}/approve`, { version: second.version });
      expect([short.statusCode, short.json().code]).toEqual([409, 'out_of_stock']);
      expect((await order(second.id)).status).toBe('pending_review');
      expect(await level(p.skuId, sh)).toEqual({ onHand: 5, reserved: 4 });
      // And a submission beyond what is available is refused at once.
      await dealer.delete('/api/v1/mall/cart');
      await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: p.unit, qty: 2 });
      const total2 = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
      const refused = await dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total2 }, { 'idempotency-key': `ful-${Math.random()}` });
      expect([refused.statusCode, refused.json().code]).toEqual([409, 'out_of_stock']);
    } finally {
      const now = (await owner.get('/api/v1/admin/settings')).json();
      await owner.put('/api/v1/admin/settings', { settings: { ...now.settings, orders: { ...now.settings.orders, reserveAt: 'submit' } }, version: now.version });
    }
  });
});

describe('fulfilment races', () => {
  it('eight staff shipping the same parcel at once: one ships, seven are refused, the stock leaves once', async () => {
    const p = await productWithStock('FUL-R1', 10, 0);
    const o = await releasedOrder([[p.unit, 4]]);
    const s = (await owner.post('/api/v1/admin/shipments', { orderId: o.id, warehouseId: sh })).json();
    const res = await Promise.all(Array.from({ length: 8 }, (_, i) => owner.post(`/api/v1/admin/shipments/${s.id}/ship`, { carrierCode: 'shunfeng', trackingNo: `SF00000000${i}` })));
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(await level(p.skuId, sh)).toEqual({ onHand: 6, reserved: 0 });
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });

  it('void and whole-order ship of the same order at once: exactly one wins, and the stock matches it', async () => {
    const p = await productWithStock('FUL-R2', 10, 0);
    const o = await releasedOrder([[p.unit, 3]]);
    const [voided, shipped] = await Promise.all([
      owner.post(`/api/v1/admin/orders/${o.id}/void`, { version: o.version, reason: '并发测试' }),
      owner.post(`/api/v1/admin/orders/${o.id}/ship`, { version: o.version, carrier: '顺丰速运', trackingNo: 'SF7777777777' }),
    ]);
    expect([voided.statusCode, shipped.statusCode].sort()).toEqual([200, 409]);
    const after = await level(p.skuId, sh);
    expect(after).toEqual(voided.statusCode === 200 ? { onHand: 10, reserved: 0 } : { onHand: 7, reserved: 0 });
    expect(await checkStockLedgers(t.database)).toEqual([]);
  });
});
