/**
 * Online payments (issue 6): the app listens on a real port, the WeChat Pay and Alipay simulators play the gateways
 * over HTTP and send their signed callbacks to our webhook. Combined payments (part balance, part online), duplicate,
 * concurrent, out-of-order, forged and tampered callbacks, a lost callback recovered by querying, superseded and late
 * payments, online recharge and recharge by transfer, a gateway that is down, and refunds through the gateway.
 */
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAlipayGateway } from '../../src/modules/payments/gateways/alipay.adapter.js';
import type { AlipaySimulator } from '../../src/modules/payments/gateways/alipay.simulator.js';
import type { UnionpaySimulator } from '../../src/modules/payments/gateways/unionpay.simulator.js';
import { clickCashier, openRedirect } from '../../src/modules/payments/gateways/callback-receiver.test-support.js';
import { createWechatPayGateway } from '../../src/modules/payments/gateways/wechat-pay.adapter.js';
import type { WechatPaySimulator } from '../../src/modules/payments/gateways/wechat-pay.simulator.js';
import { checkFinanceLedgers, type GatewayRegistry } from '../../src/modules/payments/index.js';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { multipart } from '../support/multipart.js';
import { startLiveServer } from '../support/live-server.js';

let t: Awaited<ReturnType<typeof startLiveServer>>;
let owner: Client;
let finance: Client;
let dealer: Client;
let wechat: WechatPaySimulator;
let alipay: AlipaySimulator;
let unionpay: UnionpaySimulator;
let unitId: string;
let dealerId: string;
let gateways: GatewayRegistry;

