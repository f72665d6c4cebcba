import { fenToYuan, yuanToFen } from '../../api/catalog';
import type { PlaceOrderIn, SkuPick, SkuPickUnit } from '../../api/orders';

/** One row of the 代客下单 grid: the code typed, the SKU found, unit, quantity and the price (yuan text). */
export interface GridRow {
  key: string;
  code: string;
  pick?: SkuPick;
  unitId?: string;
  qty: number | null;
  price: string;
}

export const GRID_BATCH = 10;
let counter = 0;
const emptyRow = (): GridRow => ({ key: `row-${++counter}`, code: '', qty: null, price: '' });
export const emptyRows = (n = GRID_BATCH): GridRow[] => Array.from({ length: n }, emptyRow);
export const clearRow = (row: GridRow): GridRow => ({ ...emptyRow(), key: row.key });

export const unitOf = (row: GridRow): SkuPickUnit | undefined => row.pick?.units.find((u) => u.skuUnitId === row.unitId);

/** A SKU found for the row: its first (base) unit at the customer's price, quantity at least the minimum. */
export function withPick(row: GridRow, pick: SkuPick): GridRow {
  const unit = pick.units[0];
  return { ...row, code: pick.skuCode, pick, unitId: unit?.skuUnitId, qty: row.qty ?? (unit ? Math.max(1, unit.minQty) : 1), price: unit ? fenToYuan(unit.unitPriceFen) : '' };
}

export function withUnit(row: GridRow, unitId: string): GridRow {
  const unit = row.pick?.units.find((u) => u.skuUnitId === unitId);
  return { ...row, unitId, price: unit ? fenToYuan(unit.unitPriceFen) : row.price };
}

export const isBlank = (row: GridRow) => !row.code.trim() && !row.pick;
export const isComplete = (row: GridRow) => Boolean(unitOf(row) && row.qty && row.qty > 0 && Number.isInteger(row.qty) && yuanToFen(row.price) !== null);

export function rowAmountFen(row: GridRow): number | null {
  const fen = yuanToFen(row.price);
  return isComplete(row) && fen !== null ? fen * (row.qty as number) : null;
}

export interface GridSummary {
  lineCount: number;
  quantity: number;
  goodsFen: number;
}

export function summarizeGrid(rows: GridRow[]): GridSummary {
  const done = rows.filter(isComplete);
  return {
    lineCount: done.length,
    quantity: done.reduce((s, r) => s + (r.qty ?? 0), 0),
    goodsFen: done.reduce((s, r) => s + (rowAmountFen(r) ?? 0), 0),
  };
}

/** The filled rows as order lines; `rowOf[i]` is the grid row (1-based) of line i, for the server's line errors. */
export function toOrderLines(rows: GridRow[]): { lines: PlaceOrderIn['lines']; rowOf: number[] } {
  const lines: PlaceOrderIn['lines'] = [];
  const rowOf: number[] = [];
  rows.forEach((row, index) => {
    const unit = unitOf(row);
    const fen = yuanToFen(row.price);
    if (!unit || !isComplete(row) || fen === null) return;
    lines.push({ skuUnitId: unit.skuUnitId, qty: row.qty as number, ...(fen !== unit.unitPriceFen ? { unitPriceFen: fen } : {}) });
    rowOf.push(index + 1);
  });
  return { lines, rowOf };
}

/** Rows the user started but that cannot be ordered yet (code not found, no quantity, bad price), 1-based. */
export const unfinishedRows = (rows: GridRow[]): number[] =>
  rows.flatMap((row, index) => (!isBlank(row) && !isComplete(row) ? [index + 1] : []));
