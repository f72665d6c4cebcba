import type { StaffMe } from '../../shared/api/types';
import { useMe } from '../../shared/hooks/use-me';

/** The logged-in staff; only used below RequireStaff, so it is always there. */
export function useStaff(): StaffMe & { can: (permission: string | undefined) => boolean } {
  const me = useMe<StaffMe>('staff').data as StaffMe;
  const perms = new Set(me.permissions);
  return { ...me, can: (p) => !p || perms.has(p) || perms.has('*') };
}
