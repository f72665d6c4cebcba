import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { products, skus, skuUnits } from '../catalog/catalog.tables.js';
import { customers } from '../customers/customers.tables.js';
import { loadPricing } from '../pricing/pricing.repository.js';
import { resolvePrice, type PriceCustomer, type ResolvedPrice, type SkuUnitPricing } from '../pricing/domain/resolve-price.js';
import { AppError } from '../../platform/errors/app-error.js';
import { lineProblems, visibleFor, type LineFacts, type LineProblem } from './domain/line-checks.js';

/** The buying customer as pricing and visibility see them. */
export interface Buyer extends PriceCustomer { type: string; trusted: boolean; orderApproval: boolean; name: string; code: string; regionId: string | null; salespersonId: string | null }

/** Everything needed to show, check and price one sell unit for one customer. */
export interface Sellable extends LineFacts {
  skuUnitId: string; skuId: string; productId: string;
  productName: string; skuCode: string; barcode: string | null; unitBarcode: string | null; specText: string;
  unitName: string; conversion: number; baseUnit: string; weightGrams: number; taxRateBp: number | null;
  imageId: string | null; pricing: SkuUnitPricing; stockPolicy: 'block' | 'backorder' | 'preorder';
}

export async function loadBuyer(tx: Tx, tenantId: string, customerId: string): Promise<Buyer> {
  const [c] = await tx.select({
    id: customers.id, levelId: customers.levelId, type: customers.type, trusted: customers.trusted, orderApproval: customers.orderApproval,
    name: customers.name, code: customers.code, regionId: customers.regionId, salespersonId: customers.salespersonId,
  }).from(customers).where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
  if (!c) throw new AppError('not_found', { message: 'customer not found' });
  return c;
}

const columns = {
  skuUnitId: skuUnits.id, unitName: skuUnits.name, conversion: skuUnits.conversion, minQty: skuUnits.minQty, multiple: skuUnits.multiple,
  unitEnabled: skuUnits.enabled, unitBarcode: skuUnits.barcode,
  skuId: skus.id, skuCode: skus.code, barcode: skus.barcode, specValues: skus.specValues, baseUnit: skus.baseUnit, skuEnabled: skus.enabled,
  skuWeight: skus.weightGrams,
  productId: products.id, productName: products.name, onShelf: products.onShelf, visibleTypes: products.visibleTypes,
  visibleLevelIds: products.visibleLevelIds, taxRateBp: products.taxRateBp, stockPolicy: products.stockPolicy,
  imageId: sql<string | null>`(select pi.id from product_images pi where pi.tenant_id = ${skus.tenantId} and pi.product_id = ${products.id} order by pi.sort, pi.id limit 1)`,
};

/** Sell units by id, with the buyer's pricing snapshot; ids that do not exist are simply absent. */
export async function loadSellables(tx: Tx, tenantId: string, skuUnitIds: string[], buyer: Buyer): Promise<Map<string, Sellable>> {
  const ids = [...new Set(skuUnitIds)];
  const out = new Map<string, Sellable>();
  if (!ids.length) return out;
  const rows = await tx.select(columns).from(skuUnits)
    .innerJoin(skus, and(eq(skus.tenantId, skuUnits.tenantId), eq(skus.id, skuUnits.skuId)))
    .innerJoin(products, and(eq(products.tenantId, skus.tenantId), eq(products.id, skus.productId)))
    .where(and(eq(skuUnits.tenantId, tenantId), inArray(skuUnits.id, ids)));
  const pricing = await loadPricing(tx, tenantId, rows.map((r) => r.skuUnitId), buyer.id);
  for (const r of rows) {
    out.set(r.skuUnitId, {
      skuUnitId: r.skuUnitId, skuId: r.skuId, productId: r.productId, productName: r.productName, skuCode: r.skuCode,
      barcode: r.barcode, unitBarcode: r.unitBarcode, specText: r.specValues.join(' / '), unitName: r.unitName, conversion: r.conversion,
      baseUnit: r.baseUnit, weightGrams: r.skuWeight * r.conversion, taxRateBp: r.taxRateBp, imageId: r.imageId,
      onShelf: r.onShelf, visible: visibleFor(r, buyer), skuEnabled: r.skuEnabled, unitEnabled: r.unitEnabled,
      minQty: r.minQty, multiple: r.multiple, pricing: pricing.get(r.skuUnitId)!, stockPolicy: r.stockPolicy,
    });
  }
  return out;
}

/** Sell units matching typed codes: SKU code (as typed or upper-cased), SKU barcode or unit barcode; index lookups only. */
export async function findUnitsByCode(tx: Tx, tenantId: string, codes: string[]) {
  const wanted = [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
  if (!wanted.length) return [];
  const upper = wanted.map((c) => c.toUpperCase());
  return tx.select({ skuUnitId: skuUnits.id, unitName: skuUnits.name, conversion: skuUnits.conversion, unitBarcode: skuUnits.barcode, skuCode: skus.code, barcode: skus.barcode })
    .from(skuUnits).innerJoin(skus, and(eq(skus.tenantId, skuUnits.tenantId), eq(skus.id, skuUnits.skuId)))
    .where(and(eq(skuUnits.tenantId, tenantId), or(inArray(skus.code, [...new Set([...wanted, ...upper])]), inArray(skus.barcode, wanted), inArray(skuUnits.barcode, wanted))));
}

export interface PricedLine { sellable: Sellable; qty: number; price: ResolvedPrice; amountFen: number; problems: LineProblem[] }

/** Checks and prices one line now; `overrideFen` is a staff-set unit price. */
export function priceLine(s: Sellable, qty: number, buyer: Buyer, at: Date, overrideFen?: number | null): PricedLine {
  const price = resolvePrice(s.pricing, qty, buyer, at);
  const unitPriceFen = overrideFen ?? price.unitPriceFen;
  return { sellable: s, qty, price: { ...price, unitPriceFen }, amountFen: unitPriceFen * qty, problems: lineProblems(s, qty) };
}

export const imageUrl = (imageId: string | null) => (imageId ? `/api/v1/images/${imageId}/thumb` : null);
