/**
 * Payments and customer accounts (issue 6, first slice): balances and credit terms, the finance ledger, paying
 * orders from the balance, by transfer with a voucher, on credit and cash on delivery, finance confirming and
 * rejecting, and the races and bad input around the last fen. Every test ends with the finance ledger balanced.
 */
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkFinanceLedgers } from '../../src/modules/payments/index.js';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { multipart } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let owner: Client;
let finance: Client;
let clerk: Client;
let dealer: Client;
let dealer2: Client;
let retailer: Client;
let unitId: string;
const customerOf: Record<string, string> = {};

const key = () => `pay-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const withKey = (c: Client, method: 'POST', url: string, body: unknown, k = key()) => c.request(method, url, body, { 'idempotency-key': k });
const pay = (c: Client, orderId: string, body: Record<string, unknown>, k = key()) => withKey(c, 'POST', `/api/v1/mall/orders/${orderId}/payments`, body, k);
const adjust = (customerId: string, deltaFen: number, k = key()) =>
  withKey(finance, 'POST', `/api/v1/admin/customers/${customerId}/account/adjustments`, { deltaFen, reason: deltaFen > 0 ? 'rebate' : 'correction', note: '测试调整' }, k);
const account = async (customerId: string) => (await finance.get(`/api/v1/admin/customers/${customerId}/account`)).json();
const terms = (customerId: string, body: Record<string, unknown>) => finance.put(`/api/v1/admin/customers/${customerId}/account/terms`, {
  creditLimitFen: 0, creditTermDays: 30, creditPolicy: 'block', balanceShortPolicy: 'block', methods: null, ...body,
});
const orderOf = async (c: Client, id: string) => (await c.get(`/api/v1/mall/orders/${id}`)).json();

/** Empties the customer's balance and credit back to zero (a correction and a repayment), so each test starts clean. */
async function resetAccount(customerId: string) {
  const a = await account(customerId);
  if (a.balanceFen > 0) expect((await adjust(customerId, -a.balanceFen)).statusCode).toBe(201);
  if (a.creditUsedFen > 0) expect((await withKey(finance, 'POST', `/api/v1/admin/customers/${customerId}/account/credit-repayments`, { amountFen: a.creditUsedFen })).statusCode).toBe(201);
  expect((await terms(customerId, {})).statusCode).toBe(200);
}

/** An order of `qty` bottles of the test product, submitted by `c` with `paymentMethod`. */
async function placeOrder(c: Client, qty = 2, paymentMethod = 'offline') {
  await c.delete('/api/v1/mall/cart');
  expect((await c.post('/api/v1/mall/cart/lines', { skuUnitId: unitId, qty })).statusCode).toBe(200);
  const addressId = ((await c.get('/api/v1/mall/addresses')).json().items as { id: string; isDefault: boolean }[]).find((a) => a.isDefault)!.id;
  const total = (await c.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
  const res = await withKey(c, 'POST', '/api/v1/mall/checkout', { addressId, paymentMethod, expectedTotalFen: total });
  return res;
}
async function order(c: Client, qty = 2, paymentMethod = 'offline') {
  const res = await placeOrder(c, qty, paymentMethod);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orderNo: string; totalFen: number; version: number; paymentMethod: string };
}

const png = () => sharp({ create: { width: 600, height: 900, channels: 3, background: '#27ae60' } }).png().toBuffer();
async function upload(c: Client, file: { name: string; data: Buffer; type?: string }) {
  const m = multipart({}, file);
  return c.request('POST', '/api/v1/mall/payment-vouchers', m.body, { 'content-type': m.contentType });
}
async function voucher(c: Client) {
  const res = await upload(c, { name: 'slip.png', type: 'image/png', data: await png() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const count = async (table: string) => Number(((await t.database.owner.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0].n);
const moneyRows = async () => ({ payments: await count('payments'), movements: await count('money_movements'), accounts: await count('customer_accounts'), keys: await count('idempotency_keys') });

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginStaff(t.app, 'owner');
  finance = await loginStaff(t.app, 'finance');
  clerk = await loginStaff(t.app, 'clerk');
  dealer = await loginMember(t.app, 'dealer1');
  dealer2 = await loginMember(t.app, 'dealer2');
  retailer = await loginMember(t.app, 'retailer1');
  for (const [name, c] of [['dealer1', dealer], ['dealer2', dealer2], ['retailer1', retailer]] as const) customerOf[name] = (await c.get('/api/v1/mall/account')).json().customer.id;
  const p = (await owner.post('/api/v1/admin/products', {
    name: '收款测试商品', onShelf: true, skus: [{ code: 'PAY-1', baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 1000 }] }],
  })).json();
  unitId = p.skus[0].units[0].id;
  for (const w of (await owner.get('/api/v1/admin/warehouses')).json().items as { id: string }[]) {
    expect((await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: w.id, skuId: p.skus[0].id, delta: 100_000, kind: 'inbound', reason: '收款测试' })).statusCode).toBe(201);
  }
});
afterEach(async () => { if (t) expect(await checkFinanceLedgers(t.database)).toEqual([]); });
afterAll(async () => { await t?.close(); });

describe('customer accounts', () => {
  it('starts at zero, takes a rebate and a correction with reasons, and never goes below zero', async () => {
    const id = customerOf.retailer1;
    expect(await account(id)).toMatchObject({ balanceFen: 0, creditLimitFen: 0, creditUsedFen: 0, creditAvailableFen: 0, overdueFen: 0, methods: null });
    const k = key();
    const rebate = await adjust(id, 5000, k);
    expect(rebate.statusCode, rebate.body).toBe(201);
    expect(rebate.json().movement).toMatchObject({ kind: 'adjustment', amountFen: 5000, balanceDeltaFen: 5000, reason: 'rebate', note: '测试调整', actorName: '周财务' });
    // the same key again answers the first result and books nothing more
    const replay = await adjust(id, 5000, k);
    expect(replay.json().movement.id).toBe(rebate.json().movement.id);
    expect((await adjust(id, -1500)).statusCode).toBe(201);
    expect((await account(id)).balanceFen).toBe(3500);

    const before = await moneyRows();
    const over = await adjust(id, -3501);
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'insufficient_balance', balanceFen: 3500, amountFen: 3501 });
    expect(await moneyRows()).toEqual(before);

    const mine = (await retailer.get('/api/v1/mall/finance/account')).json();
    expect(mine).toMatchObject({ balanceFen: 3500, creditLimitFen: 0, creditAvailableFen: 0, overdueFen: 0 });
    expect(mine.enabledMethods.map((m: { code: string }) => m.code)).toEqual(['offline', 'balance', 'bank_transfer', 'cod']);
    const ledger = (await retailer.get('/api/v1/mall/finance/movements')).json().items;
    expect(ledger.map((m: { balanceDeltaFen: number }) => m.balanceDeltaFen)).toEqual([-1500, 5000]);
    await resetAccount(id);
  });

  it('sets credit terms and the customer\'s methods, refusing a stale version', async () => {
    const id = customerOf.retailer1;
    const a = await account(id);
    const set = await terms(id, { creditLimitFen: 200_000, creditTermDays: 45, creditPolicy: 'review', balanceShortPolicy: 'partial', methods: ['balance', 'credit'], version: a.version });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ creditLimitFen: 200_000, creditAvailableFen: 200_000, creditTermDays: 45, creditPolicy: 'review', methods: ['balance', 'credit'] });
    expect(set.json().enabledMethods.map((m: { code: string }) => m.code)).toEqual(['balance', 'credit']);
    const stale = await terms(id, { creditLimitFen: 1, version: a.version });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'version_conflict']);
    const mine = (await retailer.get('/api/v1/mall/finance/account')).json();
    expect(mine).toMatchObject({ creditLimitFen: 200_000, creditAvailableFen: 200_000, creditTermDays: 45 });
    const audit = (await owner.get(`/api/v1/admin/audit?entityType=customer&limit=5`)).json().items as { action: string }[];
    expect(audit.map((x) => x.action)).toContain('account.terms');
    await resetAccount(id);
  });

  it('keeps accounts to finance: the order clerk and members of other companies cannot read or change them', async () => {
    expect((await clerk.get(`/api/v1/admin/customers/${customerOf.dealer1}/account`)).statusCode).toBe(403);
    expect((await withKey(clerk, 'POST', `/api/v1/admin/customers/${customerOf.dealer1}/account/adjustments`, { deltaFen: 100, reason: 'rebate', note: 'x' })).statusCode).toBe(403);
    expect((await finance.get('/api/v1/admin/customers/0NOSUCHCUSTOMER000000000/account')).statusCode).toBe(404);
    const noKey = await finance.post(`/api/v1/admin/customers/${customerOf.dealer1}/account/adjustments`, { deltaFen: 100, reason: 'rebate', note: 'x' });
    expect([noKey.statusCode, noKey.json().code]).toEqual([400, 'idempotency_key_required']);
  });
});

describe('checkout and payment methods', () => {
  it('offers the methods enabled for the customer and refuses the others', async () => {
    const id = customerOf.dealer2;
    const addressId = (await dealer2.get('/api/v1/mall/addresses')).json().items[0].id;
    const codes = async () => ((await dealer2.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().paymentMethods as { code: string }[]).map((m) => m.code);
    expect(await codes()).toEqual(['offline', 'balance', 'bank_transfer', 'cod']);
    await terms(id, { creditLimitFen: 100_000 });
    expect(await codes()).toEqual(['offline', 'balance', 'bank_transfer', 'cod', 'credit']);
    await terms(id, { creditLimitFen: 100_000, methods: ['cod', 'credit'] });
    expect(await codes()).toEqual(['cod', 'credit']);
    const refused = await placeOrder(dealer2, 1, 'offline');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'payment_method_unavailable', enabled: ['cod', 'credit'] });
    const cod = await order(dealer2, 1, 'cod');
    expect(cod.paymentMethod).toBe('cod');
    // the company switches COD off: the customer's own list cannot bring it back
    const s = (await owner.get('/api/v1/admin/settings')).json();
    await owner.put('/api/v1/admin/settings', { settings: { ...s.settings, payments: { ...s.settings.payments, methods: ['offline', 'balance', 'bank_transfer', 'credit'] } }, version: s.version });
    expect(await codes()).toEqual(['credit']);
    const s2 = (await owner.get('/api/v1/admin/settings')).json();
    await owner.put('/api/v1/admin/settings', { settings: { ...s2.settings, payments: { ...s2.settings.payments, methods: ['offline', 'balance', 'bank_transfer', 'cod', 'credit'] } }, version: s2.version });
    await resetAccount(id);
  });

  it('blocks ordering on a balance that cannot cover the order when the customer\'s setting blocks', async () => {
    const id = customerOf.dealer2;
    const short = await placeOrder(dealer2, 1, 'balance');
    expect(short.statusCode).toBe(409);
    expect(short.json()).toMatchObject({ code: 'insufficient_balance', balanceFen: 0 });
    await terms(id, { balanceShortPolicy: 'partial' });
    expect((await placeOrder(dealer2, 1, 'balance')).statusCode).toBe(201);
    await terms(id, { creditLimitFen: 100, creditPolicy: 'block' });
    const credit = await placeOrder(dealer2, 1, 'credit');
    expect(credit.statusCode).toBe(409);
    expect(credit.json()).toMatchObject({ code: 'credit_limit_exceeded', creditLimitFen: 100, creditUsedFen: 0, availableFen: 100 });
    await resetAccount(id);
  });
});

describe('paying from the balance', () => {
  it('pays an order in full: a 收款单, a ledger row, the order paid', async () => {
    const id = customerOf.dealer1;
    const o = await order(dealer);
    await adjust(id, o.totalFen + 1000);
    const res = await pay(dealer, o.id, { method: 'balance' });
    expect(res.statusCode, res.body).toBe(201);
    const { payment, order: money } = res.json();
    expect(payment).toMatchObject({ paymentNo: expect.stringMatching(/^SK\d{6}$/), purpose: 'order', method: 'balance', amountFen: o.totalFen, status: 'succeeded', orderNo: o.orderNo });
    expect(money).toMatchObject({ paymentStatus: 'paid', paidFen: o.totalFen, amountDueFen: 0 });
    const detail = await orderOf(dealer, o.id);
    expect(detail).toMatchObject({ paymentStatus: 'paid', paidFen: o.totalFen, amountDueFen: 0 });
    expect(detail.events.at(-1)).toMatchObject({ action: 'payment_received', changes: { paymentNo: payment.paymentNo, method: 'balance', amountFen: o.totalFen } });
    expect((await account(id)).balanceFen).toBe(1000);
    const ledger = (await finance.get(`/api/v1/admin/customers/${id}/account/movements?limit=1`)).json().items[0];
    expect(ledger).toMatchObject({ kind: 'balance_payment', amountFen: o.totalFen, balanceDeltaFen: -o.totalFen, orderNo: o.orderNo, docType: 'payment', docId: payment.id });

    // nothing is due any more: paying again, by any method, is more than due
    const before = await moneyRows();
    const again = await pay(dealer, o.id, { method: 'balance', amountFen: 1 });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'payment_exceeds_due', amountDueFen: 0, amountFen: 1 });
    expect(await moneyRows()).toEqual(before);
    await resetAccount(id);
  });

  it('refuses more than is due, and a short balance unless the customer allows partial payment', async () => {
    const id = customerOf.dealer1;
    const o = await order(dealer);
    await adjust(id, 300);
    const before = await moneyRows();
    const more = await pay(dealer, o.id, { method: 'balance', amountFen: o.totalFen + 1 });
    expect(more.statusCode).toBe(422);
    expect(more.json()).toMatchObject({ code: 'payment_exceeds_due', amountDueFen: o.totalFen, amountFen: o.totalFen + 1 });
    const short = await pay(dealer, o.id, { method: 'balance' });
    expect(short.statusCode).toBe(409);
    expect(short.json()).toMatchObject({ code: 'insufficient_balance', balanceFen: 300, amountFen: o.totalFen });
    expect(await moneyRows()).toEqual(before);
    expect((await orderOf(dealer, o.id))).toMatchObject({ paymentStatus: 'unpaid', paidFen: 0, version: o.version });

    await terms(id, { balanceShortPolicy: 'partial' });
    const partial = await pay(dealer, o.id, { method: 'balance' });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json().payment.amountFen).toBe(300);
    expect(partial.json().order).toMatchObject({ paymentStatus: 'partially_paid', paidFen: 300, amountDueFen: o.totalFen - 300 });
    expect((await account(id)).balanceFen).toBe(0);
    await resetAccount(id);
  });
});

describe('bank transfer with a voucher (combined with the balance)', () => {
  it('pays part from the balance, declares the rest by transfer, and finance confirms it once', async () => {
    const id = customerOf.dealer1;
    const o = await order(dealer, 3);
    await adjust(id, 1000);
    expect((await pay(dealer, o.id, { method: 'balance', amountFen: 1000 })).statusCode).toBe(201);
    const v = await voucher(dealer);
    const declared = await pay(dealer, o.id, { method: 'bank_transfer', voucherIds: [v], remark: '工行转账' });
    expect(declared.statusCode, declared.body).toBe(201);
    const p = declared.json().payment;
    expect(p).toMatchObject({ method: 'bank_transfer', amountFen: o.totalFen - 1000, status: 'pending_confirmation', remark: '工行转账', vouchers: [{ id: v, url: `/api/v1/mall/payment-vouchers/${v}` }] });
    expect(declared.json().order).toMatchObject({ paymentStatus: 'pending_confirmation', paidFen: 1000, awaitingConfirmationFen: o.totalFen - 1000 });
    // nothing more can be declared while the transfer awaits finance
    expect((await pay(dealer, o.id, { method: 'bank_transfer', voucherIds: [await voucher(dealer)] })).json().code).toBe('payment_exceeds_due');

    const queue = (await finance.get(`/api/v1/admin/payments?status=pending_confirmation&method=bank_transfer&customerId=${id}`)).json().items;
    expect(queue.map((x: { id: string }) => x.id)).toContain(p.id);
    expect(queue.find((x: { id: string }) => x.id === p.id)).toMatchObject({ customerName: expect.any(String), orderNo: o.orderNo, vouchers: [{ id: v, url: `/api/v1/admin/payment-vouchers/${v}` }] });
    const image = await finance.get(`/api/v1/admin/payment-vouchers/${v}`);
    expect([image.statusCode, image.headers['content-type']]).toEqual([200, 'image/webp']);
    expect((await sharp(image.rawPayload).metadata()).format).toBe('webp');

    const confirmed = await finance.post(`/api/v1/admin/payments/${p.id}/confirm`, { version: p.version, reference: 'ICBC-20261125-001' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'succeeded', decidedByName: '周财务', reference: 'ICBC-20261125-001' });
    expect(await orderOf(dealer, o.id)).toMatchObject({ paymentStatus: 'paid', paidFen: o.totalFen });
    const audit = (await owner.get('/api/v1/admin/audit?entityType=payment&limit=5')).json().items as { action: string; entityId: string }[];
    expect(audit.find((a) => a.entityId === p.id && a.action === 'payment.confirm')).toBeDefined();
    const twice = await finance.post(`/api/v1/admin/payments/${p.id}/confirm`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'payment_state_conflict', paymentStatus: 'succeeded' });
    expect((await finance.post(`/api/v1/admin/payments/${p.id}/reject`, { reason: '太晚了' })).json().code).toBe('payment_state_conflict');
    const listed = (await dealer.get(`/api/v1/mall/orders/${o.id}/payments`)).json();
    expect(listed.items.map((x: { method: string; status: string }) => `${x.method}:${x.status}`)).toEqual(['balance:succeeded', 'bank_transfer:succeeded']);
    await resetAccount(id);
  });

  it('a rejected transfer leaves the order as it was; its voucher cannot be used again', async () => {
    const o = await order(dealer);
    const v = await voucher(dealer);
    const p = (await pay(dealer, o.id, { method: 'bank_transfer', voucherIds: [v], amountFen: 500 })).json().payment;
    const rejected = await finance.post(`/api/v1/admin/payments/${p.id}/reject`, { reason: '未收到款项' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '未收到款项' });
    const detail = await orderOf(dealer, o.id);
    expect(detail).toMatchObject({ paymentStatus: 'unpaid', paidFen: 0 });
    expect(detail.events.at(-1).action).toBe('payment_rejected');
    const reuse = await pay(dealer, o.id, { method: 'bank_transfer', voucherIds: [v] });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().errors).toEqual([{ path: 'body.voucherIds.0', message: 'this voucher belongs to another payment' }]);
  });

  it('takes only real images as vouchers, each readable by its own company only', async () => {
    const fake = await upload(dealer, { name: 'slip.png', type: 'image/png', data: Buffer.from('<?php system($_GET["c"]); ?>') });
    expect([fake.statusCode, fake.json().code]).toEqual([415, 'unsupported_media_type']);
    const huge = await upload(dealer, { name: 'huge.png', type: 'image/png', data: Buffer.alloc(6 * 1024 * 1024, 1) });
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'payload_too_large']);
    const v = await voucher(dealer);
    expect((await dealer.get(`/api/v1/mall/payment-vouchers/${v}`)).statusCode).toBe(200);
    expect((await retailer.get(`/api/v1/mall/payment-vouchers/${v}`)).statusCode).toBe(404);
    // another company's voucher cannot be named either
    const o = await order(retailer);
    const other = await pay(retailer, o.id, { method: 'bank_transfer', voucherIds: [v] });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].path).toBe('body.voucherIds.0');
    const noVoucher = await pay(retailer, o.id, { method: 'bank_transfer' });
    expect(noVoucher.json().errors[0].path).toBe('body.voucherIds');
  });
});

describe('credit terms (账期)', () => {
  it('charges within the limit, refuses beyond it with the numbers, and sends it to finance under the review policy', async () => {
    const id = customerOf.dealer2;
    const o1 = await order(dealer2, 2);
    await terms(id, { creditLimitFen: o1.totalFen + 100, creditTermDays: 30 });
    const charged = await pay(dealer2, o1.id, { method: 'credit' });
    expect(charged.statusCode, charged.body).toBe(201);
    expect(charged.json().payment).toMatchObject({ method: 'credit', status: 'succeeded', amountFen: o1.totalFen });
    expect(await account(id)).toMatchObject({ creditUsedFen: o1.totalFen, creditAvailableFen: 100, overdueFen: 0 });
    const due = (await finance.get(`/api/v1/admin/customers/${id}/account/movements?limit=1`)).json().items[0];
    expect(due).toMatchObject({ kind: 'credit_charge', creditDeltaFen: o1.totalFen, dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    const o2 = await order(dealer2, 2);
    const before = await moneyRows();
    const over = await pay(dealer2, o2.id, { method: 'credit' });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'credit_limit_exceeded', creditLimitFen: o1.totalFen + 100, creditUsedFen: o1.totalFen, availableFen: 100, amountFen: o2.totalFen });
    expect(over.json().detail).toContain('100 fen');
    expect(await moneyRows()).toEqual(before);

    await terms(id, { creditLimitFen: o1.totalFen + 100, creditPolicy: 'review' });
    const review = await pay(dealer2, o2.id, { method: 'credit' });
    expect(review.statusCode, review.body).toBe(201);
    expect(review.json().payment).toMatchObject({ status: 'pending_confirmation', reviewReason: 'credit_limit_exceeded' });
    expect(review.json().order.paymentStatus).toBe('pending_confirmation');
    const approved = await finance.post(`/api/v1/admin/payments/${review.json().payment.id}/confirm`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await account(id)).toMatchObject({ creditUsedFen: o1.totalFen + o2.totalFen, creditAvailableFen: 0 });
    expect(await orderOf(dealer2, o2.id)).toMatchObject({ paymentStatus: 'paid' });
    await resetAccount(id);
  });

  it('blocks while anything is overdue, until it is repaid; repaying more than owed is refused', async () => {
    const id = customerOf.dealer2;
    await terms(id, { creditLimitFen: 10_000_000, creditTermDays: 30 });
    const o1 = await order(dealer2, 1);
    expect((await pay(dealer2, o1.id, { method: 'credit' })).statusCode).toBe(201);
    // time passes: the charge's last day to pay is now in the past
    await t.database.owner.execute(sql`update money_movements set due_on = current_date - 3 where customer_id = ${id} and kind = 'credit_charge'`);
    expect((await account(id)).overdueFen).toBe(o1.totalFen);
    expect((await dealer2.get('/api/v1/mall/finance/account')).json()).toMatchObject({ overdueFen: o1.totalFen, creditUsedFen: o1.totalFen });
    const o2 = await order(dealer2, 1);
    const blocked = await pay(dealer2, o2.id, { method: 'credit' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'credit_overdue', overdueFen: o1.totalFen });

    const tooMuch = await withKey(finance, 'POST', `/api/v1/admin/customers/${id}/account/credit-repayments`, { amountFen: o1.totalFen + 1 });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'payment_exceeds_due', amountDueFen: o1.totalFen });
    const repaid = await withKey(finance, 'POST', `/api/v1/admin/customers/${id}/account/credit-repayments`, { amountFen: o1.totalFen, reference: '还款' });
    expect(repaid.statusCode, repaid.body).toBe(201);
    expect(repaid.json().payment).toMatchObject({ purpose: 'credit_repayment', status: 'succeeded', orderId: null });
    expect(repaid.json().account).toMatchObject({ creditUsedFen: 0, overdueFen: 0 });
    expect((await pay(dealer2, o2.id, { method: 'credit' })).statusCode).toBe(201);
    await resetAccount(id);
  });
});

describe('receipts recorded by finance', () => {
  it('records cash on delivery once per Idempotency-Key, and a recharge to the balance', async () => {
    const o = await order(dealer, 1, 'cod');
    const k = key();
    const body = { method: 'cod', amountFen: o.totalFen, reference: '司机代收' };
    const first = await withKey(finance, 'POST', `/api/v1/admin/orders/${o.id}/payments`, body, k);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().order).toMatchObject({ paymentStatus: 'paid', paidFen: o.totalFen, paymentMethod: 'cod' });
    const again = await withKey(finance, 'POST', `/api/v1/admin/orders/${o.id}/payments`, body, k);
    expect(again.json().payment.id).toBe(first.json().payment.id);
    const other = await withKey(finance, 'POST', `/api/v1/admin/orders/${o.id}/payments`, { ...body, amountFen: 1 }, k);
    expect([other.statusCode, other.json().code]).toEqual([422, 'idempotency_mismatch']);
    expect((await finance.get(`/api/v1/admin/orders/${o.id}/payments`)).json().items).toHaveLength(1);
    expect((await clerk.get(`/api/v1/admin/orders/${o.id}/payments`)).statusCode).toBe(200);
    expect((await withKey(clerk, 'POST', `/api/v1/admin/orders/${o.id}/payments`, body)).statusCode).toBe(403);

    const recharge = await withKey(finance, 'POST', `/api/v1/admin/customers/${customerOf.dealer1}/account/recharges`, { amountFen: 8800, reference: '储值' });
    expect(recharge.statusCode, recharge.body).toBe(201);
    expect(recharge.json().account.balanceFen).toBe(8800);
    await resetAccount(customerOf.dealer1);
  });
});

describe('objects that are not yours', () => {
  it('answers 404 for an unknown order and for another company\'s order, writing nothing', async () => {
    const o = await order(dealer);
    await adjust(customerOf.retailer1, 100_000);
    const before = await moneyRows();
    const unknown = await pay(retailer, '0NOSUCHORDER00000000000000', { method: 'balance' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'not_found']);
    const foreign = await pay(retailer, o.id, { method: 'balance' });
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'not_found']);
    expect((await retailer.get(`/api/v1/mall/orders/${o.id}/payments`)).statusCode).toBe(404);
    expect((await finance.post('/api/v1/admin/payments/0NOSUCHPAYMENT000000000000/confirm', {})).statusCode).toBe(404);
    expect(await moneyRows()).toEqual(before);
    expect(await orderOf(dealer, o.id)).toMatchObject({ paymentStatus: 'unpaid', version: o.version });
    await resetAccount(customerOf.retailer1);
  });

  it('refuses paying a cancelled order', async () => {
    const o = await order(dealer);
    expect((await dealer.post(`/api/v1/mall/orders/${o.id}/cancel`, { version: o.version })).statusCode).toBe(200);
    const res = await pay(dealer, o.id, { method: 'bank_transfer', voucherIds: [await voucher(dealer)] });
    expect([res.statusCode, res.json().code]).toEqual([409, 'order_state_conflict']);
  });
});

describe('races', () => {
  it('balance payments racing for the last fen: exactly one succeeds, round after round', async () => {
    const id = customerOf.dealer2;
    for (let round = 0; round < 3; round++) {
      const racers = [await order(dealer2, 2), await order(dealer2, 2), await order(dealer2, 2)];
      await adjust(id, racers[0].totalFen);
      const res = await Promise.all(racers.map((o) => pay(dealer2, o.id, { method: 'balance' })));
      expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      for (const r of res.filter((x) => x.statusCode === 409)) expect(r.json()).toMatchObject({ code: 'insufficient_balance', balanceFen: 0 });
      expect((await account(id)).balanceFen).toBe(0);
      const paid = (await Promise.all(racers.map((o) => orderOf(dealer2, o.id)))).map((o) => o.paymentStatus).sort();
      expect(paid).toEqual(['paid', 'unpaid', 'unpaid']);
    }
    await resetAccount(id);
  });

  it('payments, a debit, a recharge and a COD receipt of one customer at once leave the ledger balanced', async () => {
    const id = customerOf.dealer2;
    const [a, b, c] = [await order(dealer2, 1), await order(dealer2, 1), await order(dealer2, 1)];
    await adjust(id, a.totalFen + b.totalFen);
    const res = await Promise.all([
      pay(dealer2, a.id, { method: 'balance' }), pay(dealer2, b.id, { method: 'balance' }), adjust(id, -100),
      withKey(finance, 'POST', `/api/v1/admin/customers/${id}/account/recharges`, { amountFen: 50 }),
      withKey(finance, 'POST', `/api/v1/admin/orders/${c.id}/payments`, { method: 'cod', amountFen: c.totalFen }),
    ]);
    // the debit of 100 takes part of what the two orders need: one of the three loses, whichever came last
    expect(res.filter((r) => r.statusCode === 409).length).toBeLessThanOrEqual(1);
    expect(res.every((r) => r.statusCode === 201 || (r.statusCode === 409 && r.json().code === 'insufficient_balance'))).toBe(true);
    expect(await checkFinanceLedgers(t.database)).toEqual([]);
    await resetAccount(id);
  });

  it('several payments of one order at once never pay it twice', async () => {
    const id = customerOf.dealer2;
    const o = await order(dealer2, 1);
    await adjust(id, o.totalFen * 4);
    const res = await Promise.all([1, 2, 3, 4].map(() => pay(dealer2, o.id, { method: 'balance' })));
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 422, 422, 422]);
    expect((await account(id)).balanceFen).toBe(o.totalFen * 3);
    expect(await orderOf(dealer2, o.id)).toMatchObject({ paymentStatus: 'paid', paidFen: o.totalFen });
    await resetAccount(id);
  });

  it('two finance users confirming one transfer at once: one confirms, the other gets 409', async () => {
    const o = await order(dealer);
    const p = (await pay(dealer, o.id, { method: 'bank_transfer', voucherIds: [await voucher(dealer)] })).json().payment;
    const admin = await loginStaff(t.app, 'admin');
    const res = await Promise.all([finance.post(`/api/v1/admin/payments/${p.id}/confirm`, {}), admin.post(`/api/v1/admin/payments/${p.id}/confirm`, {})]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await orderOf(dealer, o.id)).toMatchObject({ paymentStatus: 'paid', paidFen: o.totalFen });
  });
});

describe('check-ledgers (finance)', () => {
  it('finds an account, an order or a payment that does not match its ledger rows', async () => {
    const id = customerOf.retailer1;
    await adjust(id, 700);
    const o = await order(retailer, 1);
    await t.database.owner.execute(sql`update customer_accounts set balance_fen = balance_fen + 1 where customer_id = ${id}`);
    await t.database.owner.execute(sql`update orders set paid_fen = 5 where id = ${o.id}`);
    const problems = await checkFinanceLedgers(t.database);
    expect(problems.map((p) => p.what).sort()).toEqual(['account ≠ finance ledger', 'order paid ≠ receipts − refunds']);
    await t.database.owner.execute(sql`update customer_accounts set balance_fen = balance_fen - 1 where customer_id = ${id}`);
    await t.database.owner.execute(sql`update orders set paid_fen = 0 where id = ${o.id}`);
    expect(await checkFinanceLedgers(t.database)).toEqual([]);
    await resetAccount(id);
  });
});

describe('refunds (退款单)', () => {
  const refundsOf = async (orderId: string) => (await finance.get(`/api/v1/admin/refunds?orderId=${orderId}`)).json().items as { id: string; refundNo: string; amountFen: number; destination: string; status: string; trigger: string; version: number }[];

  it('a paid order cancelled by the customer asks finance to refund it all to the balance; approving brings the money back', async () => {
    const id = customerOf.dealer1;
    await resetAccount(id);
    expect((await adjust(id, 50_000)).statusCode).toBe(201);
    const o = await order(dealer, 3);
    expect((await pay(dealer, o.id, { method: 'balance', amountFen: o.totalFen })).statusCode).toBe(201);
    expect((await account(id)).balanceFen).toBe(50_000 - o.totalFen);
    const paid = await orderOf(dealer, o.id);
    expect(paid.paymentStatus).toBe('paid');

    expect((await dealer.post(`/api/v1/mall/orders/${o.id}/cancel`, { version: paid.version, reason: '不需要了' })).statusCode).toBe(200);
    const [r] = await refundsOf(o.id);
    expect(r).toMatchObject({ refundNo: expect.stringMatching(/^TK\d{6}$/), amountFen: o.totalFen, destination: 'balance', status: 'pending_approval', trigger: 'cancel' });
    // Nothing moves before finance decides; the customer sees the request.
    expect((await account(id)).balanceFen).toBe(50_000 - o.totalFen);
    expect((await dealer.get(`/api/v1/mall/orders/${o.id}/refunds`)).json().items.map((x: { status: string }) => x.status)).toEqual(['pending_approval']);
    // A clerk without finance.write cannot approve it.
    expect((await clerk.post(`/api/v1/admin/refunds/${r.id}/approve`, {})).statusCode).toBe(403);

    const ok = await finance.post(`/api/v1/admin/refunds/${r.id}/approve`, { version: r.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('succeeded');
    expect((await account(id)).balanceFen).toBe(50_000);
    const after = await orderOf(dealer, o.id);
    expect([after.paidFen, after.paymentStatus]).toEqual([0, 'refunded']);
    expect(after.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['refund_requested', 'refund_succeeded']));
    const twice = await finance.post(`/api/v1/admin/refunds/${r.id}/approve`, {});
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'refund_state_conflict']);
    await resetAccount(id);
  });

  it('an open order refunds only what an edit left overpaid (credit first); a voided one all of it; too much is refused', async () => {
    const id = customerOf.dealer2;
    await resetAccount(id);
    expect((await terms(id, { creditLimitFen: 1_000_000 })).statusCode).toBe(200);
    const o = await order(dealer2, 4, 'credit');
    expect((await pay(dealer2, o.id, { method: 'credit', amountFen: o.totalFen })).statusCode).toBe(201);
    expect((await account(id)).creditUsedFen).toBe(o.totalFen);

    // While the order is open nothing paid can be refunded: that would only make it due again.
    const early = await withKey(finance, 'POST', `/api/v1/admin/orders/${o.id}/refunds`, { amountFen: 1, destination: 'original', reason: '破损补偿' });
    expect([early.statusCode, early.json().code, early.json().refundableFen]).toEqual([422, 'refund_exceeds_paid', 0]);
    // The clerk lowers the order (4 → 3): what was paid beyond the new total can go back, the credit part first.
    const full = (await owner.get(`/api/v1/admin/orders/${o.id}`)).json();
    const edited = await owner.put(`/api/v1/admin/orders/${o.id}`, { version: full.version, lines: [{ id: full.lines[0].id, skuUnitId: full.lines[0].skuUnitId, qty: 3 }] });
    expect(edited.statusCode, edited.body).toBe(200);
    const over = o.totalFen - edited.json().totalFen;
    expect(over).toBeGreaterThan(0);
    // The edit itself asked for the overpayment back (trigger edit); finance turns that one down and files its own.
    const auto = (await refundsOf(o.id)).filter((r) => r.status === 'pending_approval');
    expect(auto.map((r) => [r.destination, r.amountFen, r.trigger])).toEqual([['credit', over, 'edit']]);
    expect((await finance.post(`/api/v1/admin/refunds/${auto[0].id}/reject`, { rejectReason: '按少发登记' })).statusCode).toBe(200);
    const k = key();
    const manual = await withKey(finance, 'POST', `/api/v1/admin/orders/${o.id}/refunds`, { amountFen: over, destination: 'original', reason: '少发一瓶' }, k);
    expect(manual.statusCode, manual.body).toBe(201);
    expect(manual.json().items.map((x: { destination: string; amountFen: number }) => [x.destination, x.amountFen])).toEqual([['credit', over]]);
    const replay = await withKey(finance, 'POST', `/api/v1/admin/orders/${o.id}/refunds`, { amountFen: over, destination: 'original', reason: '少发一瓶' }, k);
    expect(replay.json().items[0].id).toBe(manual.json().items[0].id);
    const tooMuch = await withKey(finance, 'POST', `/api/v1/admin/orders/${o.id}/refunds`, { amountFen: 1, destination: 'balance', reason: '多退' });
    expect([tooMuch.statusCode, tooMuch.json().code, tooMuch.json().refundableFen]).toEqual([422, 'refund_exceeds_paid', 0]);
    expect((await finance.post(`/api/v1/admin/refunds/${manual.json().items[0].id}/approve`, {})).statusCode).toBe(200);
    expect((await account(id)).creditUsedFen).toBe(o.totalFen - over);
    const afterEdit = await orderOf(dealer2, o.id);
    expect([afterEdit.paymentStatus, afterEdit.paidFen, afterEdit.amountDueFen]).toEqual(['partially_refunded', o.totalFen - over, 0]);

    // Voiding asks for the rest; rejecting one then needs a new request.
    const cur = (await owner.get(`/api/v1/admin/orders/${o.id}`)).json();
    expect((await owner.post(`/api/v1/admin/orders/${o.id}/void`, { version: cur.version, reason: '重复订单' })).statusCode).toBe(200);
    const pending = (await refundsOf(o.id)).filter((r) => r.status === 'pending_approval');
    expect(pending.map((r) => [r.destination, r.amountFen, r.trigger])).toEqual([['credit', o.totalFen - over, 'void']]);
    const rej = await finance.post(`/api/v1/admin/refunds/${pending[0].id}/reject`, { rejectReason: '客户要求改退到余额' });
    expect([rej.statusCode, rej.json().status]).toEqual([200, 'rejected']);
    const again = await withKey(finance, 'POST', `/api/v1/admin/orders/${o.id}/refunds`, { amountFen: o.totalFen - over, destination: 'balance', reason: '作废退款' });
    expect(again.statusCode, again.body).toBe(201);
    for (const r of again.json().items) expect((await finance.post(`/api/v1/admin/refunds/${r.id}/approve`, {})).statusCode).toBe(200);
    expect((await account(id)).creditUsedFen).toBe(0);
    expect((await orderOf(dealer2, o.id)).paymentStatus).toBe('refunded');
    await resetAccount(id);
  });
});
