import { rng } from '../catalog/generate.mjs';

const CART_LINES = '/api/v1/mall/cart/lines';
export const CHECKOUT = '/api/v1/mall/checkout';

/** An Idempotency-Key (8–64 of [A-Za-z0-9_-:.]) unique per submit. */
export const keyMaker = (runId, user) => { let n = 0; return () => `bench-${runId}-${user.username}-${++n}`; };

export const submitBody = (user, expectedTotalFen) => ({ addressId: user.addressId, paymentMethod: 'offline', expectedTotalFen });

/**
 * Full checkout as a customer clicks it: three "add to cart" calls (random orderable units, 1–5 each), the
 * checkout page (priced for the customer's address), then submit with the total that page showed. An iteration
 * that meets a failure stops there; after a failed submit the cart is emptied (unmeasured) so carts do not grow.
 */
export function fullCheckout(units, runId) {
  return async (user, call, rec) => {
    user.rand ??= rng(1000 + user.index);
    user.key ??= keyMaker(runId, user);
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) {
      const r = await call('add to cart', 'POST', CART_LINES, { body: { skuUnitId: user.rand.pick(units).id, qty: user.rand.int(1, 5) }, headers: user.session.unsafe });
      if (!r.ok) return;
    }
    const p = await call('checkout page', 'GET', `${CHECKOUT}?addressId=${user.addressId}`, { headers: user.session.get });
    if (!p.ok) return;
    const s = await call('submit', 'POST', CHECKOUT, { body: submitBody(user, p.json().cart.totals.totalFen), headers: { ...user.session.unsafe, 'idempotency-key': user.key() } });
    if (s.status === 201) { rec.count('orders'); rec.sample('whole checkout (5 calls)', performance.now() - t0); }
    else await call(null, 'DELETE', '/api/v1/mall/cart', { headers: user.session.unsafe });
  };
}

/**
 * Submit alone: before each submit the customer's cart is refilled with its own three lines by SQL (outside the
 * measurement: one multi-row upsert), then the submit is sent with the total read once from the checkout page.
 */
export function submitAlone(refill, runId) {
  return async (user, call, rec) => {
    user.key ??= keyMaker(runId, user);
    const t0 = performance.now();
    await refill(user);
    rec.sample('refill by SQL (unmeasured)', performance.now() - t0);
    const s = await call('submit', 'POST', CHECKOUT, { body: submitBody(user, user.readyTotalFen), headers: { ...user.session.unsafe, 'idempotency-key': user.key() } });
    if (s.status === 201) rec.count('orders');
  };
}
