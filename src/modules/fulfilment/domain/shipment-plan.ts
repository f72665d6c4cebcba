/**
 * What of an order is still to ship, and whether a proposed shipment fits: pure arithmetic over base units per SKU,
 * no I/O. The service loads the order's lines, its reservations and its shipments and writes what these return.
 */
import type { FulfilmentStatus } from '../../orders/domain/order-state.js';

export interface ShipmentQty { status: 'picking' | 'packed' | 'shipped' | 'delivered' | 'cancelled'; warehouseId: string | null; lines: { skuId: string; qty: number }[] }
export type QtyBySku = Map<string, number>;

const add = (m: QtyBySku, sku: string, q: number) => m.set(sku, (m.get(sku) ?? 0) + q);
const OPEN = new Set(['picking', 'packed']);
const GONE = new Set(['shipped', 'delivered']);

export function sumBySku(lines: { skuId: string; qty: number }[]): QtyBySku {
  const m: QtyBySku = new Map();
  for (const l of lines) add(m, l.skuId, l.qty);
  return m;
}

/** Base units per SKU in shipments of the given kind (open = picking/packed; gone = shipped/delivered), optionally of one warehouse. */
export function inShipments(list: ShipmentQty[], kind: 'open' | 'gone' | 'live', warehouseId?: string | null): QtyBySku {
  const m: QtyBySku = new Map();
  for (const s of list) {
    const counted = kind === 'open' ? OPEN.has(s.status) : kind === 'gone' ? GONE.has(s.status) : s.status !== 'cancelled';
    if (!counted || (warehouseId !== undefined && s.warehouseId !== warehouseId)) continue;
    for (const l of s.lines) add(m, l.skuId, l.qty);
  }
  return m;
}

/** Ordered minus every shipment not cancelled: what no shipment covers yet. */
export function uncovered(ordered: QtyBySku, list: ShipmentQty[]): QtyBySku {
  const live = inShipments(list, 'live');
  const m: QtyBySku = new Map();
  for (const [sku, q] of ordered) if (q - (live.get(sku) ?? 0) > 0) m.set(sku, q - (live.get(sku) ?? 0));
  return m;
}

/** What a new shipment from one warehouse would take by default: its reservation there not yet in an open shipment, capped by what is uncovered. */
export function defaultLines(reservedHere: QtyBySku, openHere: QtyBySku, left: QtyBySku): { skuId: string; qty: number }[] {
  const out: { skuId: string; qty: number }[] = [];
  for (const [sku, r] of reservedHere) {
    const q = Math.min(r - (openHere.get(sku) ?? 0), left.get(sku) ?? 0);
    if (q > 0) out.push({ skuId: sku, qty: q });
  }
  return out.sort((a, b) => a.skuId.localeCompare(b.skuId));
}

export type LineProblem =
  | { index: number; skuId: string; code: 'not_in_order' }
  | { index: number; skuId: string; code: 'exceeds_ordered'; left: number }
  | { index: number; skuId: string; code: 'insufficient_stock'; reservedFree: number; free: number };

/**
 * Checks a proposed shipment from one warehouse. Each SKU may take at most what no other shipment covers
 * (`left`), and at most what the order holds there and not yet in an open shipment plus free stock there
 * (`reservedFree` + `free`) — the free part is reserved when the shipment is created. Returns also how much of each
 * line must be newly reserved.
 */
export function checkShipment(want: { skuId: string; qty: number }[], p: { left: QtyBySku; reservedHere: QtyBySku; openHere: QtyBySku; freeHere: QtyBySku; tracked: boolean }) {
  const problems: LineProblem[] = [];
  const toReserve: { skuId: string; qty: number }[] = [];
  const seen: QtyBySku = new Map();
  want.forEach((w, index) => {
    const before = seen.get(w.skuId) ?? 0;
    add(seen, w.skuId, w.qty);
    const left = p.left.get(w.skuId);
    if (left === undefined && !p.reservedHere.has(w.skuId)) { problems.push({ index, skuId: w.skuId, code: 'not_in_order' }); return; }
    if (before + w.qty > (left ?? 0)) { problems.push({ index, skuId: w.skuId, code: 'exceeds_ordered', left: Math.max(0, (left ?? 0) - before) }); return; }
    if (!p.tracked) return;
    const reservedFree = Math.max(0, (p.reservedHere.get(w.skuId) ?? 0) - (p.openHere.get(w.skuId) ?? 0) - before);
    const extra = w.qty - Math.min(w.qty, reservedFree);
    const free = p.freeHere.get(w.skuId) ?? 0;
    if (extra > free) { problems.push({ index, skuId: w.skuId, code: 'insufficient_stock', reservedFree, free }); return; }
    if (extra > 0) toReserve.push({ skuId: w.skuId, qty: extra });
  });
  return { problems, toReserve };
}

/** The order's fulfilment dimension (GLOSSARY.md) from its shipments. */
export function fulfilmentOf(ordered: QtyBySku, list: ShipmentQty[]): FulfilmentStatus {
  const total = [...ordered.values()].reduce((a, b) => a + b, 0);
  const sum = (m: QtyBySku) => [...m.values()].reduce((a, b) => a + b, 0);
  const gone = sum(inShipments(list, 'gone'));
  if (total > 0 && gone >= total) {
    return list.every((s) => s.status !== 'shipped') && list.some((s) => s.status === 'delivered') ? 'delivered' : 'shipped';
  }
  if (gone > 0) return 'partially_shipped';
  const packed = sum(inShipments(list.filter((s) => s.status === 'packed'), 'open'));
  if (total > 0 && packed >= total) return 'picked';
  return list.some((s) => OPEN.has(s.status)) ? 'partially_picked' : 'unfulfilled';
}
