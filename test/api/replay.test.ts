/**
 * Replay (issue 7, point 3): every POST that creates money or stock effects, sent 10 times with one Idempotency-Key —
 * one after another, and 10 at once — makes exactly one effect and answers the same body every time; the same key
 * with another body → 422 idempotency_mismatch and no effect. On both databases.
 *
 * To cover a new money route, append one entry to OPERATIONS. Routes whose summary says they take an
 * Idempotency-Key must be listed there (or, while being built, in NOT_YET_COVERED): the last test checks it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { multipart } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Body = Record<string, unknown>;
type Effects = Record<string, number>;

interface Operation {
  /** The route as the route table names it. */
  route: `POST /api/v1/${string}`;
  /** Who sends it. */
  as: () => Client;
  /** Readies the world for one effect (e.g. fills the cart) and gives the URL and body to send. */
  prepare: () => Promise<{ url: string; body: Body }>;
  /** The same request with a different body (for the mismatch). */
  differently: (body: Body) => Body;
  /** Counters read from the database, and how much one effect changes them. */
  effects: () => Promise<Effects>;
  effect: Effects;
}

let t: TestApp;
let admin: Client;
let dealer: Client;
let clerk: Client;
let finance: Client;
let skuId: string;
let unitId: string;
let customerId: string;
let addressId: string;
let warehouseId: string;

const count = async (q: ReturnType<typeof sql>) => Number(((await t.database.owner.execute(q)) as unknown as { rows: { n: string }[] }).rows[0].n);
/** Orders, stock reservations (allocation rows) and reserved units of the test SKU. */
const orderEffects = async (): Promise<Effects> => ({
  orders: await count(sql`select count(*) as n from orders`),
  reservations: await count(sql`select count(*) as n from order_allocations where sku_id = ${skuId}`),
  reservedUnits: await count(sql`select coalesce(sum(reserved), 0) as n from stock_levels where sku_id = ${skuId}`),
});

/** Money: ledger rows, 收款单, 退款单, and the test customer's balance. */
const moneyEffects = async (): Promise<Effects> => ({
  movements: await count(sql`select count(*) as n from money_movements`),
  payments: await count(sql`select count(*) as n from payments`),
  refunds: await count(sql`select count(*) as n from refunds`),
  balance: await count(sql`select coalesce(sum(balance_fen), 0) as n from customer_accounts where customer_id = ${customerId}`),
});

/** Stock movements and units on hand of the test SKU. */
const stockEffects = async (): Promise<Effects> => ({
  movements: await count(sql`select count(*) as n from stock_movements where sku_id = ${skuId}`),
  onHand: await count(sql`select coalesce(sum(on_hand), 0) as n from stock_levels where sku_id = ${skuId}`),
});

/** 发票 and their lines. */
const invoiceEffects = async (): Promise<Effects> => ({
  invoices: await count(sql`select count(*) as n from invoices`),
  invoiceLines: await count(sql`select count(*) as n from invoice_lines`),
});