const ALL_METHODS = ['offline', 'wechat', 'alipay', 'unionpay', 'balance', 'bank_transfer', 'cod', 'credit'];
const key = () => `online-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const withKey = (c: Client, url: string, body: unknown, k = key()) => c.request('POST', url, body, { 'idempotency-key': k });
const pay = (orderId: string, body: Record<string, unknown>, k = key()) => withKey(dealer, `/api/v1/mall/orders/${orderId}/payments`, body, k);
const account = async () => (await finance.get(`/api/v1/admin/customers/${dealerId}/account`)).json();
const mallOrder = async (id: string) => (await dealer.get(`/api/v1/mall/orders/${id}`)).json();
const paymentsOf = async (orderId: string) => (await dealer.get(`/api/v1/mall/orders/${orderId}/payments`)).json();
const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.database.owner.execute(q)) as unknown as { rows: T[] }).rows;
const movementsOf = async (docId: string) => (await rows<{ kind: string; amount_fen: string | number }>(sql`select kind, amount_fen from money_movements where doc_id = ${docId}`))
  .map((r) => ({ kind: r.kind, amountFen: Number(r.amount_fen) }));

async function order(qty = 3) {
  await dealer.delete('/api/v1/mall/cart');
  expect((await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unitId, qty })).statusCode).toBe(200);
  const addressId = ((await dealer.get('/api/v1/mall/addresses')).json().items as { id: string; isDefault: boolean }[]).find((a) => a.isDefault)!.id;
  const total = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
  const res = await withKey(dealer, '/api/v1/mall/checkout', { addressId, paymentMethod: 'wechat', expectedTotalFen: total });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orderNo: string; totalFen: number; version: number };
}

async function zeroBalance() {
  const a = await account();
  if (a.balanceFen > 0) expect((await withKey(finance, `/api/v1/admin/customers/${dealerId}/account/adjustments`, { deltaFen: -a.balanceFen, reason: 'correction', note: '清零' })).statusCode).toBe(201);
}

beforeAll(async () => {
  t = await startLiveServer({}, { web: false, payments: true });
  ({ wechat, alipay, unionpay, gateways } = t.paySims!);
  owner = await loginStaff(t.app, 'owner');
  finance = await loginStaff(t.app, 'finance');
  dealer = await loginMember(t.app, 'dealer1');
  dealerId = (await dealer.get('/api/v1/mall/account')).json().customer.id;
  const s = (await owner.get('/api/v1/admin/settings')).json();
  const put = await owner.put('/api/v1/admin/settings', { settings: { ...s.settings, payments: { ...s.settings.payments, methods: ALL_METHODS } }, version: s.version });
  expect(put.statusCode, put.body).toBe(200);
  const p = (await owner.post('/api/v1/admin/products', {
    name: '在线支付测试商品', onShelf: true, skus: [{ code: 'ONL-1', baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 1000 }] }],
  })).json();
  unitId = p.skus[0].units[0].id;
  for (const w of (await owner.get('/api/v1/admin/warehouses')).json().items as { id: string }[]) {
    expect((await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: w.id, skuId: p.skus[0].id, delta: 10_000, kind: 'inbound', reason: '在线支付测试' })).statusCode).toBe(201);
  }
});
afterEach(async () => { if (t) expect(await checkFinanceLedgers(t.database)).toEqual([]); });
afterAll(async () => { await t?.close(); });

describe('paying an order online', () => {
  it('part from the balance, part by WeChat Pay: the callback books the rest once, however often and in whatever order it comes', async () => {
    await zeroBalance();
    expect((await withKey(finance, `/api/v1/admin/customers/${dealerId}/account/adjustments`, { deltaFen: 1200, reason: 'rebate', note: '返利' })).statusCode).toBe(201);
    const o = await order(3);
    const mine = (await dealer.get('/api/v1/mall/finance/account')).json();
    expect(mine.enabledMethods.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(['wechat', 'alipay', 'balance']));
    expect(mine.onlineSandbox).toBe(true);

    expect((await pay(o.id, { method: 'balance', amountFen: 1200 })).statusCode).toBe(201);
    const k = key();
    const started = await pay(o.id, { method: 'wechat' }, k);
    expect(started.statusCode, started.body).toBe(201);
    const p = started.json().payment;
    expect(p).toMatchObject({ method: 'wechat', status: 'pending', amountFen: o.totalFen - 1200, payKind: 'qr', gateway: 'wechat' });
    expect(p.payUrl).toMatch(new RegExp(`^${wechat.url}/cashier/`));
    expect(wechat.trades.get(p.id)).toMatchObject({ amountFen: o.totalFen - 1200, state: 'NOTPAY' });
    // The same key again answers the same cashier and starts nothing new at the gateway.
    expect((await pay(o.id, { method: 'wechat' }, k)).json().payment.id).toBe(p.id);
    expect(wechat.trades.size).toBe(1);
    expect((await mallOrder(o.id)).paymentStatus).toBe('partially_paid');

    const first = await wechat.pay(p.id);
    expect(first.status).toBe(200);
    const after = await mallOrder(o.id);
    expect([after.paymentStatus, after.paidFen]).toEqual(['paid', o.totalFen]);
    expect(await movementsOf(p.id)).toEqual([{ kind: 'receipt', amountFen: o.totalFen - 1200 }]);
    const paid = (await paymentsOf(o.id)).items.find((x: { id: string }) => x.id === p.id);
    expect(paid).toMatchObject({ status: 'succeeded', payUrl: null });
    expect(paid.gatewayTradeNo).toBe(wechat.trades.get(p.id)!.transactionId);

    // Ten copies at once, then an older NOTPAY arriving late: still one payment, one ledger row, the order still paid.
    const copies = await Promise.all(Array.from({ length: 10 }, () => wechat.notify(p.id)));
    expect(copies.map((c) => c.status)).toEqual(Array(10).fill(200));
    expect((await wechat.notify(p.id, { state: 'NOTPAY' })).status).toBe(200);
    expect(await movementsOf(p.id)).toHaveLength(1);
    expect((await mallOrder(o.id)).paymentStatus).toBe('paid');
    expect((await account()).balanceFen).toBe(0);
  });

  it('refuses forged and tampered callbacks (401 signature_invalid) and callbacks for payments it does not have (404)', async () => {
    const o = await order(1);
    const p = (await pay(o.id, { method: 'wechat' })).json().payment;
    const forged = await wechat.notify(p.id, { state: 'SUCCESS', forged: true });
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.body).code).toBe('signature_invalid');
    // Alipay's page payment is a signed URL: the trade exists at Alipay once the payer's browser opens it.
    const ali = (await pay((await order(1)).id, { method: 'alipay' })).json().payment;
    await openRedirect(ali.payUrl);
    const tampered = await alipay.notify(ali.id, { state: 'TRADE_SUCCESS', tamperAmountFen: 1 });
    expect([tampered.status, JSON.parse(tampered.body).code]).toEqual([401, 'signature_invalid']);
    const stale = await wechat.notify(p.id, { state: 'SUCCESS', timestampOffsetSeconds: -3600 });
    expect(stale.status).toBe(401);
    expect((await paymentsOf(o.id)).items[0].status).toBe('pending');
    expect(await movementsOf(p.id)).toEqual([]);

    // A trade the gateway knows but we never started (someone else's, or a replay from another installation).
    await gateways.wechat!.start({ outTradeNo: 'NOSUCHPAYMENT0000000000001', amountFen: 100, description: 'x', notifyUrl: wechat.trades.get(p.id)!.notifyUrl, returnUrl: t.config.publicUrl, expiresAt: new Date(Date.now() + 60_000) });
    const unknown = await wechat.pay('NOSUCHPAYMENT0000000000001');
    expect([unknown.status, JSON.parse(unknown.body).code]).toEqual([404, 'payment_not_found']);
  });

  it('Alipay: the cashier page pays, the callback books it; a lost callback is recovered by asking the gateway', async () => {
    const o = await order(2);
    const p = (await pay(o.id, { method: 'alipay' })).json().payment;
    expect(p.payKind).toBe('redirect');
    const cashier = await openRedirect(p.payUrl);
    const click = await clickCashier(cashier, 'pay');
    expect(click.status).toBe(303);
    // Back to the order page, with Alipay's signed return parameters appended as it does.
    expect(click.location!.startsWith(`${t.config.publicUrl}/m/orders/${o.id}?paid=1&`)).toBe(true);
    expect(alipay.callbacks.at(-1)!.status).toBe(200);
    expect((await mallOrder(o.id)).paymentStatus).toBe('paid');

    // Second order: the trade is paid at Alipay but the callback never arrives; 我已支付 asks the gateway.
    const o2 = await order(1);
    const p2 = (await pay(o2.id, { method: 'alipay' })).json().payment;
    await openRedirect(p2.payUrl);
    const trade = alipay.trades.get(p2.id)!;
    Object.assign(trade, { status: 'TRADE_SUCCESS', paidAt: new Date() });
    const refreshed = await dealer.post(`/api/v1/mall/payments/${p2.id}/refresh`, {});
    expect([refreshed.statusCode, refreshed.json().status]).toEqual([200, 'succeeded']);
    expect((await mallOrder(o2.id)).paymentStatus).toBe('paid');
    // Staff asking again changes nothing.
    expect((await finance.post(`/api/v1/admin/payments/${p2.id}/refresh`, {})).json().status).toBe('succeeded');
    expect(await movementsOf(p2.id)).toHaveLength(1);
  });

  it('a new attempt supersedes the old one; money that still arrives for it, or after the order closed, is booked and requested back', async () => {
    const o = await order(2);
    const old = (await pay(o.id, { method: 'wechat' })).json().payment;
    const now = (await pay(o.id, { method: 'alipay' })).json().payment;
    await openRedirect(now.payUrl);
    const listed = (await paymentsOf(o.id)).items;
    expect(listed.find((x: { id: string }) => x.id === old.id)).toMatchObject({ status: 'failed', failReason: 'superseded' });
    await expect.poll(() => wechat.trades.get(old.id)?.state).toBe('CLOSED');
    expect((await alipay.pay(now.id)).status).toBe(200);
    expect((await mallOrder(o.id)).paymentStatus).toBe('paid');

    // Cancelled while at the cashier, then paid anyway: the money is booked and a refund (原路退回) awaits finance.
    const o2 = await order(1);
    const late = (await pay(o2.id, { method: 'alipay' })).json().payment;
    await openRedirect(late.payUrl);
    expect((await dealer.post(`/api/v1/mall/orders/${o2.id}/cancel`, { version: (await mallOrder(o2.id)).version, reason: '不要了' })).statusCode).toBe(200);
    expect((await paymentsOf(o2.id)).items[0]).toMatchObject({ status: 'failed', failReason: 'order_closed' });
    expect((await alipay.pay(late.id)).status).toBe(200);
    const closed = await mallOrder(o2.id);
    expect([closed.status, closed.paidFen]).toEqual(['cancelled', o2.totalFen]);
    const refunds = (await finance.get(`/api/v1/admin/refunds?orderId=${o2.id}`)).json().items;
    expect(refunds.map((r: { trigger: string; destination: string; amountFen: number; status: string }) => [r.trigger, r.destination, r.amountFen, r.status]))
      .toEqual([['overpaid', 'original', o2.totalFen, 'pending_approval']]);

    // Finance approves: the money goes back through Alipay, once.
    const approved = await finance.post(`/api/v1/admin/refunds/${refunds[0].id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().gatewayRefunds).toEqual([expect.objectContaining({ paymentId: late.id, gateway: 'alipay', amountFen: o2.totalFen })]);
    expect(alipay.trades.get(late.id)!.refundedFen).toBe(o2.totalFen);
    expect((await finance.post(`/api/v1/admin/refunds/${refunds[0].id}/approve`, {})).json().code).toBe('refund_state_conflict');
    expect((await mallOrder(o2.id)).paymentStatus).toBe('refunded');
  });

  it('UnionPay: the front transaction lands on the cashier, the signed back notification books it', async () => {
    const o = await order(2);
    const p = (await pay(o.id, { method: 'unionpay' })).json().payment;
    expect(p).toMatchObject({ status: 'pending', payKind: 'redirect', gateway: 'unionpay' });
    const cashier = p.payUrl.includes('/cashier/') ? p.payUrl : await openRedirect(p.payUrl);
    const click = await clickCashier(cashier, 'pay');
    expect(click.status).toBe(303);
    expect(unionpay.callbacks.at(-1)).toMatchObject({ outTradeNo: p.id, status: 200 });
    expect((await mallOrder(o.id)).paymentStatus).toBe('paid');
    const forged = await unionpay.notify(p.id, { forged: true });
    expect(forged.status).toBe(401);
    expect(await movementsOf(p.id)).toHaveLength(1);
  });

  it('a gateway that cannot be reached leaves nothing behind (503), and the same key works once it is back', async () => {
    const o = await order(1);
    const real = gateways.wechat!;
    gateways.wechat = createWechatPayGateway({ ...wechat.adapterConfig, baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    const before = await rows<{ n: number }>(sql`select count(*)::int as n from payments`);
    const k = key();
    const down = await pay(o.id, { method: 'wechat' }, k);
    expect([down.statusCode, down.json().code]).toEqual([503, 'gateway_unavailable']);
    expect(await rows<{ n: number }>(sql`select count(*)::int as n from payments`)).toEqual(before);
    gateways.wechat = real;
    const again = await pay(o.id, { method: 'wechat' }, k);
    expect([again.statusCode, again.json().payment.status]).toEqual([201, 'pending']);
  });

  it('refuses paying more than is due, and an online method the company does not offer', async () => {
    const o = await order(1);
    const over = await pay(o.id, { method: 'wechat', amountFen: o.totalFen + 1 });
    expect([over.statusCode, over.json().code]).toEqual([422, 'payment_exceeds_due']);
    // Offered by the company but not configured on this server.
    const real = gateways.unionpay;
    delete gateways.unionpay;
    expect((await dealer.get('/api/v1/mall/finance/account')).json().enabledMethods.map((m: { code: string }) => m.code)).not.toContain('unionpay');
    expect((await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unitId, qty: 1 })).statusCode).toBe(200);
    const addressId = ((await dealer.get('/api/v1/mall/addresses')).json().items as { id: string; isDefault: boolean }[]).find((x) => x.isDefault)!.id;
    const preview = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json();
    expect(preview.paymentMethods.map((m: { code: string }) => m.code)).toEqual(['offline', 'wechat', 'alipay', 'balance', 'bank_transfer', 'cod']);
    const refused = await withKey(dealer, '/api/v1/mall/checkout', { addressId, paymentMethod: 'unionpay', expectedTotalFen: preview.cart.totals.totalFen });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'payment_method_unavailable']);
    const none = await pay(o.id, { method: 'unionpay' });
    expect([none.statusCode, none.json().code]).toEqual([422, 'payment_method_unavailable']);
    gateways.unionpay = real;
    // Switched off by the company.
    const s = (await owner.get('/api/v1/admin/settings')).json();
    expect((await owner.put('/api/v1/admin/settings', { settings: { ...s.settings, payments: { ...s.settings.payments, methods: ['offline', 'wechat', 'balance'] } }, version: s.version })).statusCode).toBe(200);
    const off = await pay(o.id, { method: 'alipay' });
    expect([off.statusCode, off.json().code]).toEqual([422, 'payment_method_unavailable']);
    const s2 = (await owner.get('/api/v1/admin/settings')).json();
    expect((await owner.put('/api/v1/admin/settings', { settings: { ...s2.settings, payments: { ...s2.settings.payments, methods: ALL_METHODS } }, version: s2.version })).statusCode).toBe(200);
  });
});

