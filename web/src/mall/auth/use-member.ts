import type { MemberMe } from '../../shared/api/types';
import { useMe } from '../../shared/hooks/use-me';

/** The logged-in member; only used below RequireMember. Viewers may look but not change. */
export function useMember(): MemberMe & { canEdit: boolean } {
  const me = useMe<MemberMe>('member').data as MemberMe;
  return { ...me, canEdit: me.memberRole !== 'viewer' || me.isAdmin };
}
