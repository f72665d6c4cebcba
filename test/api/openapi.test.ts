import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

type Op = { summary?: string; tags?: string[]; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>; requestBody?: { content?: Record<string, { schema?: unknown }> } };

describe('OpenAPI document', () => {
  it('is served as OpenAPI 3.1 and the Swagger UI answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.json().openapi).toBe('3.1.0');
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('describes every API route with a summary, a tag and a schema for its success answer', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, Op>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(ops.length).toBeGreaterThan(40);
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.summary, where).toBeTruthy();
      expect(op.tags?.length, where).toBeGreaterThan(0);
      const success = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
      expect(success.length, where).toBeGreaterThan(0);
      for (const [code, r] of success) {
        if (code === '204') continue;
        expect(Object.values(r.content ?? {}).some((c) => c.schema), `${where} ${code}`).toBe(true);
      }
      if (['post', 'put', 'patch'].includes(method) && op.requestBody) {
        expect(op.requestBody.content?.['application/json']?.schema, where).toBeTruthy();
      }
    }
  });

  it('documents the problem+json error shape for API routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ops = Object.entries(doc.paths as Record<string, Record<string, Op>>).filter(([p]) => p.startsWith('/api/v1/')).flatMap(([, m]) => Object.values(m));
    for (const op of ops) expect(Object.keys(op.responses ?? {}).some((c) => c.startsWith('4')), op.summary).toBe(true);
  });
});
