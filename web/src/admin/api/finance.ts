import { api, newIdempotencyKey } from '../../shared/api/client';

export const PAYMENT_STATES = ['pending', 'pending_confirmation', 'succeeded', 'failed', 'rejected'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];
export const PAYMENT_METHOD_CODES = ['balance', 'bank_transfer', 'cod', 'credit'] as const;
/** What the checkout may offer a customer (the terms' `methods`). */
export const CHECKOUT_METHOD_CODES = ['offline', ...PAYMENT_METHOD_CODES] as const;
export type MovementKind = 'receipt' | 'balance_payment' | 'credit_charge' | 'credit_repayment' | 'recharge' | 'adjustment' | 'refund';

/** 收款单: money in for an order, a recharge or a credit repayment. */
export interface Payment {
  id: string;
  paymentNo: string;
  purpose: 'order' | 'recharge' | 'credit_repayment';
  customerId: string;
  customerName: string | null;
  orderId: string | null;
  orderNo: string | null;
  method: string;
  methodName: string;
  amountFen: number;
  status: PaymentState;
  reviewReason: string | null;
  remark: string | null;
  reference: string | null;
  vouchers: { id: string; url: string }[];
  createdByKind: string;
  createdByName: string;
  decidedByName: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
  succeededAt: string | null;
  createdAt: string;
  version: number;
  /** Online payments: the gateway and its transaction number; why a payment failed (superseded, closed, expired, order_closed). */
  gateway: string | null;
  gatewayTradeNo: string | null;
  failReason: string | null;
}

export interface OrderMoney {
  id: string;
  orderNo: string;
  status: string;
  paymentMethod: string;
  paymentStatus: string;
  totalFen: number;
  paidFen: number;
  awaitingConfirmationFen: number;
  amountDueFen: number;
  version: number;
}

export interface CustomerAccount {
  customerId: string;
  customerName: string;
  customerCode: string;
  balanceFen: number;
  creditLimitFen: number;
  creditUsedFen: number;
  creditAvailableFen: number;
  overdueFen: number;
  creditTermDays: number;
  creditPolicy: 'block' | 'review';
  balanceShortPolicy: 'block' | 'partial';
  methods: string[] | null;
  enabledMethods: { code: string; name: string }[];
  version: number;
}

export interface MoneyMovement {
  id: string;
  kind: MovementKind;
  amountFen: number;
  balanceDeltaFen: number;
  creditDeltaFen: number;
  orderId: string | null;
  orderNo: string | null;
  method: string | null;
  docType: string;
  docId: string;
  dueOn: string | null;
  reason: string | null;
  note: string | null;
  actorKind: string;
  actorName: string;
  createdAt: string;
}

export interface Terms {
  creditLimitFen: number;
  creditTermDays: number;
  creditPolicy: 'block' | 'review';
  balanceShortPolicy: 'block' | 'partial';
  methods: string[] | null;
  version?: number;
}

export const REFUND_STATES = ['pending_approval', 'succeeded', 'rejected'] as const;
export type RefundState = (typeof REFUND_STATES)[number];
export type RefundDestination = 'balance' | 'credit' | 'original';
export type RefundTrigger = 'cancel' | 'void' | 'manual' | 'overpaid' | 'edit';

/** 退款单: money going back to a customer for an order; finance approves (the ledger is booked) or rejects it. */
export interface Refund {
  id: string;
  refundNo: string;
  orderId: string;
  /** Null only if the order could not be read with the refund. */
  orderNo: string | null;
  customerId: string;
  customerName: string | null;
  amountFen: number;
  /** balance: 退回余额; credit: 冲减账期欠款; original: 原路退回（线下）. */
  destination: RefundDestination;
  status: RefundState;
  trigger: RefundTrigger;
  reason: string | null;
  requestedByName: string;
  decidedByName: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
  createdAt: string;
  version: number;
}

