import type { TFunction } from 'i18next';

/** What a cart line problem needs to be put into words (a cart line, or what `422 cart_invalid` tells of one). */
export interface ProblemLine {
  minQty?: number;
  multiple?: number;
  unitName?: string;
  baseUnit?: string;
}

/**
 * The quantity a stock problem's message carries, in base units. The server writes its messages in English
 * only ("only 3 瓶 available", "9 瓶 will follow when stock arrives"); the sentence shown is ours, by code.
 */
export function stockCount(message: string): number | undefined {
  const m = /(\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

/** A cart line problem in the UI language: our sentence for the code, else the server's message. */
export function problemText(t: TFunction, p: { code?: string; message: string }, line: ProblemLine = {}): string {
  if (!p.code) return p.message;
  if (p.code === 'out_of_stock' || p.code === 'backorder') {
    const count = stockCount(p.message);
    if (count === undefined) return t(`cart.problem.${p.code}`);
    if (count === 0 && p.code === 'out_of_stock') return t('cart.problem.out_of_stockNone');
    return t(`cart.problem.${p.code}Count`, { count, unit: line.baseUnit ?? '' });
  }
  return t(`cart.problem.${p.code}`, { defaultValue: p.message, min: line.minQty, multiple: line.multiple, unit: line.unitName ?? '' });
}
