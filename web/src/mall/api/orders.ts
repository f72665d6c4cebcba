import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { InvoiceProfile } from '../../shared/api/types';
import type { ReportAndCart, Totals } from './cart';

/** Order states of GLOSSARY.md plus pending_approval (待内部审批: the customer's own approver). */
export type OrderStatus =
  | 'pending_approval' | 'pending_review' | 'pending_finance' | 'pending_release' | 'pending_shipment'
  | 'pending_receipt' | 'completed' | 'rejected' | 'cancelled' | 'voided';

export type OrderAction = 'approve' | 'reject' | 'void' | 'ship' | 'receive' | 'edit' | 'cancel' | 'reorder';

export const ORDER_TABS = ['all', 'approval', 'review', 'shipping', 'receiving', 'completed', 'closed'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];

export interface OrderSummary {
  id: string;
  /** DH20261123-000123 */
  orderNo: string;
  status: OrderStatus;
  fulfilmentStatus: string;
  paymentStatus: string;
  source: 'mall' | 'staff';
  customerId: string;
  customerCode: string;
  customerName: string;
  placedByName: string | null;
  totalFen: number;
  lineCount: number;
  quantity: number;
  firstLineName: string | null;
  submittedAt: string;
  version: number;
}

export interface OrderLine {
  id: string;
  lineNo: number;
  productId: string;
  skuId: string;
  skuUnitId: string;
  productName: string;
  skuCode: string;
  specText: string;
  unitName: string;
  conversion: number;
  qty: number;
  baseQty: number;
  listPriceFen: number;
  unitPriceFen: number;
  priceSource: string;
  priceOverridden: boolean;
  amountFen: number;
  taxRateBp: number;
  imageUrl: string | null;
}

export type ChangeValue = string | number | null | Record<string, unknown>;

export interface OrderChanges {
  lines: { skuCode: string; productName: string; unitName: string; kind: 'added' | 'removed' | 'qty' | 'price'; before: ChangeValue; after: ChangeValue }[];
  address?: { before: ChangeValue; after: ChangeValue };
  remark?: { before: string | null; after: string | null };
  totalBeforeFen: number;
  totalAfterFen: number;
  differenceFen: number;
  /** Paid when the edit was made; nothing paid → the difference is shown as a higher or lower total. */
  paidFen?: number;
}

export interface OrderEvent {
  id: string;
  at: string;
  action: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actorKind: string;
  actorName: string | null;
  reason: string | null;
  revision: number | null;
  changes: OrderChanges | null;
}

export interface OrderAddress {
  receiver: string;
  phone: string;
  regionId: string | null;
  regionText: string;
  detail: string;
}

export interface OrderDetail extends OrderSummary {
  address: OrderAddress;
  requestedDate: string | null;
  remark: string | null;
  invoice: InvoiceProfile | null;
  paymentMethod: string;
  totals: Totals;
  paidFen: number;
  amountDueFen: number;
  revision: number;
  rejectReason: string | null;
  cancelReason: string | null;
  lines: OrderLine[];
  events: OrderEvent[];
  allowedActions: OrderAction[];
  carrier: string | null;
  trackingNo: string | null;
}

export interface OrderPage {
  items: OrderSummary[];
  nextCursor: string | null;
  counts: Partial<Record<OrderTab, number>>;
}

export const ORDERS = '/mall/orders';

export const ordersApi = {
  list: (query: { tab: OrderTab; q?: string; limit?: number; cursor?: string }) => api.get<OrderPage>(ORDERS, query),
  get: (id: string) => api.get<OrderDetail>(`${ORDERS}/${id}`),
  cancel: ({ id, version, reason }: { id: string; version: number; reason?: string }) => api.post<OrderDetail>(`${ORDERS}/${id}/cancel`, { version, ...(reason ? { reason } : {}) }),
  receive: ({ id, version }: { id: string; version: number }) => api.post<OrderDetail>(`${ORDERS}/${id}/receive`, { version }),
  approve: ({ id, version }: { id: string; version: number }) => api.post<OrderDetail>(`${ORDERS}/${id}/approve`, { version }),
  reject: ({ id, version, reason }: { id: string; version: number; reason: string }) => api.post<OrderDetail>(`${ORDERS}/${id}/reject`, { version, reason }),
  reorder: (id: string) => api.post<ReportAndCart>(`${ORDERS}/${id}/reorder`),
};

/** The xlsx download is a plain link: the session cookie goes along. */
export const orderExportUrl = (id: string) => `/api/v1${ORDERS}/${id}/export`;

/** My orders in one tab, page by page; the first page's counts label the tabs. */
export function useOrderList(tab: OrderTab, q?: string) {
  const query = useInfiniteQuery({
    queryKey: [ORDERS, 'list', tab, q ?? ''],
    queryFn: ({ pageParam }) => ordersApi.list({ tab, q: q || undefined, limit: 20, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
  return {
    items: query.data?.pages.flatMap((p) => p.items) ?? [],
    counts: query.data?.pages[0]?.counts,
    isLoading: query.isLoading,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}

export type TrackingState = 'collected' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception' | 'returned';
export interface TrackingStep { at: string; state: TrackingState; description: string; location: string | null }
/** One parcel of an order (发货单) as the customer sees it, tracking newest first. */
export interface Shipment {
  id: string;
  shipmentNo: string;
  status: 'picking' | 'packed' | 'shipped' | 'delivered' | 'cancelled';
  warehouseName: string | null;
  lines: { skuId: string; skuCode: string; productName: string; specText: string; baseUnit: string; qty: number }[];
  quantity: number;
  packages: number;
  carrierName: string | null;
  trackingNo: string | null;
  trackingState: TrackingState | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  tracking?: TrackingStep[];
}

export const orderShipments = (id: string) => api.get<{ items: Shipment[] }>(`${ORDERS}/${id}/shipments`);
