/**
 * Races on one order, on whichever database runs the suite (on the PostgreSQL server they are real races:
 * separate connections, row locks). Each must end with exactly one winner and a consistent timeline.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoConfirmDue } from '../../src/modules/orders/auto-confirm.js';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let owner: Client;
let dealer: Client;
let unitId: string;
let addressId: string;

async function placeOrder() {
  await dealer.delete('/api/v1/mall/cart');
  await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unitId, qty: 1 });
  const total = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
  const res = await dealer.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': `race-${Math.random()}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: string };
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await loginStaff(t.app, 'owner');
  dealer = await loginMember(t.app, 'dealer1');
  unitId = (await dealer.get('/api/v1/mall/cart/lookup?q=NFSQ-550')).json().items[0].units[0].skuUnitId;
  addressId = (await dealer.get('/api/v1/mall/addresses')).json().items[0].id;
});
afterAll(async () => { await t?.close(); });

describe('order races', () => {
  it('eight staff approving the same order at once: one wins, seven get 409, one approval in the timeline', async () => {
    const o = await placeOrder();
    const sessions = await Promise.all(Array.from({ length: 8 }, () => loginStaff(t.app, 'owner')));
    const res = await Promise.all(sessions.map((s) => s.post(`/api/v1/admin/orders/${o.id}/approve`, { version: o.version })));
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(res.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'version_conflict')).toBe(true);
    const d = (await owner.get(`/api/v1/admin/orders/${o.id}`)).json();
    expect(d.status).toBe('pending_finance');
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'approve']);
  });

  it('ten submits with one Idempotency-Key at once make one order and ten identical answers', async () => {
    await dealer.delete('/api/v1/mall/cart');
    await dealer.post('/api/v1/mall/cart/lines', { skuUnitId: unitId, qty: 2 });
    const total = (await dealer.get(`/api/v1/mall/checkout?addressId=${addressId}`)).json().cart.totals.totalFen;
    const before = (await dealer.get('/api/v1/mall/orders')).json().counts.all;
    const body = { addressId, paymentMethod: 'offline', expectedTotalFen: total };
    const res = await Promise.all(Array.from({ length: 10 }, () => dealer.request('POST', '/api/v1/mall/checkout', body, { 'idempotency-key': 'same-key-ten-times' })));
    expect(res.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(new Set(res.map((r) => r.body)).size).toBe(1);
    expect((await dealer.get('/api/v1/mall/orders')).json().counts.all).toBe(before + 1);
  });

  it('a customer cancelling while staff approve: exactly one of them wins', async () => {
    const o = await placeOrder();
    const [cancel, approve] = await Promise.all([
      dealer.post(`/api/v1/mall/orders/${o.id}/cancel`, { version: o.version }),
      owner.post(`/api/v1/admin/orders/${o.id}/approve`, { version: o.version }),
    ]);
    expect([cancel.statusCode, approve.statusCode].sort()).toEqual([200, 409]);
    const d = (await owner.get(`/api/v1/admin/orders/${o.id}`)).json();
    expect(d.status).toBe(cancel.statusCode === 200 ? 'cancelled' : 'pending_finance');
    expect(d.events).toHaveLength(2);
  });

  it('confirms receipt automatically N days after shipment, once', async () => {
    let o = await placeOrder();
    while (o.status !== 'pending_receipt') {
      o = (await owner.post(`/api/v1/admin/orders/${o.id}/${o.status === 'pending_shipment' ? 'ship' : 'approve'}`, { version: o.version })).json();
    }
    expect(await autoConfirmDue(t.database, new Date(Date.now() + 6 * 86_400_000))).toBe(0);
    await t.database.owner.execute(sql`update orders set shipped_at = now() - interval '8 days' where id = ${o.id}`);
    const [first, second] = await Promise.all([autoConfirmDue(t.database), autoConfirmDue(t.database)]);
    expect(first + second).toBe(1);
    const d = (await dealer.get(`/api/v1/mall/orders/${o.id}`)).json();
    expect(d.status).toBe('completed');
    expect(d.events.at(-1)).toMatchObject({ action: 'auto_confirm', actorKind: 'system' });
  });

  it('writes one outbox event per transition, in the same transaction', async () => {
    const o = await placeOrder();
    await owner.post(`/api/v1/admin/orders/${o.id}/void`, { version: o.version, reason: '测试' });
    const res = (await t.database.owner.execute(sql`select topic from outbox_events where aggregate_id = ${o.id} order by id`)) as unknown as { rows: { topic: string }[] };
    expect(res.rows.map((r) => r.topic)).toEqual(['order.submitted', 'order.void']);
  });
});
