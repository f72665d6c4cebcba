import { progress } from '../../lib/log.mjs';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // the app's id alphabet (src/platform/ids.ts)

/** SQL for `width` base-32 digits of a bigint expression, most significant first: the time part of the app's ids. */
const base32 = (expr, width) => Array.from({ length: width }, (_, k) => `substr('${ALPHABET}', ((${expr} >> ${5 * (width - 1 - k)}) & 31)::int + 1, 1)`).join(' || ');

/** A deterministic number in [0, 1) per order and purpose (no random(): the same run gives the same orders). */
const u = (salt) => `((hashint8(g.i::bigint * 7919 + ${salt})::bigint & 2147483647)::float8 / 2147483648)`;

/**
 * `count` customers of the order queue (BC00000001 …), in the demo's regions, half of them assigned to a salesperson,
 * written with one INSERT … SELECT FROM generate_series. Names carry a number, so a name search finds a few.
 */
async function queueCustomers(client, tenantId, count) {
  await client.query(`insert into customers (tenant_id, id, code, name, type, level_id, region_id, salesperson_id, status, contact_name, phone, source)
    select $1, 'BC' || lpad(g.i::text, 8, '0'), 'BC' || lpad(g.i::text, 8, '0'), r.names[1 + g.i % cardinality(r.names)] || '压测商贸 ' || g.i,
      'dealer', l.ids[1 + g.i % cardinality(l.ids)], r.ids[1 + g.i % cardinality(r.ids)],
      case when g.i % 2 = 0 then s.ids[1 + (g.i / 2) % cardinality(s.ids)] end, 'active', '联系人', '1380000' || lpad((g.i % 10000)::text, 4, '0'), 'staff'
    from generate_series(1, $2::int) g(i),
      (select array_agg(id order by id) ids, array_agg(name order by id) names from regions where tenant_id = $1 and parent_id is not null) r,
      (select array_agg(id order by id) ids from customer_levels where tenant_id = $1) l,
      (select array_agg(id order by id) ids from staff_users where tenant_id = $1) s`, [tenantId, count]);
}

/**
 * `count` orders, one line each (a sell unit of `unitIds`), straight into orders and order_lines as the owner, in
 * chunks of 100,000 rows.
 * Order i was submitted (count − i) × (1 year ÷ count) ago, so they span the last year; its id has the app's
 * layout (10 base-32 digits of that time, then a tail), so ordering by id is ordering by time as in the app, and
 * every generated id sorts before the ids the app makes now. Order numbers are BH<day>-<i>: never the app's DH….
 * Older than 30 days: closed (92 % completed, 5 % cancelled, 2 % rejected, 1 % voided); the last 30 days: the open
 * statuses too. Customers are skewed (u² over the queue's customers: a few have many orders). Unpaid, stock not
 * reserved (no allocations, so the stock ledger check is unaffected), shipped_at empty (auto-confirm ignores them).
 */
