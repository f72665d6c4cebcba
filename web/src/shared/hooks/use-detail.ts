import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

/** One object at `${path}/${id}`, cached under [path, id] so invalidating [path] refreshes lists and details. */
export function useDetail<T>(path: string, id: string | undefined) {
  return useQuery({
    queryKey: [path, id],
    queryFn: () => api.get<T>(`${path}/${id}`),
    enabled: Boolean(id),
  });
}
