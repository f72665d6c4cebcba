import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Page } from '../api/types';

/** A short reference list (levels, roles, permissions) read whole, for pickers. */
export function useList<T>(path: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [path, 'all'],
    queryFn: async (): Promise<T[]> => {
      const res = await api.get<Page<T> | T[]>(path);
      return Array.isArray(res) ? res : res.items;
    },
    enabled: options.enabled ?? true,
    staleTime: 5 * 60_000,
  });
}
