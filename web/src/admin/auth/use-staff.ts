import { useContext } from 'react';
import type { StaffMe } from '../../shared/api/types';
import { StaffContext } from './staff-context';

/** The logged-in staff and a permission check; only used below RequireStaff. */
export function useStaff(): StaffMe & { can: (permission: string | undefined) => boolean } {
  const me = useContext(StaffContext);
  if (!me) throw new Error('useStaff outside RequireStaff');
  const perms = new Set(me.permissions);
  return { ...me, can: (p) => !p || perms.has(p) || perms.has('*') };
}