describe('recharge (充值)', () => {
  it('online: the balance grows when WeChat Pay says paid, once', async () => {
    await zeroBalance();
    const k = key();
    const res = await withKey(dealer, '/api/v1/mall/finance/recharges', { method: 'wechat', amountFen: 50_000 }, k);
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json().payment;
    expect(p).toMatchObject({ purpose: 'recharge', status: 'pending', payKind: 'qr' });
    expect((await account()).balanceFen).toBe(0);
    await wechat.pay(p.id);
    await wechat.notify(p.id);
    expect((await account()).balanceFen).toBe(50_000);
    expect(await movementsOf(p.id)).toEqual([{ kind: 'recharge', amountFen: 50_000 }]);
    expect((await dealer.get('/api/v1/mall/finance/recharges')).json().items[0]).toMatchObject({ id: p.id, status: 'succeeded' });
  });

  it('by transfer with a voucher: waits for finance, whose confirmation books it', async () => {
    await zeroBalance();
    const png = await sharp({ create: { width: 400, height: 600, channels: 3, background: '#2980b9' } }).png().toBuffer();
    const m = multipart({}, { name: 'slip.png', type: 'image/png', data: png });
    const v = (await dealer.request('POST', '/api/v1/mall/payment-vouchers', m.body, { 'content-type': m.contentType })).json();
    const noVoucher = await withKey(dealer, '/api/v1/mall/finance/recharges', { method: 'bank_transfer', amountFen: 30_000 });
    expect([noVoucher.statusCode, noVoucher.json().code]).toEqual([400, 'validation_failed']);
    const res = await withKey(dealer, '/api/v1/mall/finance/recharges', { method: 'bank_transfer', amountFen: 30_000, voucherIds: [v.id], remark: '工行转账' });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json().payment;
    expect(p).toMatchObject({ purpose: 'recharge', status: 'pending_confirmation' });
    expect((await account()).balanceFen).toBe(0);
    const ok = await finance.post(`/api/v1/admin/payments/${p.id}/confirm`, { version: p.version, reference: 'ICBC-778' });
    expect([ok.statusCode, ok.json().status]).toEqual([200, 'succeeded']);
    expect((await account()).balanceFen).toBe(30_000);
    expect((await finance.post(`/api/v1/admin/payments/${p.id}/confirm`, {})).json().code).toBe('payment_state_conflict');
  });
});