/** A transfer voucher the dealer uploaded (a small real PNG). */
async function dealerVoucher(): Promise<string> {
  const m = multipart({}, { name: 'slip.png', type: 'image/png', data: await sharp({ create: { width: 80, height: 120, channels: 3, background: '#888' } }).png().toBuffer() });
  const res = await dealer.request('POST', '/api/v1/mall/payment-vouchers', m.body, { 'content-type': m.contentType });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A fresh order of the dealer (1 unit), not paid; the balance is topped up so paying from it always works. */
async function unpaidOrder(): Promise<string> {
  const topUp = await finance.request('POST', `/api/v1/admin/customers/${customerId}/account/adjustments`, { deltaFen: 100_000, reason: 'other', note: '重放准备' }, { 'idempotency-key': `prep-topup-${++keys}` });
  expect(topUp.statusCode, topUp.body).toBe(201);
  const total = await fillCart(1);
  const res = await dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': `prep-order-${++keys}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A fresh order paid in full by the dealer, from the balance or on credit. */
async function payOrder(method: 'balance' | 'credit'): Promise<string> {
  const id = await unpaidOrder();
  const paid = await dealer.request('POST', `/api/v1/mall/orders/${id}/payments`, { method }, { 'idempotency-key': `prep-pay-${++keys}` });
  expect(paid.statusCode, paid.body).toBe(201);
  return id;
}

/** A paid order the dealer cancelled, its automatic refund request rejected, so finance may refund by hand. */
async function cancelledPaidOrder(): Promise<string> {
  const id = await payOrder('balance');
  const o = (await dealer.get(`/api/v1/mall/orders/${id}`)).json() as { version: number };
  expect((await dealer.post(`/api/v1/mall/orders/${id}/cancel`, { version: o.version })).statusCode).toBe(200);
  for (const r of (await finance.get(`/api/v1/admin/refunds?orderId=${id}`)).json().items as { id: string }[]) {
    expect((await finance.post(`/api/v1/admin/refunds/${r.id}/reject`, { rejectReason: '改为手工退款' })).statusCode).toBe(200);
  }
  return id;
}

async function fillCart(qty: number) {
  expect((await dealer.delete('/api/v1/mall/cart')).statusCode).toBe(204);
  expect((await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unitId, qty })).statusCode).toBe(200);
  return (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen as number;
}

const OPERATIONS: Operation[] = [
  { route: 'POST /api/v1/mall/checkout', as: () => dealer, effects: orderEffects, effect: { orders: 1, reservations: 1, reservedUnits: 2 },
    prepare: async () => ({ url: '/api/v1/mall/checkout', body: { addressId, paymentMethod: 'offline', expectedTotalFen: await fillCart(2) } }),
    differently: (b) => ({ ...b, remark: '改了备注' }) },
  { route: 'POST /api/v1/admin/orders', as: () => clerk, effects: orderEffects, effect: { orders: 1, reservations: 1, reservedUnits: 3 },
    prepare: async () => ({ url: '/api/v1/admin/orders', body: { customerId, addressId, paymentMethod: 'offline', lines: [{ skuUnitId: unitId, qty: 3 }] } }),
    differently: (b) => ({ ...b, lines: [{ skuUnitId: unitId, qty: 4 }] }) },
  { route: 'POST /api/v1/admin/customers/:id/account/adjustments', as: () => finance, effects: moneyEffects, effect: { movements: 1, payments: 0, refunds: 0, balance: 1000 },
    prepare: async () => ({ url: `/api/v1/admin/customers/${customerId}/account/adjustments`, body: { deltaFen: 1000, reason: 'rebate', note: '重放测试返利' } }),
    differently: (b) => ({ ...b, deltaFen: 2000 }) },
  { route: 'POST /api/v1/admin/customers/:id/account/recharges', as: () => finance, effects: moneyEffects, effect: { movements: 1, payments: 1, refunds: 0, balance: 700 },
    prepare: async () => ({ url: `/api/v1/admin/customers/${customerId}/account/recharges`, body: { amountFen: 700, reference: 'BANK-REPLAY' } }),
    differently: (b) => ({ ...b, amountFen: 800 }) },
  { route: 'POST /api/v1/admin/customers/:id/account/credit-repayments', as: () => finance, effects: moneyEffects, effect: { movements: 1, payments: 1, refunds: 0, balance: 0 },
    prepare: async () => {
      // Something owed on credit first: a 1-unit order charged to credit.
      await payOrder('credit');
      return { url: `/api/v1/admin/customers/${customerId}/account/credit-repayments`, body: { amountFen: 100, reference: 'BANK-REPAY' } };
    },
    differently: (b) => ({ ...b, amountFen: 200 }) },
  { route: 'POST /api/v1/mall/orders/:id/payments', as: () => dealer, effects: moneyEffects, effect: { movements: 1, payments: 1, refunds: 0, balance: -500 },
    prepare: async () => ({ url: `/api/v1/mall/orders/${await unpaidOrder()}/payments`, body: { method: 'balance', amountFen: 500 } }),
    differently: (b) => ({ ...b, amountFen: 600 }) },
  { route: 'POST /api/v1/mall/finance/recharges', as: () => dealer, effects: moneyEffects, effect: { movements: 0, payments: 1, refunds: 0, balance: 0 },
    prepare: async () => ({ url: '/api/v1/mall/finance/recharges', body: { method: 'bank_transfer', amountFen: 5000, voucherIds: [await dealerVoucher()] } }),
    differently: (b) => ({ ...b, amountFen: 6000 }) },
  { route: 'POST /api/v1/admin/orders/:id/payments', as: () => finance, effects: moneyEffects, effect: { movements: 1, payments: 1, refunds: 0, balance: 0 },
    prepare: async () => ({ url: `/api/v1/admin/orders/${await unpaidOrder()}/payments`, body: { method: 'cod', amountFen: 300, reference: 'COD-REPLAY' } }),
    differently: (b) => ({ ...b, amountFen: 400 }) },
  { route: 'POST /api/v1/admin/orders/:id/refunds', as: () => finance, effects: moneyEffects, effect: { movements: 0, payments: 0, refunds: 1, balance: 0 },
    prepare: async () => ({ url: `/api/v1/admin/orders/${await cancelledPaidOrder()}/refunds`, body: { amountFen: 100, destination: 'balance', reason: '重放测试退款' } }),
    differently: (b) => ({ ...b, amountFen: 200 }) },
  { route: 'POST /api/v1/admin/invoices', as: () => finance, effects: invoiceEffects, effect: { invoices: 1, invoiceLines: 1 },
    prepare: async () => ({ url: '/api/v1/admin/invoices', body: {
      customerId, buyer: { title: '重放测试抬头', taxNo: '91310000MA1REPLAYX' }, invoiceNo: String(20_000_000 + ++keys), issueDate: '2026-11-20',
      lines: [{ orderId: await unpaidOrder(), amountFen: 100 }],
    } }),
    differently: (b) => ({ ...b, lines: [{ ...(b.lines as Body[])[0], amountFen: 200 }] }) },
  { route: 'POST /api/v1/admin/stock/adjustments', as: () => admin, effects: stockEffects, effect: { movements: 1, onHand: 5 },
    prepare: async () => ({ url: '/api/v1/admin/stock/adjustments', body: { warehouseId, skuId, delta: 5, kind: 'inbound', reason: '重放测试入库' } }),
    differently: (b) => ({ ...b, delta: 6 }) },
  { route: 'POST /api/v1/admin/finance/records', as: () => finance, effects: async () => ({ records: await count(sql`select count(*) as n from finance_records`) }), effect: { records: 1 },
    prepare: async () => {
      const categories = (await finance.get('/api/v1/admin/finance/categories')).json().items as { id: string; name: string }[];
      return { url: '/api/v1/admin/finance/records', body: { categoryId: categories.find((c) => c.name === '运费')!.id, amountFen: 1500, occurredOn: '2026-11-20', counterparty: '重放测试' } };
    },
    differently: (b) => ({ ...b, amountFen: 1600 }) },
];

/**
 * Routes documented as taking an Idempotency-Key that have no entry above yet. Payments are being built: append
 * their operations to OPERATIONS and remove them from here.
 */
const NOT_YET_COVERED: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginStaff(t.app, 'admin');
  clerk = await loginStaff(t.app, 'clerk');
  finance = await loginStaff(t.app, 'finance');
  dealer = await loginMember(t.app, 'dealer1');
  const product = await admin.post('/api/v1/admin/products', { name: '重放测试商品', onShelf: true, skus: [{ code: 'REPLAY-1', baseUnit: '件', units: [{ name: '件', conversion: 1, listPriceFen: 1000 }] }] });
  expect(product.statusCode, product.body).toBe(201);
  skuId = product.json().skus[0].id;
  unitId = product.json().skus[0].units[0].id;
  // Stock in one warehouse only, so one order is one reservation row.
  const [warehouse] = (await admin.get('/api/v1/admin/warehouses')).json().items as { id: string }[];
  warehouseId = warehouse.id;
  expect((await admin.post('/api/v1/admin/stock/adjustments', { warehouseId: warehouse.id, skuId, delta: 10_000, kind: 'inbound', reason: '重放测试' })).statusCode).toBe(201);
  customerId = (await dealer.get('/api/v1/mall/account')).json().customer.id;
  // Credit for the credit-repayment operation (its preparation charges an order to credit).
  expect((await finance.put(`/api/v1/admin/customers/${customerId}/account/terms`, { creditLimitFen: 100_000_000, creditTermDays: 30, creditPolicy: 'block', balanceShortPolicy: 'block', methods: null })).statusCode).toBe(200);
  addressId = ((await dealer.get('/api/v1/mall/addresses')).json().items as { id: string; isDefault: boolean }[]).find((a) => a.isDefault)!.id;
});
afterAll(async () => { await t?.close(); });

