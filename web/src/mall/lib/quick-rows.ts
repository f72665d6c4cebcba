import type { QuickRow } from '../api/cart';

/** One pasted line turned into a row for POST /mall/cart/quick, with the line number it came from. */
export interface ParsedRow extends QuickRow {
  line: number;
  text: string;
}

const HEADER = /编码|条码|code|sku/i;
const NUMBER = /^\d+(\.\d+)?$/;

/**
 * Rows as Excel copies them (tab-separated) or as typed: "CODE QTY [UNIT]", spaces, tabs, commas or
 * semicolons between. The first word is the code (SKU code or barcode); of the others the first number
 * is the quantity and the first word the unit, so "CODE UNIT QTY" works too. A scanned code alone means 1.
 * A heading line (SKU编码 单位 数量) is skipped.
 */
export function parseQuickRows(text: string): ParsedRow[] {
  const rows: ParsedRow[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [code, ...rest] = line.split(/[\t,，;；\s]+/).filter(Boolean);
    if (!code) return;
    const qtyText = rest.find((w) => NUMBER.test(w));
    const unit = rest.find((w) => !NUMBER.test(w));
    if (rows.length === 0 && !qtyText && HEADER.test(line)) return;
    rows.push({ code, qty: qtyText === undefined ? 1 : Number(qtyText), ...(unit ? { unit } : {}), line: i + 1, text: raw });
  });
  return rows;
}

/** Splits rows into requests the server accepts (at most `size` rows each). */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
