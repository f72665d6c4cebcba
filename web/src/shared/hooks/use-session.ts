import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '../api/auth';
import { ME_KEY } from '../api/query-client';
import type { Me } from '../api/types';

/** After login every cached answer belongs to someone else; after logout nothing is kept. */
export function useSession() {
  const qc = useQueryClient();
  return {
    signedIn(me: Me) {
      qc.clear();
      qc.setQueryData(ME_KEY, me);
    },
    /** `toLogin` navigates; it runs in the same tick as forgetting `me`, so React renders both at once. */
    async logout(toLogin: () => void) {
      try {
        await authApi.logout();
      } catch {
        // the session may already be gone; logging out locally is still right
      } finally {
        toLogin();
        qc.setQueryData(ME_KEY, null);
        setTimeout(() => qc.removeQueries({ predicate: (q) => q.queryKey !== ME_KEY && q.queryKey[0] !== ME_KEY[0] }), 0);
      }
    },
  };
}
