import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';
import { loginStaff, type Client } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { LightMyRequestResponse } from 'fastify';

let t: TestApp;
let owner: Client;
/** 仓管 limited to 上海总仓. */
let keeper: Client;
let keeperId: string;
let sh: string;
let gz: string;
let third: string;
let skuId: string;
let n = 0;

const forbidden = (res: LightMyRequestResponse) => expect([res.statusCode, res.json().code], res.body).toEqual([403, 'warehouse_forbidden']);
const ok = (res: LightMyRequestResponse, status = 200) => { expect(res.statusCode, res.body).toBe(status); return res.json(); };

async function staffWith(roleId: string, warehouseIds: string[]) {
  const username = `scope${++n}`;
  const res = await owner.post('/api/v1/admin/staff', { name: `仓库范围 ${n}`, username, password: DEMO_PASSWORD, roleIds: [roleId], warehouseIds });
  return { id: ok(res, 201).id as string, client: await loginStaff(t.app, username) };
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginStaff(t.app, 'owner');
  const ws = (await owner.get('/api/v1/admin/warehouses')).json().items as { id: string; code: string }[];
  sh = ws.find((w) => w.code === 'SH01')!.id;
  gz = ws.find((w) => w.code === 'GZ01')!.id;
  third = ok(await owner.post('/api/v1/admin/warehouses', { code: 'SCOPE3', name: '第三仓', active: false }), 201).id;
  const roles = (await owner.get('/api/v1/admin/roles')).json().items as { id: string; code: string | null }[];
  ({ id: keeperId, client: keeper } = await staffWith(roles.find((r) => r.code === 'warehouse')!.id, [sh]));
  const p = ok(await owner.post('/api/v1/admin/products', { name: '仓库范围测试', onShelf: true, skus: [{ code: 'SCOPE-A', baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 100 }] }] }), 201);
  skuId = p.skus[0].id;
  for (const w of [sh, gz]) ok(await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: w, skuId, delta: 50, kind: 'inbound', reason: '测试' }), 201);
});
afterAll(async () => { await t?.close(); });

