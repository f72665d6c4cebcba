import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, loginStaff, type Client } from '../support/http-client.js';
import { multipart } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Client;
let productId: string;

const upload = (c: Client, id: string, file: ReturnType<typeof multipart>) =>
  c.request('POST', `/api/v1/admin/products/${id}/images`, file.body, { 'content-type': file.contentType });
const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: '#c0392b' } }).png().toBuffer();

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginStaff(t.app, 'admin');
  productId = (await admin.post('/api/v1/admin/products', {
    name: '测试图片商品', onShelf: true, skus: [{ code: 'IMG-1', baseUnit: '件', units: [{ name: '件', conversion: 1, listPriceFen: 100 }] }],
  })).json().id;
});
afterAll(async () => { await t?.close(); });

describe('product images', () => {
  it('stores an upload as a resized WebP with a thumbnail, served to the mall', async () => {
    const res = await upload(admin, productId, multipart({}, { name: 'big.png', type: 'image/png', data: await png(3000, 2000) }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ width: 1600, height: 1067 });
    const id = res.json().id;
    const thumb = await client(t.app).get(`/api/v1/images/${id}/thumb`);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 400, 400]);
    const product = (await admin.get(`/api/v1/admin/products/${productId}`)).json();
    expect(product.images.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(product.imageId).toBe(id);
  });

  it('refuses a file that only claims to be an image, and an oversized one', async () => {
    const fake = await upload(admin, productId, multipart({}, { name: 'evil.png', type: 'image/png', data: Buffer.from('<?php system($_GET["c"]); ?>') }));
    expect([fake.statusCode, fake.json().code]).toEqual([415, 'unsupported_media_type']);
    const huge = await upload(admin, productId, multipart({}, { name: 'huge.png', type: 'image/png', data: Buffer.alloc(6 * 1024 * 1024, 1) }));
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'payload_too_large']);
    const json = await admin.post(`/api/v1/admin/products/${productId}/images`, { file: 'x' });
    expect(json.json().code).toBe('unsupported_media_type');
  });

  it('reorders the gallery and removes an image with its files', async () => {
    const second = (await upload(admin, productId, multipart({}, { name: 'b.png', type: 'image/png', data: await png(500, 500) }))).json().id;
    const first = (await admin.get(`/api/v1/admin/products/${productId}`)).json().images[0].id;
    expect((await admin.put(`/api/v1/admin/products/${productId}/images/order`, { ids: [second, first] })).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/admin/products/${productId}`)).json().images.map((i: { id: string }) => i.id)).toEqual([second, first]);
    expect((await admin.put(`/api/v1/admin/products/${productId}/images/order`, { ids: [second] })).statusCode).toBe(400);
    expect((await admin.delete(`/api/v1/admin/products/${productId}/images/${second}`)).statusCode).toBe(204);
    expect((await client(t.app).get(`/api/v1/images/${second}/large`)).statusCode).toBe(404);
  });
});
