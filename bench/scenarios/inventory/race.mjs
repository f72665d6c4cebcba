import { log } from '../../lib/log.mjs';
import { summarize } from '../../lib/stats.mjs';
import { CHECKOUT, submitBody } from '../orders/flows.mjs';
import { refillCart } from '../orders/setup.mjs';

/** `fn(item)` over `items`, `n` at a time. */
async function eachLimit(items, n, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => { while (next < items.length) await fn(items[next++]); }));
}

/** Status and problem code of one answer (socket errors as status "socket"). */
function outcome(res) {
  let code = '';
  let detail = '';
  try { const p = res.json(); code = p?.code ?? ''; detail = p?.detail ?? p?.title ?? ''; } catch { detail = res.body.toString('utf8', 0, 300); }
  return { status: res.status, code, detail: String(detail).slice(0, 300), ms: res.ms };
}

/**
 * One oversell race: every customer's cart holds 1 unit of `unit` (refilled by SQL, then each customer opens the
 * checkout page — its total, and a warm keep-alive connection), then all submit at the same moment. Returns what
 * came back (accepted = 201, refused = 409 out_of_stock, anything else), the seconds from the first request to the
 * last answer, and the SKU's stock rows, allocations, reserve movements and orders afterwards.
 */
export async function runRace({ owner, tenantId, newId, users, unit, stockTotal, runId, round }) {
  await eachLimit(users, 8, (u) => refillCart(owner, { tenantId, newId, memberId: u.memberId, customerId: u.customerId, lines: [{ id: unit.id, qty: 1, price: unit.price }] }));
  await eachLimit(users, 8, async (u) => {
    const res = await u.http.request('GET', `${CHECKOUT}?addressId=${u.addressId}`, { headers: u.session.get });
    if (res.status !== 200) throw new Error(`race ${round}: checkout page for ${u.username}: ${res.status} ${res.body.toString('utf8', 0, 300)}`);
    const { cart } = res.json();
    if (cart.lines.length !== 1 || cart.blocking) throw new Error(`race ${round}: the cart of ${u.username} is not orderable: ${JSON.stringify(cart.lines.map((l) => l.problems))}`);
    u.raceTotalFen = cart.totals.totalFen;
  });

  log(`race ${round}: ${users.length} customers submit 1 × ${unit.code} at once (${stockTotal} in stock)`);
  const t0 = performance.now();
  const answers = await Promise.all(users.map(async (u) => {
    const sent = performance.now();
    try {
      return outcome(await u.http.request('POST', CHECKOUT, { body: submitBody(u, u.raceTotalFen), headers: { ...u.session.unsafe, 'idempotency-key': `race-${runId}-${round}-${u.username}` } }));
    } catch (err) {
      return { status: 'socket', code: err.code ?? err.name, detail: err.message, ms: performance.now() - sent };
    }
  }));
  const seconds = Math.round((performance.now() - t0) / 10) / 100;

  const tally = new Map();
  for (const a of answers) {
    const key = `${a.status} ${a.code}`.trim();
    const t = tally.get(key) ?? { count: 0, samples: [] };
    t.count++;
    if (t.samples.length < 2 && a.status !== 201) t.samples.push(a.detail);
    tally.set(key, t);
  }
  const accepted = answers.filter((a) => a.status === 201).length;
  const refused = answers.filter((a) => a.status === 409 && a.code === 'out_of_stock').length;

  const q = async (text) => (await owner.query(text, [tenantId, unit.sku_id])).rows;
  const stock = await q(`select w.code, l.on_hand::int as on_hand, l.reserved::int as reserved, l.safety_stock::int as safety from stock_levels l
    join warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id where l.tenant_id = $1 and l.sku_id = $2 order by w.priority, w.id`);
  const [db] = await q(`select
      (select coalesce(sum(reserved), 0)::int from order_allocations where tenant_id = $1 and sku_id = $2) as allocated,
      (select count(*)::int from stock_movements where tenant_id = $1 and sku_id = $2 and kind = 'reserve') as reserve_moves,
      (select coalesce(sum(reserved_delta), 0)::int from stock_movements where tenant_id = $1 and sku_id = $2) as moved_reserved,
      (select count(distinct order_id)::int from order_lines where tenant_id = $1 and sku_id = $2) as orders,
      (select coalesce(sum(base_qty), 0)::int from order_lines where tenant_id = $1 and sku_id = $2) as ordered_qty`);
  const reserved = stock.reduce((s, r) => s + r.reserved, 0);
  const negative = stock.some((r) => r.on_hand < 0 || r.reserved < 0 || r.reserved > r.on_hand);
  const expected = Math.min(users.length, stockTotal);
  const consistent = reserved === accepted && db.allocated === accepted && db.moved_reserved === accepted && db.orders === accepted && db.ordered_qty === accepted;
  const verdict = negative || accepted > stockTotal ? 'OVERSOLD' : accepted < expected ? 'UNDERSOLD' : !consistent ? 'INCONSISTENT' : 'ok';
  return {
    round, sku: unit.code, customers: users.length, stockTotal, accepted, refused, other: answers.length - accepted - refused, seconds,
    latency: summarize(answers.map((a) => a.ms), seconds, answers.length - accepted),
    answers: Object.fromEntries([...tally].sort((a, b) => b[1].count - a[1].count)),
    stock, negative, db, verdict,
  };
}
