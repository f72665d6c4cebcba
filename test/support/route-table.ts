/**
 * The route table as the tests see it, and a plausible request for every known route.
 *
 * - `withRouteCapture` wraps the Fastify factory (use it from `vi.mock('fastify', …)`) so each instance records
 *   every route's method, url and `config.auth` through an `onRoute` hook registered before any route exists.
 *   New routes therefore show up in the access matrix and the bad-input sweep without touching the tests.
 * - `operations` reads the OpenAPI document (`app.swagger()`) into path / query / body schemas.
 * - `RECIPES` builds a realistic, valid request per route (real ids from the demo data, fresh unique values),
 *   and `setUpFixtures` creates the throw-away objects those requests act on.
 *
 * This module must not import `fastify` at run time: it is loaded from inside the `vi.mock('fastify')` factory.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { RouteAuth } from '../../src/platform/http/route-auth.js';
import { BUILT_IN_ROLES } from '../../src/modules/staff/domain/permissions.js';
import { DEMO_CUSTOMERS, DEMO_PASSWORD, DEMO_STAFF } from '../../src/seed/demo-data.js';
import { client, loginMember, loginStaff, type Client } from './http-client.js';
import { FINANCE_RECIPES } from './finance-recipes.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface RouteEntry { method: Method; url: string; auth: RouteAuth | undefined }

// ---------------------------------------------------------------------------------------------------------------
// Route capture

const tables = new WeakMap<object, RouteEntry[]>();

/** For `vi.mock('fastify', async (orig) => withRouteCapture(await orig()))`: every instance records its routes. */
export function withRouteCapture<M>(mod: M): M {
  const real = (mod as { default: (...args: unknown[]) => FastifyInstance }).default;
  const factory = function (this: unknown, ...args: unknown[]) {
    const app = real.apply(this, args);
    const list: RouteEntry[] = [];
    tables.set(app, list);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method === 'HEAD' || method === 'OPTIONS') continue; // HEAD mirrors GET (same config)
        list.push({ method: method as Method, url: route.url, auth: route.config?.auth });
      }
    });
    return app;
  };
  Object.assign(factory, real);
  return { ...(mod as object), default: factory, fastify: factory } as M;
}

/** Every route of `app` under /api/v1 (the app must have been built with the capturing factory). */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  const list = tables.get(app);
  if (!list) throw new Error('route table not captured: add vi.mock("fastify", … withRouteCapture …) to the test file');
  return list.filter((r) => r.url.startsWith('/api/v1/'));
}

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
export const pathParamsOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);

