/**
 * Authorization matrix, generated from the route table: every console route × every built-in staff role, every
 * mall route × member kind, anonymous / wrong-realm callers, API-key scopes, and object-level isolation
 * (salesperson, regional manager, one customer company against another). A route added later is covered
 * automatically: its declared `config.auth` decides what every caller must get.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERMISSION_CODES } from '../../src/modules/staff/domain/permissions.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';
import { client, loginMember, loginStaff, type Client } from '../support/http-client.js';
import {
  NO_SUCH_ID, ROLE_USERS, fillUrl, memberMayCall, operations, pathParamsOf, plan, routeKey, routeTable, send, setUpFixtures,
  staffMayCall, type CustomerDetail, type Fixtures, type OpenApiDoc, type Planned, type RouteEntry,
} from '../support/route-table.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

vi.mock('fastify', async (importOriginal) => (await import('../support/route-table.js')).withRouteCapture(await importOriginal()));

let t: TestApp;
let fx: Fixtures;
let routes: RouteEntry[];
const staffSessions = new Map<string, Client>();

const isAdminRoute = (r: RouteEntry) => r.url.startsWith('/api/v1/admin/');
/** Mall routes that need a member; catalog browsing under /mall is public on purpose (guests, see the public list below). */
const isMallRoute = (r: RouteEntry) => r.url.startsWith('/api/v1/mall/') && r.auth?.kind !== 'public';
const adminRoutes = () => routes.filter(isAdminRoute);
const mallRoutes = () => routes.filter(isMallRoute);
const brief = (res: LightMyRequestResponse) => `${res.statusCode} ${res.body.slice(0, 160)}`;
const codeOf = (res: LightMyRequestResponse): unknown => { try { return (res.json() as { code?: unknown }).code; } catch { return undefined; } };

/** A cheap request for routes where only the authorization layer is under test (it answers before validation). */
const generic = (r: RouteEntry): Planned => ({
  params: Object.fromEntries(pathParamsOf(r.url).map((p) => [p, NO_SUCH_ID])),
  body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
  expect: [],
});

beforeAll(async () => {
  t = await createTestApp();
  routes = routeTable(t.app);
  fx = await setUpFixtures(t.app);
  for (const r of ROLE_USERS) staffSessions.set(r.role, await loginStaff(t.app, r.username));
});
afterAll(async () => { await t?.close(); });

