import { and, eq, inArray, type Column, type SQL } from 'drizzle-orm';
import type { Operator } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { warehouses } from './inventory.tables.js';

/**
 * 仓库范围: a staff user with `warehouseIds` may only work on the stock of those warehouses; an empty list
 * (and every API key or system actor) means all of them. Fulfilment and inventory both check through here.
 */
export function allowedWarehouseIds(actor: Operator): string[] | null {
  return actor.kind === 'staff' && actor.warehouseIds.length > 0 ? [...actor.warehouseIds] : null;
}

export function isWarehouseAllowed(actor: Operator, warehouseId: string): boolean {
  const allowed = allowedWarehouseIds(actor);
  return allowed === null || allowed.includes(warehouseId);
}

/** Throws `warehouse_forbidden` (403) unless the actor may work on this warehouse. */
export function assertWarehouseAllowed(actor: Operator, warehouseId: string): void {
  if (!isWarehouseAllowed(actor, warehouseId)) {
    throw new AppError('warehouse_forbidden', { message: 'warehouse outside your 仓库范围', details: { warehouseId } });
  }
}

/** Throws `warehouse_forbidden` unless the actor may work on at least one of the warehouses (a transfer's two ends). */
export function assertAnyWarehouseAllowed(actor: Operator, warehouseIds: readonly string[]): void {
  if (!warehouseIds.some((id) => isWarehouseAllowed(actor, id))) {
    throw new AppError('warehouse_forbidden', { message: 'warehouses outside your 仓库范围', details: { warehouseIds } });
  }
}

/** A filter on a warehouse column keeping the actor's warehouses, or undefined when they may see all. */
export function inScope(actor: Operator, column: Column): SQL | undefined {
  const allowed = allowedWarehouseIds(actor);
  return allowed ? inArray(column, allowed) : undefined;
}

/** The ids that name no warehouse of the tenant (for the staff editor's 仓库范围). */
export async function unknownWarehouseIds(tx: Tx, tenantId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await tx.select({ id: warehouses.id }).from(warehouses).where(and(eq(warehouses.tenantId, tenantId), inArray(warehouses.id, [...new Set(ids)])));
  return ids.filter((id) => !found.some((w) => w.id === id));
}
