import { insertColumns } from '../../lib/db.mjs';

const pad = (n, w = 2) => String(n).padStart(w, '0');

/**
 * `count` customers written straight into the tables as the database owner, each a gold-level dealer in dealer1's
 * region with one member login (a buyer and company admin, so no internal approval) and one default address.
 * The login reuses dealer1's argon2id hash (password dinghuo123): hashing is what makes creating logins through
 * the API slow, and a hash is a hash. Returns [{ username, customerId, memberId, addressId }].
 */
export async function createBuyers(client, { tenantId, newId, names }) {
  const { rows: [ref] } = await client.query(`select m.password_hash, c.level_id, c.region_id, a.region_text from customer_members m
    join customers c on c.tenant_id = m.tenant_id and c.id = m.customer_id
    left join customer_addresses a on a.tenant_id = c.tenant_id and a.customer_id = c.id and a.is_default
    where m.tenant_id = $1 and m.username = 'dealer1'`, [tenantId]);
  if (!ref) throw new Error('the demo member dealer1 is missing: did the app seed the demo tenant?');
  const rows = { customers: [], customer_members: [], customer_addresses: [] };
  const out = [];
  for (const [i, username] of names.entries()) {
    const customerId = newId();
    const memberId = newId();
    const addressId = newId();
    const phone = `1390000${pad(i, 4)}`;
    rows.customers.push([tenantId, customerId, `BENCH-${username.toUpperCase()}`, `压测经销商 ${username}`, 'dealer', ref.level_id, ref.region_id, 'active', `联系人 ${username}`, phone, 'staff']);
    rows.customer_members.push([tenantId, memberId, customerId, `采购 ${username}`, username, ref.password_hash, 'buyer', true]);
    rows.customer_addresses.push([tenantId, addressId, customerId, `收货人 ${username}`, phone, ref.region_id, ref.region_text ?? '上海市', `压测路 ${i + 1} 号`, true]);
    out.push({ username, customerId, memberId, addressId });
  }
  await client.query('begin');
  await insertColumns(client, 'customers', [['tenant_id', 'text'], ['id', 'text'], ['code', 'text'], ['name', 'text'], ['type', 'text'], ['level_id', 'text'], ['region_id', 'text'],
    ['status', 'text'], ['contact_name', 'text'], ['phone', 'text'], ['source', 'text']], rows.customers);
  await insertColumns(client, 'customer_members', [['tenant_id', 'text'], ['id', 'text'], ['customer_id', 'text'], ['name', 'text'], ['username', 'text'], ['password_hash', 'text'],
    ['member_role', 'text'], ['is_admin', 'bool']], rows.customer_members);
  await insertColumns(client, 'customer_addresses', [['tenant_id', 'text'], ['id', 'text'], ['customer_id', 'text'], ['receiver', 'text'], ['phone', 'text'], ['region_id', 'text'],
    ['region_text', 'text'], ['detail', 'text'], ['is_default', 'bool']], rows.customer_addresses);
  await client.query('commit');
  return out;
}

/**
 * Sell units any gold dealer may order by 1: product on the shelf and visible to everyone, SKU and unit enabled,
 * no minimum and no multiple. Each with its SKU code and unit name (for the quick-order form), its SKU id and its
 * conversion to base units.
 */
export async function orderableUnits(client, tenantId) {
  const { rows } = await client.query(`select su.id, su.name as unit, s.code, s.id as sku_id, su.conversion
    from sku_units su join skus s on s.tenant_id = su.tenant_id and s.id = su.sku_id
    join products p on p.tenant_id = s.tenant_id and p.id = s.product_id
    where su.tenant_id = $1 and p.on_shelf and p.visible_types = '{}' and p.visible_level_ids = '{}' and s.enabled and su.enabled
      and su.min_qty = 1 and su.multiple = 1
    order by su.id`, [tenantId]);
  return rows;
}

