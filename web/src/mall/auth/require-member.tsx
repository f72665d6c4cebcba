import { Navigate, Outlet, useLocation } from 'react-router-dom';
import type { MemberMe } from '../../shared/api/types';
import { useMe } from '../../shared/hooks/use-me';
import { PageLoading } from '../components/page-loading';
import { MemberContext } from './member-context';

/** The mall needs a member session; anyone else goes to /login?next=… */
export function RequireMember() {
  const me = useMe<MemberMe>('member');
  const location = useLocation();
  if (me.isLoading) return <PageLoading />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <MemberContext.Provider value={me.data}><Outlet /></MemberContext.Provider>;
}