let keys = 0;
const newKey = (op: Operation, how: string) => `replay-${how}-${op.route.split('/').slice(3).join('-').replace(/[^A-Za-z0-9_-]/g, '')}-${++keys}`.slice(0, 64);
const send = (op: Operation, url: string, body: Body, key: string) => op.as().request('POST', url, body, { 'idempotency-key': key });
const diff = (before: Effects, after: Effects) => Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));

describe.each(OPERATIONS)('replaying $route', (op) => {
  it('10 times in a row: one effect, the same answer each time', async () => {
    const { url, body } = await op.prepare();
    const key = newKey(op, 'seq');
    const before = await op.effects();
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await send(op, url, body, key));
    expect(answers[0].statusCode, answers[0].body).toBeGreaterThanOrEqual(200);
    expect(answers[0].statusCode).toBeLessThan(300);
    for (const a of answers) expect({ status: a.statusCode, body: a.json() }).toEqual({ status: answers[0].statusCode, body: answers[0].json() });
    expect(diff(before, await op.effects())).toEqual(op.effect);
  });

  it('10 at once: one effect, the same answer each time', async () => {
    const { url, body } = await op.prepare();
    const key = newKey(op, 'par');
    const before = await op.effects();
    const answers = await Promise.all(Array.from({ length: 10 }, () => send(op, url, body, key)));
    const first = answers.find((a) => a.statusCode < 300) ?? answers[0];
    expect(first.statusCode, first.body).toBeLessThan(300);
    for (const a of answers) expect({ status: a.statusCode, body: a.json() }).toEqual({ status: first.statusCode, body: first.json() });
    expect(diff(before, await op.effects())).toEqual(op.effect);
  });

  it('the same key with another body → 422 idempotency_mismatch, and nothing more happens', async () => {
    const { url, body } = await op.prepare();
    const key = newKey(op, 'mis');
    const before = await op.effects();
    const first = await send(op, url, body, key);
    expect(first.statusCode, first.body).toBeLessThan(300);
    const other = await send(op, url, op.differently(body), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_mismatch');
    expect(diff(before, await op.effects())).toEqual(op.effect);
    // The original request still answers as before.
    expect((await send(op, url, body, key)).json()).toEqual(first.json());
  });
});

