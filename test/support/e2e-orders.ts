/** Helpers the browser tests of orders and money share: money text, the phone-width check, and an order placed over HTTP. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Client, loginMember, loginStaff } from './http-client.js';

/** ¥1234.50 from integer fen, as both apps show money. */
export const yuan = (fen: number) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Nothing on the page is wider than the 375 px phone. */
export async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

export async function customerIdOf(member: Client): Promise<string> {
  const res = await member.get('/api/v1/mall/account');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { customer: { id: string } }).customer.id;
}

/** The payment status tag in the mall order page's head. */
export const headPaymentStatus = (page: Page, text: string) => page.getByTestId('order-head').getByTestId('payment-status').filter({ hasText: text });

/**
 * A new product (`name`, a fresh code starting with `codePrefix`) with 50 瓶 in 上海总仓 at ¥2.00; `login` orders
 * `qty` of it in the mall (over HTTP), paying later (线下结算).
 */
export async function placeOrder(app: FastifyInstance, login: string, qty: number, product: { name: string; codePrefix: string }): Promise<{ id: string; orderNo: string; totalFen: number }> {
  const owner = await loginStaff(app, 'owner');
  const member = await loginMember(app, login);
  const warehouses = (await owner.get('/api/v1/admin/warehouses')).json().items as { id: string; code: string }[];
  const created = await owner.post('/api/v1/admin/products', {
    name: product.name, onShelf: true, skus: [{ code: `${product.codePrefix}-${randomUUID().slice(0, 6).toUpperCase()}`, baseUnit: '瓶', units: [{ name: '瓶', conversion: 1, listPriceFen: 200 }] }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const sku = created.json().skus[0] as { id: string; units: { id: string }[] };
  const stocked = await owner.post('/api/v1/admin/stock/adjustments', { warehouseId: warehouses.find((w) => w.code === 'SH01')!.id, skuId: sku.id, delta: 50, kind: 'inbound', reason: `${product.name}入库` });
  expect(stocked.statusCode, stocked.body).toBe(201);
  await member.delete('/api/v1/mall/cart');
  const added = await member.post('/api/v1/mall/cart/lines', { skuUnitId: sku.units[0].id, qty });
  expect(added.statusCode, added.body).toBe(200);
  const addressId = ((await member.get('/api/v1/mall/addresses')).json().items as { id: string }[])[0].id;
  const preview = await member.get(`/api/v1/mall/checkout?addressId=${addressId}`);
  expect(preview.statusCode, preview.body).toBe(200);
  const total = preview.json().cart.totals.totalFen as number;
  const placed = await member.request('POST', '/api/v1/mall/checkout', { addressId, paymentMethod: 'offline', expectedTotalFen: total }, { 'idempotency-key': randomUUID() });
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json() as { id: string; orderNo: string; totalFen: number };
  return { id: order.id, orderNo: order.orderNo, totalFen: order.totalFen };
}