/** Puts `params` into a Fastify url template (`/x/:id`), URI-encoding them unless `raw`. */
export function fillUrl(url: string, params: Record<string, string>, raw = false): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for :${name} in ${url}`);
    return raw ? v : encodeURIComponent(v);
  });
}

export function withQuery(url: string, query?: Record<string, string | string[]>): string {
  if (!query || !Object.keys(query).length) return url;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) qs.append(k, one);
  return `${url}?${qs}`;
}

/** An id of the right shape that names nothing. */
export const NO_SUCH_ID = '0NOSUCHOBJECT0000000000000';

// ---------------------------------------------------------------------------------------------------------------
// Who is who in the demo company

/** One demo staff user per built-in role (the first one seeded with that role). */
export const ROLE_USERS: { role: string; username: string; permissions: readonly string[]; dataScope: string }[] = BUILT_IN_ROLES.map((r) => {
  const user = DEMO_STAFF.find((s) => s.role === r.code);
  if (!user) throw new Error(`no demo staff user for built-in role ${r.code}`);
  return { role: r.code, username: user.username, permissions: r.permissions, dataScope: r.dataScope };
});

/** Whether a staff caller holding `permissions` passes the route's declared auth. */
export function staffMayCall(auth: RouteAuth | undefined, permissions: readonly string[]): boolean {
  if (!auth) return false;
  if (auth.kind === 'public' || auth.kind === 'any') return true;
  if (auth.kind === 'member') return false;
  return auth.permission === null || permissions.includes(auth.permission);
}

/** Whether a member caller passes the route's declared auth. */
export function memberMayCall(auth: RouteAuth | undefined, m: { memberRole: string; isAdmin: boolean }): boolean {
  if (!auth) return false;
  if (auth.kind === 'public' || auth.kind === 'any') return true;
  if (auth.kind === 'staff') return false;
  if (auth.write && m.memberRole === 'viewer' && !m.isAdmin) return false;
  if (auth.admin && !m.isAdmin) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: ids of the demo data plus throw-away objects the recipes may change freely

interface Child { id: string }
export interface CustomerDetail {
  id: string; name: string; version: number; salespersonId: string | null; regionId: string | null; status: string;
  contacts: Child[]; addresses: Child[]; invoiceProfiles: Child[]; members: (Child & { username: string | null; version: number })[];
}

export interface Fixtures {
  app: FastifyInstance;
  owner: Client;
  dealer1: Client;
  regions: Record<string, string>;
  staff: Record<string, string>;
  roles: Record<string, string>;
  /** Demo customers by the username of their first member: dealer1, dealer2, retailer1, consumer1. */
  customers: Record<string, CustomerDetail>;
  /** A customer assigned to `sales`, in 上海 (so sales, the regional manager and everyone with scope "all" see it). */
  target: CustomerDetail;
  /** A staff user the recipes may edit and reset. */
  spareStaffId: string;
  /** A custom role the recipes may edit. */
  spareRoleId: string;
  /** A member login of dealer1's company that mall recipes may edit. */
  spareMemberId: string;
  /** Fresh unique suffix. */
  n(): number;
  uniquePhone(): string;
  customer(id: string): Promise<CustomerDetail>;
}

let counter = 0;
const next = () => ++counter;

export async function setUpFixtures(app: FastifyInstance): Promise<Fixtures> {
  const owner = await loginStaff(app, 'owner');
  const dealer1 = await loginMember(app, 'dealer1');
  const ok = <T>(res: LightMyRequestResponse, status: number, what: string): T => {
    if (res.statusCode !== status) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  const regionList = ok<{ items: { id: string; code: string | null; name: string }[] }>(await owner.get('/api/v1/admin/regions'), 200, 'regions').items;
  const regions = Object.fromEntries(regionList.map((r) => [r.code ?? r.name, r.id]));
  const staffList = ok<{ items: { id: string; username: string }[] }>(await owner.get('/api/v1/admin/staff?limit=200'), 200, 'staff').items;
  const staff = Object.fromEntries(staffList.map((s) => [s.username, s.id]));
  const roleList = ok<{ items: { id: string; code: string | null; name: string }[] }>(await owner.get('/api/v1/admin/roles'), 200, 'roles').items;
  const roles = Object.fromEntries(roleList.filter((r) => r.code).map((r) => [r.code!, r.id]));

  const customer = async (id: string) => ok<CustomerDetail>(await owner.get(`/api/v1/admin/customers/${id}`), 200, `customer ${id}`);
  const list = ok<{ items: { id: string; name: string }[] }>(await owner.get('/api/v1/admin/customers?limit=200'), 200, 'customers').items;
  const customers: Record<string, CustomerDetail> = {};
  for (const c of DEMO_CUSTOMERS) customers[c.members[0].username] = await customer(list.find((x) => x.name === c.name)!.id);

  const uniquePhone = () => `139${String(40_000_000 + next()).padStart(8, '0')}`;
  const targetId = ok<CustomerDetail>(await owner.post('/api/v1/admin/customers', {
    name: `QA 目标客户 ${next()}`, type: 'dealer', regionId: regions['310000'], salespersonId: staff.sales, contactName: '测试', phone: uniquePhone(),
    member: { username: `qatarget${next()}`, password: DEMO_PASSWORD },
  }), 201, 'target customer').id;
  ok(await owner.post(`/api/v1/admin/customers/${targetId}/addresses`, { receiver: '收货人', phone: uniquePhone(), regionText: '上海市', detail: '测试路 1 号' }), 201, 'target address');
  ok(await owner.post(`/api/v1/admin/customers/${targetId}/invoice-profiles`, { kind: 'normal', title: 'QA 发票抬头', taxNo: '91310000000000000X' }), 201, 'target invoice profile');

  const spareStaffId = ok<{ id: string }>(await owner.post('/api/v1/admin/staff', {
    name: '备用员工', username: `qaspare${next()}`, password: DEMO_PASSWORD, roleIds: [roles.warehouse],
  }), 201, 'spare staff').id;
  const spareRoleId = ok<{ id: string }>(await owner.post('/api/v1/admin/roles', { name: `QA 备用角色 ${next()}`, permissions: ['customers.read'], dataScope: 'all' }), 201, 'spare role').id;
  const spareMemberId = ok<{ id: string }>(await dealer1.post('/api/v1/mall/members', {
    name: '备用登录', username: `qaspareM${next()}`, password: DEMO_PASSWORD, memberRole: 'buyer',
  }), 201, 'spare member').id;

  return {
    app, owner, dealer1, regions, staff, roles, customers, target: await customer(targetId), spareStaffId, spareRoleId, spareMemberId,
    n: next, uniquePhone, customer,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Recipes: one plausible, valid request per known route, and the answer it gets from a caller who may call it

export interface Planned {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  /** Statuses a permitted caller gets for this request. */
  expect: number[];
  headers?: Record<string, string>;
  /** A permission the request needs beyond the route's own, because of the object's state (approving at the finance step needs orders.finance). */
  needs?: string;
}
export type Recipe = (fx: Fixtures) => Promise<Planned>;

const created = async (res: Promise<LightMyRequestResponse>, what: string): Promise<string> => {
  const r = await res;
  if (r.statusCode !== 201) throw new Error(`recipe set-up (${what}): ${r.statusCode} ${r.body}`);
  return (r.json() as { id?: string; apiKey?: { id: string } }).id ?? (r.json() as { apiKey: { id: string } }).apiKey.id;
};
const json = async <T>(res: Promise<LightMyRequestResponse>): Promise<T> => (await res).json() as T;

const addressBody = (fx: Fixtures) => ({ receiver: `收货人${fx.n()}`, phone: fx.uniquePhone(), regionText: '上海市 浦东新区', detail: `张江路 ${fx.n()} 号` });
const contactBody = (fx: Fixtures) => ({ name: `联系人${fx.n()}`, phone: fx.uniquePhone(), position: '采购' });
const invoiceBody = (fx: Fixtures) => ({ kind: 'normal', title: `QA 抬头 ${fx.n()}`, taxNo: '91310000000000000X' });
const memberBody = (fx: Fixtures) => ({ name: `登录${fx.n()}`, username: `qam${fx.n()}`, password: 'Passw0rd123', memberRole: 'buyer' });
const customerBody = (fx: Fixtures) => ({ name: `QA 客户 ${fx.n()}`, type: 'retailer', regionId: fx.regions['310000'], contactName: '测试', phone: fx.uniquePhone() });
/** A fresh registration awaiting approval (in 苏州 by default); reopens registration if a test closed it. */
async function pendingRegistration(fx: Fixtures, regionCode = '320500'): Promise<string> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await client(fx.app).post('/api/v1/auth/register', {
      companyName: `QA 注册 ${fx.n()}`, type: 'retailer', contactName: '注册人', phone: fx.uniquePhone(), password: 'Passw0rd123', regionId: fx.regions[regionCode],
    });
    if (res.statusCode === 201 && res.json().status === 'pending') return res.json().customerId;
    const current = await json<{ settings: Record<string, unknown>; version: number }>(fx.owner.get('/api/v1/admin/settings'));
    await fx.owner.put('/api/v1/admin/settings', { settings: { ...current.settings, registrationOpen: true, autoApproveRegistration: false }, version: current.version });
  }
  throw new Error('recipe set-up: cannot create a pending registration');
}
/** A fresh customer in the target's scope (assigned to `sales`, in 上海). */
const freshCustomer = (fx: Fixtures) => created(fx.owner.post('/api/v1/admin/customers', { ...customerBody(fx), salespersonId: fx.staff.sales }), 'customer');

const CHILD_BODIES: Record<string, (fx: Fixtures) => Record<string, unknown>> = { contacts: contactBody, addresses: addressBody, 'invoice-profiles': invoiceBody };

/** A valid product with one SKU in bottles and cartons; codes are fresh each time. */
const productBody = (fx: Fixtures) => {
  const n = fx.n();
  return {
    name: `QA 商品 ${n}`, onShelf: true,
    skus: [{ code: `QA-${n}`, baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 350 }, { name: '箱', conversion: 12, listPriceFen: 4000 }] }],
  };
};

/** The bottle unit of a fresh product. */
const freshUnit = async (fx: Fixtures) => {
  const p = await json<{ skus: { id: string; units: { id: string; name: string }[] }[] }>(fx.owner.post('/api/v1/admin/products', productBody(fx)));
  // Stock in the first warehouse, so orders of it are not refused as out of stock.
  const warehouseId = (await json<{ items: { id: string }[] }>(fx.owner.get('/api/v1/admin/warehouses'))).items[0].id;
  await fx.owner.post('/api/v1/admin/stock/adjustments', { warehouseId, skuId: p.skus[0].id, delta: 1000, kind: 'inbound', reason: 'QA' });
  return p.skus[0].units.find((u) => u.name === '瓶')!.id;
};
const firstWarehouse = async (fx: Fixtures) => (await json<{ items: { id: string; version: number }[] }>(fx.owner.get('/api/v1/admin/warehouses'))).items[0];
/** One unit of a demo SKU from the first to the second demo warehouse. */
const transferBody = async (fx: Fixtures) => {
  const ws = (await json<{ items: { id: string; code: string }[] }>(fx.owner.get('/api/v1/admin/warehouses'))).items.filter((w) => w.code === 'SH01' || w.code === 'GZ01');
  return { fromWarehouseId: ws[0].id, toWarehouseId: ws[1].id, lines: [{ skuId: await demoSkuId(fx), qty: 1 }], remark: 'QA 调拨' };
};
const draftTransfer = async (fx: Fixtures) => json<{ id: string; version: number }>(fx.owner.post('/api/v1/admin/stock-transfers', await transferBody(fx)));
const draftReceipt = async (fx: Fixtures) => json<{ id: string; version: number }>(
  fx.owner.post('/api/v1/admin/inbound-receipts', { warehouseId: (await firstWarehouse(fx)).id, lines: [{ skuId: await demoSkuId(fx), qty: 1 }] }));
const freshStocktake = async (fx: Fixtures) => json<{ id: string; version: number; lines: { skuId: string; systemQty: number }[] }>(
  fx.owner.post('/api/v1/admin/stocktakes', { warehouseId: (await firstWarehouse(fx)).id, skuIds: [await demoSkuId(fx)] }));
const demoSkuId = async (fx: Fixtures) => (await json<{ items: { skuId: string }[] }>(fx.dealer1.get('/api/v1/mall/cart/lookup?q=NFSQ-550'))).items[0].skuId;

export const RECIPES: Record<string, Recipe> = {
  // public and auth
  'GET /api/v1/tenant': async () => ({ expect: [200] }),
  'GET /api/v1/regions': async () => ({ expect: [200] }),
  'POST /api/v1/auth/register': async (fx) => ({
    body: { companyName: `QA 公司 ${fx.n()}`, type: 'retailer', contactName: '注册人', phone: fx.uniquePhone(), username: `qareg${fx.n()}`, password: 'Passw0rd123', regionId: fx.regions['330100'], address: { regionText: '杭州', detail: '文三路' } },
    expect: [201],
  }),
  'POST /api/v1/auth/staff/login': async () => ({ body: { login: 'no-such-login', password: 'Passw0rd123' }, expect: [401] }),
  'POST /api/v1/auth/member/login': async () => ({ body: { login: 'no-such-login', password: 'Passw0rd123' }, expect: [401] }),
  'POST /api/v1/auth/logout': async () => ({ expect: [204] }),
  'GET /api/v1/auth/me': async () => ({ expect: [200] }),
  // the current password is deliberately wrong, so this never changes anyone's password
  'POST /api/v1/auth/password': async () => ({ body: { currentPassword: 'not-the-password-1', newPassword: 'Passw0rd123' }, expect: [400] }),
  'POST /api/v1/auth/reset/request': async () => ({ body: { realm: 'staff', login: 'no-such-login' }, expect: [202] }),
  'POST /api/v1/auth/reset/confirm': async () => ({ body: { realm: 'staff', login: 'no-such-login', code: '123456', newPassword: 'Passw0rd123' }, expect: [400] }),

  // console: roles and staff
  'GET /api/v1/admin/permissions': async () => ({ expect: [200] }),
  'GET /api/v1/admin/roles': async () => ({ expect: [200] }),
  'POST /api/v1/admin/roles': async (fx) => ({ body: { name: `QA 角色 ${fx.n()}`, permissions: ['customers.read'], dataScope: 'assigned' }, expect: [201] }),
  'PATCH /api/v1/admin/roles/:id': async (fx) => {
    const role = (await json<{ items: { id: string; version: number }[] }>(fx.owner.get('/api/v1/admin/roles'))).items.find((r) => r.id === fx.spareRoleId)!;
    return { params: { id: role.id }, body: { name: `QA 备用角色 ${fx.n()}`, version: role.version }, expect: [200] };
  },
  'DELETE /api/v1/admin/roles/:id': async (fx) => ({
    params: { id: await created(fx.owner.post('/api/v1/admin/roles', { name: `QA 待删角色 ${fx.n()}`, permissions: [], dataScope: 'all' }), 'role') }, expect: [204],
  }),
  'GET /api/v1/admin/staff': async () => ({ query: { limit: '5', q: '张' }, expect: [200] }),
  'POST /api/v1/admin/staff': async (fx) => ({
    body: { name: `QA 员工 ${fx.n()}`, username: `qastaff${fx.n()}`, phone: fx.uniquePhone(), email: `qa${fx.n()}@example.com`, password: 'Passw0rd123', roleIds: [fx.roles.warehouse], regionIds: [] },
    expect: [201],
  }),
  'GET /api/v1/admin/staff/:id': async (fx) => ({ params: { id: fx.spareStaffId }, expect: [200] }),
  'PATCH /api/v1/admin/staff/:id': async (fx) => {
    const s = await json<{ version: number }>(fx.owner.get(`/api/v1/admin/staff/${fx.spareStaffId}`));
    return { params: { id: fx.spareStaffId }, body: { name: `备用员工${fx.n()}`, version: s.version }, expect: [200] };
  },
  'POST /api/v1/admin/staff/:id/reset-password': async (fx) => ({ params: { id: fx.spareStaffId }, body: { newPassword: 'Passw0rd123' }, expect: [204] }),

  // console: reference data
  'GET /api/v1/admin/regions': async () => ({ expect: [200] }),
  'POST /api/v1/admin/regions': async (fx) => ({ body: { name: `QA 区域 ${fx.n()}`, parentId: fx.regions.EAST, code: null }, expect: [201] }),
  'GET /api/v1/admin/customer-levels': async () => ({ expect: [200] }),
  'POST /api/v1/admin/customer-levels': async (fx) => ({ body: { name: `QA 等级 ${fx.n()}`, rank: 7 }, expect: [201] }),
  'PATCH /api/v1/admin/customer-levels/:id': async (fx) => ({
    params: { id: await created(fx.owner.post('/api/v1/admin/customer-levels', { name: `QA 改等级 ${fx.n()}`, rank: 8 }), 'level') },
    body: { name: `QA 改后 ${fx.n()}`, rank: 9, version: 1 }, expect: [200],
  }),

  // console: customers (all on customers in the target's scope)
  'GET /api/v1/admin/customers': async () => ({ query: { limit: '10', status: 'active' }, expect: [200] }),
  'POST /api/v1/admin/customers': async (fx) => ({ body: customerBody(fx), expect: [201] }),
  'GET /api/v1/admin/customers/:id': async (fx) => ({ params: { id: fx.target.id }, expect: [200] }),
  'PATCH /api/v1/admin/customers/:id': async (fx) => ({
    params: { id: fx.target.id }, body: { remark: `备注 ${fx.n()}`, version: (await fx.customer(fx.target.id)).version }, expect: [200],
  }),
  'POST /api/v1/admin/customers/:id/approve': async (fx) => ({ params: { id: await pendingRegistration(fx) }, expect: [200] }),
  'POST /api/v1/admin/customers/:id/reject': async (fx) => ({ params: { id: await pendingRegistration(fx) }, body: { reason: '资料不全' }, expect: [200] }),
  'POST /api/v1/admin/customers/:id/disable': async (fx) => ({ params: { id: await freshCustomer(fx) }, expect: [200] }),
  'POST /api/v1/admin/customers/:id/enable': async (fx) => {
    const id = await freshCustomer(fx);
    await fx.owner.post(`/api/v1/admin/customers/${id}/disable`);
    return { params: { id }, expect: [200] };
  },
  'POST /api/v1/admin/customers/:id/members': async (fx) => ({ params: { id: fx.target.id }, body: memberBody(fx), expect: [201] }),
  'PATCH /api/v1/admin/customers/:id/members/:childId': async (fx) => {
    const m = (await fx.customer(fx.target.id)).members[0];
    return { params: { id: fx.target.id, childId: m.id }, body: { name: `目标登录${fx.n()}`, version: m.version }, expect: [200] };
  },
  ...Object.fromEntries(Object.entries(CHILD_BODIES).flatMap(([coll, body]) => [
    [`POST /api/v1/admin/customers/:id/${coll}`, async (fx: Fixtures) => ({ params: { id: fx.target.id }, body: body(fx), expect: [201] })],
    [`PATCH /api/v1/admin/customers/:id/${coll}/:childId`, async (fx: Fixtures) => ({
      params: { id: fx.target.id, childId: await created(fx.owner.post(`/api/v1/admin/customers/${fx.target.id}/${coll}`, body(fx)), coll) },
      body: body(fx), expect: [200],
    })],
    [`DELETE /api/v1/admin/customers/:id/${coll}/:childId`, async (fx: Fixtures) => ({
      params: { id: fx.target.id, childId: await created(fx.owner.post(`/api/v1/admin/customers/${fx.target.id}/${coll}`, body(fx)), coll) }, expect: [204],
    })],
  ])),

  // console: system
  'GET /api/v1/admin/audit': async () => ({ query: { limit: '5', entityType: 'customer' }, expect: [200] }),
  'GET /api/v1/admin/settings': async () => ({ expect: [200] }),
  'PUT /api/v1/admin/settings': async (fx) => {
    const current = await json<{ settings: Record<string, unknown>; version: number }>(fx.owner.get('/api/v1/admin/settings'));
    return { body: { settings: { ...current.settings, supportPhone: `400-${fx.n()}` }, version: current.version }, expect: [200] };
  },
  'GET /api/v1/admin/api-keys': async () => ({ expect: [200] }),
  'POST /api/v1/admin/api-keys': async (fx) => ({ body: { name: `QA key ${fx.n()}`, scopes: ['customers.read'] }, expect: [201] }),
  'DELETE /api/v1/admin/api-keys/:id': async (fx) => ({
    params: { id: await created(fx.owner.post('/api/v1/admin/api-keys', { name: `QA 待撤销 ${fx.n()}`, scopes: ['customers.read'] }), 'api key') }, expect: [200],
  }),

  // mall (dealer1's company; objects to change are created by dealer1 first)
  'GET /api/v1/mall/account': async () => ({ expect: [200] }),
  'PATCH /api/v1/mall/account/profile': async () => ({ body: {}, expect: [200] }),
  ...Object.fromEntries((['addresses', 'invoice-profiles'] as const).flatMap((coll) => {
    const body = CHILD_BODIES[coll];
    const own = (fx: Fixtures) => created(fx.dealer1.post(`/api/v1/mall/${coll}`, body(fx)), `mall ${coll}`);
    return [
      [`GET /api/v1/mall/${coll}`, async () => ({ expect: [200] })],
      [`POST /api/v1/mall/${coll}`, async (fx: Fixtures) => ({ body: body(fx), expect: [201] })],
      [`PATCH /api/v1/mall/${coll}/:id`, async (fx: Fixtures) => ({ params: { id: await own(fx) }, body: body(fx), expect: [200] })],
      [`DELETE /api/v1/mall/${coll}/:id`, async (fx: Fixtures) => ({ params: { id: await own(fx) }, expect: [204] })],
      [`POST /api/v1/mall/${coll}/:id/default`, async (fx: Fixtures) => ({ params: { id: await own(fx) }, expect: [200] })],
    ];
  })),
  // console: catalog
  'GET /api/v1/admin/categories': async () => ({ expect: [200] }),
  'POST /api/v1/admin/categories': async (fx) => ({ body: { name: `QA 分类 ${fx.n()}` }, expect: [201] }),
  'PATCH /api/v1/admin/categories/:id': async (fx) => {
    const c = await json<{ id: string; version: number }>(fx.owner.post('/api/v1/admin/categories', { name: `QA 改分类 ${fx.n()}` }));
    return { params: { id: c.id }, body: { name: `QA 新名 ${fx.n()}`, version: c.version }, expect: [200] };
  },
  'DELETE /api/v1/admin/categories/:id': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/categories', { name: `QA 删分类 ${fx.n()}` }), 'category') }, expect: [204] }),
  'GET /api/v1/admin/brands': async () => ({ expect: [200] }),
  'POST /api/v1/admin/brands': async (fx) => ({ body: { name: `QA 品牌 ${fx.n()}` }, expect: [201] }),
  'PATCH /api/v1/admin/brands/:id': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/brands', { name: `QA 改品牌 ${fx.n()}` }), 'brand') }, body: { name: `QA 新品牌 ${fx.n()}` }, expect: [200] }),
  'DELETE /api/v1/admin/brands/:id': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/brands', { name: `QA 删品牌 ${fx.n()}` }), 'brand') }, expect: [204] }),
  'GET /api/v1/admin/tags': async () => ({ expect: [200] }),
  'POST /api/v1/admin/tags': async (fx) => ({ body: { name: `QA标签${fx.n()}` }, expect: [201] }),
  'DELETE /api/v1/admin/tags/:id': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/tags', { name: `QA删${fx.n()}` }), 'tag') }, expect: [204] }),
  'GET /api/v1/admin/products': async () => ({ expect: [200] }),
  'POST /api/v1/admin/products': async (fx) => ({ body: productBody(fx), expect: [201] }),
  'GET /api/v1/admin/products/:id': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/products', productBody(fx)), 'product') }, expect: [200] }),
  'PUT /api/v1/admin/products/:id': async (fx) => {
    const p = await json<{ id: string; version: number }>(fx.owner.post('/api/v1/admin/products', productBody(fx)));
    return { params: { id: p.id }, body: { ...productBody(fx), version: p.version }, expect: [200] };
  },
  'POST /api/v1/admin/products/bulk': async (fx) => ({ body: { ids: [await created(fx.owner.post('/api/v1/admin/products', productBody(fx)), 'product')], action: 'shelf_on' }, expect: [200] }),
  // console: prices
  'GET /api/v1/admin/sku-units/:id/prices': async (fx) => ({ params: { id: await freshUnit(fx) }, expect: [200] }),
  'PUT /api/v1/admin/sku-units/:id/prices': async (fx) => ({ params: { id: await freshUnit(fx) }, body: { listTiers: [{ minQty: 10, priceFen: 300 }] }, expect: [200] }),
  'PUT /api/v1/admin/customers/:id/prices/:skuUnitId': async (fx) => ({ params: { id: fx.target.id, skuUnitId: await freshUnit(fx) }, body: { priceFen: 250 }, expect: [200] }),
  'POST /api/v1/admin/prices/bulk-level': async (fx) => {
    const levels = await json<{ items: { id: string }[] }>(fx.owner.get('/api/v1/admin/customer-levels'));
    return { body: { levelId: levels.items[0].id, base: 'list', basisPoints: 9000, productIds: [await created(fx.owner.post('/api/v1/admin/products', productBody(fx)), 'product')] }, expect: [200] };
  },
  // product images: the upload itself needs multipart (test/api/images.test.ts); a JSON body is refused with 415
  'POST /api/v1/admin/products/:id/images': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/products', productBody(fx)), 'product') }, body: {}, expect: [415] }),
  'DELETE /api/v1/admin/products/:id/images/:imageId': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/products', productBody(fx)), 'product'), imageId: NO_SUCH_ID }, expect: [404] }),
  'PUT /api/v1/admin/products/:id/images/order': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/products', productBody(fx)), 'product') }, body: { ids: [] }, expect: [200] }),
  'GET /api/v1/images/:id/:size': async () => ({ params: { id: NO_SUCH_ID, size: 'thumb' }, expect: [404] }),
  // product import and export: the upload itself needs multipart (test/api/product-import.test.ts); JSON is refused with 415
  'POST /api/v1/admin/imports/products': async () => ({ body: {}, expect: [415] }),
  'GET /api/v1/admin/imports/:id': async () => ({ params: { id: NO_SUCH_ID }, expect: [404] }),
  'GET /api/v1/admin/imports/:id/report.xlsx': async () => ({ params: { id: NO_SUCH_ID }, expect: [404] }),
  'GET /api/v1/admin/products/import-template.xlsx': async () => ({ expect: [200] }),
  'GET /api/v1/admin/products/export.xlsx': async () => ({ query: { q: 'qa' }, expect: [200] }),
  // mall catalog (public: guests browse too)
  'GET /api/v1/mall/categories': async () => ({ expect: [200] }),
  'GET /api/v1/mall/products': async () => ({ query: { q: 'qa' }, expect: [200] }),
  'GET /api/v1/mall/suggest': async () => ({ query: { q: 'qa' }, expect: [200] }),
  'GET /api/v1/mall/products/:id': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/products', productBody(fx)), 'product') }, expect: [200] }),
  'GET /api/v1/mall/favourites': async () => ({ expect: [200] }),
  'PUT /api/v1/mall/favourites/:id': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/products', productBody(fx)), 'product') }, expect: [204] }),
  'DELETE /api/v1/mall/favourites/:id': async (fx) => ({ params: { id: await created(fx.owner.post('/api/v1/admin/products', productBody(fx)), 'product') }, expect: [204] }),
  'GET /api/v1/mall/members': async () => ({ expect: [200] }),
  'POST /api/v1/mall/members': async (fx) => ({ body: memberBody(fx), expect: [201] }),
  'PATCH /api/v1/mall/members/:id': async (fx) => {
    const m = (await json<{ items: { id: string; version: number }[] }>(fx.dealer1.get('/api/v1/mall/members'))).items.find((x) => x.id === fx.spareMemberId)!;
    return { params: { id: m.id }, body: { name: `备用登录${fx.n()}`, version: m.version }, expect: [200] };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Cart and orders

const idemKey = (fx: Fixtures) => ({ 'idempotency-key': `qa-key-${fx.n()}-${Date.now()}` });
/** A fresh on-shelf product's bottle unit, with dealer1's cart holding it. */
async function dealerCartLine(fx: Fixtures) {
  const skuUnitId = await freshUnit(fx);
  const cart = await json<{ lines: { id: string; skuUnitId: string }[] }>(fx.dealer1.post('/api/v1/mall/cart/lines', { skuUnitId, qty: 2 }));
  return { skuUnitId, lineId: cart.lines.find((l) => l.skuUnitId === skuUnitId)!.id };
}
/** An order of dealer1's company, placed in the mall (status pending_review). */
async function dealerOrder(fx: Fixtures): Promise<{ id: string; version: number }> {
  await fx.dealer1.delete('/api/v1/mall/cart');
  await dealerCartLine(fx);
  const addressId = fx.customers.dealer1.addresses[0].id;
  const preview = await json<{ cart: { totals: { totalFen: number } } }>(fx.dealer1.get(`/api/v1/mall/checkout?addressId=${addressId}`));
  const res = await fx.dealer1.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: preview.cart.totals.totalFen }, idemKey(fx));
  if (res.statusCode !== 201) throw new Error(`recipe set-up (dealer order): ${res.statusCode} ${res.body}`);
  return res.json();
}
/** An order of the target customer (in every staff scope), placed by the owner; moved on to `status` by the owner. */
async function targetOrder(fx: Fixtures, status: 'pending_review' | 'pending_shipment' | 'pending_receipt' = 'pending_review') {
  const skuUnitId = await freshUnit(fx);
  const res = await fx.owner.request('POST', '/api/v1/admin/orders', { customerId: fx.target.id, addressId: fx.target.addresses[0].id, paymentMethod: 'offline', lines: [{ skuUnitId, qty: 2 }] }, idemKey(fx));
  if (res.statusCode !== 201) throw new Error(`recipe set-up (target order): ${res.statusCode} ${res.body}`);
  let o = res.json() as { id: string; version: number; status: string; lines: { id: string; skuUnitId: string }[] };
  while (o.status !== status) {
    const action = o.status === 'pending_shipment' ? 'ship' : 'approve';
    o = await json(fx.owner.post(`/api/v1/admin/orders/${o.id}/${action}`, { version: o.version }));
  }
  return o;
}

/** A shipment (status picking) of a fresh target order released to the warehouse. */
async function targetShipment(fx: Fixtures) {
  const o = await targetOrder(fx, 'pending_shipment');
  const queue = await json<{ items: { orderId: string; warehouseId: string }[] }>(fx.owner.get('/api/v1/admin/fulfilment/queue?limit=200'));
  const warehouseId = queue.items.find((i) => i.orderId === o.id)!.warehouseId;
  return json<{ id: string; version: number; orderId: string; warehouseId: string }>(fx.owner.post('/api/v1/admin/shipments', { orderId: o.id, warehouseId }));
}

const FULFILMENT_RECIPES: Record<string, Recipe> = {
  'GET /api/v1/admin/carriers': async () => ({ expect: [200] }),
  'GET /api/v1/admin/fulfilment/queue': async () => ({ expect: [200] }),
  'GET /api/v1/admin/shipments': async () => ({ query: { status: 'picking' }, expect: [200] }),
  'POST /api/v1/admin/shipments': async (fx) => {
    const o = await targetOrder(fx, 'pending_shipment');
    const queue = await json<{ items: { orderId: string; warehouseId: string }[] }>(fx.owner.get('/api/v1/admin/fulfilment/queue?limit=200'));
    return { body: { orderId: o.id, warehouseId: queue.items.find((i) => i.orderId === o.id)!.warehouseId }, expect: [201] };
  },
  'GET /api/v1/admin/shipments/:id': async (fx) => ({ params: { id: (await targetShipment(fx)).id }, expect: [200] }),
  'POST /api/v1/admin/shipments/:id/pack': async (fx) => { const s = await targetShipment(fx); return { params: { id: s.id }, body: { version: s.version, packages: 2, weightGrams: 800 }, expect: [200] }; },
  'POST /api/v1/admin/shipments/:id/ship': async (fx) => { const s = await targetShipment(fx); return { params: { id: s.id }, body: { version: s.version, carrierCode: 'shunfeng', trackingNo: `SF${fx.n()}00001` }, expect: [200] }; },
  'POST /api/v1/admin/shipments/:id/cancel': async (fx) => { const s = await targetShipment(fx); return { params: { id: s.id }, body: { version: s.version }, expect: [200] }; },
  // No carrier integration in these apps: asking the carrier is refused cleanly.
  'POST /api/v1/admin/shipments/:id/tracking/refresh': async (fx) => ({ params: { id: (await targetShipment(fx)).id }, expect: [422] }),
  'GET /api/v1/admin/shipments/:id/print/:kind': async (fx) => ({ params: { id: (await targetShipment(fx)).id, kind: 'delivery' }, expect: [200] }),
  'POST /api/v1/admin/pick-lists': async (fx) => ({ body: { shipmentIds: [(await targetShipment(fx)).id] }, expect: [201] }),
  'GET /api/v1/admin/pick-lists/:id/print': async (fx) => {
    const p = await json<{ id: string }>(fx.owner.post('/api/v1/admin/pick-lists', { shipmentIds: [(await targetShipment(fx)).id] }));
    return { params: { id: p.id }, expect: [200] };
  },
  'GET /api/v1/mall/orders/:id/shipments': async (fx) => ({ params: { id: (await dealerOrder(fx)).id }, expect: [200] }),
  'POST /api/v1/webhooks/:via/:tenant/:shipmentId': async () => ({ params: { via: 'kuaidi100', tenant: 'demo', shipmentId: NO_SUCH_ID }, body: { param: '{}', sign: 'X' }, expect: [404] }),
};

const CART_RECIPES: Record<string, Recipe> = {
  'GET /api/v1/mall/cart': async () => ({ expect: [200] }),
  'POST /api/v1/mall/cart/lines': async (fx) => ({ body: { skuUnitId: await freshUnit(fx), qty: 3 }, expect: [200] }),
  // The line is dealer1's: other members of the company have carts of their own (404 for them).
  'PATCH /api/v1/mall/cart/lines/:id': async (fx) => ({ params: { id: (await dealerCartLine(fx)).lineId }, body: { qty: 4 }, expect: [200, 404] }),
  'DELETE /api/v1/mall/cart/lines/:id': async (fx) => ({ params: { id: (await dealerCartLine(fx)).lineId }, expect: [200, 404] }),
  'DELETE /api/v1/mall/cart': async () => ({ expect: [204] }),
  'POST /api/v1/mall/cart/acknowledge-prices': async () => ({ expect: [200] }),
  'POST /api/v1/mall/cart/quick': async () => ({ body: { rows: [{ code: 'NFSQ-550', qty: 2 }, { code: 'KO-330-YW', unit: '箱', qty: 1 }] }, expect: [200] }),
  'POST /api/v1/mall/cart/upload': async () => ({ expect: [415] }),
  'GET /api/v1/mall/cart/lookup': async () => ({ query: { q: 'NFSQ' }, expect: [200] }),
  'GET /api/v1/mall/saved-lists': async () => ({ expect: [200] }),
  'POST /api/v1/mall/saved-lists': async (fx) => ({ body: { name: `QA 清单 ${fx.n()}`, lines: [{ skuUnitId: await freshUnit(fx), qty: 2 }] }, expect: [201] }),
  'GET /api/v1/mall/saved-lists/:id': async (fx) => ({ params: { id: await created(fx.dealer1.post('/api/v1/mall/saved-lists', { name: `QA 清单 ${fx.n()}`, lines: [{ skuUnitId: await freshUnit(fx), qty: 1 }] }), 'saved list') }, expect: [200] }),
  'DELETE /api/v1/mall/saved-lists/:id': async (fx) => ({ params: { id: await created(fx.dealer1.post('/api/v1/mall/saved-lists', { name: `QA 清单 ${fx.n()}`, lines: [{ skuUnitId: await freshUnit(fx), qty: 1 }] }), 'saved list') }, expect: [204] }),
  'POST /api/v1/mall/saved-lists/:id/to-cart': async (fx) => ({ params: { id: await created(fx.dealer1.post('/api/v1/mall/saved-lists', { name: `QA 清单 ${fx.n()}`, lines: [{ skuUnitId: await freshUnit(fx), qty: 1 }] }), 'saved list') }, expect: [200] }),
  'GET /api/v1/mall/checkout': async () => ({ expect: [200] }),
  // The caller's own cart decides: dealer1's holds a line (201), another member's may be empty (422 cart_empty).
  'POST /api/v1/mall/checkout': async (fx) => {
    const line = await dealerCartLine(fx);
    void line;
    const addressId = fx.customers.dealer1.addresses[0].id;
    const preview = await json<{ cart: { totals: { totalFen: number } } }>(fx.dealer1.get(`/api/v1/mall/checkout?addressId=${addressId}`));
    return { headers: idemKey(fx), body: { addressId, paymentMethod: 'offline', expectedTotalFen: preview.cart.totals.totalFen }, expect: [201, 409, 422] };
  },
  'GET /api/v1/mall/orders': async () => ({ query: { tab: 'all' }, expect: [200] }),
  'GET /api/v1/mall/orders/:id': async (fx) => ({ params: { id: (await dealerOrder(fx)).id }, expect: [200] }),
  'POST /api/v1/mall/orders/:id/cancel': async (fx) => { const o = await dealerOrder(fx); return { params: { id: o.id }, body: { version: o.version, reason: '不要了' }, expect: [200] }; },
  'POST /api/v1/mall/orders/:id/receive': async (fx) => { const o = await dealerOrder(fx); return { params: { id: o.id }, body: { version: o.version }, expect: [409] }; },
  'POST /api/v1/mall/orders/:id/approve': async (fx) => { const o = await dealerOrder(fx); return { params: { id: o.id }, body: { version: o.version }, expect: [409, 403] }; },
  'POST /api/v1/mall/orders/:id/reject': async (fx) => { const o = await dealerOrder(fx); return { params: { id: o.id }, body: { version: o.version, reason: '不同意' }, expect: [409, 403] }; },
  'POST /api/v1/mall/orders/:id/reorder': async (fx) => ({ params: { id: (await dealerOrder(fx)).id }, expect: [200] }),
  'GET /api/v1/mall/orders/:id/export': async (fx) => ({ params: { id: (await dealerOrder(fx)).id }, expect: [200] }),

  'GET /api/v1/admin/orders': async () => ({ query: { tab: 'open' }, expect: [200] }),
  'GET /api/v1/admin/orders/counts': async () => ({ expect: [200] }),
  'GET /api/v1/admin/orders/export': async () => ({ query: { tab: 'todo' }, expect: [200] }),
  'GET /api/v1/admin/orders/sku-lookup': async (fx) => ({ query: { customerId: fx.target.id, q: 'QA' }, expect: [200] }),
  'POST /api/v1/admin/orders': async (fx) => ({ headers: idemKey(fx), body: { customerId: fx.target.id, addressId: fx.target.addresses[0].id, paymentMethod: 'offline', lines: [{ skuUnitId: await freshUnit(fx), qty: 1 }] }, expect: [201] }),
  'POST /api/v1/admin/orders/bulk-approve': async (fx) => ({ body: { ids: [(await targetOrder(fx)).id] }, expect: [200] }),
  'GET /api/v1/admin/orders/:id': async (fx) => ({ params: { id: (await targetOrder(fx)).id }, expect: [200] }),
  'POST /api/v1/admin/orders/:id/approve': async (fx) => { const o = await targetOrder(fx); return { params: { id: o.id }, body: { version: o.version }, expect: [200], needs: 'orders.review' }; },
  'POST /api/v1/admin/orders/:id/reject': async (fx) => { const o = await targetOrder(fx); return { params: { id: o.id }, body: { version: o.version, reason: '价格有误' }, expect: [200], needs: 'orders.review' }; },
  'POST /api/v1/admin/orders/:id/void': async (fx) => { const o = await targetOrder(fx); return { params: { id: o.id }, body: { version: o.version, reason: '重复' }, expect: [200] }; },
  'POST /api/v1/admin/orders/:id/ship': async (fx) => { const o = await targetOrder(fx, 'pending_shipment'); return { params: { id: o.id }, body: { version: o.version, carrier: '顺丰', trackingNo: 'SF1' }, expect: [200] }; },
  'POST /api/v1/admin/orders/:id/receive': async (fx) => { const o = await targetOrder(fx, 'pending_receipt'); return { params: { id: o.id }, body: { version: o.version }, expect: [200] }; },
  'PUT /api/v1/admin/orders/:id': async (fx) => {
    const o = await targetOrder(fx);
    return { params: { id: o.id }, body: { version: o.version, lines: [{ id: o.lines[0].id, skuUnitId: o.lines[0].skuUnitId, qty: 5 }] }, expect: [200] };
  },
  'GET /api/v1/admin/orders/:id/print/:kind': async (fx) => ({ params: { id: (await targetOrder(fx)).id, kind: 'delivery' }, expect: [200] }),
  'GET /api/v1/admin/orders/:id/export': async (fx) => ({ params: { id: (await targetOrder(fx)).id }, expect: [200] }),

  'GET /api/v1/admin/customers/:id/prices': async (fx) => ({ params: { id: fx.target.id }, expect: [200] }),
  'DELETE /api/v1/admin/customers/:id/prices/:skuUnitId': async (fx) => {
    const skuUnitId = await freshUnit(fx);
    await fx.owner.put(`/api/v1/admin/customers/${fx.target.id}/prices/${skuUnitId}`, { priceFen: 300, tiers: [] });
    return { params: { id: fx.target.id, skuUnitId }, expect: [204] };
  },
  'GET /api/v1/mall/stock-alerts': async () => ({ expect: [200] }),
  'POST /api/v1/mall/stock-alerts': async (fx) => ({ body: { skuId: await demoSkuId(fx) }, expect: [201] }),
  'DELETE /api/v1/mall/stock-alerts/:id': async (fx) => ({ params: { id: (await json<{ id: string }>(fx.dealer1.post('/api/v1/mall/stock-alerts', { skuId: await demoSkuId(fx) }))).id }, expect: [204, 404] }),
  'GET /api/v1/admin/stock-transfers': async () => ({ expect: [200] }),
  'POST /api/v1/admin/stock-transfers': async (fx) => ({ body: await transferBody(fx), expect: [201] }),
  'GET /api/v1/admin/stock-transfers/:id': async (fx) => ({ params: { id: (await draftTransfer(fx)).id }, expect: [200] }),
  'POST /api/v1/admin/stock-transfers/:id/ship': async (fx) => { const t = await draftTransfer(fx); return { params: { id: t.id }, body: { version: t.version }, expect: [200] }; },
  'POST /api/v1/admin/stock-transfers/:id/cancel': async (fx) => { const t = await draftTransfer(fx); return { params: { id: t.id }, body: { version: t.version }, expect: [200] }; },
  'POST /api/v1/admin/stock-transfers/:id/receive': async (fx) => {
    const t = await draftTransfer(fx);
    const shipped = await json<{ id: string; version: number }>(fx.owner.post(`/api/v1/admin/stock-transfers/${t.id}/ship`, { version: t.version }));
    return { params: { id: shipped.id }, body: { version: shipped.version }, expect: [200] };
  },
  'GET /api/v1/admin/stock/replenishment': async () => ({ expect: [200] }),
  'GET /api/v1/admin/inbound-receipts': async () => ({ expect: [200] }),
  'POST /api/v1/admin/inbound-receipts': async (fx) => ({ body: { warehouseId: (await firstWarehouse(fx)).id, supplier: 'QA 供应商', lines: [{ skuId: await demoSkuId(fx), qty: 2 }] }, expect: [201] }),
  'GET /api/v1/admin/inbound-receipts/:id': async (fx) => ({ params: { id: (await draftReceipt(fx)).id }, expect: [200] }),
  'GET /api/v1/admin/inbound-receipts/:id/print': async (fx) => ({ params: { id: (await draftReceipt(fx)).id }, expect: [200] }),
  'POST /api/v1/admin/inbound-receipts/:id/confirm': async (fx) => { const r = await draftReceipt(fx); return { params: { id: r.id }, body: { version: r.version }, expect: [200] }; },
  'POST /api/v1/admin/inbound-receipts/:id/cancel': async (fx) => { const r = await draftReceipt(fx); return { params: { id: r.id }, body: { version: r.version }, expect: [200] }; },
  'GET /api/v1/admin/stocktakes': async () => ({ expect: [200] }),
  'POST /api/v1/admin/stocktakes': async (fx) => ({ body: { warehouseId: (await firstWarehouse(fx)).id, skuIds: [await demoSkuId(fx)], remark: 'QA 盘点' }, expect: [201] }),
  'GET /api/v1/admin/stocktakes/:id': async (fx) => ({ params: { id: (await freshStocktake(fx)).id }, expect: [200] }),
  'GET /api/v1/admin/stocktakes/:id/print': async (fx) => ({ params: { id: (await freshStocktake(fx)).id }, expect: [200] }),
  'PUT /api/v1/admin/stocktakes/:id/counts': async (fx) => {
    const s = await freshStocktake(fx);
    return { params: { id: s.id }, body: { version: s.version, counts: [{ skuId: s.lines[0].skuId, countedQty: s.lines[0].systemQty }] }, expect: [200] };
  },
  'POST /api/v1/admin/stocktakes/:id/confirm': async (fx) => { const s = await freshStocktake(fx); return { params: { id: s.id }, body: { version: s.version }, expect: [200] }; },
  'POST /api/v1/admin/stocktakes/:id/cancel': async (fx) => { const s = await freshStocktake(fx); return { params: { id: s.id }, body: { version: s.version }, expect: [200] }; },
  'GET /api/v1/admin/stock-transfers/:id/print': async (fx) => ({ params: { id: (await draftTransfer(fx)).id }, expect: [200] }),
  'GET /api/v1/admin/warehouses': async () => ({ expect: [200] }),
  'POST /api/v1/admin/warehouses': async (fx) => ({ body: { code: `QA${fx.n()}`, name: `QA 仓 ${fx.n()}`, priority: 500, active: false }, expect: [201] }),
  'PATCH /api/v1/admin/warehouses/:id': async (fx) => {
    const w = await json<{ id: string; version: number }>(fx.owner.post('/api/v1/admin/warehouses', { code: `QA${fx.n()}`, name: `QA 仓 ${fx.n()}`, active: false }));
    return { params: { id: w.id }, body: { name: `QA 仓 ${fx.n()}`, version: w.version }, expect: [200] };
  },
  'GET /api/v1/admin/stock': async () => ({ query: { q: 'NFSQ' }, expect: [200] }),
  'POST /api/v1/admin/stock/adjustments': async (fx) => ({ body: { warehouseId: (await firstWarehouse(fx)).id, skuId: await demoSkuId(fx), delta: 5, kind: 'inbound', reason: 'QA 入库' }, expect: [201] }),
  'PUT /api/v1/admin/stock/:skuId/:warehouseId/safety-stock': async (fx) => ({ params: { skuId: await demoSkuId(fx), warehouseId: (await firstWarehouse(fx)).id }, body: { safetyStock: 0 }, expect: [200] }),
  'GET /api/v1/admin/stock/movements': async (fx) => ({ query: { skuId: await demoSkuId(fx) }, expect: [200] }),
  'PUT /api/v1/admin/stock/:skuId/thresholds': async (fx) => ({ params: { skuId: await demoSkuId(fx) }, body: { lowStockQty: null, overstockQty: null }, expect: [200] }),
  'GET /api/v1/admin/inventory/alerts': async () => ({ query: { kind: 'low' }, expect: [200] }),
};
// ---------------------------------------------------------------------------------------------------------------
// Payments and customer accounts

const voucherPng = () => sharp({ create: { width: 320, height: 480, channels: 3, background: '#2e86de' } }).png().toBuffer();
/** A transfer voucher uploaded by dealer1. */
async function dealerVoucher(fx: Fixtures): Promise<string> {
  const b = '----qa-voucher';
  const body = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="slip.png"\r\nContent-Type: image/png\r\n\r\n`), await voucherPng(), Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return created(fx.dealer1.request('POST', '/api/v1/mall/payment-vouchers', body, { 'content-type': `multipart/form-data; boundary=${b}` }), 'voucher');
}
/** Credits dealer1's prepaid balance (a rebate by the owner). */
async function creditDealer(fx: Fixtures, fen: number) {
  const res = await fx.owner.request('POST', `/api/v1/admin/customers/${fx.customers.dealer1.id}/account/adjustments`, { deltaFen: fen, reason: 'rebate', note: 'QA 返利' }, idemKey(fx));
  if (res.statusCode !== 201) throw new Error(`recipe set-up (balance): ${res.statusCode} ${res.body}`);
}
/** A dealer1 order paid by a declared bank transfer, awaiting finance (pending_confirmation). */
async function pendingTransfer(fx: Fixtures): Promise<{ id: string; version: number }> {
  const o = await dealerOrder(fx);
  const res = await fx.dealer1.request('POST', `/api/v1/mall/orders/${o.id}/payments`, { method: 'bank_transfer', voucherIds: [await dealerVoucher(fx)], remark: 'QA 转账' }, idemKey(fx));
  if (res.statusCode !== 201) throw new Error(`recipe set-up (pending transfer): ${res.statusCode} ${res.body}`);
  return res.json().payment;
}
/**
 * A fresh customer (in every staff scope) who owes some credit: credit terms, an order placed by the owner and
 * charged to credit by the customer's own login. Fresh each time, so no other recipe's change to a login gets in the way.
 */