/**
 * Stock moves that are a step of a document (confirming an inbound receipt, shipping, receiving a transfer) take no
 * Idempotency-Key: the document's status and version make a replay harmless — the first send moves the stock, every
 * other answers 409 and moves nothing.
 */
describe('replaying a document step that moves stock (guarded by its status and version)', () => {
  const draftReceipt = async () => {
    const r = await admin.post('/api/v1/admin/inbound-receipts', { warehouseId, supplier: '重放测试供应商', lines: [{ skuId, qty: 7 }] });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; version: number };
  };
  const confirm = (r: { id: string; version: number }) => admin.post(`/api/v1/admin/inbound-receipts/${r.id}/confirm`, { version: r.version });
  const expectOneEffect = async (answers: { statusCode: number; json: () => { code?: string; status?: string } }[], before: Effects) => {
    const ok = answers.filter((a) => a.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(ok[0].json().status).toBe('confirmed');
    for (const a of answers.filter((x) => x.statusCode !== 200)) expect([a.statusCode, a.json().code]).toContainEqual(409);
    expect(diff(before, await stockEffects())).toEqual({ movements: 1, onHand: 7 });
  };

  it('10 times in a row: the stock arrives once, the other nine are 409', async () => {
    const r = await draftReceipt();
    const before = await stockEffects();
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await confirm(r));
    await expectOneEffect(answers, before);
    expect(answers.slice(1).map((a) => a.json().code)).toEqual(Array(9).fill('version_conflict'));
  });

  it('10 at once: the stock arrives once, the other nine are 409', async () => {
    const r = await draftReceipt();
    const before = await stockEffects();
    await expectOneEffect(await Promise.all(Array.from({ length: 10 }, () => confirm(r))), before);
  });
});

describe('replay coverage', () => {
  it('lists every route that takes an Idempotency-Key', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { summary?: string }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods)
      .filter(([, op]) => /Idempotency-Key/i.test(op.summary ?? ''))
      .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(documented).toContain('POST /api/v1/mall/checkout');
    const covered = new Set<string>([...OPERATIONS.map((o) => o.route), ...NOT_YET_COVERED]);
    expect(documented.filter((r) => !covered.has(r)), 'routes that take an Idempotency-Key but have no replay operation').toEqual([]);
  });
});
