import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../support/http-client.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ config: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } }); });
afterAll(async () => { await t?.close(); });

describe('login rate limit', () => {
  it('answers 429 rate_limited after the per-minute budget, even before checking the password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client(t.app).post('/api/v1/auth/staff/login', { login: 'clerk', password: 'wrong-pass-1' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const last = await client(t.app).post('/api/v1/auth/staff/login', { login: 'clerk', password: 'dinghuo123' });
    expect([last.statusCode, last.json().code]).toEqual([429, 'rate_limited']);
    expect(last.headers['retry-after']).toBeDefined();
  });

  it('limits registration and reset requests the same way, per route', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client(t.app).post('/api/v1/auth/reset/request', { realm: 'staff', login: 'nobody' })).statusCode);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });
});
