import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Region } from '../api/types';

export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: async () => (await api.get<{ items: Region[] }>('/regions')).items,
    staleTime: 60 * 60_000,
  });
}
