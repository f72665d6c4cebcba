import { Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import type { StaffMe } from '../../shared/api/types';
import { useMe } from '../../shared/hooks/use-me';
import { StaffContext } from './staff-context';

/** Everything behind it needs a staff session; otherwise on to /login?next=… */
export function RequireStaff() {
  const me = useMe<StaffMe>('staff');
  const location = useLocation();
  if (me.isLoading) return <Spin fullscreen />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <StaffContext.Provider value={me.data}><Outlet /></StaffContext.Provider>;
}
