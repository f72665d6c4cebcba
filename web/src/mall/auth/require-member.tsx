import { Navigate, Outlet, useLocation, useOutletContext } from 'react-router-dom';
import type { MemberMe } from '../../shared/api/types';
import { useMe } from '../../shared/hooks/use-me';
import { PageLoading } from '../components/page-loading';
import { MemberContext } from './member-context';

/** The mall needs a member session; anyone else goes to /login?next=… */
export function RequireMember() {
  const me = useMe<MemberMe>('member');
  const location = useLocation();
  const outer = useOutletContext(); // handed on, so pages below the tab layout still reach it
  if (me.isLoading) return <PageLoading />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <MemberContext.Provider value={me.data}><Outlet context={outer} /></MemberContext.Provider>;
}
