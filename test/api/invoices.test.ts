/**
 * Invoices (发票, issue 6): requests at checkout and later, issuing over parts of several orders (and per shipment),
 * every refusal with its code, the race for an order's last fen, idempotent replay, voiding, who may see what, and
 * the xlsx for the tax software. On PGlite and on the PostgreSQL server.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taxOf } from '../../src/modules/invoices/index.js';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let owner: Client;
let finance: Client;
let clerk: Client;
let dealer: Client;
let dealer2: Client;
let unitId: string;
let skuId: string;
let shWarehouse: string;
const customerOf: Record<string, string> = {};
const profileOf: Record<string, { normal: string; special: string }> = {};

let n = 0;
const key = () => `inv-${process.pid}-${++n}-${Date.now()}`;
const invoiceNo = () => String(10_000_000 + Math.floor(Math.random() * 80_000_000) + n++);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const issue = (body: Record<string, unknown>, k = key(), c = finance) =>
  c.request('POST', '/api/v1/admin/invoices', { invoiceNo: invoiceNo(), issueDate: today, ...body }, { 'idempotency-key': k });
const invoicing = async (c: Client, orderId: string, realm: 'admin' | 'mall' = 'admin') => {
  const res = await c.get(`/api/v1/${realm}/orders/${orderId}/invoicing`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const count = async (q: ReturnType<typeof sql>) => Number(((await t.database.owner.execute(q)) as unknown as { rows: { n: string }[] }).rows[0].n);

/** An order of `qty` units by `c` (optionally with a checkout invoice request), not paid. */
async function order(c: Client, qty: number, invoiceProfileId?: string) {
  await c.delete('/api/v1/mall/cart');
  expect((await c.post('/api/v1/mall/cart/lines', { skuUnitId: unitId, qty })).statusCode).toBe(200);
  const addressId = ((await c.get('/api/v1/mall/addresses')).json().items as { id: string; isDefault: boolean }[]).find((a) => a.isDefault)!.id;
  const total = (await c.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
  const res = await c.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total, ...(invoiceProfileId ? { invoiceProfileId } : {}) }, { 'idempotency-key': key() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orderNo: string; totalFen: number; version: number };
}
const lineOf = (o: { id: string }, amountFen: number, extra: Record<string, unknown> = {}) => ({ orderId: o.id, amountFen, ...extra });

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginStaff(t.app, 'owner');
  finance = await loginStaff(t.app, 'finance');
  clerk = await loginStaff(t.app, 'clerk');
  dealer = await loginMember(t.app, 'dealer1');
  dealer2 = await loginMember(t.app, 'dealer2');
  const product = await owner.post('/api/v1/admin/products', { name: '开票测试矿泉水', onShelf: true, skus: [{ code: 'INV-1', baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 1234 }] }] });
  expect(product.statusCode, product.body).toBe(201);
  skuId = product.json().skus[0].id;
  unitId = product.json().skus[0].units[0].id;
  shWarehouse = ((await owner.get('/api/v1/admin/warehouses')).json().items as { id: string; code: string }[]).find((w) => w.code === 'SH01')!.id;
  expect((await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: shWarehouse, skuId, delta: 10_000, kind: 'inbound', reason: '开票测试' })).statusCode).toBe(201);
  for (const [name, c] of [['dealer1', dealer], ['dealer2', dealer2]] as const) {
    customerOf[name] = (await c.get('/api/v1/mall/account')).json().customer.id;
    const normal = await c.post('/api/v1/mall/invoice-profiles', { kind: 'normal', title: `${name} 普票抬头`, taxNo: `91310000MA1${name === 'dealer1' ? 'AAAAA1' : 'BBBBB2'}X` });
    const special = await c.post('/api/v1/mall/invoice-profiles', {
      kind: 'special', title: `${name} 专票抬头`, taxNo: `91310000MA1${name === 'dealer1' ? 'CCCCC3' : 'DDDDD4'}X`, bankName: '招商银行上海分行', bankAccount: '6214 8888 0000 1234', address: '上海市浦东新区世纪大道 100 号', phone: '021-12345678',
    });
    expect([normal.statusCode, special.statusCode], normal.body + special.body).toEqual([201, 201]);
    profileOf[name] = { normal: normal.json().id, special: special.json().id };
  }
});
afterAll(async () => { await t?.close(); });

