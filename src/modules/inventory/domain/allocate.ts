/**
 * Which warehouse(s) an order's stock comes from. Pure; property-tested.
 *
 * Warehouses are ranked: those serving the delivery region first, then by priority (lower first), then by the most
 * stock available for this order. If one warehouse can fill every line, the best-ranked such warehouse ships it all
 * (one parcel). Otherwise each SKU is filled from the ranked warehouses in turn, splitting it where needed. What no
 * warehouse has is the shortfall.
 */
export interface WarehouseInfo { id: string; priority: number; servesRegion: boolean }
/** Base units available (on hand − reserved − safety stock) per warehouse and SKU. */
export type Availability = Map<string, Map<string, number>>; // warehouseId → skuId → available
export interface Need { skuId: string; qty: number }
export interface Allocation { warehouseId: string; skuId: string; qty: number }
export interface AllocationResult { allocations: Allocation[]; shortfall: Need[] }

const availableIn = (a: Availability, warehouseId: string, skuId: string) => Math.max(0, a.get(warehouseId)?.get(skuId) ?? 0);

export function rankWarehouses(warehouses: readonly WarehouseInfo[], needs: readonly Need[], a: Availability): WarehouseInfo[] {
  const covered = (w: WarehouseInfo) => needs.reduce((sum, n) => sum + Math.min(n.qty, availableIn(a, w.id, n.skuId)), 0);
  return [...warehouses].sort((x, y) =>
    Number(y.servesRegion) - Number(x.servesRegion) || x.priority - y.priority || covered(y) - covered(x) || x.id.localeCompare(y.id));
}

export function allocate(warehouses: readonly WarehouseInfo[], rawNeeds: readonly Need[], a: Availability): AllocationResult {
  const needs = mergeNeeds(rawNeeds);
  if (!needs.length) return { allocations: [], shortfall: [] };
  const ranked = rankWarehouses(warehouses, needs, a);
  const whole = ranked.find((w) => needs.every((n) => availableIn(a, w.id, n.skuId) >= n.qty));
  if (whole) return { allocations: needs.map((n) => ({ warehouseId: whole.id, skuId: n.skuId, qty: n.qty })), shortfall: [] };

  const allocations: Allocation[] = [];
  const shortfall: Need[] = [];
  for (const n of needs) {
    let left = n.qty;
    for (const w of ranked) {
      if (left === 0) break;
      const take = Math.min(left, availableIn(a, w.id, n.skuId));
      if (take > 0) { allocations.push({ warehouseId: w.id, skuId: n.skuId, qty: take }); left -= take; }
    }
    if (left > 0) shortfall.push({ skuId: n.skuId, qty: left });
  }
  return { allocations, shortfall };
}

/** One need per SKU (an order may hold the same SKU in bottles and in cartons). */
export function mergeNeeds(needs: readonly Need[]): Need[] {
  const by = new Map<string, number>();
  for (const n of needs) if (n.qty > 0) by.set(n.skuId, (by.get(n.skuId) ?? 0) + n.qty);
  return [...by].sort(([x], [y]) => x.localeCompare(y)).map(([skuId, qty]) => ({ skuId, qty }));
}
