import { httpUser } from '../../lib/flow.mjs';
import { log } from '../../lib/log.mjs';
import { summarize } from '../../lib/stats.mjs';
import { rng } from '../catalog/generate.mjs';

const round = (x) => (x === null || x === undefined ? x : Math.round(x * 10) / 10);

/**
 * One customer and a 1,000-line cart, one request at a time (nothing else running): filling it with the
 * quick-order form (2 × 500 rows), viewing it, changing one line's quantity `changes` times, the checkout page,
 * submitting it (`submits` times, refilling in between), then staff `admin` opening the order in the console
 * `opens` times. Every answer's status is checked; failures are listed, never dropped.
 */
export async function bigOrder({ baseUrl, buyer, session, staff, units, lines = 1000, changes, submits, opens }) {
  const r = rng(4242);
  const shuffled = [...units];
  for (let i = shuffled.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]; }
  const picked = shuffled.slice(0, lines);
  if (picked.length < lines) throw new Error(`only ${picked.length} orderable units for a ${lines}-line cart`);
  const mall = httpUser(baseUrl, {});
  const console_ = httpUser(baseUrl, {});
  const failures = [];
  const times = { fill: [], cartView: [], change: [], checkoutPage: [], submit: [], consoleOpen: [], mallOpen: [] };
  const check = (what, res, expect) => {
    if (res.status !== expect) {
      let detail = res.body.toString('utf8', 0, 300);
      try { const p = res.json(); detail = `${p.code}: ${p.detail ?? p.title}`; } catch { /* not JSON */ }
      failures.push(`${what}: ${res.status} ${String(detail).slice(0, 300)}`);
      return false;
    }
    return true;
  };

  const fill = async () => {
    for (let i = 0; i < picked.length; i += 500) {
      const rows = picked.slice(i, i + 500).map((u) => ({ code: u.code, unit: u.unit, qty: r.int(1, 5) }));
      const res = await mall.request('POST', '/api/v1/mall/cart/quick', { body: { rows }, headers: session.unsafe });
      times.fill.push(res.ms);
      if (check('quick order (500 rows)', res, 200)) {
        const bad = res.json().report.filter((x) => !x.ok);
        if (bad.length) failures.push(`quick order: ${bad.length} rows refused, e.g. ${JSON.stringify(bad[0])}`);
      }
    }
  };

  log(`big order: filling a ${lines}-line cart with the quick-order form (${Math.ceil(lines / 500)} × 500 rows)`);
  await fill();
  let cart = null;
  for (let i = 0; i < 3; i++) {
    const res = await mall.request('GET', `/api/v1/mall/cart?addressId=${buyer.addressId}`, { headers: session.get });
    times.cartView.push(res.ms);
    if (check('cart view', res, 200)) cart = res.json();
  }
  if (!cart || cart.lines.length !== lines) throw new Error(`the big cart has ${cart?.lines.length ?? '?'} lines, not ${lines}: ${failures.join('; ')}`);

  log(`big order: changing one quantity ${changes} times`);
  const qty = new Map(cart.lines.map((l) => [l.id, l.qty]));
  const ids = [...qty.keys()];
  for (let i = 0; i < changes; i++) {
    const id = r.pick(ids);
    const next = (qty.get(id) % 5) + 1;
    const res = await mall.request('PATCH', `/api/v1/mall/cart/lines/${id}`, { body: { qty: next }, headers: session.unsafe });
    times.change.push(res.ms);
    if (check('change quantity', res, 200)) qty.set(id, next);
  }

  const orderIds = [];
  for (let k = 0; k < submits; k++) {
    if (k > 0) { log(`big order: refilling for submit ${k + 1} of ${submits}`); await fill(); }
    const page = await mall.request('GET', `/api/v1/mall/checkout?addressId=${buyer.addressId}`, { headers: session.get });
    times.checkoutPage.push(page.ms);
    if (!check('checkout page', page, 200)) continue;
    const total = page.json().cart.totals.totalFen;
    log(`big order: submitting ${page.json().cart.lines.length} lines (${k + 1} of ${submits})`);
    const res = await mall.request('POST', '/api/v1/mall/checkout', {
      body: { addressId: buyer.addressId, paymentMethod: 'offline', expectedTotalFen: total }, headers: { ...session.unsafe, 'idempotency-key': `bench-big-${Date.now()}-${k}` },
    });
    times.submit.push(res.ms);
    if (check('submit', res, 201)) {
      const o = res.json();
      if (o.lines.length !== lines) failures.push(`submit: the order has ${o.lines.length} lines, not ${lines}`);
      orderIds.push(o.id);
    }
  }

  if (orderIds.length) {
    log(`big order: staff admin opens the order in the console ${opens} times`);
    for (let i = 0; i < opens; i++) {
      const res = await console_.request('GET', `/api/v1/admin/orders/${orderIds[i % orderIds.length]}`, { headers: staff.get });
      times.consoleOpen.push(res.ms);
      if (check('console open', res, 200) && res.json().lines.length !== lines) failures.push('console open: wrong line count');
    }
    for (let i = 0; i < 5; i++) {
      const res = await mall.request('GET', `/api/v1/mall/orders/${orderIds[0]}`, { headers: session.get });
      times.mallOpen.push(res.ms);
      check('mall order page', res, 200);
    }
  }
  mall.close();
  console_.close();
  const stat = (v) => { const s = summarize(v, 1, 0); return { n: v.length, p50: s.p50, p95: s.p95, p99: s.p99, max: s.max, mean: v.length ? round(v.reduce((a, b) => a + b, 0) / v.length) : null }; };
  return { lines, orderIds, failures, ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stat(v)])) };
}