describe('invoice requests', () => {
  it('a checkout request puts the order in 待开票 as requested, with what is left to invoice', async () => {
    const o = await order(dealer, 2, profileOf.dealer1.special);
    const mine = await invoicing(dealer, o.id, 'mall');
    expect(mine).toMatchObject({ invoiceStatus: 'requested', invoiceableFen: o.totalFen, invoicedFen: 0, remainingFen: o.totalFen, invoices: [],
      request: { kind: 'special', title: 'dealer1 专票抬头', source: 'checkout', bankName: '招商银行上海分行' } });
    const queue = (await finance.get('/api/v1/admin/invoice-queue?limit=200')).json().items as { orderId: string; remainingFen: number }[];
    expect(queue.find((q) => q.orderId === o.id)).toMatchObject({ remainingFen: o.totalFen, invoiceStatus: 'requested', customerName: '上海鼎盛贸易有限公司' });
  });

  it('a customer requests one later with one of their profiles; not with another company\'s, nor on another company\'s order', async () => {
    const o = await order(dealer, 1);
    expect((await invoicing(dealer, o.id, 'mall')).invoiceStatus).toBe('none');
    const inQueue = async () => ((await finance.get('/api/v1/admin/invoice-queue?limit=200')).json().items as { orderId: string }[]).some((q) => q.orderId === o.id);
    expect(await inQueue()).toBe(false);
    const foreignProfile = await dealer.put(`/api/v1/mall/orders/${o.id}/invoice-request`, { profileId: profileOf.dealer2.normal });
    expect([foreignProfile.statusCode, foreignProfile.json().code]).toEqual([404, 'not_found']);
    const foreignOrder = await dealer2.put(`/api/v1/mall/orders/${o.id}/invoice-request`, { profileId: profileOf.dealer2.normal });
    expect([foreignOrder.statusCode, foreignOrder.json().code]).toEqual([404, 'not_found']);
    const res = await dealer.put(`/api/v1/mall/orders/${o.id}/invoice-request`, { profileId: profileOf.dealer1.normal });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ invoiceStatus: 'requested', request: { kind: 'normal', title: 'dealer1 普票抬头', source: 'mall' } });
    expect(await inQueue()).toBe(true);
    expect(await count(sql`select count(*) as n from audit_log where action = 'invoice_request.set' and entity_id = ${o.id}`)).toBe(1);
    expect(await count(sql`select count(*) as n from outbox_events where topic = 'invoice_request.set' and aggregate_id = ${o.id}`)).toBe(1);
  });

  it('staff set and clear a request; a cancelled order takes none', async () => {
    const o = await order(dealer, 1, profileOf.dealer1.normal);
    const cleared = await finance.delete(`/api/v1/admin/orders/${o.id}/invoice-request`);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ invoiceStatus: 'none', request: null });
    const set = await finance.put(`/api/v1/admin/orders/${o.id}/invoice-request`, { profileId: profileOf.dealer1.special });
    expect(set.json()).toMatchObject({ invoiceStatus: 'requested', request: { kind: 'special', source: 'staff' } });
    const cancelled = await dealer.post(`/api/v1/mall/orders/${o.id}/cancel`, { version: o.version });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const late = await dealer.put(`/api/v1/mall/orders/${o.id}/invoice-request`, { profileId: profileOf.dealer1.normal });
    expect([late.statusCode, late.json().code, late.json().orderStatus]).toEqual([409, 'invoice_order_closed', 'cancelled']);
    expect(((await finance.get('/api/v1/admin/invoice-queue?limit=200')).json().items as { orderId: string }[]).some((q) => q.orderId === o.id)).toBe(false);
  });
});

