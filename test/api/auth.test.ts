import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, loginMember, loginStaff } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('staff login', () => {
  it('sets an HttpOnly session cookie and a readable CSRF cookie, and reports permissions', async () => {
    const c = client(t.app);
    const res = await c.post('/api/v1/auth/staff/login', { login: 'admin', password: 'dinghuo123' });
    expect(res.statusCode).toBe(200);
    const sid = res.cookies.find((k) => k.name === 'dh_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    expect(res.cookies.find((k) => k.name === 'dh_csrf')!.httpOnly).toBeFalsy();
    const me = (await c.get('/api/v1/auth/me')).json();
    expect(me.me).toMatchObject({ kind: 'staff', username: 'admin', dataScope: 'all' });
    expect(me.me.permissions).toContain('customers.approve');
    expect(me.csrfToken).toBe(c.cookies.dh_csrf);
  });

  it('answers a wrong password with 401 invalid_credentials and an unknown login the same way', async () => {
    const a = await client(t.app).post('/api/v1/auth/staff/login', { login: 'clerk', password: 'wrong-pass1' });
    const b = await client(t.app).post('/api/v1/auth/staff/login', { login: 'nobody', password: 'wrong-pass1' });
    expect([a.statusCode, a.json().code]).toEqual([401, 'invalid_credentials']);
    expect([b.statusCode, b.json().code]).toEqual([401, 'invalid_credentials']);
    expect(a.headers['content-type']).toContain('application/problem+json');
  });

  it('locks an account after five failures, even against the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await client(t.app).post('/api/v1/auth/staff/login', { login: 'service', password: 'bad-pass-1' })).statusCode).toBe(401);
    const fifth = await client(t.app).post('/api/v1/auth/staff/login', { login: 'service', password: 'bad-pass-1' });
    expect([fifth.statusCode, fifth.json().code]).toEqual([423, 'account_locked']);
    const right = await client(t.app).post('/api/v1/auth/staff/login', { login: 'service', password: 'dinghuo123' });
    expect([right.statusCode, right.json().code]).toEqual([423, 'account_locked']);
  });

  it('refuses unsafe requests without the CSRF header', async () => {
    const c = await loginStaff(t.app, 'admin');
    const res = await c.request('POST', '/api/v1/admin/customer-levels', { name: '测试级', rank: 9 }, { 'x-csrf-token': 'nope' });
    expect([res.statusCode, res.json().code]).toEqual([403, 'csrf_failed']);
    const ok = await c.post('/api/v1/admin/customer-levels', { name: '测试级', rank: 9 });
    expect(ok.statusCode).toBe(201);
  });
});