/** What docs/api.md promises, route by route. A route missing here is still checked against its own declaration. */
const DOCUMENTED_PERMISSIONS: Record<string, string | null> = {
  'GET /api/v1/admin/permissions': null,
  'GET /api/v1/admin/roles': 'roles.read',
  'GET /api/v1/admin/warehouses': 'inventory.read', 'POST /api/v1/admin/warehouses': 'inventory.write', 'PATCH /api/v1/admin/warehouses/:id': 'inventory.write',
  'GET /api/v1/admin/stock': 'inventory.read', 'POST /api/v1/admin/stock/adjustments': 'inventory.write', 'GET /api/v1/admin/stock/movements': 'inventory.read',
  'PUT /api/v1/admin/stock/:skuId/thresholds': 'inventory.write', 'GET /api/v1/admin/inventory/alerts': 'inventory.read',
  'GET /api/v1/admin/orders': 'orders.read', 'GET /api/v1/admin/orders/counts': 'orders.read', 'GET /api/v1/admin/orders/export': 'orders.read',
  'GET /api/v1/admin/orders/:id': 'orders.read', 'POST /api/v1/admin/orders/:id/approve': 'orders.read', 'POST /api/v1/admin/orders/:id/reject': 'orders.read',
  'POST /api/v1/admin/orders/:id/void': 'orders.void', 'POST /api/v1/admin/orders/:id/ship': 'orders.ship', 'POST /api/v1/admin/orders/:id/receive': 'orders.ship',
  'PUT /api/v1/admin/orders/:id': 'orders.edit', 'POST /api/v1/admin/orders/bulk-approve': 'orders.read', 'POST /api/v1/admin/orders': 'orders.create',
  'GET /api/v1/admin/orders/sku-lookup': 'orders.create', 'GET /api/v1/admin/orders/:id/print/:kind': 'orders.read',
  'POST /api/v1/admin/roles': 'roles.write',
  'PATCH /api/v1/admin/roles/:id': 'roles.write',
  'DELETE /api/v1/admin/roles/:id': 'roles.write',
  'GET /api/v1/admin/staff': 'staff.read',
  'POST /api/v1/admin/staff': 'staff.write',
  'GET /api/v1/admin/staff/:id': 'staff.read',
  'PATCH /api/v1/admin/staff/:id': 'staff.write',
  'POST /api/v1/admin/staff/:id/reset-password': 'staff.write',
  'GET /api/v1/admin/regions': 'customers.read',
  'POST /api/v1/admin/regions': 'settings.write',
  'GET /api/v1/admin/customer-levels': 'customers.read',
  'POST /api/v1/admin/customer-levels': 'customers.write',
  'PATCH /api/v1/admin/customer-levels/:id': 'customers.write',
  'GET /api/v1/admin/customers': 'customers.read',
  'POST /api/v1/admin/customers': 'customers.write',
  'GET /api/v1/admin/customers/:id': 'customers.read',
  'PATCH /api/v1/admin/customers/:id': 'customers.write',
  'POST /api/v1/admin/customers/:id/approve': 'customers.approve',
  'POST /api/v1/admin/customers/:id/reject': 'customers.approve',
  'POST /api/v1/admin/customers/:id/disable': 'customers.write',
  'POST /api/v1/admin/customers/:id/enable': 'customers.write',
  'POST /api/v1/admin/customers/:id/members': 'customers.write',
  'PATCH /api/v1/admin/customers/:id/members/:childId': 'customers.write',
  ...Object.fromEntries(['addresses', 'contacts', 'invoice-profiles'].flatMap((c) => [
    [`POST /api/v1/admin/customers/:id/${c}`, 'customers.write'],
    [`PATCH /api/v1/admin/customers/:id/${c}/:childId`, 'customers.write'],
    [`DELETE /api/v1/admin/customers/:id/${c}/:childId`, 'customers.write'],
  ])),
  'GET /api/v1/admin/audit': 'audit.read',
  'GET /api/v1/admin/api-keys': 'apikeys.manage',
  'POST /api/v1/admin/api-keys': 'apikeys.manage',
  'DELETE /api/v1/admin/api-keys/:id': 'apikeys.manage',
  'GET /api/v1/admin/settings': 'settings.read',
  'PUT /api/v1/admin/settings': 'settings.write',
  // docs/api.md, payments and refunds
  'GET /api/v1/admin/payments': 'finance.read',
  'POST /api/v1/admin/payments/:id/confirm': 'finance.write',
  'POST /api/v1/admin/payments/:id/reject': 'finance.write',
  'POST /api/v1/admin/customers/:id/account/adjustments': 'finance.write',
  'GET /api/v1/admin/refunds': 'finance.read',
  'POST /api/v1/admin/orders/:id/refunds': 'finance.write',
  'POST /api/v1/admin/refunds/:id/approve': 'finance.write',
  'POST /api/v1/admin/refunds/:id/reject': 'finance.write',
  // docs/api.md, finance reports and 收支记录
  'GET /api/v1/admin/finance/statements': 'finance.reports', 'GET /api/v1/admin/finance/receivables': 'finance.reports',
  'GET /api/v1/admin/finance/credit-control': 'finance.reports', 'GET /api/v1/admin/finance/records': 'finance.reports',
  'POST /api/v1/admin/finance/records': 'finance.expenses', 'POST /api/v1/admin/finance/records/:id/void': 'finance.expenses',
  // docs/api.md, invoices
  'GET /api/v1/admin/invoices': 'invoices.read', 'GET /api/v1/admin/invoices/export': 'invoices.read', 'GET /api/v1/admin/invoices/:id': 'invoices.read',
  'POST /api/v1/admin/invoices': 'invoices.write', 'POST /api/v1/admin/invoices/:id/void': 'invoices.write', 'GET /api/v1/admin/invoice-queue': 'invoices.read',
  'GET /api/v1/admin/orders/:id/invoicing': 'invoices.read', 'PUT /api/v1/admin/orders/:id/invoice-request': 'invoices.write',
  'DELETE /api/v1/admin/orders/:id/invoice-request': 'invoices.write',
  // docs/api.md, fulfilment
  'GET /api/v1/admin/fulfilment/queue': 'orders.ship',
  'POST /api/v1/admin/shipments': 'orders.ship',
  'POST /api/v1/admin/shipments/:id/ship': 'orders.ship',
};