describe('issuing', () => {
  it('invoices a whole order from its request: tax per line, 已开票, audited, in the mall', async () => {
    const o = await order(dealer, 3, profileOf.dealer1.special);
    const res = await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, o.totalFen)] });
    expect(res.statusCode, res.body).toBe(201);
    const inv = res.json();
    expect(inv).toMatchObject({ kind: 'special', taxRate: 13, amountFen: o.totalFen, taxFen: taxOf(o.totalFen, 13), netFen: o.totalFen - taxOf(o.totalFen, 13), status: 'issued',
      customerName: '上海鼎盛贸易有限公司', buyer: { title: 'dealer1 专票抬头', bankAccount: '6214 8888 0000 1234' }, issuedByName: '周财务' });
    expect(inv.lines).toEqual([expect.objectContaining({ orderId: o.id, orderNo: o.orderNo, amountFen: o.totalFen, taxFen: taxOf(o.totalFen, 13), description: '开票测试矿泉水' })]);
    const mine = await invoicing(dealer, o.id, 'mall');
    expect(mine).toMatchObject({ invoiceStatus: 'invoiced', invoicedFen: o.totalFen, remainingFen: 0 });
    expect(mine.invoices.map((i: { invoiceNo: string }) => i.invoiceNo)).toEqual([inv.invoiceNo]);
    expect(((await dealer.get('/api/v1/mall/invoices')).json().items as { id: string }[]).map((i) => i.id)).toContain(inv.id);
    expect(((await finance.get('/api/v1/admin/invoice-queue?limit=200')).json().items as { orderId: string }[]).some((q) => q.orderId === o.id)).toBe(false);
    expect(await count(sql`select count(*) as n from audit_log where action = 'invoice.issued' and entity_id = ${inv.id}`)).toBe(1);
    expect(await count(sql`select count(*) as n from outbox_events where topic = 'invoice.issued' and aggregate_id = ${inv.id}`)).toBe(1);
  });

  it('covers several orders of one customer, one of them in part; the rest of it goes on a second invoice per shipment', async () => {
    const a = await order(dealer, 4);
    const b = await order(dealer, 2);
    const part = Math.floor(a.totalFen / 3);
    const first = await issue({ customerId: customerOf.dealer1, profileId: profileOf.dealer1.normal, taxRate: 6, lines: [lineOf(a, part), lineOf(b, b.totalFen, { description: '饮用水' })] });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'normal', taxRate: 6, amountFen: part + b.totalFen, taxFen: taxOf(part, 6) + taxOf(b.totalFen, 6) });
    expect((await invoicing(finance, a.id)).invoiceStatus).toBe('partially_invoiced');
    expect((await invoicing(finance, b.id)).invoiceStatus).toBe('invoiced');
    // The rest of `a`, tied to its shipment once it is released and picked.
    let o = (await owner.get(`/api/v1/admin/orders/${a.id}`)).json();
    while (o.status !== 'pending_shipment') o = (await owner.post(`/api/v1/admin/orders/${a.id}/approve`, { version: o.version })).json();
    const shipment = (await owner.post('/api/v1/admin/shipments', { orderId: a.id, warehouseId: shWarehouse, lines: [{ skuId, qty: 4 }] })).json();
    expect(shipment.shipmentNo).toMatch(/^FH/);
    const rest = await issue({ customerId: customerOf.dealer1, profileId: profileOf.dealer1.normal, lines: [lineOf(a, a.totalFen - part, { shipmentId: shipment.id })] });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json().lines[0]).toMatchObject({ shipmentId: shipment.id, shipmentNo: shipment.shipmentNo });
    const done = await invoicing(finance, a.id);
    expect(done).toMatchObject({ invoiceStatus: 'invoiced', invoicedFen: a.totalFen, remainingFen: 0 });
    expect(done.invoices).toHaveLength(2);
    // A shipment of another order is refused.
    const c = await order(dealer, 1);
    const wrongShipment = await issue({ customerId: customerOf.dealer1, profileId: profileOf.dealer1.normal, lines: [lineOf(c, 1, { shipmentId: shipment.id })] });
    expect([wrongShipment.statusCode, wrongShipment.json().code, wrongShipment.json().shipmentId]).toEqual([422, 'invoice_shipment_mismatch', shipment.id]);
  });

  it('refuses, each with its code: too much (with what is left), another customer\'s order, closed orders, a used number, an incomplete buyer', async () => {
    const o = await order(dealer, 2, profileOf.dealer1.normal);
    const half = Math.floor(o.totalFen / 2);
    expect((await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, half)] })).statusCode).toBe(201);
    const tooMuch = await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, o.totalFen - half + 1)] });
    expect(tooMuch.statusCode, tooMuch.body).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'invoice_exceeds_remaining', orderId: o.id, orderNo: o.orderNo, remainingFen: o.totalFen - half, amountFen: o.totalFen - half + 1 });
    // Two lines of one order add up.
    const split = await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, 1), lineOf(o, o.totalFen - half)] });
    expect([split.statusCode, split.json().remainingFen]).toEqual([422, o.totalFen - half]);

    const other = await order(dealer2, 1, profileOf.dealer2.normal);
    const mixed = await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, 1), lineOf(other, 1)] });
    expect([mixed.statusCode, mixed.json().code, mixed.json().orderId]).toEqual([422, 'invoice_customer_mismatch', other.id]);

    const cancelled = await order(dealer, 1, profileOf.dealer1.normal);
    expect((await dealer.post(`/api/v1/mall/orders/${cancelled.id}/cancel`, { version: cancelled.version })).statusCode).toBe(200);
    const c = await issue({ customerId: customerOf.dealer1, lines: [lineOf(cancelled, 1)] });
    expect([c.statusCode, c.json().code, c.json().orderStatus]).toEqual([409, 'invoice_order_closed', 'cancelled']);
    const voided = await order(dealer, 1, profileOf.dealer1.normal);
    expect((await owner.post(`/api/v1/admin/orders/${voided.id}/void`, { version: voided.version, reason: '测试作废' })).statusCode).toBe(200);
    const v = await issue({ customerId: customerOf.dealer1, lines: [lineOf(voided, 1)] });
    expect([v.statusCode, v.json().code, v.json().orderStatus]).toEqual([409, 'invoice_order_closed', 'voided']);

    const no = invoiceNo();
    expect((await issue({ customerId: customerOf.dealer1, invoiceNo: no, lines: [lineOf(o, 1)] })).statusCode).toBe(201);
    const dup = await issue({ customerId: customerOf.dealer1, invoiceNo: no, lines: [lineOf(o, 1)] });
    expect([dup.statusCode, dup.json().code, dup.json().invoiceNo]).toEqual([409, 'invoice_no_taken', no]);
    // The same number on the other type is another invoice.
    expect((await issue({ customerId: customerOf.dealer1, invoiceNo: no, profileId: profileOf.dealer1.special, lines: [lineOf(o, 1)] })).statusCode).toBe(201);

    const bare = await order(dealer, 1);
    const noBuyer = await issue({ customerId: customerOf.dealer1, lines: [lineOf(bare, 1)] });
    expect([noBuyer.statusCode, noBuyer.json().code]).toEqual([422, 'invoice_buyer_incomplete']);
    const special = await issue({ customerId: customerOf.dealer1, kind: 'special', buyer: { title: '缺开户行', taxNo: '91310000MA1EEEEE5X' }, lines: [lineOf(bare, 1)] });
    expect([special.statusCode, special.json().code]).toEqual([422, 'invoice_buyer_incomplete']);
    expect(special.json().errors.map((e: { path: string }) => e.path)).toContain('body.buyer.bankAccount');
    const typed = await issue({ customerId: customerOf.dealer1, buyer: { title: '手填抬头', taxNo: '91310000MA1EEEEE5X' }, lines: [lineOf(bare, 1)] });
    expect([typed.statusCode, typed.json().kind, typed.json().buyer.title]).toEqual([201, 'normal', '手填抬头']);

    const badRate = await issue({ customerId: customerOf.dealer1, taxRate: 5, lines: [lineOf(bare, 1)] });
    expect([badRate.statusCode, badRate.json().code]).toEqual([400, 'validation_failed']);
    const noKey = await finance.post('/api/v1/admin/invoices', { customerId: customerOf.dealer1, invoiceNo: invoiceNo(), issueDate: today, lines: [lineOf(bare, 1)] });
    expect([noKey.statusCode, noKey.json().code]).toEqual([400, 'idempotency_key_required']);
  });

  it('counts only refunds beyond an overpayment: an order lowered after payment is invoiceable at its new total', async () => {
    const o = await order(dealer, 10, profileOf.dealer1.normal);
    const adj = await finance.request('POST', `/api/v1/admin/customers/${customerOf.dealer1}/account/adjustments`, { deltaFen: o.totalFen, reason: 'rebate', note: '开票测试' }, { 'idempotency-key': key() });
    expect(adj.statusCode, adj.body).toBe(201);
    expect((await dealer.request('POST', `/api/v1/mall/orders/${o.id}/payments`, { method: 'balance', amountFen: o.totalFen }, { 'idempotency-key': key() })).statusCode).toBe(201);
    const full = (await owner.get(`/api/v1/admin/orders/${o.id}`)).json();
    const edited = await owner.put(`/api/v1/admin/orders/${o.id}`, { version: full.version, lines: [{ id: full.lines[0].id, skuUnitId: full.lines[0].skuUnitId, qty: 6 }] });
    expect(edited.statusCode, edited.body).toBe(200);
    const newTotal = edited.json().totalFen as number;
    // What was paid beyond the new total goes back (the edit may request it itself); finance approves it.
    const pendingOf = async () => ((await finance.get(`/api/v1/admin/refunds?orderId=${o.id}&status=pending_approval`)).json().items as { id: string }[]);
    if (!(await pendingOf()).length) {
      const refund = await finance.request('POST', `/api/v1/admin/orders/${o.id}/refunds`, { amountFen: o.totalFen - newTotal, destination: 'balance', reason: '少发' }, { 'idempotency-key': key() });
      expect(refund.statusCode, refund.body).toBe(201);
    }
    for (const r of await pendingOf()) expect((await finance.post(`/api/v1/admin/refunds/${r.id}/approve`, {})).statusCode).toBe(200);
    expect(await count(sql`select coalesce(sum(amount_fen), 0) as n from refunds where order_id = ${o.id} and status = 'succeeded'`)).toBe(o.totalFen - newTotal);
    expect(await invoicing(finance, o.id)).toMatchObject({ totalFen: newTotal, invoiceableFen: newTotal, remainingFen: newTotal });
    const over = await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, newTotal + 1)] });
    expect([over.statusCode, over.json().remainingFen]).toEqual([422, newTotal]);
    expect((await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, newTotal)] })).statusCode).toBe(201);
  });
});

