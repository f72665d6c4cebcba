import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, loginMember, loginStaff, type Client } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
const names = (items: { name: string }[]) => items.map((c) => c.name).sort();

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginStaff(t.app, 'admin');
});
afterAll(async () => { await t?.close(); });

describe('data scopes', () => {
  it('a salesperson sees only the customers assigned to them', async () => {
    const sales = await loginStaff(t.app, 'sales');
    expect(names((await sales.get('/api/v1/admin/customers')).json().items)).toEqual(['上海鼎盛贸易有限公司']);
  });

  it('a regional manager sees the customers of their region and its sub-regions', async () => {
    const manager = await loginStaff(t.app, 'manager');
    expect(names((await manager.get('/api/v1/admin/customers')).json().items)).toEqual(['上海鼎盛贸易有限公司', '杭州好邻居便利店', '苏州新开超市']);
  });

  it('a salesperson creating a customer keeps it, and cannot hand it to someone else', async () => {
    const sales = await loginStaff(t.app, 'sales');
    const mine = await sales.post('/api/v1/admin/customers', { name: '张伟的新客户', type: 'retailer', contactName: '新', phone: '13700000001' });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().salespersonName).toBe('张伟');
    const other = (await admin.get('/api/v1/admin/staff?q=李娜')).json().items[0];
    const moved = await sales.patch(`/api/v1/admin/customers/${mine.json().id}`, { salespersonId: other.id, version: mine.json().version });
    expect(moved.json().code).toBe('forbidden');
  });
});

describe('reference lists', () => {
  it('count customers per level and staff per role', async () => {
    const gold = (await admin.get('/api/v1/admin/customer-levels')).json().items.find((l: { name: string }) => l.name === '金牌');
    expect(gold.customerCount).toBe(1);
    const sales = (await admin.get('/api/v1/admin/roles')).json().items.find((r: { code: string }) => r.code === 'sales');
    expect(sales.staffCount).toBe(2);
  });
});

