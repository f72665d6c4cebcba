import { useSearchParams } from 'react-router-dom';
import type { ShipmentStatus } from '../../api/fulfilment';
import { useStaff } from '../../auth/use-staff';
import { useMyWarehouses } from '../inventory/use-my-warehouses';

export const FULFILMENT_TABS = ['queue', 'picking', 'packed', 'shipped', 'delivered'] as const;
export type FulfilmentTab = (typeof FULFILMENT_TABS)[number];
/** `?warehouseId=all`: every warehouse of the user's scope, chosen on purpose (not the default). */
const ALL = 'all';

export interface FulfilmentFilters {
  tab: FulfilmentTab;
  /** the tab's shipment status; undefined on 待发货 */
  status: ShipmentStatus | undefined;
  /** undefined = all warehouses */
  warehouseId: string | undefined;
  /** 分仓发货 from an order page: only that order */
  orderId: string | undefined;
  orderNo: string | undefined;
  ready: boolean;
  setTab: (tab: string) => void;
  setWarehouse: (id: string | undefined) => void;
  clearOrder: () => void;
}

/**
 * The fulfilment page's tab, warehouse and order, kept in the URL so a reload or a shared link keeps them. A user whose
 * 仓库范围 is limited starts on their first warehouse; everyone else (and a link for one order) on 全部.
 */
export function useFulfilmentFilters(): FulfilmentFilters {
  const me = useStaff();
  const mine = useMyWarehouses();
  const [params, setParams] = useSearchParams();
  const rawTab = params.get('tab');
  const tab = (FULFILMENT_TABS as readonly string[]).includes(rawTab ?? '') ? (rawTab as FulfilmentTab) : 'queue';
  const orderId = params.get('orderId') ?? undefined;
  const raw = params.get('warehouseId');
  const limited = (me.warehouseIds ?? []).length > 0;
  const fallback = limited && !orderId ? mine.warehouses[0]?.id : undefined;
  const warehouseId = raw === ALL ? undefined : raw ?? fallback;
  const update = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  return {
    tab,
    status: tab === 'queue' ? undefined : tab,
    warehouseId,
    orderId,
    orderNo: params.get('orderNo') ?? undefined,
    ready: !limited || !mine.isLoading,
    setTab: (key) => update({ tab: key === 'queue' ? undefined : key }),
    setWarehouse: (id) => update({ warehouseId: id ?? ALL }),
    clearOrder: () => update({ orderId: undefined, orderNo: undefined }),
  };
}