/** docs/api.md, mall table: reads for every member, changes not for viewers, logins only for the company admin. */
const DOCUMENTED_MALL: Record<string, 'reader' | 'writer' | 'admin'> = {
  'GET /api/v1/mall/account': 'reader',
  'PATCH /api/v1/mall/account/profile': 'reader',
  ...Object.fromEntries(['addresses', 'invoice-profiles'].flatMap((c) => [
    [`GET /api/v1/mall/${c}`, 'reader'], [`POST /api/v1/mall/${c}`, 'writer'], [`PATCH /api/v1/mall/${c}/:id`, 'writer'],
    [`DELETE /api/v1/mall/${c}/:id`, 'writer'], [`POST /api/v1/mall/${c}/:id/default`, 'writer'],
  ])),
  'GET /api/v1/mall/cart': 'reader', 'GET /api/v1/mall/cart/lookup': 'reader', 'GET /api/v1/mall/checkout': 'reader',
  'POST /api/v1/mall/cart/lines': 'writer', 'PATCH /api/v1/mall/cart/lines/:id': 'writer', 'DELETE /api/v1/mall/cart/lines/:id': 'writer',
  'DELETE /api/v1/mall/cart': 'writer', 'POST /api/v1/mall/cart/quick': 'writer', 'POST /api/v1/mall/cart/upload': 'writer',
  'POST /api/v1/mall/cart/acknowledge-prices': 'writer', 'GET /api/v1/mall/saved-lists': 'reader', 'POST /api/v1/mall/saved-lists': 'writer',
  'POST /api/v1/mall/checkout': 'writer', 'GET /api/v1/mall/orders': 'reader', 'GET /api/v1/mall/orders/:id': 'reader',
  'GET /api/v1/mall/orders/:id/export': 'reader', 'POST /api/v1/mall/orders/:id/cancel': 'writer', 'POST /api/v1/mall/orders/:id/receive': 'writer',
  'POST /api/v1/mall/orders/:id/approve': 'writer', 'POST /api/v1/mall/orders/:id/reject': 'writer', 'POST /api/v1/mall/orders/:id/reorder': 'writer',
  'GET /api/v1/mall/orders/:id/invoicing': 'reader', 'PUT /api/v1/mall/orders/:id/invoice-request': 'writer', 'GET /api/v1/mall/invoices': 'reader',
  'GET /api/v1/mall/members': 'reader',
  'GET /api/v1/mall/finance/statement': 'reader', 'GET /api/v1/mall/finance/statement/export': 'reader',
  'POST /api/v1/mall/members': 'admin',
  'PATCH /api/v1/mall/members/:id': 'admin',
};