describe('registration and approval', () => {
  it('registers a pending customer with an admin login, contact and default address', async () => {
    const regions = (await client(t.app).get('/api/v1/regions')).json().items;
    const hz = regions.find((r: { name: string }) => r.name === '杭州市');
    const res = await client(t.app).post('/api/v1/auth/register', {
      companyName: '西湖茶行', type: 'dealer', contactName: '龙井', phone: '13600000001', username: 'xihu', password: 'tea-pass-1',
      regionId: hz.id, address: { regionText: '浙江省 杭州市', detail: '龙井路 1 号' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('pending');
    const listed = (await admin.get('/api/v1/admin/customers?status=pending&q=西湖')).json().items[0];
    const detail = (await admin.get(`/api/v1/admin/customers/${listed.id}`)).json();
    expect(detail.members).toMatchObject([{ username: 'xihu', isAdmin: true }]);
    expect(detail.addresses).toMatchObject([{ detail: '龙井路 1 号', isDefault: true }]);
    expect(detail.source).toBe('registration');

    const rejected = await admin.post(`/api/v1/admin/customers/${listed.id}/reject`, { reason: '资料不全' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '资料不全' });
    expect((await client(t.app).post('/api/v1/auth/member/login', { login: 'xihu', password: 'tea-pass-1' })).json().code).toBe('customer_rejected');
    expect((await admin.post(`/api/v1/admin/customers/${listed.id}/reject`, { reason: 'again' })).json().code).toBe('invalid_state');
  });

  it('rejects a duplicate login name with 409 and names the field', async () => {
    const res = await client(t.app).post('/api/v1/auth/register', { companyName: '重复', type: 'retailer', contactName: '甲', phone: '13600000002', username: 'dealer1', password: 'abc12345' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('body.username');
    expect((await admin.get('/api/v1/admin/customers?q=重复')).json().items).toHaveLength(0);
  });

  it('auto-approves when the tenant says so, and refuses when registration is closed', async () => {
    const cur = (await admin.get('/api/v1/admin/settings')).json();
    await admin.put('/api/v1/admin/settings', { settings: { ...cur.settings, autoApproveRegistration: true }, version: cur.version });
    const res = await client(t.app).post('/api/v1/auth/register', { companyName: '自动通过', type: 'consumer', contactName: '乙', phone: '13600000003', password: 'abc12345' });
    expect(res.json().status).toBe('active');
    await loginMember(t.app, '13600000003', 'abc12345');

    const cur2 = (await admin.get('/api/v1/admin/settings')).json();
    await admin.put('/api/v1/admin/settings', { settings: { ...cur2.settings, registrationOpen: false }, version: cur2.version });
    const closed = await client(t.app).post('/api/v1/auth/register', { companyName: '关闭', type: 'consumer', contactName: '丙', phone: '13600000004', password: 'abc12345' });
    expect([closed.statusCode, closed.json().code]).toEqual([403, 'registration_closed']);
    const stale = await admin.put('/api/v1/admin/settings', { settings: cur2.settings, version: cur2.version });
    expect(stale.json().code).toBe('version_conflict');
  });
});

describe('mall account', () => {
  it('a member manages delivery addresses with exactly one default', async () => {
    const m = await loginMember(t.app, 'retailer1');
    const first = (await m.get('/api/v1/mall/addresses')).json().items;
    expect(first).toHaveLength(1);
    const added = await m.post('/api/v1/mall/addresses', { receiver: '林芳', phone: '13800000003', regionText: '浙江省 杭州市', detail: '新仓库 2 号', isDefault: true });
    expect(added.statusCode).toBe(201);
    let items = (await m.get('/api/v1/mall/addresses')).json().items;
    expect(items.filter((a: { isDefault: boolean }) => a.isDefault).map((a: { id: string }) => a.id)).toEqual([added.json().id]);
    await m.delete(`/api/v1/mall/addresses/${added.json().id}`);
    items = (await m.get('/api/v1/mall/addresses')).json().items;
    expect(items).toHaveLength(1);
    expect(items[0].isDefault).toBe(true);
  });

  it('a viewer can read but not change, and only the company admin manages logins', async () => {
    const dealer = await loginMember(t.app, 'dealer1');
    const viewer = await dealer.post('/api/v1/mall/members', { name: '只读', username: 'viewer1', password: 'view-pass-1', memberRole: 'viewer' });
    expect(viewer.statusCode).toBe(201);
    const v = await loginMember(t.app, 'viewer1', 'view-pass-1');
    expect((await v.get('/api/v1/mall/addresses')).statusCode).toBe(200);
    expect((await v.post('/api/v1/mall/addresses', { receiver: 'x', phone: '13800000000', regionText: 'x', detail: 'x' })).json().code).toBe('forbidden');
    const approver = await loginMember(t.app, 'dealer1b');
    expect((await approver.post('/api/v1/mall/members', { name: 'x', username: 'nope1', password: 'abc12345', memberRole: 'buyer' })).json().code).toBe('forbidden');
  });

  it('the last company admin cannot give up admin rights', async () => {
    const m = await loginMember(t.app, 'dealer2');
    const me = (await m.get('/api/v1/mall/members')).json().items[0];
    const res = await m.patch(`/api/v1/mall/members/${me.id}`, { isAdmin: false, version: me.version });
    expect([res.statusCode, res.json().code]).toEqual([409, 'last_admin']);
  });

  it('a special VAT invoice profile requires bank details', async () => {
    const m = await loginMember(t.app, 'dealer2');
    const bad = await m.post('/api/v1/mall/invoice-profiles', { kind: 'special', title: '广州华南批发商行', taxNo: '91440101MA5XXXXX1X' });
    expect(bad.statusCode).toBe(400);
    const ok = await m.post('/api/v1/mall/invoice-profiles', {
      kind: 'special', title: '广州华南批发商行', taxNo: '91440101MA5XXXXX1X', bankName: '工商银行广州分行', bankAccount: '3602 0000 0000 1234', address: '广州市白云区机场路 1208 号', phone: '020-86000000',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().isDefault).toBe(true);
  });
});

describe('audit trail', () => {
  it('records who changed what, with before and after, and never a password hash', async () => {
    const c = (await admin.get('/api/v1/admin/customers?q=王先生')).json().items[0];
    await admin.patch(`/api/v1/admin/customers/${c.id}`, { remark: '老客户', version: c.version });
    const log = (await admin.get(`/api/v1/admin/audit?entityType=customer&entityId=${c.id}&action=customer.update`)).json().items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorKind: 'staff', actorName: '系统管理员', before: { remark: null }, after: { remark: '老客户' } });
    const all = JSON.stringify((await admin.get('/api/v1/admin/audit?limit=200')).json());
    expect(all).not.toMatch(/argon2|passwordHash/);
  });
});

describe('tenant resolution', () => {
  it('uses the only tenant, a header, or the sub-domain, and never lets a session cross tenants', async () => {
    expect((await client(t.app).get('/api/v1/tenant')).json().slug).toBe('demo');
    const { createTenantsService } = await import('../../src/modules/tenants/tenants.service.js');
    await createTenantsService(t.database).create('acme', 'Acme');
    // the app's tenant cache is per service instance; wait it out
    await new Promise((r) => setTimeout(r, 5100));
    expect((await client(t.app).get('/api/v1/tenant')).json().code).toBe('tenant_required');
    expect((await client(t.app, { tenant: 'nope' }).get('/api/v1/tenant')).json().code).toBe('tenant_not_found');
    const bySub = await t.app.inject({ method: 'GET', url: '/api/v1/tenant', headers: { host: 'acme.dinghuo.test' } });
    expect(bySub.json().slug).toBe('acme');
    const demoAdmin = await loginStaff(t.app, 'admin', undefined, 'demo');
    const cross = await demoAdmin.request('GET', '/api/v1/auth/me', undefined, { 'x-tenant': 'acme' });
    expect(cross.statusCode).toBe(401);
  });
});