async function customerWithCredit(fx: Fixtures): Promise<string> {
  const username = `qacredit${fx.n()}`;
  const id = await created(fx.owner.post('/api/v1/admin/customers', { ...customerBody(fx), salespersonId: fx.staff.sales, member: { username, password: DEMO_PASSWORD } }), 'credit customer');
  const addressId = await created(fx.owner.post(`/api/v1/admin/customers/${id}/addresses`, addressBody(fx)), 'credit customer address');
  await fx.owner.put(`/api/v1/admin/customers/${id}/account/terms`, { creditLimitFen: 1_000_000_000, creditTermDays: 30, creditPolicy: 'block', balanceShortPolicy: 'block', methods: null });
  const o = await created(fx.owner.request('POST', '/api/v1/admin/orders', { customerId: id, addressId, paymentMethod: 'credit', lines: [{ skuUnitId: await freshUnit(fx), qty: 2 }] }, idemKey(fx)), 'credit order');
  const res = await (await loginMember(fx.app, username)).request('POST', `/api/v1/mall/orders/${o}/payments`, { method: 'credit' }, idemKey(fx));
  if (res.statusCode !== 201) throw new Error(`recipe set-up (credit charge): ${res.statusCode} ${res.body}`);
  return id;
}

const PAYMENT_RECIPES: Record<string, Recipe> = {
  'GET /api/v1/admin/payments': async () => ({ query: { status: 'pending_confirmation', method: 'bank_transfer' }, expect: [200] }),
  'GET /api/v1/admin/payments/:id': async (fx) => ({ params: { id: (await pendingTransfer(fx)).id }, expect: [200] }),
  'POST /api/v1/admin/payments/:id/confirm': async (fx) => { const p = await pendingTransfer(fx); return { params: { id: p.id }, body: { version: p.version, reference: 'QA 银行流水' }, expect: [200] }; },
  'POST /api/v1/admin/payments/:id/reject': async (fx) => { const p = await pendingTransfer(fx); return { params: { id: p.id }, body: { version: p.version, reason: '未到账' }, expect: [200] }; },
  'GET /api/v1/admin/payment-vouchers/:id': async (fx) => ({ params: { id: await dealerVoucher(fx) }, expect: [200] }),
  'GET /api/v1/admin/orders/:id/payments': async (fx) => ({ params: { id: (await targetOrder(fx)).id }, expect: [200] }),
  'POST /api/v1/admin/orders/:id/payments': async (fx) => ({ params: { id: (await targetOrder(fx)).id }, headers: idemKey(fx), body: { method: 'cod', amountFen: 100, reference: 'QA 货到付款' }, expect: [201] }),
  'GET /api/v1/admin/customers/:id/account': async (fx) => ({ params: { id: fx.target.id }, expect: [200] }),
  'GET /api/v1/admin/customers/:id/account/movements': async (fx) => ({ params: { id: fx.target.id }, expect: [200] }),
  'POST /api/v1/admin/customers/:id/account/adjustments': async (fx) => ({ params: { id: fx.target.id }, headers: idemKey(fx), body: { deltaFen: 500, reason: 'rebate', note: 'QA 返利' }, expect: [201] }),
  'PUT /api/v1/admin/customers/:id/account/terms': async (fx) => ({
    params: { id: fx.target.id }, body: { creditLimitFen: 1_000_000_000, creditTermDays: 30, creditPolicy: 'block', balanceShortPolicy: 'partial', methods: null }, expect: [200],
  }),
  'POST /api/v1/admin/customers/:id/account/recharges': async (fx) => ({ params: { id: fx.target.id }, headers: idemKey(fx), body: { amountFen: 1000, reference: 'QA 储值' }, expect: [201] }),
  'POST /api/v1/admin/customers/:id/account/credit-repayments': async (fx) => ({
    params: { id: await customerWithCredit(fx) }, headers: idemKey(fx), body: { amountFen: 1, reference: 'QA 还款' }, expect: [201],
  }),
  'GET /api/v1/mall/finance/account': async () => ({ expect: [200] }),
  'GET /api/v1/mall/finance/movements': async () => ({ query: { limit: '5' }, expect: [200] }),
  'GET /api/v1/mall/orders/:id/payments': async (fx) => ({ params: { id: (await dealerOrder(fx)).id }, expect: [200] }),
  // dealer1's company gets the order's total as a rebate first, so paying from the balance succeeds
  'POST /api/v1/mall/orders/:id/payments': async (fx) => {
    const o = await dealerOrder(fx) as unknown as { id: string; totalFen: number };
    await creditDealer(fx, o.totalFen);
    return { params: { id: o.id }, headers: idemKey(fx), body: { method: 'balance' }, expect: [201] };
  },
  // the upload itself needs multipart (test/api/payments.test.ts); a JSON body is refused with 415
  'POST /api/v1/mall/payment-vouchers': async () => ({ body: {}, expect: [415] }),
  'GET /api/v1/mall/payment-vouchers/:id': async (fx) => ({ params: { id: await dealerVoucher(fx) }, expect: [200] }),
  // online payments: asking the gateway about a payment that is not at a cashier answers it as it is
  'POST /api/v1/mall/payments/:id/refresh': async (fx) => ({ params: { id: (await pendingTransfer(fx)).id }, expect: [200] }),
  'POST /api/v1/admin/payments/:id/refresh': async (fx) => ({ params: { id: (await pendingTransfer(fx)).id }, expect: [200] }),
  'GET /api/v1/mall/finance/recharges': async () => ({ expect: [200] }),
  'POST /api/v1/mall/finance/recharges': async (fx) => ({ headers: idemKey(fx), body: { method: 'bank_transfer', amountFen: 10_000, voucherIds: [await dealerVoucher(fx)] }, expect: [201] }),
  // the test app has no gateway configured: every callback is 404 there (test/api/online-payments.test.ts has them)
  'POST /api/v1/webhooks/pay-wechat/:tenant': async () => ({ params: { tenant: 'demo' }, body: { id: 'x' }, expect: [404] }),
  'POST /api/v1/webhooks/pay-alipay/:tenant': async () => ({ params: { tenant: 'demo' }, body: { out_trade_no: 'x' }, expect: [404] }),
  'POST /api/v1/webhooks/pay-unionpay/:tenant': async () => ({ params: { tenant: 'demo' }, body: { orderId: 'x' }, expect: [404] }),
};
/**
 * A voided target order that had 300 fen received cash on delivery, its automatic refund request rejected: 300 fen
 * that may be refunded (an open order may refund only what exceeds its total).
 */