describe('the route table', () => {
  it('lists every /api/v1 route of the OpenAPI document, each with a declared auth', () => {
    const doc = t.app.swagger() as unknown as OpenApiDoc;
    const documented = operations(doc).filter((o) => o.url.startsWith('/api/v1/')).map(routeKey).sort();
    expect(routes.map(routeKey).sort()).toEqual(documented);
    expect(adminRoutes().length).toBeGreaterThanOrEqual(40);
    expect(mallRoutes().length).toBeGreaterThanOrEqual(14);
    for (const r of routes) expect(r.auth, routeKey(r)).toBeDefined();
  });

  it('makes every console route a staff route naming a catalogued permission (or none: any staff), and every mall route a member route', () => {
    for (const r of adminRoutes()) {
      expect(r.auth?.kind, routeKey(r)).toBe('staff');
      const permission = r.auth?.kind === 'staff' ? r.auth.permission : undefined;
      if (permission !== null) expect(PERMISSION_CODES, routeKey(r)).toContain(permission);
    }
    for (const r of mallRoutes()) expect(r.auth?.kind, routeKey(r)).toBe('member');
    // a route becoming public is a security decision: it has to be added here on purpose
    const publicOnes = routes.filter((r) => r.auth?.kind === 'public').map(routeKey).sort();
    expect(publicOnes).toEqual([
      'GET /api/v1/images/:id/:size', 'GET /api/v1/mall/categories', 'GET /api/v1/mall/products', 'GET /api/v1/mall/products/:id', 'GET /api/v1/mall/suggest',
      'GET /api/v1/regions', 'GET /api/v1/tenant', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/member/login', 'POST /api/v1/auth/register',
      'POST /api/v1/auth/reset/confirm', 'POST /api/v1/auth/reset/request', 'POST /api/v1/auth/staff/login',
      // carrier pushes: no session, authenticated by the per-parcel signature instead
      'POST /api/v1/webhooks/:via/:tenant/:shipmentId',
      // payment gateway callbacks: no session, authenticated by the gateway's signature (verified before anything is read)
      'POST /api/v1/webhooks/pay-alipay/:tenant', 'POST /api/v1/webhooks/pay-unionpay/:tenant', 'POST /api/v1/webhooks/pay-wechat/:tenant',
    ]);
  });

  it('declares the permissions docs/api.md documents', () => {
    const declared = Object.fromEntries(adminRoutes().map((r) => [routeKey(r), r.auth?.kind === 'staff' ? r.auth.permission : 'not a staff route']));
    for (const [key, permission] of Object.entries(DOCUMENTED_PERMISSIONS)) expect(declared[key], key).toBe(permission);
    const mall = Object.fromEntries(mallRoutes().map((r) => {
      const a = r.auth?.kind === 'member' ? r.auth : undefined;
      return [routeKey(r), a?.admin ? 'admin' : a?.write ? 'writer' : 'reader'];
    }));
    for (const [key, level] of Object.entries(DOCUMENTED_MALL)) expect(mall[key], key).toBe(level);
  });

  it('gives each built-in role a demo user whose effective permissions and data scope are the role\'s', async () => {
    for (const r of ROLE_USERS) {
      const me = (await staffSessions.get(r.role)!.get('/api/v1/auth/me')).json().me;
      expect([...me.permissions].sort(), r.role).toEqual([...r.permissions].sort());
      expect(me.dataScope, r.role).toBe(r.dataScope);
    }
  });
});

