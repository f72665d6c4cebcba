import { useContext } from 'react';
import type { MemberMe } from '../../shared/api/types';
import { MemberContext } from './member-context';

/** The logged-in member; only used below RequireMember. Viewers may look but not change. */
export function useMember(): MemberMe & { canEdit: boolean } {
  const me = useContext(MemberContext);
  if (!me) throw new Error('useMember outside RequireMember');
  return { ...me, canEdit: me.memberRole !== 'viewer' || me.isAdmin };
}
