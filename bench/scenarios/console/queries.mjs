const LIST = '/api/v1/admin/orders';
const q = (params) => `${LIST}?${new URLSearchParams(params)}`;
const day = (msAgo) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);

/**
 * The order queue as staff use it (GET /admin/orders, 50 per page, newest first): the list, its next page, the
 * tabs, each filter of the console's filter bar once, one combination, the search box (an order number, a
 * customer name) and the tab badges (/orders/counts, polled by the console). `refs` come from the generated data.
 * → [[kind, path]]
 */
export function queueKinds(refs) {
  const monthFrom = day(180 * 86_400_000);
  const monthTo = day(150 * 86_400_000);
  return [
    ['list (all, newest 50)', LIST],
    ['next page (cursor)', q({ cursor: refs.cursor })],
    ['tab todo', q({ tab: 'todo' })],
    ['tab open', q({ tab: 'open' })],
    ['tab closed', q({ tab: 'closed' })],
    ['status pending_shipment', q({ status: 'pending_shipment' })],
    ['customer (the busiest)', q({ customerId: refs.customerId })],
    ['salesperson', q({ salespersonId: refs.salespersonId })],
    ['region (with sub-regions)', q({ regionId: refs.regionId })],
    ['date range (1 month)', q({ from: monthFrom, to: monthTo })],
    ['status + date range', q({ status: 'completed', from: monthFrom, to: monthTo })],
    ['amount 1,000–2,000 yuan', q({ minFen: 100_000, maxFen: 200_000 })],
    ['SKU code', q({ sku: refs.skuCode })],
    ['search: order number', q({ q: refs.orderNo })],
    ['search: customer name', q({ q: refs.customerName })],
    ['tab counts (/orders/counts)', `${LIST}/counts`],
  ];
}

/** What the kinds point at, read from the generated data (the busiest customer is BC00000001 by construction). */
export async function queueRefs(owner, tenantId) {
  const one = async (text) => (await owner.query(text, [tenantId])).rows[0] ?? {};
  const { id: customerId, name } = await one(`select id, name from customers where tenant_id = $1 and code = 'BC00000001'`);
  const { salesperson_id: salespersonId } = await one(`select salesperson_id from customers where tenant_id = $1 and code like 'BC0%' and salesperson_id is not null order by code limit 1`);
  const { parent_id: regionId } = await one(`select parent_id from regions where tenant_id = $1 and parent_id is not null group by parent_id order by count(*) desc, parent_id limit 1`);
  const { order_no: orderNo, sku_code: skuCode } = await one(`select o.order_no, l.sku_code from orders o join order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
    where o.tenant_id = $1 and o.order_no like 'BH%' order by o.id desc limit 1`);
  // A part of a name, as typed into the search box: "压测商贸 1" matches customers 1, 10–19, 100–199 … of every region
  return { customerId, salespersonId, regionId, orderNo, skuCode, customerName: name?.replace(/\d+$/, '').trim().slice(-4) + ' 1' };
}