describe('staff roles × console routes', () => {
  it.each(ROLE_USERS)('$role ($username): 403 forbidden without the route\'s permission, the real answer with it', async ({ role, permissions }) => {
    const session = staffSessions.get(role)!;
    const wrong: string[] = [];
    let denied = 0;
    let allowed = 0;
    for (const r of adminRoutes()) {
      const p = await plan(fx, r);
      const res = await send(session, r, p);
      const permission = r.auth?.kind === 'staff' ? r.auth.permission : undefined;
      if (staffMayCall(r.auth, permissions) && p.needs && !permissions.includes(p.needs)) {
        // The route lets them in, the object's state asks for more (approving at the order-review step needs orders.review).
        denied++;
        const body = res.json() as { code?: string; detail?: string };
        if (res.statusCode !== 403 || body.code !== 'forbidden' || !body.detail?.includes(p.needs)) wrong.push(`${routeKey(r)} should be forbidden (${p.needs}): ${brief(res)}`);
      } else if (staffMayCall(r.auth, permissions)) {
        allowed++;
        if (!p.expect.includes(res.statusCode) || res.statusCode === 401 || res.statusCode === 403) wrong.push(`${routeKey(r)} allowed, expected ${p.expect}: ${brief(res)}`);
      } else {
        denied++;
        const body = res.json() as { code?: string; detail?: string };
        if (res.statusCode !== 403 || body.code !== 'forbidden' || !body.detail?.includes(String(permission))) wrong.push(`${routeKey(r)} should be forbidden (${permission}): ${brief(res)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(denied + allowed).toBe(adminRoutes().length);
    // owner and admin hold everything; roles without any console permission are refused nearly everywhere
    if (role === 'owner' || role === 'admin') expect(denied).toBe(0);
    if (permissions.length === 0) expect(allowed).toBe(adminRoutes().filter((r) => r.auth?.kind === 'staff' && r.auth.permission === null).length);
  });
});

describe('API keys × console routes', () => {
  it('a key with one scope passes exactly the routes needing that scope (or none) and gets 403 elsewhere', async () => {
    const wrong: string[] = [];
    for (const scope of PERMISSION_CODES) {
      const created = await fx.owner.post('/api/v1/admin/api-keys', { name: `scope ${scope}`, scopes: [scope] });
      expect(created.statusCode).toBe(201);
      const key = client(t.app, { bearer: created.json().token });
      for (const r of adminRoutes()) {
        const res = await send(key, r, generic(r));
        const may = staffMayCall(r.auth, [scope]);
        if (may && (res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500)) wrong.push(`${scope} → ${routeKey(r)} allowed: ${brief(res)}`);
        if (!may && (res.statusCode !== 403 || codeOf(res) !== 'forbidden')) wrong.push(`${scope} → ${routeKey(r)} should be forbidden: ${brief(res)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('callers of the wrong kind', () => {
  it('anonymous callers get 401 unauthenticated on every console, mall and signed-in route', async () => {
    const anon = client(t.app);
    const wrong: string[] = [];
    const guarded = routes.filter((r) => r.auth?.kind !== 'public');
    const signedIn = routes.filter((r) => r.auth?.kind === 'any');
    expect(signedIn.map(routeKey).sort()).toEqual(['GET /api/v1/auth/me', 'POST /api/v1/auth/logout-others', 'POST /api/v1/auth/password']);
    expect(guarded.length).toBe(adminRoutes().length + mallRoutes().length + signedIn.length);
    for (const r of guarded) {
      const res = await send(anon, r, generic(r));
      if (res.statusCode !== 401 || codeOf(res) !== 'unauthenticated' || !String(res.headers['content-type']).startsWith('application/problem+json')) {
        wrong.push(`${routeKey(r)}: ${brief(res)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('public routes answer anonymous callers (no 401/403)', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.auth?.kind === 'public')) {
      const p = await plan(fx, r);
      const res = await send(client(t.app), r, p);
      if (!p.expect.includes(res.statusCode)) wrong.push(`${routeKey(r)} expected ${p.expect}: ${brief(res)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a member session gets 403 forbidden on every console route', async () => {
    for (const who of ['dealer1', 'retailer1']) {
      const m = await loginMember(t.app, who);
      const wrong: string[] = [];
      for (const r of adminRoutes()) {
        const res = await send(m, r, generic(r));
        if (res.statusCode !== 403 || codeOf(res) !== 'forbidden') wrong.push(`${who} ${routeKey(r)}: ${brief(res)}`);
      }
      expect(wrong).toEqual([]);
    }
  });

  it('a staff session (even the owner) and an API key get 403 forbidden on every mall route', async () => {
    const key = client(t.app, { bearer: (await fx.owner.post('/api/v1/admin/api-keys', { name: 'all scopes', scopes: [...PERMISSION_CODES] })).json().token });
    const callers: [string, Client][] = [['owner', staffSessions.get('owner')!], ['sales', staffSessions.get('sales')!], ['api key', key]];
    const wrong: string[] = [];
    for (const [who, c] of callers) {
      for (const r of mallRoutes()) {
        const res = await send(c, r, generic(r));
        if (res.statusCode !== 403 || codeOf(res) !== 'forbidden') wrong.push(`${who} ${routeKey(r)}: ${brief(res)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('member kinds × mall routes', () => {
  const personas = [
    { username: 'dealer1', memberRole: 'buyer', isAdmin: true },
    { username: 'dealer1b', memberRole: 'approver', isAdmin: false },
    { username: 'dealer1v', memberRole: 'viewer', isAdmin: false },
  ];

  beforeAll(async () => {
    const created = await fx.owner.post(`/api/v1/admin/customers/${fx.customers.dealer1.id}/members`, {
      name: '只读登录', username: 'dealer1v', password: DEMO_PASSWORD, memberRole: 'viewer', isAdmin: false,
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  it.each(personas)('$username ($memberRole, admin: $isAdmin) gets what the route declares', async (persona) => {
    const m = await loginMember(t.app, persona.username);
    const wrong: string[] = [];
    for (const r of mallRoutes()) {
      const p = await plan(fx, r);
      const res = await send(m, r, p);
      if (memberMayCall(r.auth, persona)) {
        if (!p.expect.includes(res.statusCode)) wrong.push(`${routeKey(r)} allowed, expected ${p.expect}: ${brief(res)}`);
      } else if (res.statusCode !== 403 || codeOf(res) !== 'forbidden') {
        wrong.push(`${routeKey(r)} should be forbidden: ${brief(res)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('dealer1b (approver, not the company admin) gets 403 on POST and PATCH /mall/members, and nothing changes', async () => {
    const m = await loginMember(t.app, 'dealer1b');
    const before = (await fx.dealer1.get('/api/v1/mall/members')).json().items;
    const add = await m.post('/api/v1/mall/members', { name: '越权', username: 'sneaky1', password: 'Passw0rd123', memberRole: 'buyer', isAdmin: true });
    expect([add.statusCode, add.json().code]).toEqual([403, 'forbidden']);
    const self = before.find((x: { username: string }) => x.username === 'dealer1b');
    const promote = await m.patch(`/api/v1/mall/members/${self.id}`, { isAdmin: true, version: self.version });
    expect([promote.statusCode, promote.json().code]).toEqual([403, 'forbidden']);
    const admin = before.find((x: { username: string }) => x.username === 'dealer1');
    const lockOut = await m.patch(`/api/v1/mall/members/${admin.id}`, { status: 'disabled', version: admin.version });
    expect([lockOut.statusCode, lockOut.json().code]).toEqual([403, 'forbidden']);
    expect((await fx.dealer1.get('/api/v1/mall/members')).json().items).toEqual(before);
  });
});

describe('customer-object isolation in the console', () => {
  const customerRoutes = () => adminRoutes().filter((r) => r.url.startsWith('/api/v1/admin/customers/:id'));
  const collectionOf = (url: string) => /\/customers\/:id\/([\w-]+)\/:childId/.exec(url)?.[1];
  const childrenOf = (c: CustomerDetail, coll: string | undefined) =>
    coll === 'members' ? c.members : coll === 'contacts' ? c.contacts : coll === 'addresses' ? c.addresses : coll === 'invoice-profiles' ? c.invoiceProfiles : [];

  /** Plans every /customers/:id route (recipes may create objects, so this runs before any snapshot), then aims it at `foreign`. */
  async function attack(role: string, foreign: CustomerDetail, pending: string) {
    const session = staffSessions.get(role)!;
    const permissions = ROLE_USERS.find((r) => r.role === role)!.permissions;
    const planned = [];
    for (const r of customerRoutes()) planned.push({ r, p: await plan(fx, r) });
    const before = await fx.customer(foreign.id);
    const pendingBefore = await fx.customer(pending);
    const wrong: string[] = [];
    let checked = 0;
    for (const { r, p } of planned) {
      const coll = collectionOf(r.url);
      const isReview = /\/(approve|reject)$/.test(r.url);
      const id = isReview ? pending : foreign.id;
      const target = isReview ? pendingBefore : before;
      const children = childrenOf(target, coll);
      const targets = pathParamsOf(r.url).includes('childId') ? children : [undefined];
      if (pathParamsOf(r.url).includes('childId')) expect(children.length, `${foreign.name} has ${coll}`).toBeGreaterThan(0);
      for (const child of targets) {
        let body = p.body;
        if (body && typeof body === 'object' && 'version' in body) {
          body = { ...body, version: child && 'version' in child ? (child as { version: number }).version : target.version };
        }
        const res = await send(session, r, { ...p, params: { ...p.params, id, ...(child ? { childId: child.id } : {}) }, body });
        checked++;
        const may = staffMayCall(r.auth, permissions);
        const expected = may ? [404, 'not_found'] : [403, 'forbidden'];
        if (res.statusCode !== expected[0] || codeOf(res) !== expected[1]) wrong.push(`${routeKey(r)} on ${target.name}: expected ${expected[0]}, got ${brief(res)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(customerRoutes().length);
    expect(await fx.customer(foreign.id)).toEqual(before);
    expect(await fx.customer(pending)).toEqual(pendingBefore);
  }

  let pendingSouth: string;
  beforeAll(async () => {
    // every foreign customer gets an invoice profile and a contact so each child route has a real foreign id to try
    for (const who of ['dealer2', 'consumer1', 'retailer1']) {
      const id = fx.customers[who].id;
      expect((await fx.owner.post(`/api/v1/admin/customers/${id}/invoice-profiles`, { kind: 'normal', title: `${who} 抬头`, taxNo: '91440000000000000X' })).statusCode).toBe(201);
      expect((await fx.owner.post(`/api/v1/admin/customers/${id}/contacts`, { name: `${who} 采购`, phone: fx.uniquePhone() })).statusCode).toBe(201);
      fx.customers[who] = await fx.customer(id);
    }
    const reg = await client(t.app).post('/api/v1/auth/register', {
      companyName: '广州待审核商行', type: 'dealer', contactName: '待审', phone: fx.uniquePhone(), password: 'Passw0rd123', regionId: fx.regions['440100'],
    });
    expect(reg.statusCode).toBe(201);
    pendingSouth = reg.json().customerId;
  });

  it.each([
    { role: 'sales', whose: 'dealer2', why: 'assigned to sales2' },
    { role: 'sales', whose: 'consumer1', why: 'assigned to nobody' },
    { role: 'sales', whose: 'retailer1', why: 'assigned to sales2' },
    { role: 'regional_manager', whose: 'dealer2', why: 'in 广州 (华南)' },
    { role: 'regional_manager', whose: 'consumer1', why: 'in 北京 (华北)' },
  ])('$role gets 404 on every /admin/customers/:id route for $whose\'s company ($why), which stays unchanged', async ({ role, whose }) => {
    await attack(role, fx.customers[whose], pendingSouth);
  });

  it('the same routes work for them on a customer in their scope (so the 404s above are the scope, not the request)', async () => {
    for (const role of ['sales', 'regional_manager']) {
      const s = staffSessions.get(role)!;
      expect((await s.get(`/api/v1/admin/customers/${fx.target.id}`)).statusCode, role).toBe(200);
      const c = await fx.customer(fx.target.id);
      expect((await s.patch(`/api/v1/admin/customers/${fx.target.id}/addresses/${c.addresses[0].id}`, { detail: `${role} 改` })).statusCode, role).toBe(200);
    }
  });

  it('lists only what the scope allows, whatever the filters say', async () => {
    const sales = staffSessions.get('sales')!;
    const mine = (await sales.get('/api/v1/admin/customers?limit=200')).json().items as { salespersonId: string; id: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.salespersonId === fx.staff.sales)).toBe(true);
    expect((await sales.get(`/api/v1/admin/customers?salespersonId=${fx.staff.sales2}`)).json().items).toEqual([]);
    expect((await sales.get(`/api/v1/admin/customers?q=${encodeURIComponent('广州')}`)).json().items).toEqual([]);

    const east = new Set(['EAST', '310000', '320000', '320500', '330000', '330100'].map((code) => fx.regions[code]));
    const manager = staffSessions.get('regional_manager')!;
    const seen = (await manager.get('/api/v1/admin/customers?limit=200')).json().items as { regionId: string | null }[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((c) => c.regionId !== null && east.has(c.regionId))).toBe(true);
    expect((await manager.get(`/api/v1/admin/customers?regionId=${fx.regions['440100']}`)).json().items).toEqual([]);
  });

  it('scoped staff cannot move a customer out of their own scope or create one outside it', async () => {
    const sales = staffSessions.get('sales')!;
    const manager = staffSessions.get('regional_manager')!;
    const v = (await fx.customer(fx.target.id)).version;
    const give = await sales.patch(`/api/v1/admin/customers/${fx.target.id}`, { salespersonId: fx.staff.sales2, version: v });
    expect([give.statusCode, give.json().code]).toEqual([403, 'forbidden']);
    const move = await manager.patch(`/api/v1/admin/customers/${fx.target.id}`, { regionId: fx.regions['440100'], version: v });
    expect([move.statusCode, move.json().code]).toEqual([403, 'forbidden']);
    const south = await manager.post('/api/v1/admin/customers', { name: '越区客户', type: 'retailer', regionId: fx.regions['440100'], contactName: '甲', phone: fx.uniquePhone() });
    expect([south.statusCode, south.json().code]).toEqual([403, 'forbidden']);
    const forOther = await sales.post('/api/v1/admin/customers', { name: '代建客户', type: 'retailer', salespersonId: fx.staff.sales2, contactName: '乙', phone: fx.uniquePhone() });
    expect([forOther.statusCode, forOther.json().code]).toEqual([403, 'forbidden']);
    expect((await fx.customer(fx.target.id)).version).toBe(v);
  });
});

describe('customer isolation in the mall', () => {
  it('retailer1 can never read or change dealer1\'s addresses, invoice profiles or logins by id', async () => {
    // dealer1 gets a second address and an invoice profile so every collection has ids to try
    expect((await fx.dealer1.post('/api/v1/mall/addresses', { receiver: '二号仓', phone: fx.uniquePhone(), regionText: '上海', detail: '二号仓库' })).statusCode).toBe(201);
    expect((await fx.dealer1.post('/api/v1/mall/invoice-profiles', { kind: 'normal', title: '上海鼎盛', taxNo: '91310000000000001X' })).statusCode).toBe(201);
    const retailer = await loginMember(t.app, 'retailer1');
    expect((await retailer.post('/api/v1/mall/invoice-profiles', { kind: 'normal', title: '杭州好邻居', taxNo: '91330000000000001X' })).statusCode).toBe(201);
    // Favourites take a product id (shared catalog, not a customer's object) and removing a non-favourite is an idempotent 204.
    const idRoutes = mallRoutes().filter((r) => r.url.includes('/:id') && !r.url.startsWith('/api/v1/mall/favourites/'));
    expect(idRoutes.length).toBeGreaterThanOrEqual(7);
    const planned = [];
    for (const r of idRoutes) planned.push({ r, p: await plan(fx, r) });

    const dealerCo = fx.customers.dealer1.id;
    const before = await fx.customer(dealerCo);
    const retailerBefore = await fx.customer(fx.customers.retailer1.id);
    const idsOf = (url: string) => url.includes('/addresses/') ? before.addresses : url.includes('/invoice-profiles/') ? before.invoiceProfiles
      : url.includes('/members/') ? before.members : [...before.addresses, ...before.invoiceProfiles, ...before.members];
    const wrong: string[] = [];
    let tried = 0;
    for (const { r, p } of planned) {
      for (const obj of idsOf(r.url)) {
        let body = p.body;
        if (body && typeof body === 'object' && 'version' in body) body = { ...body, version: (obj as { version?: number }).version ?? 1 };
        if (r.url.includes('/members/')) body = { ...(body as object), password: 'Hijack123', status: 'disabled' };
        const res = await send(retailer, r, { ...p, params: { id: obj.id }, body });
        tried++;
        if (res.statusCode !== 404 || codeOf(res) !== 'not_found') wrong.push(`${fillUrl(r.url, { id: obj.id })}: ${brief(res)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(15);

    // nothing of dealer1's shows up in retailer1's lists, and nothing of dealer1's (or retailer1's) changed
    const dealerIds = new Set([...before.addresses, ...before.invoiceProfiles, ...before.members].map((x) => x.id));
    for (const list of ['addresses', 'invoice-profiles', 'members']) {
      const items = (await retailer.get(`/api/v1/mall/${list}`)).json().items as { id: string }[];
      expect(items.length, list).toBeGreaterThan(0);
      expect(items.filter((x) => dealerIds.has(x.id)), list).toEqual([]);
    }
    const account = (await retailer.get('/api/v1/mall/account')).json();
    expect(account.customer.id).toBe(fx.customers.retailer1.id);
    expect(await fx.customer(dealerCo)).toEqual(before);
    expect(await fx.customer(fx.customers.retailer1.id)).toEqual(retailerBefore);
    await loginMember(t.app, 'dealer1b'); // the password was not changed
  });
});
