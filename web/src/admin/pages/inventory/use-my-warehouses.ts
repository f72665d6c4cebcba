import { useWarehouses, type Warehouse } from '../../api/inventory';
import { useStaff } from '../../auth/use-staff';

/**
 * The warehouses of the signed-in user's 仓库范围 (all of them when it is empty), and the one to preselect in
 * filters when the scope is exactly one warehouse.
 */
export function useMyWarehouses(): { warehouses: Warehouse[]; isLoading: boolean; defaultId: string | undefined } {
  const me = useStaff();
  const all = useWarehouses();
  const scope = me.warehouseIds ?? [];
  const warehouses = (all.data ?? []).filter((w) => !scope.length || scope.includes(w.id));
  return { warehouses, isLoading: all.isLoading, defaultId: scope.length === 1 ? scope[0] : undefined };
}
