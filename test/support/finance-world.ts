/**
 * The world the finance report tests share: the demo company, a product in stock, sessions, and money helpers over
 * HTTP (orders, payments, recharges, refunds), plus direct reads of the ledger to compare reports against.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { type Client, loginMember, loginStaff } from './http-client.js';
import type { TestApp } from './test-app.js';

export interface FinanceWorld {
  t: TestApp; owner: Client; finance: Client; clerk: Client; members: Record<string, Client>; customerOf: Record<string, string>; unitId: string;
}

export async function financeWorld(t: TestApp): Promise<FinanceWorld> {
  const owner = await loginStaff(t.app, 'owner');
  const w: FinanceWorld = { t, owner, finance: await loginStaff(t.app, 'finance'), clerk: await loginStaff(t.app, 'clerk'), members: {}, customerOf: {}, unitId: '' };
  for (const login of ['dealer1', 'dealer2', 'retailer1', 'consumer1']) {
    w.members[login] = await loginMember(t.app, login);
    w.customerOf[login] = (await w.members[login].get('/api/v1/mall/account')).json().customer.id;
  }
  const p = (await owner.post('/api/v1/admin/products', {
    name: '对账测试商品', onShelf: true, skus: [{ code: 'FIN-1', baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 1000 }] }],
  })).json();
  w.unitId = p.skus[0].units[0].id;
  for (const wh of (await owner.get('/api/v1/admin/warehouses')).json().items as { id: string }[]) {
    expect((await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: wh.id, skuId: p.skus[0].id, delta: 100_000, kind: 'inbound', reason: '对账测试' })).statusCode).toBe(201);
  }
  return w;
}

export const key = () => `fin-${randomUUID()}`;
export const withKey = (c: Client, url: string, body: unknown, k = key()) => c.request('POST', url, body, { 'idempotency-key': k });

export interface PlacedOrder { id: string; orderNo: string; totalFen: number; version: number }

/** An order of `qty` of the test product, placed by the member in the mall, paying later. */
export async function order(w: FinanceWorld, login: string, qty = 2): Promise<PlacedOrder> {
  const c = w.members[login];
  await c.delete('/api/v1/mall/cart');
  expect((await c.post('/api/v1/mall/cart/lines', { skuUnitId: w.unitId, qty })).statusCode).toBe(200);
  const addressId = ((await c.get('/api/v1/mall/addresses')).json().items as { id: string; isDefault: boolean }[]).find((a) => a.isDefault)!.id;
  const total = (await c.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
  const res = await withKey(c, '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function pay(w: FinanceWorld, login: string, orderId: string, body: Record<string, unknown>) {
  const res = await withKey(w.members[login], `/api/v1/mall/orders/${orderId}/payments`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().payment as { id: string; paymentNo: string; amountFen: number };
}

export async function money(w: FinanceWorld, customerId: string, what: 'recharges' | 'credit-repayments', amountFen: number) {
  const res = await withKey(w.finance, `/api/v1/admin/customers/${customerId}/account/${what}`, { amountFen, reference: '测试流水' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().payment as { paymentNo: string };
}

export async function receipt(w: FinanceWorld, orderId: string, amountFen: number) {
  const res = await withKey(w.finance, `/api/v1/admin/orders/${orderId}/payments`, { method: 'bank_transfer', amountFen, reference: '银行流水' });
  expect(res.statusCode, res.body).toBe(201);
}

export async function creditTerms(w: FinanceWorld, customerId: string, creditLimitFen: number) {
  const res = await w.finance.put(`/api/v1/admin/customers/${customerId}/account/terms`, { creditLimitFen, creditTermDays: 30, creditPolicy: 'block', balanceShortPolicy: 'block', methods: null });
  expect(res.statusCode, res.body).toBe(200);
}

/** The member cancels their order; every refund it asks for is approved by finance. */
export async function cancelAndRefund(w: FinanceWorld, login: string, orderId: string) {
  const o = (await w.members[login].get(`/api/v1/mall/orders/${orderId}`)).json();
  expect((await w.members[login].post(`/api/v1/mall/orders/${orderId}/cancel`, { version: o.version })).statusCode).toBe(200);
  for (const r of (await w.finance.get(`/api/v1/admin/refunds?orderId=${orderId}`)).json().items as { id: string; refundNo: string }[]) {
    const res = await w.finance.post(`/api/v1/admin/refunds/${r.id}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
  }
}

export const rowsOf = async <T = Record<string, unknown>>(t: TestApp, q: ReturnType<typeof sql>) => ((await t.database.owner.execute(q)) as unknown as { rows: T[] }).rows;

/** The ledger's own sums for a customer before an instant (or all of it): what a statement must agree with. */
export async function ledgerSums(t: TestApp, customerId: string, before?: Date) {
  const [r] = await rowsOf<{ b: string; c: string }>(t, sql`select coalesce(sum(balance_delta_fen), 0) as b, coalesce(sum(credit_delta_fen), 0) as c from money_movements
    where customer_id = ${customerId} ${before ? sql`and created_at < ${before.toISOString()}::timestamptz` : sql``}`);
  return { balanceFen: Number(r.b), creditUsedFen: Number(r.c) };
}

/** The statement sheet read back: the opening/closing rows and every line between 期初余额 and 本期合计, in fen. */
export async function readStatementXlsx(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('对账单')!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => { rows.push((r.values as unknown[]).slice(1)); });
  const fen = (v: unknown) => (v === null || v === undefined || v === '' ? 0 : Math.round(Number(v) * 100));
  const position = (label: string) => {
    const r = rows.find((x) => x[0] === label)!;
    return { balanceFen: fen(r[1]), creditUsedFen: fen(r[2]), ordersDueFen: fen(r[3]), receivableFen: fen(r[4]) };
  };
  const start = rows.findIndex((x) => x[0] === '期初余额');
  const end = rows.findIndex((x) => x[0] === '本期合计');
  const lines = rows.slice(start + 1, end).map((x) => ({
    docNo: (x[1] as string | undefined) ?? null, kindName: x[2], orderNo: (x[3] as string | undefined) ?? null, debitFen: fen(x[4]), creditFen: fen(x[5]),
    receivableFen: fen(x[6]), balanceFen: fen(x[8]), creditUsedFen: fen(x[10]), ordersDueFen: fen(x[11]),
  }));
  const orders: unknown[][] = [];
  wb.getWorksheet('本期订单')!.eachRow((r, n) => { if (n > 1) orders.push((r.values as unknown[]).slice(1)); });
  return { opening: position('期初'), closing: position('期末'), lines, total: rows[end], orders, customerCell: rows.find((x) => x[0] === '客户')?.[1] };
}