describe('voiding', () => {
  it('frees the amounts; voiding twice → 409 invoice_state_conflict; the number stays used', async () => {
    const o = await order(dealer, 1, profileOf.dealer1.normal);
    const inv = (await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, o.totalFen)] })).json();
    const voided = await finance.post(`/api/v1/admin/invoices/${inv.id}/void`, { reason: '抬头开错', version: inv.version });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'voided', voidReason: '抬头开错', voidedByName: '周财务' });
    expect(await invoicing(dealer, o.id, 'mall')).toMatchObject({ invoiceStatus: 'requested', remainingFen: o.totalFen });
    const twice = await finance.post(`/api/v1/admin/invoices/${inv.id}/void`, { reason: '再来' });
    expect([twice.statusCode, twice.json().code, twice.json().invoiceStatus]).toEqual([409, 'invoice_state_conflict', 'voided']);
    const reuse = await issue({ customerId: customerOf.dealer1, invoiceNo: inv.invoiceNo, lines: [lineOf(o, o.totalFen)] });
    expect([reuse.statusCode, reuse.json().code]).toEqual([409, 'invoice_no_taken']);
    expect((await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, o.totalFen)] })).statusCode).toBe(201);
    expect(await count(sql`select count(*) as n from audit_log where action = 'invoice.voided' and entity_id = ${inv.id}`)).toBe(1);
    expect(await count(sql`select count(*) as n from outbox_events where topic = 'invoice.voided' and aggregate_id = ${inv.id}`)).toBe(1);
  });
});