export async function generateOrders(client, { tenantId, count, customers, unitIds, chunk = 100_000 }) {
  await client.query('set synchronous_commit = off');
  await queueCustomers(client, tenantId, customers);
  const spanMs = 365 * 86_400_000;
  const tick = progress('generating orders', count);
  // Customers and sell units numbered 1…n in temporary tables, joined by number (subscripting big arrays per row is slow).
  await client.query(`create temp table q_customers as select row_number() over (order by id)::int as n, id, name, code, level_id, region_id, salesperson_id
    from customers where tenant_id = $1 and code like 'BC0%'`, [tenantId]);
  await client.query(`create temp table q_units as select row_number() over (order by su.id)::int as n, su.id as unit_id, s.id as sku_id, p.id as product_id,
      p.name as product_name, s.code, su.name as unit_name, su.conversion, su.list_price_fen as price
    from sku_units su join skus s on s.tenant_id = su.tenant_id and s.id = su.sku_id join products p on p.tenant_id = s.tenant_id and p.id = s.product_id
    where su.tenant_id = $1 and su.id = any($2::text[])`, [tenantId, unitIds]);
  await client.query('analyze q_customers, q_units');
  const { rows: [n] } = await client.query('select (select count(*) from q_customers)::int as customers, (select count(*) from q_units)::int as units');
  const common = `
    with g as (select i, (extract(epoch from now()) * 1000)::bigint - ($4::bigint - i) * ${Math.floor(spanMs / count)} as ms from generate_series($2::int, $3::int) i),
         o as (select g.i, g.ms, to_timestamp(g.ms / 1000.0) as at, 1 + floor(${u(1)} ^ 2 * ${n.customers})::int as ci, 1 + floor(${u(2)} * ${n.units})::int as ki,
                      1 + floor(${u(3)} * 20)::int as qty, ${u(4)} as s
               from g)`;
  const status = `case when o.at < now() - interval '30 days' then
      case when o.s < 0.92 then 'completed' when o.s < 0.97 then 'cancelled' when o.s < 0.99 then 'rejected' else 'voided' end
    else case when o.s < 0.40 then 'completed' when o.s < 0.52 then 'pending_review' when o.s < 0.60 then 'pending_finance' when o.s < 0.64 then 'pending_release'
      when o.s < 0.78 then 'pending_shipment' when o.s < 0.92 then 'pending_receipt' when o.s < 0.94 then 'pending_approval' when o.s < 0.97 then 'cancelled' else 'rejected' end end`;
  const orderId = `${base32('o.ms', 10)} || 'BENCH' || lpad(o.i::text, 11, '0')`;
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    const params = [tenantId, from, to, count];
    await client.query('begin');
    await client.query(`${common}
      insert into orders (tenant_id, id, order_no, customer_id, customer_name, customer_code, level_id, region_id, salesperson_id, source, placed_by_name, status,
        fulfilment_status, payment_status, address, payment_method, goods_fen, total_fen, taxes, line_count, quantity, first_line_name, stock_reserved, submitted_at, created_at, updated_at)
      select $1, ${orderId}, 'BH' || to_char(o.at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(o.i::text, 7, '0'),
        c.id, c.name, c.code, c.level_id, c.region_id, c.salesperson_id, 'mall', '采购', st.status,
        case st.status when 'completed' then 'delivered' when 'pending_receipt' then 'shipped' else 'unfulfilled' end, 'unpaid',
        jsonb_build_object('receiver', '收货人', 'phone', '13900000000', 'regionId', c.region_id, 'regionText', '上海市', 'detail', '压测路 ' || o.ci || ' 号'),
        'offline', o.qty * k.price, o.qty * k.price, '[]'::jsonb, 1, o.qty, k.product_name, false, o.at, o.at, o.at
      from o join q_customers c on c.n = o.ci join q_units k on k.n = o.ki, lateral (select ${status} as status) st`, params);
    await client.query(`${common}
      insert into order_lines (tenant_id, id, order_id, line_no, product_id, sku_id, sku_unit_id, product_name, sku_code, spec_text, unit_name, conversion, qty, base_qty,
        list_price_fen, unit_price_fen, price_source, amount_fen, tax_rate_bp)
      select $1, ${base32('o.ms', 10)} || 'BENCX' || lpad(o.i::text, 11, '0'), ${orderId}, 1, k.product_id, k.sku_id, k.unit_id, k.product_name,
        k.code, '', k.unit_name, k.conversion, o.qty, o.qty * k.conversion, k.price, k.price, 'list', o.qty * k.price, 0
      from o join q_units k on k.n = o.ki`, params);
    await client.query('commit');
    tick(to);
  }
  await client.query('drop table q_customers, q_units');
  // As the tables would be after autovacuum: statistics for the planner, a visibility map for index-only scans.
  await client.query('vacuum analyze customers, orders, order_lines');
}
