import type { MemberMe } from '../../shared/api/types';
import { useMe } from '../../shared/hooks/use-me';

/** The catalogue is open to guests: the member if logged in, else null (undefined while loading). */
export function useOptionalMember(): MemberMe | null | undefined {
  const me = useMe<MemberMe>('member');
  return me.isLoading ? undefined : (me.data ?? null);
}
