import { generateCatalog } from '../catalog/generate.mjs';
import { CHECKOUT } from '../orders/flows.mjs';
import { clearCarts, createBuyers, orderableUnits, refillCart, stockUp } from '../orders/setup.mjs';

const pad = (n) => String(n).padStart(3, '0');

/**
 * The data of the inventory scenario, written with SQL as the owner: the catalog generator's products, `customers`
 * bench customers (one member login each), and stock in the demo's two active warehouses — `raceStock` (e.g.
 * [30, 20]) for each race SKU, 10,000,000 per warehouse for every other SKU. Race, hot and distinct SKUs are
 * different SKUs, each ordered by its base unit (conversion 1, orderable by 1 by any gold dealer).
 */
export async function prepareInventory(client, { tenantId, newId, buildSearchText, products, customers, raceRounds, raceStock, distinct, log }) {
  log(`generating ${products.toLocaleString('en')} products × 2 SKUs (the catalog generator)`);
  const catalog = await generateCatalog(client, { tenantId, count: products, newId, buildSearchText });
  log(`creating ${customers} bench customers (SQL, dealer1's password hash)`);
  const buyers = await createBuyers(client, { tenantId, newId, names: Array.from({ length: customers }, (_, i) => `inv${pad(i + 1)}`) });
  await client.query('analyze customers, customer_members, customer_addresses');

  // The demo seed's SKUs already have stock: only the generated ones are used.
  const seen = new Set((await client.query('select distinct sku_id from stock_levels where tenant_id = $1', [tenantId])).rows.map((r) => r.sku_id));
  const base = (await orderableUnits(client, tenantId)).filter((u) => u.conversion === 1 && !seen.has(u.sku_id) && seen.add(u.sku_id));
  if (base.length < raceRounds + 1 + distinct) throw new Error(`only ${base.length} SKUs orderable by their base unit; need ${raceRounds + 1 + distinct}`);
  const race = base.slice(0, raceRounds);
  const hot = base[raceRounds];
  const spread = base.slice(raceRounds + 1, raceRounds + 1 + distinct);

  const raced = await stockUp(client, { tenantId, newId, onHand: raceStock, skuIds: race.map((u) => u.sku_id) });
  if (!raced) throw new Error('stock is not tracked (no inventory tables or no active warehouse): nothing to race for');
  if (raced.rows !== race.length * raceStock.length) throw new Error(`race SKUs already had stock rows (${raced.rows} written)`);
  const rest = await stockUp(client, { tenantId, newId });
  const { rows: whs } = await client.query('select id, code, priority from warehouses where tenant_id = $1 and id = any($2::text[]) order by priority, id', [tenantId, raced.warehouseIds]);
  return { catalog: catalog.totals, buyers, race, hot, spread, warehouses: whs, stockRows: raced.rows + rest.rows };
}

/**
 * Each unit's price for a bench customer (all are gold dealers of one region, with no price of their own): one
 * checkout page of a cart holding all of them once. A 1-unit order's total is that price when the page charges
 * no shipping (the tenant's default: no shipping rules), which is checked.
 */
export async function unitPrices(owner, { tenantId, newId, user, units }) {
  await refillCart(owner, { tenantId, newId, memberId: user.memberId, customerId: user.customerId, lines: units.map((u) => ({ id: u.id, qty: 1, price: 0 })) });
  const res = await user.http.request('GET', `${CHECKOUT}?addressId=${user.addressId}`, { headers: user.session.get });
  await clearCarts(owner, tenantId, [user.memberId]);
  if (res.status !== 200) throw new Error(`checkout page for prices: ${res.status} ${res.body.toString('utf8', 0, 400)}`);
  const { cart } = res.json();
  if (cart.totals.shippingFen !== 0) throw new Error(`the checkout page charges ${cart.totals.shippingFen} fen shipping: a 1-unit total is not its unit price`);
  const blocked = cart.lines.filter((l) => l.problems.some((p) => p.blocking));
  if (blocked.length) throw new Error(`${blocked.length} bench units cannot be ordered, e.g. ${JSON.stringify(blocked[0].problems)}`);
  const price = new Map(cart.lines.map((l) => [l.skuUnitId, l.unitPriceFen]));
  for (const u of units) {
    if (!price.has(u.id)) throw new Error(`no price for unit ${u.id} (${u.code})`);
    u.price = price.get(u.id);
  }
}
