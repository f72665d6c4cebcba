import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ORDERS, type OrderCounts } from '../../api/orders';

interface Seen {
  latestId: string | null;
  latestAt: string | null;
  all: number;
}

const snapshot = (c: OrderCounts): Seen => ({ latestId: c.latestId, latestAt: c.latestAt, all: c.all });
const signature = (c: OrderCounts) => [c.latestId, c.todo, c.open, c.completed, c.closed, c.all].join('|');

/**
 * Watches the polled counts: when they change the queue is re-read (new orders appear, approved ones leave),
 * and orders newer than the ones the user has acknowledged are counted for the "N 个新订单" notice.
 */
export function useNewOrders(counts: OrderCounts | undefined) {
  const qc = useQueryClient();
  const [seen, setSeen] = useState<Seen | null>(null);
  const last = useRef<string | null>(null);
  useEffect(() => {
    if (!counts) return;
    if (!seen) setSeen(snapshot(counts));
    const sig = signature(counts);
    if (last.current !== null && last.current !== sig) void qc.invalidateQueries({ queryKey: [ORDERS, 'list'] });
    last.current = sig;
  }, [counts, seen, qc]);
  const changed = Boolean(counts && seen && counts.latestId && counts.latestId !== seen.latestId);
  return {
    count: changed && counts && seen ? Math.max(1, counts.all - seen.all) : 0,
    /** orders submitted after this are new to the user */
    since: changed ? (seen?.latestAt ?? null) : null,
    acknowledge: () => counts && setSeen(snapshot(counts)),
  };
}
