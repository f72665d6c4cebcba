import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Tenant } from '../api/types';

export function useTenant() {
  return useQuery({ queryKey: ['tenant'], queryFn: () => api.get<Tenant>('/tenant'), staleTime: 10 * 60_000 });
}
