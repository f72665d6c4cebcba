import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from '../api/client';
import type { Page } from '../api/types';

/** A `{ items, nextCursor }` list: pages are appended by `loadMore()`; the key includes the filters. */
export function useCursorList<T>(path: string, filters: Query = {}, options: { limit?: number; enabled?: boolean } = {}) {
  const query = useInfiniteQuery({
    queryKey: [path, 'list', filters],
    queryFn: async ({ pageParam }): Promise<Page<T>> => {
      const res = await api.get<Page<T> | T[]>(path, { ...filters, limit: options.limit ?? 50, cursor: pageParam });
      return Array.isArray(res) ? { items: res, nextCursor: null } : res;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
  return {
    items: query.data?.pages.flatMap((p) => p.items) ?? [],
    isLoading: query.isLoading,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    refetch: () => void query.refetch(),
  };
}
