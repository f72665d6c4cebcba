import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { customerAddresses } from '../customers/customers.tables.js';
import { loadPricingContext, taxRateOf, totalsLine, totalsOf, type PricingContext } from '../orders/order-pricing.js';
import type { Totals } from '../orders/domain/order-totals.js';
import { cartLines } from './cart.tables.js';
import { priceChange, stockProblem, type LineProblem } from './domain/line-checks.js';
import { availableBySku } from '../inventory/availability.js';
import { imageUrl, loadBuyer, loadSellables, priceLine, type Buyer, type PricedLine } from './sellables.js';

export interface CartLineView {
  id: string; skuUnitId: string; skuId: string; productId: string; productName: string; skuCode: string; specText: string;
  unitName: string; conversion: number; baseUnit: string; imageUrl: string | null; qty: number; minQty: number; multiple: number;
  listPriceFen: number; unitPriceFen: number; priceSource: string; seenPriceFen: number; amountFen: number; taxRateBp: number;
  problems: LineProblem[];
}
export interface CartView { lines: CartLineView[]; totals: Totals; blocking: boolean }

/** The cart's lines, checked and priced now, for the member's company. */
export interface PricedCart { buyer: Buyer; ctx: PricingContext; lines: { id: string; seenPriceFen: number; priced: PricedLine }[] }

export async function priceCart(tx: Tx, tenantId: string, memberId: string, customerId: string, at = new Date()): Promise<PricedCart> {
  const buyer = await loadBuyer(tx, tenantId, customerId);
  const ctx = await loadPricingContext(tx, tenantId);
  const rows = await tx.select().from(cartLines).where(and(eq(cartLines.tenantId, tenantId), eq(cartLines.memberId, memberId)))
    .orderBy(asc(cartLines.createdAt), asc(cartLines.id));
  const sellables = await loadSellables(tx, tenantId, rows.map((r) => r.skuUnitId), buyer);
  const lines = rows.map((r) => ({ id: r.id, seenPriceFen: r.seenPriceFen, priced: priceLine(sellables.get(r.skuUnitId)!, r.qty, buyer, at) }));
  const available = await availableBySku(tx, tenantId, lines.map((l) => l.priced.sellable.skuId));
  if (available) {
    const needed = new Map<string, number>();
    for (const l of lines) needed.set(l.priced.sellable.skuId, (needed.get(l.priced.sellable.skuId) ?? 0) + l.priced.qty * l.priced.sellable.conversion);
    for (const l of lines) {
      const s = l.priced.sellable;
      const p = stockProblem(s.stockPolicy, needed.get(s.skuId)!, available.get(s.skuId) ?? 0, s.baseUnit);
      if (p) l.priced.problems.push(p);
    }
  }
  return { buyer, ctx, lines };
}

/** The region shipping is computed for: the chosen address, else the company's default address, else none. */
export async function shippingRegion(tx: Tx, tenantId: string, customerId: string, addressId?: string): Promise<string | null | undefined> {
  const where = addressId ? eq(customerAddresses.id, addressId) : eq(customerAddresses.isDefault, true);
  const [a] = await tx.select({ regionId: customerAddresses.regionId }).from(customerAddresses)
    .where(and(eq(customerAddresses.tenantId, tenantId), eq(customerAddresses.customerId, customerId), where)).limit(1);
  return a ? a.regionId : undefined;
}

export function toCartView(cart: PricedCart, regionId: string | null | undefined): CartView {
  const lines = cart.lines.map(({ id, seenPriceFen, priced: l }): CartLineView => {
    const s = l.sellable;
    const changed = priceChange(seenPriceFen, l.price.unitPriceFen);
    return {
      id, skuUnitId: s.skuUnitId, skuId: s.skuId, productId: s.productId, productName: s.productName, skuCode: s.skuCode,
      specText: s.specText, unitName: s.unitName, conversion: s.conversion, baseUnit: s.baseUnit, imageUrl: imageUrl(s.imageId),
      qty: l.qty, minQty: s.minQty, multiple: s.multiple, listPriceFen: l.price.listPriceFen, unitPriceFen: l.price.unitPriceFen,
      priceSource: l.price.source, seenPriceFen, amountFen: l.amountFen, taxRateBp: taxRateOf(cart.ctx, s.taxRateBp),
      problems: changed ? [...l.problems, changed] : l.problems,
    };
  });
  const totals = totalsOf(cart.ctx, cart.lines.map((l) => totalsLine(cart.ctx, l.id, l.priced)), regionId);
  return { lines, totals, blocking: lines.some((l) => l.problems.some((p) => p.blocking)) };
}