async function paidTargetOrder(fx: Fixtures): Promise<string> {
  const o = await targetOrder(fx);
  const res = await fx.owner.request('POST', `/api/v1/admin/orders/${o.id}/payments`, { method: 'cod', amountFen: 300, reference: 'QA 货到付款' }, idemKey(fx));
  if (res.statusCode !== 201) throw new Error(`recipe set-up (receipt): ${res.statusCode} ${res.body}`);
  const now = await json<{ version: number }>(fx.owner.get(`/api/v1/admin/orders/${o.id}`));
  const voided = await fx.owner.post(`/api/v1/admin/orders/${o.id}/void`, { version: now.version, reason: 'QA 作废' });
  if (voided.statusCode !== 200) throw new Error(`recipe set-up (void): ${voided.statusCode} ${voided.body}`);
  for (const r of (await json<{ items: { id: string; status: string }[] }>(fx.owner.get(`/api/v1/admin/refunds?orderId=${o.id}`))).items.filter((x) => x.status === 'pending_approval')) {
    await fx.owner.post(`/api/v1/admin/refunds/${r.id}/reject`, { rejectReason: 'QA 改为手工退款' });
  }
  return o.id;
}
/** A refund of 100 fen of such an order, waiting for finance. */
async function pendingRefund(fx: Fixtures): Promise<{ id: string; version: number }> {
  const res = await fx.owner.request('POST', `/api/v1/admin/orders/${await paidTargetOrder(fx)}/refunds`, { amountFen: 100, destination: 'original', reason: 'QA 退款' }, idemKey(fx));
  if (res.statusCode !== 201) throw new Error(`recipe set-up (refund): ${res.statusCode} ${res.body}`);
  return res.json().items[0];
}

