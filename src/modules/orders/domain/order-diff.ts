import type { LineChange } from '../order-view.js';

interface Before { id: string; skuCode: string; productName: string; unitName: string; qty: number; unitPriceFen: number }
interface After { id?: string; skuCode: string; productName: string; unitName: string; qty: number; unitPriceFen: number }

/** What an edit changed, line by line: removed lines, added lines, and quantity or price changes of kept lines. Pure. */
export function lineChanges(before: readonly Before[], after: readonly After[]): LineChange[] {
  const kept = new Map(after.filter((a) => a.id).map((a) => [a.id!, a]));
  const out: LineChange[] = [];
  const what = (l: Before | After) => ({ skuCode: l.skuCode, productName: l.productName, unitName: l.unitName });
  for (const b of before) {
    const a = kept.get(b.id);
    if (!a) { out.push({ ...what(b), kind: 'removed', before: b.qty, after: null }); continue; }
    if (a.qty !== b.qty) out.push({ ...what(b), kind: 'qty', before: b.qty, after: a.qty });
    if (a.unitPriceFen !== b.unitPriceFen) out.push({ ...what(b), kind: 'price', before: b.unitPriceFen, after: a.unitPriceFen });
  }
  for (const a of after.filter((x) => !x.id)) out.push({ ...what(a), kind: 'added', before: null, after: a.qty });
  return out;
}
