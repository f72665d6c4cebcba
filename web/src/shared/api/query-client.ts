import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

export const ME_KEY = ['auth', 'me'] as const;

/** A 401 anywhere means the session is gone: forget `me`, so the route guard sends the user to login. */
export function createQueryClient(): QueryClient {
  const onError = (err: unknown): void => {
    if (isApiError(err) && err.status === 401) client.setQueryData(ME_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(isApiError(err) && err.status > 0 && err.status < 500) && count < 2,
      },
    },
  });
  return client;
}