export const PAYMENTS = '/admin/payments';
export const REFUNDS = '/admin/refunds';
export const accountPath = (customerId: string) => `/admin/customers/${customerId}/account`;
export const orderPaymentsPath = (orderId: string) => `/admin/orders/${orderId}/payments`;
/** The voucher image as the console reads it (finance.read). */
export const voucherUrl = (id: string) => `/api/v1/admin/payment-vouchers/${id}`;

/** A write that carries an Idempotency-Key; the caller keeps `key` for retries of the same submission. */
const withKey = (key: string | undefined) => ({ 'Idempotency-Key': key ?? newIdempotencyKey() });

export const financeApi = {
  /** Asks the gateway about a pending online payment now (a late callback). */
  refreshPayment: (id: string) => api.post<Payment>(`${PAYMENTS}/${id}/refresh`, {}),
  confirm: ({ id, version, reference }: { id: string; version: number; reference?: string }) =>
    api.post<Payment>(`${PAYMENTS}/${id}/confirm`, { version, ...(reference ? { reference } : {}) }),
  reject: ({ id, version, reason }: { id: string; version: number; reason: string }) => api.post<Payment>(`${PAYMENTS}/${id}/reject`, { version, reason }),
  orderPayments: (orderId: string) => api.get<{ order: OrderMoney; items: Payment[] }>(orderPaymentsPath(orderId)),
  recordReceipt: ({ orderId, key, ...body }: { orderId: string; key?: string; method: 'bank_transfer' | 'cod'; amountFen: number; reference?: string; remark?: string }) =>
    api.postWith<{ payment: Payment; order: OrderMoney }>(orderPaymentsPath(orderId), body, withKey(key)),
  account: (customerId: string) => api.get<CustomerAccount>(accountPath(customerId)),
  adjust: ({ customerId, key, ...body }: { customerId: string; key?: string; deltaFen: number; reason: 'rebate' | 'correction' | 'other'; note: string }) =>
    api.postWith<{ movement: MoneyMovement; account: CustomerAccount }>(`${accountPath(customerId)}/adjustments`, body, withKey(key)),
  recharge: ({ customerId, key, ...body }: { customerId: string; key?: string; amountFen: number; reference?: string; remark?: string }) =>
    api.postWith<{ payment: Payment; account: CustomerAccount }>(`${accountPath(customerId)}/recharges`, body, withKey(key)),
  /** The refunds of one order, oldest first as the server lists them. */
  orderRefunds: (orderId: string) => api.get<{ items: Refund[]; nextCursor: string | null }>(REFUNDS, { orderId, limit: 100 }),
  approveRefund: ({ id, version, destination }: { id: string; version: number; destination?: 'balance' | 'original' }) => api.post<Refund>(`${REFUNDS}/${id}/approve`, { version, destination }),
  rejectRefund: ({ id, version, reason }: { id: string; version: number; reason: string }) => api.post<Refund>(`${REFUNDS}/${id}/reject`, { version, rejectReason: reason }),
  /** 201 { items }: one or two refunds (what was paid on credit goes back as credit first); more than refundable → 422 refund_exceeds_paid. */
  requestRefund: ({ orderId, key, ...body }: { orderId: string; key?: string; amountFen: number; destination: 'balance' | 'original'; reason: string }) =>
    api.postWith<{ items: Refund[] }>(`/admin/orders/${orderId}/refunds`, body, withKey(key)),
  terms: ({ customerId, ...body }: Terms & { customerId: string }) => api.put<CustomerAccount>(`${accountPath(customerId)}/terms`, body),
};

/** "12.34" 元 → 1234 fen; anything else → undefined. */
export function yuanToFen(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const s = String(value).trim();
  if (!/^\d+(\.\d{0,2})?$/.test(s)) return undefined;
  const [int, dec = ''] = s.split('.');
  return Number(int) * 100 + Number(dec.padEnd(2, '0'));
}
