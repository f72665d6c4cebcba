/**
 * Finance reports (issue 6): 对账单 against the real ledger (opening + lines = closing = the ledger's sums), the
 * period boundary in Beijing time, 应收账款账龄 with controlled dates, 信用控制, access and the xlsx downloads read
 * back. On PGlite and PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cstDay, addDays } from '../../src/modules/finance/domain/periods.js';
import { loginStaff } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  cancelAndRefund, creditTerms, financeWorld, ledgerSums, money, order, pay, readStatementXlsx, receipt, rowsOf, withKey, type FinanceWorld,
} from '../support/finance-world.js';

let t: TestApp;
let w: FinanceWorld;
const today = () => cstDay(new Date());
const statement = (customerId: string, from: string, to: string) => w.finance.get(`/api/v1/admin/finance/statements?customerId=${customerId}&from=${from}&to=${to}`);
/** The clerk changes the order's only line to `qty`; the new total. */
async function edit(orderId: string, qty: number): Promise<number> {
  const o = (await w.clerk.get(`/api/v1/admin/orders/${orderId}`)).json();
  const res = await w.clerk.put(`/api/v1/admin/orders/${orderId}`, { version: o.version, lines: [{ id: o.lines[0].id, skuUnitId: o.lines[0].skuUnitId, qty }] });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().totalFen;
}
type Line = { kind: string; docNo: string | null; orderNo: string | null; debitFen: number; creditFen: number; balanceDeltaFen: number; creditDeltaFen: number; ordersDueDeltaFen: number; balanceFen: number; creditUsedFen: number; ordersDueFen: number; receivableFen: number };

beforeAll(async () => {
  t = await createTestApp();
  w = await financeWorld(t);
});
afterAll(async () => { await t?.close(); });

