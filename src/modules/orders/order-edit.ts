import { and, eq } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/audit.js';
import { loadBuyer, loadSellables, priceLine, type PricedLine } from '../cart/sellables.js';
import { rememberCustomerPriceTx } from '../pricing/pricing.repository.js';
import { lineChanges } from './domain/order-diff.js';
import { loadPricingContext, totalsLine, totalsOf } from './order-pricing.js';
import { insertLines, stockLines } from './order-create.js';
import { checkOrderStock, releaseOrderStock, reserveOrderStock } from '../inventory/stock-ledger.js';
import { applyEditGuards, formatAddress } from './order-edit-rules.js';
import { loadLines, recordOrderEvent, type OrderRow } from './orders.repository.js';
import { orderLines, orders, type AddressSnapshot } from './orders.tables.js';
import type { OrderChanges } from './order-view.js';
import { settleAfterEdit } from '../payments/refund-request.js';

export interface EditInput {
  version: number;
  lines: { id?: string; skuUnitId: string; qty: number; unitPriceFen?: number }[];
  address?: AddressSnapshot | { receiver: string; phone: string; regionId?: string | null; regionText: string; detail: string };
  remark?: string | null;
  rememberPrices?: boolean;
}

/**
 * Staff edit an order before release: quantities, prices, lines, address, remark. Totals are recomputed; the
 * difference to what was paid is what the customer owes or gets back. Each edit is a new revision in the timeline.
 * A line's price: the one typed (an override); else, if its quantity is unchanged, the price already on the order;
 * else the price the resolver gives today.
 */
export async function editOrderTx(tx: Tx, ctx: Ctx<Operator>, o: OrderRow, input: EditInput): Promise<OrderRow> {
  applyEditGuards(o, ctx.actor, input.version);
  const before = await loadLines(tx, ctx.tenantId, o.id);
  const byId = new Map(before.map((l) => [l.id, l]));
  for (const l of input.lines) {
    const old = l.id ? byId.get(l.id) : undefined;
    if (l.id && (!old || old.skuUnitId !== l.skuUnitId)) throw new AppError('validation_failed', { message: 'a line id does not belong to this order or names another SKU unit', errors: [{ path: 'body.lines', message: `line ${l.id}` }] });
  }
  const buyer = await loadBuyer(tx, ctx.tenantId, o.customerId);
  const pctx = await loadPricingContext(tx, ctx.tenantId);
  const sellables = await loadSellables(tx, ctx.tenantId, input.lines.map((l) => l.skuUnitId), buyer);
  const now = new Date();
  const errors: { path: string; message: string }[] = [];
  const priced: { priced: PricedLine; overridden: boolean; id?: string }[] = input.lines.map((l, i) => {
    const s = sellables.get(l.skuUnitId);
    if (!s) { errors.push({ path: `body.lines.${i}.skuUnitId`, message: 'no such SKU unit' }); return null!; }
    const old = l.id ? byId.get(l.id) : undefined;
    const unchanged = old && old.qty === l.qty;
    const override = l.unitPriceFen ?? (unchanged ? old.unitPriceFen : undefined);
    const line = priceLine(s, l.qty, buyer, now, override);
    // A kept, unchanged line stays even if the product went off the shelf since; new and changed lines must be orderable.
    if (!unchanged) for (const p of line.problems.filter((x) => x.blocking)) errors.push({ path: `body.lines.${i}`, message: `${s.skuCode}: ${p.message}` });
    const overridden = l.unitPriceFen !== undefined || (unchanged ? old.priceOverridden : false);
    return { priced: line, overridden, id: old?.id };
  });
  if (errors.length) throw new AppError('cart_invalid', { message: 'some lines cannot be ordered', errors });

  const address: AddressSnapshot = input.address ? { regionId: null, ...input.address } as AddressSnapshot : o.address;
  const totals = totalsOf(pctx, priced.map((l, i) => totalsLine(pctx, String(i), l.priced)), address.regionId);
  const changes: OrderChanges = {
    lines: lineChanges(before, priced.map((l) => ({ id: l.id, skuCode: l.priced.sellable.skuCode, productName: l.priced.sellable.productName, unitName: l.priced.sellable.unitName, qty: l.priced.qty, unitPriceFen: l.priced.price.unitPriceFen }))),
    ...(input.address && formatAddress(o.address) !== formatAddress(address) ? { address: { before: formatAddress(o.address), after: formatAddress(address) } } : {}),
    ...(input.remark !== undefined && (input.remark || null) !== o.remark ? { remark: { before: o.remark, after: input.remark || null } } : {}),
    totalBeforeFen: o.totalFen, totalAfterFen: totals.totalFen, differenceFen: totals.totalFen - o.totalFen, paidFen: o.paidFen,
  };
  if (!changes.lines.length && !changes.address && !changes.remark && totals.totalFen === o.totalFen) {
    throw new AppError('validation_failed', { message: 'nothing was changed', errors: [{ path: 'body.lines', message: 'unchanged' }] });
  }

  await tx.delete(orderLines).where(and(eq(orderLines.tenantId, ctx.tenantId), eq(orderLines.orderId, o.id)));
  await insertLines(tx, ctx.tenantId, o.id, pctx, priced);
  // The simplest correct re-reservation: give everything back, then reserve the new lines (same transaction, same locks).
  if (o.stockReserved) {
    await releaseOrderStock(tx, ctx.tenantId, ctx.actor, o.id);
    await reserveOrderStock(tx, ctx.tenantId, ctx.actor, { id: o.id, regionId: address.regionId }, stockLines(priced));
  } else {
    await checkOrderStock(tx, ctx.tenantId, stockLines(priced));
  }
  const revision = o.revision + 1;
  const [updated] = await tx.update(orders).set({
    address, remark: input.remark !== undefined ? input.remark || null : o.remark,
    goodsFen: totals.goodsFen, discountFen: totals.discountFen, shippingFen: totals.shippingFen, totalFen: totals.totalFen, taxes: totals.taxes,
    lineCount: totals.lineCount, quantity: totals.quantity, weightGrams: totals.weightGrams, firstLineName: priced[0].priced.sellable.productName,
    revision, version: o.version + 1, updatedAt: now,
  }).where(and(eq(orders.tenantId, ctx.tenantId), eq(orders.id, o.id))).returning();
  await recordOrderEvent(tx, ctx.tenantId, o, ctx.actor, { action: 'edited', from: o.status, to: o.status, revision, changes });
  // The payments follow the new total: status derived again, an overpayment requested back (退款单).
  const settled = await settleAfterEdit(tx, ctx.tenantId, ctx.actor, updated);

  if (input.rememberPrices) {
    for (const l of priced.filter((x, i) => x.overridden && input.lines[i].unitPriceFen !== undefined)) {
      await rememberCustomerPriceTx(tx, ctx.tenantId, o.customerId, l.priced.sellable.skuUnitId, l.priced.price.unitPriceFen);
      await recordAudit(tx, ctx, { action: 'prices.customer_price', entityType: 'sku_unit', entityId: l.priced.sellable.skuUnitId, before: null, after: { customerId: o.customerId, priceFen: l.priced.price.unitPriceFen, from: o.orderNo } });
    }
  }
  return settled;
}
