import { iso } from '../../platform/http/schemas.js';
import type { OrderRow } from '../orders/orders.repository.js';
import { METHOD_NAMES } from './domain/payment-methods.js';
import type { AccountRow, MovementRow } from './ledger.js';
import type { PaymentRow } from './payments.repository.js';

export type Realm = 'admin' | 'mall';

export const methodName = (m: string) => (METHOD_NAMES as Record<string, string>)[m] ?? m;

export function toPaymentView(p: PaymentRow & { orderNo?: string | null; customerName?: string | null }, realm: Realm) {
  return {
    id: p.id, paymentNo: p.paymentNo, purpose: p.purpose, customerId: p.customerId, customerName: p.customerName ?? null,
    orderId: p.orderId, orderNo: p.orderNo ?? null, method: p.method, methodName: methodName(p.method), amountFen: p.amountFen,
    status: p.status, reviewReason: p.reviewReason, remark: p.remark, reference: p.reference,
    vouchers: p.voucherIds.map((id) => ({ id, url: `/api/v1/${realm}/payment-vouchers/${id}` })),
    gateway: p.gateway, gatewayTradeNo: p.gatewayTradeNo, createdByKind: p.createdByKind, createdByName: p.createdByName,
    decidedByName: p.decidedByName, decidedAt: iso(p.decidedAt), rejectReason: p.rejectReason, succeededAt: iso(p.succeededAt),
    createdAt: p.createdAt.toISOString(), version: p.version,
    payKind: p.status === 'pending' ? (p.payKind as 'redirect' | 'qr' | null) : null, payUrl: p.status === 'pending' ? p.payUrl : null,
    expiresAt: iso(p.expiresAt), failReason: p.failReason,
  };
}

/** The payment side of an order: what the order page shows next to its payments. */
export const toOrderMoneyView = (o: OrderRow, awaitingFen: number) => ({
  id: o.id, orderNo: o.orderNo, status: o.status, paymentMethod: o.paymentMethod, paymentStatus: o.paymentStatus, totalFen: o.totalFen,
  paidFen: o.paidFen, awaitingConfirmationFen: awaitingFen, amountDueFen: Math.max(0, o.totalFen - o.paidFen), version: o.version,
});

export function toAccountView(a: AccountRow, overdueFen: number) {
  return {
    customerId: a.customerId, balanceFen: a.balanceFen, creditLimitFen: a.creditLimitFen, creditUsedFen: a.creditUsedFen,
    creditAvailableFen: Math.max(0, a.creditLimitFen - a.creditUsedFen), overdueFen, creditTermDays: a.creditTermDays,
    creditPolicy: a.creditPolicy, balanceShortPolicy: a.balanceShortPolicy, version: a.version,
  };
}

export function toMovementView(m: MovementRow & { orderNo?: string | null }) {
  return {
    id: m.id, kind: m.kind, amountFen: m.amountFen, balanceDeltaFen: m.balanceDeltaFen, creditDeltaFen: m.creditDeltaFen,
    orderId: m.orderId, orderNo: m.orderNo ?? null, method: m.method, docType: m.docType, docId: m.docId, dueOn: m.dueOn,
    reason: m.reason, note: m.note, actorKind: m.actorKind, actorName: m.actorName, createdAt: m.createdAt.toISOString(),
  };
}
