/** Valid requests for the finance report and 收支记录 routes, for the route-table sweeps (access matrix, bad input). */
import type { Fixtures, Recipe } from './route-table.js';

const idemKey = (fx: Fixtures) => ({ 'idempotency-key': `qa-fin-${fx.n()}-${Date.now()}` });
const period = { from: '2026-11-01', to: '2026-11-30' };

async function newCategory(fx: Fixtures): Promise<{ id: string; version: number }> {
  const res = await fx.owner.post('/api/v1/admin/finance/categories', { direction: 'expense', name: `QA 类别 ${fx.n()}` });
  if (res.statusCode !== 201) throw new Error(`recipe set-up (category): ${res.statusCode} ${res.body}`);
  return res.json();
}
const recordBody = async (fx: Fixtures) => ({ categoryId: (await newCategory(fx)).id, amountFen: 100, occurredOn: '2026-11-20', counterparty: 'QA 供应商', note: 'QA 收支' });
async function newRecord(fx: Fixtures): Promise<{ id: string; version: number }> {
  const res = await fx.owner.request('POST', '/api/v1/admin/finance/records', await recordBody(fx), idemKey(fx));
  if (res.statusCode !== 201) throw new Error(`recipe set-up (record): ${res.statusCode} ${res.body}`);
  return res.json();
}

export const FINANCE_RECIPES: Record<string, Recipe> = {
  'GET /api/v1/admin/finance/statements': async (fx) => ({ query: { customerId: fx.target.id, ...period }, expect: [200] }),
  'GET /api/v1/admin/finance/statements/export': async (fx) => ({ query: { customerId: fx.target.id, ...period }, expect: [200] }),
  'GET /api/v1/admin/finance/receivables': async () => ({ query: { sort: 'd90_plus', order: 'desc', limit: '20' }, expect: [200] }),
  'GET /api/v1/admin/finance/receivables/export': async () => ({ query: { sort: 'total' }, expect: [200] }),
  'GET /api/v1/admin/finance/summary': async () => ({ query: { from: '2026-01', to: '2026-11' }, expect: [200] }),
  'POST /api/v1/admin/finance/categories': async (fx) => ({ body: { direction: 'expense', name: `QA 类别 ${fx.n()}` }, expect: [201] }),
  'PATCH /api/v1/admin/finance/categories/:id': async (fx) => { const c = await newCategory(fx); return { params: { id: c.id }, body: { sort: 5, version: c.version }, expect: [200] }; },
  'GET /api/v1/admin/finance/records': async () => ({ query: { direction: 'expense', status: 'all' }, expect: [200] }),
  'GET /api/v1/admin/finance/records/totals': async () => ({ query: { from: '2026-01-01', to: '2026-12-31' }, expect: [200] }),
  'POST /api/v1/admin/finance/records': async (fx) => ({ headers: idemKey(fx), body: await recordBody(fx), expect: [201] }),
  'POST /api/v1/admin/finance/records/:id/void': async (fx) => { const r = await newRecord(fx); return { params: { id: r.id }, body: { reason: 'QA 作废', version: r.version }, expect: [200] }; },
  'GET /api/v1/mall/finance/statement': async () => ({ query: period, expect: [200] }),
  'GET /api/v1/mall/finance/statement/export': async () => ({ query: period, expect: [200] }),
};