describe('races and replays', () => {
  const invoicedOf = async (orderId: string) => count(sql`select coalesce(sum(l.amount_fen), 0) as n from invoice_lines l join invoices i on i.tenant_id = l.tenant_id and i.id = l.invoice_id where l.order_id = ${orderId} and i.status = 'issued'`);

  it('six invoices racing for the whole of one order: exactly one wins, the others are told nothing is left', async () => {
    const o = await order(dealer, 2, profileOf.dealer1.normal);
    const answers = await Promise.all(Array.from({ length: 6 }, () => issue({ customerId: customerOf.dealer1, lines: [lineOf(o, o.totalFen)] })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422, 422, 422, 422, 422]);
    for (const a of answers.filter((x) => x.statusCode === 422)) expect(a.json()).toMatchObject({ code: 'invoice_exceeds_remaining', remainingFen: 0 });
    expect(await invoicedOf(o.id)).toBe(o.totalFen);
  });

  it('four invoices of half an order each, at once: exactly two win', async () => {
    const o = await order(dealer, 2, profileOf.dealer1.normal);
    const half = Math.floor(o.totalFen / 2);
    const answers = await Promise.all(Array.from({ length: 4 }, () => issue({ customerId: customerOf.dealer1, lines: [lineOf(o, half)] })));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.statusCode === 422 && a.json().code === 'invoice_exceeds_remaining')).toHaveLength(2);
    expect(await invoicedOf(o.id)).toBe(2 * half);
  });

  it('a replay answers the first invoice, never a second; the same key with another body → 422 idempotency_mismatch', async () => {
    const o = await order(dealer, 2, profileOf.dealer1.normal);
    const k = key();
    const body = { customerId: customerOf.dealer1, invoiceNo: invoiceNo(), issueDate: today, lines: [lineOf(o, 100)] };
    const send = (b: Record<string, unknown>) => finance.request('POST', '/api/v1/admin/invoices', b, { 'idempotency-key': k });
    const answers = [await send(body), ...(await Promise.all([send(body), send(body), send(body)]))];
    for (const a of answers) expect({ status: a.statusCode, body: a.json() }).toEqual({ status: 201, body: answers[0].json() });
    expect(await invoicedOf(o.id)).toBe(100);
    const other = await send({ ...body, lines: [lineOf(o, 200)] });
    expect([other.statusCode, other.json().code]).toEqual([422, 'idempotency_mismatch']);
    expect(await invoicedOf(o.id)).toBe(100);
  });
});