const REFUND_RECIPES: Record<string, Recipe> = {
  'GET /api/v1/admin/refunds': async () => ({ query: { status: 'pending_approval' }, expect: [200] }),
  'POST /api/v1/admin/orders/:id/refunds': async (fx) => ({ params: { id: await paidTargetOrder(fx) }, headers: idemKey(fx), body: { amountFen: 100, destination: 'original', reason: 'QA 退款' }, expect: [201] }),
  'POST /api/v1/admin/refunds/:id/approve': async (fx) => { const r = await pendingRefund(fx); return { params: { id: r.id }, body: { version: r.version }, expect: [200] }; },
  'POST /api/v1/admin/refunds/:id/reject': async (fx) => { const r = await pendingRefund(fx); return { params: { id: r.id }, body: { version: r.version, rejectReason: 'QA 驳回' }, expect: [200] }; },
  'GET /api/v1/mall/orders/:id/refunds': async (fx) => ({ params: { id: (await dealerOrder(fx)).id }, expect: [200] }),
};
/** One of the customer's invoice profiles (created by the owner in the console). */
async function invoiceProfile(fx: Fixtures, customerId: string): Promise<string> {
  const res = await fx.owner.post(`/api/v1/admin/customers/${customerId}/invoice-profiles`, invoiceBody(fx));
  if (res.statusCode !== 201) throw new Error(`recipe set-up (invoice profile): ${res.statusCode} ${res.body}`);
  return res.json().id;
}
const invoiceIssueBody = async (fx: Fixtures) => ({
  customerId: fx.target.id, buyer: { title: `QA 抬头 ${fx.n()}`, taxNo: '91310000000000000X' }, invoiceNo: String(30_000_000 + fx.n()), issueDate: '2026-11-20',
  lines: [{ orderId: (await targetOrder(fx)).id, amountFen: 100 }],
});
/** An issued invoice of the target customer. */
async function issuedInvoice(fx: Fixtures): Promise<{ id: string; version: number }> {
  const res = await fx.owner.request('POST', '/api/v1/admin/invoices', await invoiceIssueBody(fx), idemKey(fx));
  if (res.statusCode !== 201) throw new Error(`recipe set-up (invoice): ${res.statusCode} ${res.body}`);
  return res.json();
}

