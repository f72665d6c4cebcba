import type { Query } from '../../shared/api/client';
import type { InvoiceProfile } from '../../shared/api/types';

/** Console-only shapes of docs/api.md "Orders — console". Money is integer fen. */

export const ORDERS = '/admin/orders';
export const ORDER_COUNTS = '/admin/orders/counts';
export const SKU_LOOKUP = '/admin/orders/sku-lookup';

export type OrderStatus =
  | 'pending_approval'
  | 'pending_review'
  | 'pending_finance'
  | 'pending_release'
  | 'pending_shipment'
  | 'pending_receipt'
  | 'completed'
  | 'rejected'
  | 'cancelled'
  | 'voided';
export type FulfilmentStatus = 'unfulfilled' | 'partially_picked' | 'picked' | 'partially_shipped' | 'shipped' | 'delivered';
export type PaymentStatus = 'unpaid' | 'pending_confirmation' | 'partially_paid' | 'paid' | 'partially_refunded' | 'refunded';
export type OrderAction = 'approve' | 'reject' | 'void' | 'ship' | 'receive' | 'edit' | 'cancel' | 'reorder';

export const ORDER_STATUSES: OrderStatus[] = [
  'pending_approval',
  'pending_review',
  'pending_finance',
  'pending_release',
  'pending_shipment',
  'pending_receipt',
  'completed',
  'rejected',
  'cancelled',
  'voided',
];

/** The queue's tabs (GET /admin/orders?tab=); `todo` = the states the caller may act on. */
export const ORDER_TABS = ['todo', 'open', 'completed', 'closed', 'all'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];

export interface OrderCounts extends Record<OrderTab, number> {
  latestId: string | null;
  latestAt: string | null;
}

export interface TaxLine {
  rateBp: number;
  amountFen: number;
  taxFen: number;
}

export interface Totals {
  goodsFen: number;
  discountFen: number;
  shippingFen: number;
  totalFen: number;
  lineCount: number;
  quantity: number;
  weightGrams: number;
  taxes: TaxLine[];
  adjustments: { kind: string; label: string; amountFen: number }[];
}

export interface OrderSummary {
  id: string;
  orderNo: string;
  status: OrderStatus;
  fulfilmentStatus: FulfilmentStatus;
  paymentStatus: PaymentStatus;
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

export interface OrderAddress {
  receiver: string;
  phone: string;
  regionId: string | null;
  regionText: string;
  detail: string;
}

export interface OrderLine {
  id: string;
  lineNo: number;
  productId: string;
  skuId: string;
  skuUnitId: string;
  productName: string;
  skuCode: string;
  specText: string | null;
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

export type LineChangeKind = 'added' | 'removed' | 'qty' | 'price';

export interface LineChange {
  skuCode: string;
  productName: string;
  unitName: string;
  kind: LineChangeKind;
  before: number | null;
  after: number | null;
}

export interface OrderChanges {
  lines: LineChange[];
  /** formatted addresses */
  address?: { before: unknown; after: unknown };
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

export interface OrderDetail extends OrderSummary {
  address: OrderAddress;
  requestedDate: string | null;
  remark: string | null;
  invoice: InvoiceProfile | null;
  paymentMethod: string | null;
  totals: Totals;
  paidFen: number;
  amountDueFen: number;
  revision: number;
  rejectReason: string | null;
  cancelReason: string | null;
  lines: OrderLine[];
  events: OrderEvent[];
  allowedActions: OrderAction[];
  payments: unknown[];
  shipments: unknown[];
  carrier: string | null;
  trackingNo: string | null;
}

export interface SkuPickUnit {
  skuUnitId: string;
  name: string;
  conversion: number;
  minQty: number;
  multiple: number;
  barcode: string | null;
  unitPriceFen: number;
}

export interface SkuPick {
  skuId: string;
  skuCode: string;
  barcode: string | null;
  productId: string;
  productName: string;
  specText: string | null;
  imageUrl: string | null;
  units: SkuPickUnit[];
}

export interface BulkApproveResult {
  id: string;
  ok: boolean;
  status?: OrderStatus;
  code?: string;
}

/** PUT /admin/orders/:id */
export interface OrderEditIn {
  version: number;
  lines: { id?: string; skuUnitId: string; qty: number; unitPriceFen?: number }[];
  address?: Omit<OrderAddress, 'regionId'> & { regionId?: string | null };
  remark?: string;
  rememberPrices?: boolean;
}

/** POST /admin/orders (代客下单) */
export interface PlaceOrderIn {
  customerId: string;
  addressId: string;
  lines: { skuUnitId: string; qty: number; unitPriceFen?: number }[];
  requestedDate?: string;
  remark?: string;
  invoiceProfileId?: string;
  paymentMethod: 'offline';
}

/** Settings.orders of GET/PUT /admin/settings. */
export interface OrderSettings {
  reviewEnabled: boolean;
  financeEnabled: boolean;
  releaseEnabled: boolean;
  autoApproveTrusted: boolean;
  /** 0 = off */
  autoApproveBelowFen: number;
  /** 0 = finance reviews every order */
  financeAboveFen: number;
  autoConfirmDays: number;
  defaultTaxRateBp: number;
}

export type ShippingBasis = 'order' | 'weight' | 'quantity';

export interface ShippingRule {
  name: string;
  /** [] = everywhere else */
  regionIds: string[];
  basis: ShippingBasis;
  firstFen: number;
  firstUnits: number;
  extraFen: number;
  extraUnits: number;
  freeAboveFen: number | null;
}

/** The customer fields the order rules add (PATCH /admin/customers/:id). */
export interface CustomerOrderRules {
  trusted?: boolean;
  orderApproval?: boolean;
}

/** The queue's filters, as query parameters of GET /admin/orders (and its export). */
export interface OrderFilters extends Query {
  status?: OrderStatus;
  customerId?: string;
  salespersonId?: string;
  regionId?: string;
  from?: string;
  to?: string;
  minFen?: number;
  maxFen?: number;
  sku?: string;
  q?: string;
}

export const orderPath = (id: string) => `${ORDERS}/${id}`;
export const printUrl = (id: string, kind: 'order' | 'picking' | 'delivery') => `/api/v1${ORDERS}/${id}/print/${kind}`;

/** Before release an order may still be edited or voided; after it, the goods are moving. */
export const CLOSED_STATUSES: OrderStatus[] = ['rejected', 'cancelled', 'voided'];