describe('who sees what', () => {
  it('a customer sees only their own company\'s orders and invoices; staff without the permission get 403', async () => {
    const o = await order(dealer, 1, profileOf.dealer1.normal);
    const inv = (await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, o.totalFen)] })).json();
    expect((await dealer2.get(`/api/v1/mall/orders/${o.id}/invoicing`)).statusCode).toBe(404);
    expect(((await dealer2.get('/api/v1/mall/invoices?limit=200')).json().items as { customerId: string }[]).every((i) => i.customerId === customerOf.dealer2)).toBe(true);
    const dealer1b = await loginMember(t.app, 'dealer1b');
    expect(((await dealer1b.get('/api/v1/mall/invoices?limit=200')).json().items as { id: string }[]).map((i) => i.id)).toContain(inv.id);
    for (const [method, url] of [['GET', '/api/v1/admin/invoices'], ['GET', '/api/v1/admin/invoice-queue'], ['GET', `/api/v1/admin/orders/${o.id}/invoicing`], ['GET', '/api/v1/admin/invoices/export'],
      ['POST', `/api/v1/admin/invoices/${inv.id}/void`]] as const) {
      const res = await clerk.request(method, url, method === 'POST' ? { reason: 'x' } : undefined);
      expect([res.statusCode, res.json().code], url).toEqual([403, 'forbidden']);
    }
    const denied = await issue({ customerId: customerOf.dealer1, lines: [lineOf(o, 1)] }, key(), clerk);
    expect([denied.statusCode, denied.json().code]).toEqual([403, 'forbidden']);
    expect((await dealer.get('/api/v1/admin/invoices')).statusCode).toBe(403);
  });
});

