import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Client {
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  cookies: Record<string, string>;
  csrf?: string;
}

/** A browser-like client: keeps cookies and sends the CSRF header on unsafe methods. */
export function client(app: FastifyInstance, opts: { tenant?: string; bearer?: string } = {}): Client {
  const cookies: Record<string, string> = {};
  const c: Client = {
    cookies,
    async request(method, url, body, headers = {}) {
      const res = await app.inject({
        method, url,
        headers: {
          ...(opts.tenant ? { 'x-tenant': opts.tenant } : {}),
          ...(opts.bearer ? { authorization: `Bearer ${opts.bearer}` } : {}),
          ...(Object.keys(cookies).length ? { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
          ...(method !== 'GET' && cookies.dh_csrf ? { 'x-csrf-token': cookies.dh_csrf } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      for (const ck of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
        if (ck.value === '' || (ck.expires && ck.expires.getTime() < Date.now())) delete cookies[ck.name];
        else cookies[ck.name] = ck.value;
      }
      return res;
    },
    get: (url) => c.request('GET', url),
    post: (url, body) => c.request('POST', url, body),
    patch: (url, body) => c.request('PATCH', url, body),
    put: (url, body) => c.request('PUT', url, body),
    delete: (url) => c.request('DELETE', url),
  };
  return c;
}

export async function loginStaff(app: FastifyInstance, username: string, password = DEMO_PASSWORD, tenant?: string): Promise<Client> {
  const c = client(app, { tenant });
  const res = await c.post('/api/v1/auth/staff/login', { login: username, password });
  if (res.statusCode !== 200) throw new Error(`staff login ${username} failed: ${res.statusCode} ${res.body}`);
  return c;
}

export async function loginMember(app: FastifyInstance, username: string, password = DEMO_PASSWORD, tenant?: string): Promise<Client> {
  const c = client(app, { tenant });
  const res = await c.post('/api/v1/auth/member/login', { login: username, password });
  if (res.statusCode !== 200) throw new Error(`member login ${username} failed: ${res.statusCode} ${res.body}`);
  return c;
}
