import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { isApiError } from '../api/api-error';
import { rememberCsrfToken } from '../api/csrf';
import { ME_KEY } from '../api/query-client';
import type { Me, MeResponse } from '../api/types';

/** The logged-in user, or null when nobody is logged in. */
export function useMe<M extends Me>(kind: M['kind']) {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<M | null> => {
      try {
        const res = await api.get<MeResponse>('/auth/me');
        rememberCsrfToken(res.csrfToken);
        return res.me.kind === kind ? (res.me as M) : null;
      } catch (err) {
        if (isApiError(err) && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}