const INVOICE_RECIPES: Record<string, Recipe> = {
  'GET /api/v1/admin/invoices': async () => ({ query: { status: 'issued', kind: 'normal' }, expect: [200] }),
  'GET /api/v1/admin/invoices/export': async () => ({ query: { status: 'issued' }, expect: [200] }),
  'GET /api/v1/admin/invoices/:id': async (fx) => ({ params: { id: (await issuedInvoice(fx)).id }, expect: [200] }),
  'POST /api/v1/admin/invoices': async (fx) => ({ headers: idemKey(fx), body: await invoiceIssueBody(fx), expect: [201] }),
  'POST /api/v1/admin/invoices/:id/void': async (fx) => { const i = await issuedInvoice(fx); return { params: { id: i.id }, body: { version: i.version, reason: 'QA 作废' }, expect: [200] }; },
  'GET /api/v1/admin/invoice-queue': async () => ({ query: { scope: 'requested' }, expect: [200] }),
  'GET /api/v1/admin/orders/:id/invoicing': async (fx) => ({ params: { id: (await targetOrder(fx)).id }, expect: [200] }),
  'PUT /api/v1/admin/orders/:id/invoice-request': async (fx) => ({ params: { id: (await targetOrder(fx)).id }, body: { profileId: await invoiceProfile(fx, fx.target.id) }, expect: [200] }),
  'DELETE /api/v1/admin/orders/:id/invoice-request': async (fx) => ({ params: { id: (await targetOrder(fx)).id }, expect: [200] }),
  'GET /api/v1/mall/orders/:id/invoicing': async (fx) => ({ params: { id: (await dealerOrder(fx)).id }, expect: [200] }),
  'PUT /api/v1/mall/orders/:id/invoice-request': async (fx) => ({ params: { id: (await dealerOrder(fx)).id }, body: { profileId: await invoiceProfile(fx, fx.customers.dealer1.id) }, expect: [200] }),
  'GET /api/v1/mall/invoices': async () => ({ expect: [200] }),
};
Object.assign(RECIPES, CART_RECIPES, FULFILMENT_RECIPES, PAYMENT_RECIPES, REFUND_RECIPES, INVOICE_RECIPES, FINANCE_RECIPES);

