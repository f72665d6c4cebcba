import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { newId } from '../../platform/ids.js';
import type { Buyer, PricedLine } from '../cart/sellables.js';
import { chainFacts, initialStatus, type OrderStatus } from './domain/order-state.js';
import { formatOrderNo, orderDay } from './domain/order-number.js';
import { taxRateOf, totalsLine, totalsOf, type PricingContext } from './order-pricing.js';
import { recordOrderEvent } from './orders.repository.js';
import { checkOrderStock, reserveOrderStock, type StockLine } from '../inventory/stock-ledger.js';
import { orderLines, orders, type AddressSnapshot, type InvoiceSnapshot } from './orders.tables.js';

export interface NewOrder {
  buyer: Buyer;
  ctx: PricingContext;
  actor: Actor;
  source: 'mall' | 'staff';
  lines: { priced: PricedLine; overridden: boolean }[];
  address: AddressSnapshot;
  requestedDate: string | null;
  remark: string | null;
  invoice: InvoiceSnapshot | null;
  paymentMethod: string;
  /** A buyer's order waits for the company's own approver first. */
  memberApproval: boolean;
  /** A number taken beforehand by `preallocateOrderNo`; otherwise one is taken at the end of this transaction. */
  orderNo?: string;
}

/** Writes a submitted order (header, lines, first timeline entry, outbox event) in the caller's transaction. */
export async function createOrderTx(tx: Tx, tenantId: string, o: NewOrder, at = new Date()): Promise<string> {
  const id = newId(at.getTime());
  const totals = totalsOf(o.ctx, o.lines.map((l, i) => totalsLine(o.ctx, String(i), l.priced)), o.address.regionId);
  const status = initialStatus(chainFacts(o.ctx.settings.orders, { totalFen: totals.totalFen, trustedCustomer: o.buyer.trusted, memberApproval: o.memberApproval }));
  const first = o.lines[0].priced.sellable;
  const defer = deferReservation(o.ctx.settings.orders.reserveAt, status);
  await tx.insert(orders).values({
    // The number is taken last (below): its counter row is locked until commit, so it must be held as briefly as possible.
    tenantId, id, orderNo: o.orderNo ?? `PENDING-${id}`, customerId: o.buyer.id, customerName: o.buyer.name, customerCode: o.buyer.code, levelId: o.buyer.levelId,
    regionId: o.buyer.regionId, salespersonId: o.buyer.salespersonId, source: o.source,
    memberId: o.actor.kind === 'member' ? o.actor.id : null, staffId: o.actor.kind === 'staff' ? o.actor.id : null, placedByName: o.actor.name,
    status, address: o.address, requestedDate: o.requestedDate, remark: o.remark, invoice: o.invoice, paymentMethod: o.paymentMethod,
    goodsFen: totals.goodsFen, discountFen: totals.discountFen, shippingFen: totals.shippingFen, totalFen: totals.totalFen, taxes: totals.taxes,
    lineCount: totals.lineCount, quantity: totals.quantity, weightGrams: totals.weightGrams,
    firstLineName: first.productName, stockReserved: !defer, submittedAt: at, createdAt: at, updatedAt: at,
  });
  await insertLines(tx, tenantId, id, o.ctx, o.lines);
  if (defer) {
    await checkOrderStock(tx, tenantId, stockLines(o.lines));
  } else {
    await reserveOrderStock(tx, tenantId, o.actor, { id, regionId: o.address.regionId }, stockLines(o.lines));
  }
  let orderNo = o.orderNo;
  if (!orderNo) {
    const day = orderDay(at);
    orderNo = formatOrderNo(day, await nextSequence(tx, tenantId, `order:${day}`));
    await tx.update(orders).set({ orderNo }).where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)));
  }
  await recordOrderEvent(tx, tenantId, { id, orderNo, customerId: o.buyer.id }, o.actor, { action: 'submitted', from: null, to: status, revision: 1 });
  return id;
}

/** With reserveAt = 'approval', an order still awaiting a review keeps its stock unreserved until approved. */
export const deferReservation = (reserveAt: 'submit' | 'approval', status: OrderStatus) =>
  reserveAt === 'approval' && (status === 'pending_approval' || status === 'pending_review');

/** Order lines from priced lines; `keepIds` reuses the ids of lines kept through an edit. */
export async function insertLines(tx: Tx, tenantId: string, orderId: string, ctx: PricingContext, lines: { priced: PricedLine; overridden: boolean; id?: string }[]) {
  const rows = lines.map(({ priced: l, overridden, id }, i) => {
    const s = l.sellable;
    return {
      tenantId, id: id ?? newId(), orderId, lineNo: i + 1, productId: s.productId, skuId: s.skuId, skuUnitId: s.skuUnitId,
      productName: s.productName, skuCode: s.skuCode, specText: s.specText, unitName: s.unitName, conversion: s.conversion,
      qty: l.qty, baseQty: l.qty * s.conversion, listPriceFen: l.price.listPriceFen, unitPriceFen: l.price.unitPriceFen,
      priceSource: overridden ? 'manual' : l.price.source, priceOverridden: overridden, amountFen: l.amountFen,
      taxRateBp: taxRateOf(ctx, s.taxRateBp), weightGrams: l.qty * s.weightGrams, imageId: s.imageId,
    };
  });
  // Large orders go in slices to stay under the bind-parameter limit.
  for (let i = 0; i < rows.length; i += 500) await tx.insert(orderLines).values(rows.slice(i, i + 500));
}

/** What the stock ledger needs of an order's lines. */
export const stockLines = (lines: { priced: PricedLine }[]): StockLine[] => lines.map(({ priced: l }) => ({
  skuId: l.sellable.skuId, skuCode: l.sellable.skuCode, baseQty: l.qty * l.sellable.conversion, policy: l.sellable.stockPolicy,
}));

/**
 * On a PostgreSQL server the order number is taken in its own short transaction, so its per-day counter row is
 * locked for an instant instead of until the order commits (it serialised every checkout of a company). The price:
 * a submission that then fails, or a replay, skips a number — numbers are unique and increase per day, with gaps.
 * PGlite has one connection, so there the number is taken inside the order's own transaction.
 */
export async function preallocateOrderNo(database: Database, tenantId: string, at = new Date()): Promise<string | undefined> {
  if (database.kind !== 'pg') return undefined;
  const day = orderDay(at);
  return formatOrderNo(day, await database.tx(tenantId, (tx) => nextSequence(tx, tenantId, `order:${day}`)));
}
