/**
 * 收支记录 (issue 6): categories with their defaults, recording once per Idempotency-Key, voiding with a reason
 * (never deleting), audit and outbox, list filters and totals, and the monthly summary against the ledger.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cstDay } from '../../src/modules/finance/domain/periods.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { financeWorld, key, money, order, receipt, rowsOf, withKey, type FinanceWorld } from '../support/finance-world.js';

let t: TestApp;
let w: FinanceWorld;
type Category = { id: string; direction: string; name: string; active: boolean; version: number };
let categories: Category[];
const cat = (name: string) => categories.find((c) => c.name === name)!;
const record = (body: Record<string, unknown>, k = key()) => withKey(w.finance, '/api/v1/admin/finance/records', body, k);
const count = async (table: string) => Number((await rowsOf<{ n: string }>(t, sql.raw(`select count(*) as n from ${table}`)))[0].n);

beforeAll(async () => {
  t = await createTestApp();
  w = await financeWorld(t);
  const res = await w.finance.get('/api/v1/admin/finance/categories');
  expect(res.statusCode, res.body).toBe(200);
  categories = res.json().items;
});
afterAll(async () => { await t?.close(); });

describe('income and expense records (收支记录)', () => {
  it('starts a company with the default categories and lets finance add, rename and switch them off', async () => {
    expect(categories.filter((c) => c.direction === 'expense').map((c) => c.name)).toEqual(['采购付款', '运费', '房租', '工资', '办公费', '其他支出']);
    expect(categories.filter((c) => c.direction === 'income').map((c) => c.name)).toEqual(['其他收入']);
    const added = await w.finance.post('/api/v1/admin/finance/categories', { direction: 'income', name: '利息收入' });
    expect(added.statusCode, added.body).toBe(201);
    const again = await w.finance.post('/api/v1/admin/finance/categories', { direction: 'income', name: '利息收入' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'duplicate']);
    const off = await w.finance.patch(`/api/v1/admin/finance/categories/${added.json().id}`, { active: false, version: 1 });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    const refused = await record({ categoryId: added.json().id, amountFen: 100, occurredOn: '2026-05-01' });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'finance_category_inactive']);
    expect((await w.finance.patch(`/api/v1/admin/finance/categories/${added.json().id}`, { name: 'x', version: 1 })).json().code).toBe('version_conflict');
  });

  it('records an expense once per Idempotency-Key and answers a replay with the first result', async () => {
    const before = { records: await count('finance_records'), events: await count('outbox_events') };
    const body = { categoryId: cat('房租').id, amountFen: 800_000, occurredOn: '2026-05-01', account: '对公账户', counterparty: '张江物业', note: '5 月房租' };
    const k = key();
    const first = await record(body, k);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ recordNo: expect.stringMatching(/^SZ\d{6}$/), direction: 'expense', categoryName: '房租', amountFen: 800_000, status: 'active', createdByName: '周财务' });
    const replays = await Promise.all(Array.from({ length: 5 }, () => record(body, k)));
    for (const r of replays) expect([r.statusCode, r.json()]).toEqual([201, first.json()]);
    expect((await record({ ...body, amountFen: 1 }, k)).json().code).toBe('idempotency_mismatch');
    expect(await count('finance_records')).toBe(before.records + 1);
    const [events] = await rowsOf<{ n: string }>(t, sql`select count(*) as n from outbox_events where topic = 'finance_record.recorded' and aggregate_id = ${first.json().id}`);
    expect(Number(events.n)).toBe(1);
    const noKey = await w.finance.post('/api/v1/admin/finance/records', body);
    expect([noKey.statusCode, noKey.json().code]).toEqual([400, 'idempotency_key_required']);
    const bad = await record({ ...body, categoryId: '0NOSUCHCATEGORY000000000' });
    expect([bad.statusCode, bad.json().errors[0].path]).toEqual([400, 'body.categoryId']);
  });

  it('voids with a reason, once, keeps the record, and audits both', async () => {
    const r = (await record({ categoryId: cat('运费').id, amountFen: 12_345, occurredOn: '2026-05-03', counterparty: '顺丰' })).json();
    const voided = await w.finance.post(`/api/v1/admin/finance/records/${r.id}/void`, { reason: '重复登记', version: r.version });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'voided', voidReason: '重复登记', voidedByName: '周财务', version: 2 });
    const twice = await w.finance.post(`/api/v1/admin/finance/records/${r.id}/void`, { reason: '再作废' });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'finance_record_voided']);
    const audit = (await w.owner.get('/api/v1/admin/audit?entityType=finance_record&limit=20')).json().items as { action: string; entityId: string }[];
    expect(audit.filter((a) => a.entityId === r.id).map((a) => a.action).sort()).toEqual(['finance_record.record', 'finance_record.void']);
    const voidedList = (await w.finance.get('/api/v1/admin/finance/records?status=voided')).json().items;
    expect(voidedList.map((x: { id: string }) => x.id)).toContain(r.id);
    expect((await w.finance.get('/api/v1/admin/finance/records')).json().items.map((x: { id: string }) => x.id)).not.toContain(r.id);
  });

  it('lists newest day first with filters and pages, and totals by category and by month', async () => {
    await record({ categoryId: cat('工资').id, amountFen: 500_000, occurredOn: '2026-04-30' });
    await record({ categoryId: cat('工资').id, amountFen: 510_000, occurredOn: '2026-05-31', note: '五月工资' });
    await record({ categoryId: cat('其他收入').id, amountFen: 20_000, occurredOn: '2026-05-15', counterparty: '废品回收' });
    const q = 'from=2026-04-01&to=2026-05-31';
    const page1 = (await w.finance.get(`/api/v1/admin/finance/records?${q}&limit=2`)).json();
    const page2 = (await w.finance.get(`/api/v1/admin/finance/records?${q}&limit=2&cursor=${page1.nextCursor}`)).json();
    const days = [...page1.items, ...page2.items].map((x: { occurredOn: string }) => x.occurredOn);
    expect(days).toEqual(['2026-05-31', '2026-05-15', '2026-05-01', '2026-04-30']);
    expect(page2.nextCursor).toBeNull();
    expect((await w.finance.get(`/api/v1/admin/finance/records?q=${encodeURIComponent('废品')}`)).json().items).toHaveLength(1);
    expect((await w.finance.get(`/api/v1/admin/finance/records?direction=income&${q}`)).json().items).toHaveLength(1);
    const totals = (await w.finance.get(`/api/v1/admin/finance/records/totals?${q}`)).json();
    expect(totals).toMatchObject({ incomeFen: 20_000, expenseFen: 800_000 + 500_000 + 510_000, count: 4 });
    expect(totals.byCategory.map((c: { name: string; amountFen: number }) => [c.name, c.amountFen])).toEqual([['房租', 800_000], ['工资', 1_010_000], ['其他收入', 20_000]]);
    expect(totals.byMonth).toEqual([{ month: '2026-04', incomeFen: 0, expenseFen: 500_000, count: 1 }, { month: '2026-05', incomeFen: 20_000, expenseFen: 1_310_000, count: 3 }]);
  });

  it('sums each month\'s money received from customers (less refunds paid out) against other income and expenses', async () => {
    const id = w.customerOf.dealer1;
    await money(w, id, 'recharges', 30_000);
    const o = await order(w, 'dealer1', 2);
    await receipt(w, o.id, o.totalFen);
    const month = cstDay(new Date()).slice(0, 7);
    await record({ categoryId: cat('办公费').id, amountFen: 4_000, occurredOn: `${month}-01` });
    const res = await w.finance.get(`/api/v1/admin/finance/summary?from=${month}&to=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const [ledger] = await rowsOf<{ n: string }>(t, sql`select coalesce(sum(amount_fen), 0) as n from money_movements where kind in ('receipt', 'recharge', 'credit_repayment')
      and to_char((created_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') = ${month}`);
    expect(Number(ledger.n)).toBeGreaterThanOrEqual(30_000 + o.totalFen);
    expect(res.json().months).toEqual([expect.objectContaining({ month, receivedFen: Number(ledger.n), refundedFen: 0, expenseFen: expect.any(Number) })]);
    expect(res.json().months[0].expenseFen).toBeGreaterThanOrEqual(4_000);
    const may = (await w.finance.get('/api/v1/admin/finance/summary?from=2026-04&to=2026-05')).json();
    expect(may.months.map((m: { month: string; expenseFen: number; otherIncomeFen: number }) => [m.month, m.expenseFen, m.otherIncomeFen])).toEqual([['2026-04', 500_000, 0], ['2026-05', 1_310_000, 20_000]]);
    expect((await w.finance.get('/api/v1/admin/finance/summary?from=2026-05&to=2026-04')).json().code).toBe('period_invalid');
  });

  it('lets only finance.expenses write and finance.reports read', async () => {
    expect((await w.clerk.get('/api/v1/admin/finance/records')).statusCode).toBe(403);
    expect((await withKey(w.clerk, '/api/v1/admin/finance/records', { categoryId: cat('运费').id, amountFen: 1, occurredOn: '2026-05-01' })).statusCode).toBe(403);
    expect((await w.members.dealer1.get('/api/v1/admin/finance/categories')).statusCode).toBe(403);
  });
});
