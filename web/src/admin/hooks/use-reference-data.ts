import type { CustomerLevel, Permission, Role } from '../../shared/api/types';
import { useList } from '../../shared/hooks/use-list';

/** Lists the console's pickers share (cached for the session). */
export const useRoles = () => useList<Role>('/admin/roles');
export const useLevels = () => useList<CustomerLevel>('/admin/customer-levels');
export const usePermissionCatalogue = () => useList<Permission>('/admin/permissions');
