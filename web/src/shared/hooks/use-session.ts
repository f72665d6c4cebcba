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
    async logout() {
      try {
        await authApi.logout();
      } finally {
        qc.clear();
        qc.setQueryData(ME_KEY, null);
      }
    },
  };
}