describe('sessions', () => {
  it('logout ends the session', async () => {
    const c = await loginStaff(t.app, 'finance');
    const sid = c.cookies.dh_sid;
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    const again = client(t.app);
    again.cookies.dh_sid = sid;
    expect((await again.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('"log out other devices" revokes the others and keeps this one', async () => {
    const a = await loginStaff(t.app, 'warehouse');
    const b = await loginStaff(t.app, 'warehouse');
    const res = await a.post('/api/v1/auth/logout-others');
    expect(res.json()).toEqual({ revoked: 1 });
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a password change keeps this session, ends the others, and the old password stops working', async () => {
    const a = await loginStaff(t.app, 'shipping');
    const b = await loginStaff(t.app, 'shipping');
    const wrong = await a.post('/api/v1/auth/password', { currentPassword: 'not-it-1', newPassword: 'newpass123' });
    expect(wrong.json().code).toBe('wrong_password');
    const weak = await a.post('/api/v1/auth/password', { currentPassword: 'dinghuo123', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('body.newPassword');
    expect((await a.post('/api/v1/auth/password', { currentPassword: 'dinghuo123', newPassword: 'newpass123' })).statusCode).toBe(204);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await client(t.app).post('/api/v1/auth/staff/login', { login: 'shipping', password: 'dinghuo123' })).statusCode).toBe(401);
    await loginStaff(t.app, 'shipping', 'newpass123');
  });

  it('disabling a staff user ends their sessions at once', async () => {
    const admin = await loginStaff(t.app, 'admin');
    const victim = await loginStaff(t.app, 'sales2');
    const me = (await victim.get('/api/v1/auth/me')).json().me;
    const current = (await admin.get(`/api/v1/admin/staff/${me.id}`)).json();
    expect((await admin.patch(`/api/v1/admin/staff/${me.id}`, { status: 'disabled', version: current.version })).statusCode).toBe(200);
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
    const relogin = await client(t.app).post('/api/v1/auth/staff/login', { login: 'sales2', password: 'dinghuo123' });
    expect(relogin.json().code).toBe('account_disabled');
  });
});

describe('member login', () => {
  it('logs a dealer into the mall with their company', async () => {
    const c = await loginMember(t.app, 'dealer1');
    const me = (await c.get('/api/v1/auth/me')).json().me;
    expect(me).toMatchObject({ kind: 'member', username: 'dealer1', isAdmin: true, customer: { type: 'dealer', levelName: '金牌', status: 'active' } });
  });

  it('keeps a pending registration out until staff approve it', async () => {
    const before = await client(t.app).post('/api/v1/auth/member/login', { login: 'pending1', password: 'dinghuo123' });
    expect([before.statusCode, before.json().code]).toEqual([403, 'customer_pending_approval']);
    const admin = await loginStaff(t.app, 'admin');
    const pending = (await admin.get('/api/v1/admin/customers?status=pending')).json().items;
    expect(pending).toHaveLength(1);
    expect((await admin.post(`/api/v1/admin/customers/${pending[0].id}/approve`)).json().status).toBe('active');
    await loginMember(t.app, 'pending1');
  });

  it('a member session cannot use console endpoints and a staff session cannot use mall endpoints', async () => {
    const m = await loginMember(t.app, 'retailer1');
    expect((await m.get('/api/v1/admin/customers')).json().code).toBe('forbidden');
    const s = await loginStaff(t.app, 'admin');
    expect((await s.get('/api/v1/mall/addresses')).json().code).toBe('forbidden');
  });
});

describe('API keys', () => {
  it('are shown once, work as Bearer tokens within their scopes, and stop working when revoked', async () => {
    const admin = await loginStaff(t.app, 'admin');
    const created = await admin.post('/api/v1/admin/api-keys', { name: 'ERP 同步', scopes: ['customers.read'] });
    expect(created.statusCode).toBe(201);
    const { token, apiKey } = created.json();
    expect(token).toMatch(/^dh_[0-9A-Z]{26}\./);
    expect(JSON.stringify((await admin.get('/api/v1/admin/api-keys')).json())).not.toContain(token.split('.')[1]);

    const erp = client(t.app, { bearer: token });
    expect((await erp.get('/api/v1/admin/customers')).statusCode).toBe(200);
    expect((await erp.post('/api/v1/admin/customer-levels', { name: 'ERP', rank: 1 })).json().code).toBe('forbidden');
    const listed = (await admin.get('/api/v1/admin/api-keys')).json().items.find((k: { id: string }) => k.id === apiKey.id);
    expect(listed.lastUsedAt).not.toBeNull();

    expect((await admin.delete(`/api/v1/admin/api-keys/${apiKey.id}`)).json().revokedAt).not.toBeNull();
    expect((await erp.get('/api/v1/admin/customers')).json().code).toBe('unauthenticated');
    expect((await client(t.app, { bearer: 'dh_garbage' }).get('/api/v1/admin/customers')).statusCode).toBe(401);
  });

  it('cannot be given scopes the creator does not hold', async () => {
    const manager = await loginStaff(t.app, 'admin');
    const res = await manager.post('/api/v1/admin/api-keys', { name: 'x', scopes: ['nope.nothing'] });
    expect(res.statusCode).toBe(400);
  });
});