/** The recipe of a route, or a generic one (a well-formed id that names nothing, an empty body) for routes without one. */
export async function plan(fx: Fixtures, route: RouteEntry): Promise<Planned & { generic: boolean }> {
  const recipe = RECIPES[routeKey(route)];
  if (recipe) return { ...(await recipe(fx)), generic: false };
  const params = Object.fromEntries(pathParamsOf(route.url).map((p) => [p, NO_SUCH_ID]));
  return { params, body: route.method === 'GET' || route.method === 'DELETE' ? undefined : {}, expect: [200, 201, 204, 400, 404, 409], generic: true };
}

/** Sends a planned request with `c`. */
export function send(c: Client, route: { method: Method; url: string }, p: Planned, headers?: Record<string, string>) {
  return c.request(route.method, withQuery(fillUrl(route.url, p.params ?? {}), p.query), p.body, { ...p.headers, ...headers });
}

// ---------------------------------------------------------------------------------------------------------------
// OpenAPI

export interface JsonSchema {
  type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema;
  anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[]; enum?: unknown[]; const?: unknown; $ref?: string;
  minLength?: number; maxLength?: number; pattern?: string; format?: string; minimum?: number; maximum?: number;
  minItems?: number; maxItems?: number; default?: unknown; additionalProperties?: boolean | JsonSchema;
}
export interface OpenApiDoc { paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>; components?: { schemas?: Record<string, JsonSchema> } }

