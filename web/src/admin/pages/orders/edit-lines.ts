import { fenToYuan, yuanToFen } from '../../api/catalog';
import type { OrderDetail, OrderEditIn, OrderLine, SkuPick, SkuPickUnit } from '../../api/orders';

/** One line of the order editor: money as the yuan text typed, parsed to fen exactly on use. */
export interface EditLine {
  key: string;
  id?: string;
  skuUnitId: string;
  productName: string;
  skuCode: string;
  specText: string | null;
  unitName: string;
  /** a new line may still change its unit */
  units?: SkuPickUnit[];
  qty: number | null;
  price: string;
  /** the price the line had (or the customer's price for a new line); unchanged prices are not sent */
  originalPriceFen: number;
  overridden: boolean;
}

let counter = 0;
const nextKey = () => `new-${++counter}`;

export const fromOrderLine = (l: OrderLine): EditLine => ({
  key: l.id,
  id: l.id,
  skuUnitId: l.skuUnitId,
  productName: l.productName,
  skuCode: l.skuCode,
  specText: l.specText,
  unitName: l.unitName,
  qty: l.qty,
  price: fenToYuan(l.unitPriceFen),
  originalPriceFen: l.unitPriceFen,
  overridden: l.priceOverridden,
});

export function fromPick(pick: SkuPick, unit: SkuPickUnit, qty: number): EditLine {
  return {
    key: nextKey(),
    skuUnitId: unit.skuUnitId,
    productName: pick.productName,
    skuCode: pick.skuCode,
    specText: pick.specText,
    unitName: unit.name,
    units: pick.units,
    qty,
    price: fenToYuan(unit.unitPriceFen),
    originalPriceFen: unit.unitPriceFen,
    overridden: false,
  };
}

/** A new line switched to another unit of its SKU takes that unit's price. */
export function withUnit(line: EditLine, unit: SkuPickUnit): EditLine {
  return { ...line, skuUnitId: unit.skuUnitId, unitName: unit.name, price: fenToYuan(unit.unitPriceFen), originalPriceFen: unit.unitPriceFen };
}

export const priceFen = (l: EditLine) => yuanToFen(l.price);
export const isValidQty = (qty: number | null): qty is number => qty !== null && Number.isInteger(qty) && qty > 0;
export const lineAmountFen = (l: EditLine): number | null => {
  const p = priceFen(l);
  return p === null || !isValidQty(l.qty) ? null : p * l.qty;
};
export const lineValid = (l: EditLine) => lineAmountFen(l) !== null;

export interface EditSummary {
  goodsFen: number;
  /** the old total with the goods replaced: shipping and discounts are recalculated on save */
  totalFen: number;
  differenceFen: number;
}

export function summarize(order: OrderDetail, lines: EditLine[]): EditSummary {
  const goodsFen = lines.reduce((sum, l) => sum + (lineAmountFen(l) ?? 0), 0);
  const totalFen = order.totals.totalFen - order.totals.goodsFen + goodsFen;
  return { goodsFen, totalFen, differenceFen: totalFen - order.totals.totalFen };
}

/** The lines of PUT /admin/orders/:id: a price only when staff changed it or it was already set by staff. */
export function toEditBody(lines: EditLine[]): OrderEditIn['lines'] {
  return lines.map((l) => {
    const fen = priceFen(l) ?? l.originalPriceFen;
    const sendPrice = fen !== l.originalPriceFen || l.overridden;
    return { ...(l.id ? { id: l.id } : {}), skuUnitId: l.skuUnitId, qty: l.qty ?? 0, ...(sendPrice ? { unitPriceFen: fen } : {}) };
  });
}