/** Empties the carts of these members (between measurements, so an abandoned iteration does not leak into the next). */
export async function clearCarts(client, tenantId, memberIds) {
  await client.query('delete from cart_lines where tenant_id = $1 and member_id = any($2::text[])', [tenantId, memberIds]);
}

/**
 * Replaces a member's cart with `lines` ([{ id: sku unit id, qty, price: seen price in fen }]) in one statement
 * (upserts them, deletes any other line), as the database owner: the refill before a measured submit.
 */
export async function refillCart(client, { tenantId, newId, memberId, customerId, lines }) {
  await client.query(`with gone as (delete from cart_lines where tenant_id = $1 and member_id = $2 and sku_unit_id <> all($5::text[]))
    insert into cart_lines (tenant_id, id, member_id, customer_id, sku_unit_id, qty, seen_price_fen)
    select $1, t.id, $2, $3, t.unit, t.qty, t.price from unnest($4::text[], $5::text[], $6::int[], $7::bigint[]) as t(id, unit, qty, price)
    on conflict (tenant_id, member_id, sku_unit_id) do update set qty = excluded.qty, seen_price_fen = excluded.seen_price_fen`,
  [tenantId, memberId, customerId, lines.map(() => newId()), lines.map((l) => l.id), lines.map((l) => l.qty), lines.map((l) => l.price)]);
}

/**
 * Stock when the company tracks stock (the inventory module's tables exist and a warehouse is active): without it
 * every order of a "block" product is refused with 409 out_of_stock. Each SKU without a stock row yet (or only
 * `skuIds`) gets `onHand` base units (default 10,000,000) in every active warehouse — or, when `onHand` is an
 * array, its n-th figure in the n-th active warehouse by priority — booked as inbound movements so the ledger
 * balances. Returns the number of stock rows written, or null when stock is not tracked.
 */
export async function stockUp(client, { tenantId, newId, onHand = 10_000_000, skuIds = null }) {
  const { rows: [t] } = await client.query(`select to_regclass('public.stock_levels') is not null and to_regclass('public.warehouses') is not null as tracked`);
  if (!t.tracked) return null;
  const { rows: whs } = await client.query('select id from warehouses where tenant_id = $1 and active order by priority, id', [tenantId]);
  if (!whs.length) return null;
  if (Array.isArray(onHand) && onHand.length !== whs.length) throw new Error(`stock for ${onHand.length} warehouses, but the company has ${whs.length} active`);
  const { rows: skus } = await client.query(`select s.id from skus s where s.tenant_id = $1 and ($2::text[] is null or s.id = any($2::text[]))
    and not exists (select 1 from stock_levels l where l.tenant_id = s.tenant_id and l.sku_id = s.id)`, [tenantId, skuIds]);
  const levels = [];
  const moves = [];
  for (const [i, w] of whs.entries()) {
    const qty = Array.isArray(onHand) ? onHand[i] : onHand;
    for (const s of skus) {
      levels.push([tenantId, w.id, s.id, qty]);
      moves.push([tenantId, newId(), w.id, s.id, 'inbound', qty, 'inbound', 'bench-stock', 'system', 'bench']);
    }
  }
  await client.query('begin');
  for (let i = 0; i < levels.length; i += 10_000) {
    await insertColumns(client, 'stock_levels', [['tenant_id', 'text'], ['warehouse_id', 'text'], ['sku_id', 'text'], ['on_hand', 'bigint']], levels.slice(i, i + 10_000));
    await insertColumns(client, 'stock_movements', [['tenant_id', 'text'], ['id', 'text'], ['warehouse_id', 'text'], ['sku_id', 'text'], ['kind', 'text'], ['on_hand_delta', 'bigint'],
      ['doc_type', 'text'], ['doc_id', 'text'], ['actor_kind', 'text'], ['actor_id', 'text']], moves.slice(i, i + 10_000));
  }
  await client.query('commit');
  await client.query('analyze stock_levels, stock_movements');
  return { warehouses: whs.length, warehouseIds: whs.map((w) => w.id), rows: levels.length };
}
