import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api/api-error';
import { ORDER_COUNTS, ORDERS, type OrderDetail } from '../../api/orders';
import { useFeedback } from '../../hooks/use-feedback';

interface Options {
  /** a 409: someone else changed the order since it was read */
  onConflict: () => void;
  /** success text; `false` for silence */
  success?: string | false;
  onSuccess?: (order: OrderDetail) => void;
  /** errors the caller shows itself (e.g. line errors of an edit); return true when handled */
  onError?: (err: unknown) => boolean;
}

/**
 * A write to one order that answers the new OrderDetail: the answer replaces the cached order, the queue and
 * its counts are re-read; a stale `version` (409) is reported to the page instead of a passing toast.
 */
export function useOrderMutation<V>(fn: (vars: V) => Promise<OrderDetail>, opts: Options) {
  const qc = useQueryClient();
  const feedback = useFeedback();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (order) => {
      qc.setQueryData([ORDERS, order.id], order);
      await Promise.all([
        qc.invalidateQueries({ queryKey: [ORDERS, 'list'] }),
        qc.invalidateQueries({ queryKey: [ORDER_COUNTS] }),
      ]);
      if (opts.success !== false) feedback.success(opts.success);
      opts.onSuccess?.(order);
    },
    onError: (err) => {
      if (isApiError(err) && err.status === 409) {
        opts.onConflict();
        return;
      }
      if (opts.onError?.(err)) return;
      feedback.error(err);
    },
  });
}