describe('statement of account (对账单)', () => {
  it('opens and closes at the ledger\'s sums, and every line adds up from one to the other', async () => {
    const id = w.customerOf.dealer2;
    await creditTerms(w, id, 1_000_000);
    const recharge = await money(w, id, 'recharges', 50_000);
    const a = await order(w, 'dealer2', 2);
    const aPaid = await pay(w, 'dealer2', a.id, { method: 'balance' });
    const b = await order(w, 'dealer2', 3);
    await pay(w, 'dealer2', b.id, { method: 'credit' });
    const c = await order(w, 'dealer2', 4);
    await receipt(w, c.id, 1000);
    await money(w, id, 'credit-repayments', 1500);
    const d = await order(w, 'dealer2', 1);
    await pay(w, 'dealer2', d.id, { method: 'balance' });
    await cancelAndRefund(w, 'dealer2', d.id);
    const e = await order(w, 'dealer2', 1);
    const eTotal = await edit(e.id, 3);

    const res = await statement(id, today(), today());
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const start = new Date(`${today()}T00:00:00+08:00`);
    expect(s.opening).toMatchObject({ ...(await ledgerSums(t, id, start)), ordersDueFen: 0 });
    const account = (await w.finance.get(`/api/v1/admin/customers/${id}/account`)).json();
    const [due] = await rowsOf<{ n: string }>(t, sql`select coalesce(sum(case when status in ('rejected', 'cancelled', 'voided') then 0 else total_fen end - paid_fen), 0) as n from orders where customer_id = ${id}`);
    expect(s.closing).toEqual({
      balanceFen: account.balanceFen, creditUsedFen: account.creditUsedFen, ordersDueFen: Number(due.n),
      receivableFen: Number(due.n) + account.creditUsedFen - account.balanceFen,
    });
    expect(await ledgerSums(t, id)).toEqual({ balanceFen: account.balanceFen, creditUsedFen: account.creditUsedFen });
    const lines = s.lines as Line[];
    const sum = (f: (l: Line) => number) => lines.reduce((x, l) => x + f(l), 0);
    expect(s.closing.balanceFen).toBe(s.opening.balanceFen + sum((l) => l.balanceDeltaFen));
    expect(s.closing.creditUsedFen).toBe(s.opening.creditUsedFen + sum((l) => l.creditDeltaFen));
    expect(s.closing.ordersDueFen).toBe(s.opening.ordersDueFen + sum((l) => l.ordersDueDeltaFen));
    expect(s.closing.receivableFen).toBe(s.opening.receivableFen + s.totals.debitFen - s.totals.creditFen);
    expect(lines.at(-1)).toMatchObject({ ...s.closing });

    // Every ledger row of the day once, with its document number; the orders as documents too.
    const [moves] = await rowsOf<{ n: string }>(t, sql`select count(*) as n from money_movements where customer_id = ${id} and created_at >= ${start.toISOString()}::timestamptz`);
    const ledgerLines = lines.filter((l) => !l.kind.startsWith('order_'));
    expect(ledgerLines).toHaveLength(Number(moves.n));
    for (const l of ledgerLines) expect(l.docNo, l.kind).toMatch(l.kind === 'refund' ? /^TK\d{6}$/ : /^SK\d{6}$/);
    expect(lines.find((l) => l.kind === 'recharge')).toMatchObject({ docNo: recharge.paymentNo, creditFen: 50_000, balanceDeltaFen: 50_000 });
    expect(lines.find((l) => l.kind === 'balance_payment' && l.orderNo === a.orderNo)).toMatchObject({ docNo: aPaid.paymentNo, debitFen: 0, creditFen: 0, balanceDeltaFen: -a.totalFen, ordersDueDeltaFen: -a.totalFen });
    expect(lines.find((l) => l.kind === 'credit_charge')).toMatchObject({ orderNo: b.orderNo, creditDeltaFen: b.totalFen, debitFen: 0, creditFen: 0 });
    expect(lines.find((l) => l.kind === 'order_closed')).toMatchObject({ orderNo: d.orderNo, creditFen: d.totalFen });
    expect(lines.filter((l) => l.kind === 'order_placed').map((l) => [l.orderNo, l.ordersDueDeltaFen])).toEqual([a, b, c, d, e].map((o) => [o.orderNo, o.totalFen]));
    expect(lines.find((l) => l.kind === 'order_changed')).toMatchObject({ orderNo: e.orderNo, ordersDueDeltaFen: eTotal - e.totalFen, debitFen: eTotal - e.totalFen });
    expect(s.orders.map((o: { orderNo: string; totalFen: number }) => [o.orderNo, o.totalFen])).toEqual([a, b, c, d, { ...e, totalFen: eTotal }].map((o) => [o.orderNo, o.totalFen]));
    expect(s.totals.ordersFen).toBe(a.totalFen + b.totalFen + c.totalFen + d.totalFen + eTotal);
    expect(lines.map((l) => l.kind)).toContain('refund');

    // The xlsx, for finance and for the customer, says the same.
    for (const file of [await w.finance.get(`/api/v1/admin/finance/statements/export?customerId=${id}&from=${today()}&to=${today()}`),
      await w.members.dealer2.get(`/api/v1/mall/finance/statement/export?from=${today()}&to=${today()}`)]) {
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const x = await readStatementXlsx(file.rawPayload);
      expect(x.opening).toEqual(s.opening);
      expect(x.closing).toEqual(s.closing);
      expect(x.lines).toEqual(lines.map((l) => ({ docNo: l.docNo, kindName: (l as unknown as { kindName: string }).kindName, orderNo: l.orderNo, debitFen: l.debitFen, creditFen: l.creditFen,
        receivableFen: l.receivableFen, balanceFen: l.balanceFen, creditUsedFen: l.creditUsedFen, ordersDueFen: l.ordersDueFen })));
      expect(x.orders.map((o) => o[0])).toEqual([...s.orders.map((o: { orderNo: string }) => o.orderNo), '合计']);
    }
  });

  it('takes a line at 23:59:59 Beijing time on the last day and leaves one at 00:00 the next day to the next period', async () => {
    const id = w.customerOf.retailer1;
    const adjust = async (deltaFen: number) => {
      const res = await withKey(w.finance, `/api/v1/admin/customers/${id}/account/adjustments`, { deltaFen, reason: 'rebate', note: '边界测试' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().movement.id as string;
    };
    const late = await adjust(1000);
    const early = await adjust(2000);
    const o = await order(w, 'retailer1', 1);
    await t.database.owner.execute(sql`update money_movements set created_at = '2026-03-31T23:59:59.999+08:00' where id = ${late}`);
    await t.database.owner.execute(sql`update money_movements set created_at = '2026-04-01T00:00:00+08:00' where id = ${early}`);
    await t.database.owner.execute(sql`update orders set submitted_at = '2026-03-31T23:59:00+08:00' where id = ${o.id}`);
    await t.database.owner.execute(sql`update order_events set created_at = '2026-03-31T23:59:00+08:00' where order_id = ${o.id}`);
    // Edited today: March and April still show the order as it was then.
    const nowTotal = await edit(o.id, 2);
    expect(nowTotal).toBeGreaterThan(o.totalFen);

    const march = (await statement(id, '2026-03-01', '2026-03-31')).json();
    expect(march.opening).toEqual({ balanceFen: 0, creditUsedFen: 0, ordersDueFen: 0, receivableFen: 0 });
    expect(march.lines.map((l: Line) => [l.kind, l.balanceDeltaFen])).toEqual([['order_placed', 0], ['adjustment', 1000]]);
    expect(march.closing).toEqual({ ...(await ledgerSums(t, id, new Date('2026-04-01T00:00:00+08:00'))), ordersDueFen: o.totalFen, receivableFen: o.totalFen - 1000 });
    const april = (await statement(id, '2026-04-01', '2026-04-30')).json();
    expect(april.opening).toEqual(march.closing);
    expect(april.lines.map((l: Line) => [l.kind, l.balanceDeltaFen])).toEqual([['adjustment', 2000]]);
    expect(april.closing).toMatchObject({ balanceFen: 3000, ordersDueFen: o.totalFen });
    expect((await statement(id, '2026-04-01', '2026-04-01')).json().lines).toHaveLength(1);
    expect((await statement(id, '2026-03-31', '2026-03-31')).json().orders.map((x: { orderNo: string }) => x.orderNo)).toEqual([o.orderNo]);
    const todays = (await statement(id, today(), today())).json();
    expect(todays.opening).toMatchObject({ ordersDueFen: o.totalFen, balanceFen: 3000 });
    expect(todays.lines.map((l: Line) => [l.kind, l.ordersDueDeltaFen])).toEqual([['order_changed', nowTotal - o.totalFen]]);
    expect(todays.closing.ordersDueFen).toBe(nowTotal);
  });

  it('refuses a period that ends before it starts, an impossible day, or more than 366 days', async () => {
    const id = w.customerOf.retailer1;
    for (const [from, to] of [['2026-03-02', '2026-03-01'], ['2026-02-30', '2026-03-01'], ['2024-01-01', '2026-01-01']]) {
      const res = await statement(id, from, to);
      expect([res.statusCode, res.json().code], `${from}..${to}`).toEqual([400, 'period_invalid']);
    }
    expect((await w.finance.get(`/api/v1/admin/finance/statements?customerId=${id}&from=2026-3-1&to=2026-03-31`)).json().code).toBe('validation_failed');
    expect((await statement('0NOSUCHCUSTOMER000000000', '2026-03-01', '2026-03-31')).statusCode).toBe(404);
  });
});

describe('receivables aging (应收账款) and credit control', () => {
  it('ages unpaid orders by their day and credit by its due day, without counting a credit-paid order twice', async () => {
    const id = w.customerOf.consumer1;
    await creditTerms(w, id, 1_000_000);
    const backdate = (orderId: string, days: number) => t.database.owner.execute(sql`update orders set submitted_at = now() - make_interval(days => ${days}) where id = ${orderId}`);
    const x = await order(w, 'consumer1', 1);
    await backdate(x.id, 45);
    const y = await order(w, 'consumer1', 2);
    await backdate(y.id, 100);
    const z = await order(w, 'consumer1', 3);
    await receipt(w, z.id, 300);
    const cw = await order(w, 'consumer1', 4);
    const wPay = await pay(w, 'consumer1', cw.id, { method: 'credit' });
    const cv = await order(w, 'consumer1', 5);
    const vPay = await pay(w, 'consumer1', cv.id, { method: 'credit' });
    await t.database.owner.execute(sql`update money_movements set due_on = ${addDays(today(), -70)}::date where doc_id = ${wPay.id}`);
    await t.database.owner.execute(sql`update money_movements set due_on = ${addDays(today(), 10)}::date where doc_id = ${vPay.id}`);
    await money(w, id, 'credit-repayments', 500);
    const cancelled = await order(w, 'consumer1', 6);
    await cancelAndRefund(w, 'consumer1', cancelled.id);

    const res = await w.finance.get(`/api/v1/admin/finance/receivables?customerId=${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const [row] = res.json().items;
    const owedOnCredit = cw.totalFen - 500;
    expect(row).toMatchObject({
      customerId: id, ordersDueFen: x.totalFen + y.totalFen + z.totalFen - 300, creditDueFen: owedOnCredit + cv.totalFen,
      d0_30: z.totalFen - 300 + cv.totalFen, d31_60: x.totalFen, d61_90: owedOnCredit, d90_plus: y.totalFen, overdueFen: owedOnCredit, oldestDays: 100,
    });
    expect(row.totalFen).toBe(row.d0_30 + row.d31_60 + row.d61_90 + row.d90_plus);
    const account = (await w.finance.get(`/api/v1/admin/customers/${id}/account`)).json();
    expect(row.creditDueFen).toBe(account.creditUsedFen);
    expect(account.overdueFen).toBe(row.overdueFen);

    const control = (await w.finance.get('/api/v1/admin/finance/credit-control')).json();
    expect(control.items.find((i: { customerId: string }) => i.customerId === id)).toMatchObject({ overdueFen: owedOnCredit, oldestDueOn: addDays(today(), -70), daysOverdue: 70, nextDueOn: addDays(today(), 10), overLimitFen: 0 });
  });

  it('adds the rows up in a totals row, sorts, filters by salesperson, and exports the same as xlsx', async () => {
    await order(w, 'dealer1', 1);
    const all = (await w.finance.get('/api/v1/admin/finance/receivables?limit=200')).json();
    for (const k of ['d0_30', 'd31_60', 'd61_90', 'd90_plus', 'totalFen', 'ordersDueFen', 'creditDueFen', 'overdueFen'] as const) {
      expect(all.totals[k], k).toBe(all.items.reduce((s: number, i: Record<string, number>) => s + i[k], 0));
    }
    expect(all.customerCount).toBe(all.items.length);
    const byOld = (await w.finance.get('/api/v1/admin/finance/receivables?sort=d90_plus&order=desc')).json().items as { d90_plus: number }[];
    expect(byOld.map((i) => i.d90_plus)).toEqual([...byOld.map((i) => i.d90_plus)].sort((a, b) => b - a));
    const staff = (await w.owner.get('/api/v1/admin/staff?limit=100')).json().items as { id: string; username: string }[];
    const sales = staff.find((s) => s.username === 'sales')!;
    const mine = (await w.finance.get(`/api/v1/admin/finance/receivables?salespersonId=${sales.id}`)).json().items as { salespersonId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.salespersonId === sales.id)).toBe(true);

    const file = await w.finance.get('/api/v1/admin/finance/receivables/export');
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((r, n) => { if (n > 1) rows.push((r.values as unknown[]).slice(1)); });
    const fen = (v: unknown) => Math.round(Number(v ?? 0) * 100);
    expect(rows.map((r) => [r[0], fen(r[9])])).toEqual([...all.items.map((i: { customerCode: string; totalFen: number }) => [i.customerCode, i.totalFen]), ['合计', all.totals.totalFen]]);
  });
});

describe('who may read them', () => {
  it('keeps reports to finance.reports, a salesperson to their customers, and a customer to their own statement', async () => {
    const period = `from=${today()}&to=${today()}`;
    for (const url of [`/api/v1/admin/finance/statements?customerId=${w.customerOf.dealer1}&${period}`, '/api/v1/admin/finance/receivables', '/api/v1/admin/finance/credit-control']) {
      const res = await w.clerk.get(url);
      expect([res.statusCode, res.json().code], url).toEqual([403, 'forbidden']);
      expect((await w.members.dealer1.get(url)).statusCode, url).toBe(403);
    }
    const mine = await w.members.dealer1.get(`/api/v1/mall/finance/statement?${period}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().customer.id).toBe(w.customerOf.dealer1);
    expect((await w.members.dealer1.get(`/api/v1/mall/finance/statement?${period}&customerId=${w.customerOf.dealer2}`)).statusCode).toBe(400);
    expect((await w.finance.get(`/api/v1/mall/finance/statement?${period}`)).statusCode).toBe(403);

    // A salesperson given the reports permission sees their own customers only.
    const role = await w.owner.post('/api/v1/admin/roles', { name: '业务对账', permissions: ['finance.reports'], dataScope: 'assigned' });
    expect(role.statusCode, role.body).toBe(201);
    const staff = (await w.owner.get('/api/v1/admin/staff?limit=100')).json().items as { id: string; username: string; roles: { id: string }[]; version: number }[];
    const sales = staff.find((s) => s.username === 'sales')!;
    const patched = await w.owner.patch(`/api/v1/admin/staff/${sales.id}`, { roleIds: [...sales.roles.map((r) => r.id), role.json().id], version: sales.version });
    expect(patched.statusCode, patched.body).toBe(200);
    const salesperson = await loginStaff(t.app, 'sales');
    expect((await salesperson.get(`/api/v1/admin/finance/statements?customerId=${w.customerOf.dealer1}&${period}`)).statusCode).toBe(200);
    expect((await salesperson.get(`/api/v1/admin/finance/statements?customerId=${w.customerOf.dealer2}&${period}`)).statusCode).toBe(404);
    const aging = (await salesperson.get('/api/v1/admin/finance/receivables')).json().items as { salespersonId: string }[];
    expect(aging.every((i) => i.salespersonId === sales.id)).toBe(true);
  });
});