export interface Operation {
  method: Method;
  /** Fastify-style url (`/x/:id`), as in the route table. */
  url: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
}

export function operations(doc: OpenApiDoc): Operation[] {
  const resolve = (s: JsonSchema): JsonSchema => deref(doc, s);
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const body = op.requestBody?.content['application/json']?.schema;
      ops.push({
        method: m.toUpperCase() as Method,
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: resolve(p.schema) })),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: resolve(p.schema) })),
        body: body ? resolve(body) : undefined,
      });
    }
  }
  return ops;
}

export function deref(doc: OpenApiDoc, s: JsonSchema): JsonSchema {
  let cur = s;
  for (let i = 0; cur.$ref && i < 10; i++) cur = doc.components?.schemas?.[cur.$ref.split('/').pop()!] ?? cur;
  return cur;
}

export type FieldKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'enum' | 'unknown';
export interface Field {
  /** Path below the body root, e.g. ['settings', 'companyName']. */
  path: string[];
  schema: JsonSchema;
  kind: FieldKind;
  nullable: boolean;
  required: boolean;
}

/** The non-null alternative of a schema and whether null is allowed. */
export function unwrapNullable(s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const nonNull = alts.filter((a) => a.type !== 'null');
    return { schema: nonNull.length === 1 ? nonNull[0] : s, nullable: nonNull.length < alts.length };
  }
  if (Array.isArray(s.type)) return { schema: { ...s, type: s.type.find((t) => t !== 'null') }, nullable: s.type.includes('null') };
  return { schema: s, nullable: false };
}

export function kindOf(s: JsonSchema): FieldKind {
  if (s.enum || s.const !== undefined) return 'enum';
  switch (s.type) {
    case 'string': return 'string';
    case 'number': case 'integer': return 'number';
    case 'boolean': return 'boolean';
    case 'array': return 'array';
    case 'object': return 'object';
    default: return s.properties ? 'object' : 'unknown';
  }
}

/** Every property of an object schema, nested objects included (depth-first). */
export function fieldsOf(s: JsonSchema, prefix: string[] = []): Field[] {
  const out: Field[] = [];
  for (const [name, raw] of Object.entries(s.properties ?? {})) {
    const { schema, nullable } = unwrapNullable(raw);
    const field: Field = { path: [...prefix, name], schema, kind: kindOf(schema), nullable, required: (s.required ?? []).includes(name) };
    out.push(field);
    if (field.kind === 'object') out.push(...fieldsOf(schema, field.path));
  }
  return out;
}

/** A value satisfying `s` as far as a schema walk can tell, for routes without a recipe. */
export function sampleOf(s: JsonSchema, name = ''): unknown {
  const { schema } = unwrapNullable(s);
  if (schema.default !== undefined) return schema.default;
  switch (kindOf(schema)) {
    case 'enum': return schema.enum ? schema.enum[0] : schema.const;
    case 'number': return Math.max(schema.minimum ?? 1, 1);
    case 'boolean': return false;
    case 'array': return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items ?? {}, name));
    case 'object': return Object.fromEntries((schema.required ?? []).map((k) => [k, sampleOf(schema.properties![k], k)]));
    case 'string': {
      const n = next();
      if (schema.format === 'email' || /email/i.test(name)) return `qa${n}@example.com`;
      if (/password/i.test(name)) return 'Passw0rd123';
      if (/phone/i.test(name)) return `139${String(50_000_000 + n).padStart(8, '0')}`;
      if (schema.pattern === '^[0-9A-Za-z_-]+$') return NO_SUCH_ID;
      if (schema.pattern?.startsWith('^[A-Za-z]')) return `qa${n}`;
      return `QA ${name} ${n}`.slice(0, schema.maxLength ?? 100).padEnd(schema.minLength ?? 0, 'x');
    }
    default: return null;
  }
}

export function setAt(obj: unknown, path: string[], value: unknown, remove = false): unknown {
  const copy = structuredClone(obj ?? {}) as Record<string, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  if (remove) delete cur[path[path.length - 1]];
  else cur[path[path.length - 1]] = value;
  return copy;
}