describe('export for the tax software', () => {
  it('writes one row per invoice line with the buyer, goods, tax-inclusive amount, rate and tax, in yuan', async () => {
    const o1 = await order(dealer2, 3, profileOf.dealer2.special);
    const o2 = await order(dealer2, 1, profileOf.dealer2.special);
    const inv = (await issue({ customerId: customerOf.dealer2, taxRate: 9, lines: [lineOf(o1, o1.totalFen), lineOf(o2, o2.totalFen - 1)] })).json();
    const voided = (await issue({ customerId: customerOf.dealer2, lines: [lineOf(o2, 1)] })).json();
    expect((await finance.post(`/api/v1/admin/invoices/${voided.id}/void`, { reason: '测试' })).statusCode).toBe(200);
    const res = await finance.get(`/api/v1/admin/invoices/export?customerId=${customerOf.dealer2}&status=issued&from=${today}&to=${today}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['发票号码', '发票代码', '发票类型', '开票日期', '状态', '购方名称', '购方税号', '购方地址电话', '购方开户行及账号', '商品名称', '订单号', '发货单号', '含税金额', '税率', '税额', '不含税金额', '含税标志', '备注']);
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => (ws.getRow(i + 2).values as unknown[]).slice(1));
    expect(rows).toHaveLength(2);
    const fen = (v: unknown) => Math.round(Number(v) * 100);
    rows.forEach((r, i) => {
      const line = inv.lines[i];
      expect(r.slice(0, 12)).toEqual([inv.invoiceNo, undefined, '专票', today, '已开票', 'dealer2 专票抬头', '91310000MA1DDDDD4X', '上海市浦东新区世纪大道 100 号 021-12345678', '招商银行上海分行 6214 8888 0000 1234', '开票测试矿泉水', line.orderNo, undefined]);
      expect([fen(r[12]), r[13], fen(r[14]), fen(r[15]), r[16]]).toEqual([line.amountFen, 0.09, taxOf(line.amountFen, 9), line.amountFen - taxOf(line.amountFen, 9), 1]);
    });
    expect(rows.reduce((s, r) => s + fen(r[14]), 0)).toBe(inv.taxFen);
  });

  it('lists with filters: status, type, customer and dates', async () => {
    const all = (q: string) => finance.get(`/api/v1/admin/invoices?limit=200&${q}`).then((r) => r.json().items as { customerId: string; status: string; kind: string; issueDate: string }[]);
    expect((await all('status=voided')).every((i) => i.status === 'voided')).toBe(true);
    expect((await all('kind=special')).every((i) => i.kind === 'special')).toBe(true);
    expect((await all(`customerId=${customerOf.dealer2}`)).every((i) => i.customerId === customerOf.dealer2)).toBe(true);
    expect(await all('from=2001-01-01&to=2001-12-31')).toEqual([]);
    const bad = await finance.get('/api/v1/admin/invoices?from=2026-02-30');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'validation_failed']);
  });
});