describe('staff limited to their warehouses (仓库范围)', () => {
  it('shows the scope on the staff record and on /auth/me; refuses unknown warehouses', async () => {
    expect(ok(await owner.get(`/api/v1/admin/staff/${keeperId}`)).warehouseIds).toEqual([sh]);
    expect(ok(await keeper.get('/api/v1/auth/me')).me).toMatchObject({ kind: 'staff', warehouseIds: [sh] });
    expect(ok(await owner.get('/api/v1/auth/me')).me.warehouseIds).toEqual([]);
    const bad = await owner.post('/api/v1/admin/staff', { name: '错仓', username: 'scopebad', password: DEMO_PASSWORD, roleIds: [(await owner.get('/api/v1/admin/roles')).json().items[0].id], warehouseIds: ['0NOSUCHWAREHOUSE'] });
    expect([bad.statusCode, bad.json().code, bad.json().errors[0].path]).toEqual([400, 'validation_failed', 'body.warehouseIds']);
  });

  it('filters the stock list and the ledger to their warehouses; naming another is 403', async () => {
    const rows = ok(await keeper.get(`/api/v1/admin/stock?skuId=${skuId}`)).items as { warehouseId: string }[];
    expect(rows.map((r) => r.warehouseId)).toEqual([sh]);
    expect(ok(await owner.get(`/api/v1/admin/stock?skuId=${skuId}`)).items).toHaveLength(2);
    forbidden(await keeper.get(`/api/v1/admin/stock?warehouseId=${gz}`));
    const ledger = ok(await keeper.get(`/api/v1/admin/stock/movements?skuId=${skuId}`)).items as { warehouseId: string }[];
    expect(ledger.length).toBeGreaterThan(0);
    expect(new Set(ledger.map((m) => m.warehouseId))).toEqual(new Set([sh]));
    forbidden(await keeper.get(`/api/v1/admin/stock/movements?warehouseId=${gz}`));
  });

  it('adjusts stock and sets thresholds only in their warehouses', async () => {
    forbidden(await keeper.post('/api/v1/admin/stock/adjustments', { warehouseId: gz, skuId, delta: 1, kind: 'adjust', reason: '测试' }));
    ok(await keeper.post('/api/v1/admin/stock/adjustments', { warehouseId: sh, skuId, delta: 1, kind: 'adjust', reason: '测试' }), 201);
    forbidden(await keeper.put(`/api/v1/admin/stock/${skuId}/${gz}/safety-stock`, { safetyStock: 1 }));
    ok(await keeper.put(`/api/v1/admin/stock/${skuId}/${sh}/safety-stock`, { safetyStock: 1, lowStockQty: 2, overstockQty: 100 }));
    forbidden(await keeper.get(`/api/v1/admin/inventory/alerts?kind=low&warehouseId=${gz}`));
    await owner.put(`/api/v1/admin/stock/${skuId}/${gz}/safety-stock`, { safetyStock: 0, overstockQty: 10 });
    const over = ok(await keeper.get('/api/v1/admin/inventory/alerts?kind=over&scope=warehouse')).items as { warehouseId: string }[];
    expect(over.every((a) => a.warehouseId === sh)).toBe(true);
    expect(ok(await owner.get('/api/v1/admin/inventory/alerts?kind=over&scope=warehouse')).items.some((a: { warehouseId: string }) => a.warehouseId === gz)).toBe(true);
  });

  it('creates and confirms inbound receipts only for their warehouses', async () => {
    forbidden(await keeper.post('/api/v1/admin/inbound-receipts', { warehouseId: gz, lines: [{ skuId, qty: 1 }] }));
    const mine = ok(await keeper.post('/api/v1/admin/inbound-receipts', { warehouseId: sh, lines: [{ skuId, qty: 1 }] }), 201);
    ok(await keeper.post(`/api/v1/admin/inbound-receipts/${mine.id}/confirm`, { version: mine.version }));
    const theirs = ok(await owner.post('/api/v1/admin/inbound-receipts', { warehouseId: gz, lines: [{ skuId, qty: 1 }] }), 201);
    forbidden(await keeper.post(`/api/v1/admin/inbound-receipts/${theirs.id}/confirm`, { version: theirs.version }));
    forbidden(await keeper.post(`/api/v1/admin/inbound-receipts/${theirs.id}/cancel`, { version: theirs.version }));
    forbidden(await keeper.get(`/api/v1/admin/inbound-receipts/${theirs.id}`));
    const listed = ok(await keeper.get('/api/v1/admin/inbound-receipts')).items.map((r: { id: string }) => r.id);
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(theirs.id);
  });

  it('transfers: one end must be theirs; shipping needs the source, receiving the destination', async () => {
    // Neither end is 上海: not for the keeper to draft, see or list.
    forbidden(await keeper.post('/api/v1/admin/stock-transfers', { fromWarehouseId: gz, toWarehouseId: third, lines: [{ skuId, qty: 1 }] }));
    const elsewhere = ok(await owner.post('/api/v1/admin/stock-transfers', { fromWarehouseId: gz, toWarehouseId: third, lines: [{ skuId, qty: 1 }] }), 201);
    forbidden(await keeper.get(`/api/v1/admin/stock-transfers/${elsewhere.id}`));
    forbidden(await keeper.post(`/api/v1/admin/stock-transfers/${elsewhere.id}/cancel`, { version: elsewhere.version }));
    expect(ok(await keeper.get('/api/v1/admin/stock-transfers')).items.map((x: { id: string }) => x.id)).not.toContain(elsewhere.id);
    // Inbound to 上海: the keeper may draft it, but not ship it from 广州; once shipped, the keeper receives it.
    let inbound = ok(await keeper.post('/api/v1/admin/stock-transfers', { fromWarehouseId: gz, toWarehouseId: sh, lines: [{ skuId, qty: 2 }] }), 201);
    forbidden(await keeper.post(`/api/v1/admin/stock-transfers/${inbound.id}/ship`, { version: inbound.version }));
    inbound = ok(await owner.post(`/api/v1/admin/stock-transfers/${inbound.id}/ship`, { version: inbound.version }));
    expect(ok(await keeper.post(`/api/v1/admin/stock-transfers/${inbound.id}/receive`, { version: inbound.version })).status).toBe('received');
    // Outbound from 上海: the keeper ships it, but cannot receive it in 广州.
    let outbound = ok(await keeper.post('/api/v1/admin/stock-transfers', { fromWarehouseId: sh, toWarehouseId: gz, lines: [{ skuId, qty: 2 }] }), 201);
    outbound = ok(await keeper.post(`/api/v1/admin/stock-transfers/${outbound.id}/ship`, { version: outbound.version }));
    forbidden(await keeper.post(`/api/v1/admin/stock-transfers/${outbound.id}/receive`, { version: outbound.version }));
    ok(await owner.post(`/api/v1/admin/stock-transfers/${outbound.id}/receive`, { version: outbound.version }));
  });

  it('stocktakes only in their warehouses', async () => {
    forbidden(await keeper.post('/api/v1/admin/stocktakes', { warehouseId: gz, skuIds: [skuId] }));
    const st = ok(await owner.post('/api/v1/admin/stocktakes', { warehouseId: gz, skuIds: [skuId] }), 201);
    forbidden(await keeper.put(`/api/v1/admin/stocktakes/${st.id}/counts`, { version: st.version, counts: [{ skuId, countedQty: 1 }] }));
    forbidden(await keeper.post(`/api/v1/admin/stocktakes/${st.id}/confirm`, { version: st.version }));
    forbidden(await keeper.get(`/api/v1/admin/stocktakes/${st.id}/print`));
    expect(ok(await keeper.get('/api/v1/admin/stocktakes')).items.map((x: { id: string }) => x.id)).not.toContain(st.id);
    let mine = ok(await keeper.post('/api/v1/admin/stocktakes', { warehouseId: sh, skuIds: [skuId] }), 201);
    mine = ok(await keeper.put(`/api/v1/admin/stocktakes/${mine.id}/counts`, { version: mine.version, counts: [{ skuId, countedQty: 40 }] }));
    expect(ok(await keeper.post(`/api/v1/admin/stocktakes/${mine.id}/confirm`, { version: mine.version })).status).toBe('confirmed');
  });

  it('a limited user hands out only warehouses within their own scope', async () => {
    const role = ok(await owner.post('/api/v1/admin/roles', { name: '仓库主管', permissions: ['staff.read', 'staff.write', 'inventory.read', 'inventory.write'], dataScope: 'all' }), 201);
    const lead = (await staffWith(role.id, [sh])).client;
    const body = (warehouseIds?: string[]) => ({ name: '新仓管', username: `scopenew${++n}`, password: DEMO_PASSWORD, roleIds: [role.id], ...(warehouseIds ? { warehouseIds } : {}) });
    forbidden(await lead.post('/api/v1/admin/staff', body()));
    forbidden(await lead.post('/api/v1/admin/staff', body([sh, gz])));
    const made = ok(await lead.post('/api/v1/admin/staff', body([sh])), 201);
    expect(made.warehouseIds).toEqual([sh]);
    forbidden(await lead.patch(`/api/v1/admin/staff/${made.id}`, { version: made.version, warehouseIds: [] }));
    // The owner (all warehouses) widens it; the change applies to the user's next request.
    expect(ok(await owner.patch(`/api/v1/admin/staff/${keeperId}`, { version: ok(await owner.get(`/api/v1/admin/staff/${keeperId}`)).version, warehouseIds: [] })).warehouseIds).toEqual([]);
    ok(await keeper.get(`/api/v1/admin/stock?warehouseId=${gz}`));
  });
});
