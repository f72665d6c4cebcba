import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { ORDER_COUNTS, type OrderCounts } from '../api/orders';
import { useStaff } from '../auth/use-staff';

/** The queue's tab counts and the newest order, polled so new orders show up without reloading. */
export function useOrderCounts(intervalMs = 5_000) {
  const me = useStaff();
  return useQuery({
    queryKey: [ORDER_COUNTS],
    queryFn: () => api.get<OrderCounts>(ORDER_COUNTS),
    enabled: me.can('orders.read'),
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}
