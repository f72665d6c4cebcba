import { api } from '../../shared/api/client';
import { ORDERS } from './orders';

/** What a payment (收款单) of an order looks like in the mall. */
export type PaymentState = 'pending' | 'pending_confirmation' | 'succeeded' | 'failed' | 'rejected';
export type OnlineMethod = 'wechat' | 'alipay' | 'unionpay';
export const ONLINE_METHODS: OnlineMethod[] = ['wechat', 'alipay', 'unionpay'];
export const isOnlineMethod = (m: string): m is OnlineMethod => (ONLINE_METHODS as string[]).includes(m);
export type PayMethod = OnlineMethod | 'balance' | 'bank_transfer' | 'credit';
export const PAY_METHODS: PayMethod[] = [...ONLINE_METHODS, 'balance', 'bank_transfer', 'credit'];
export type RechargeMethod = OnlineMethod | 'bank_transfer';

export interface Payment {
  id: string;
  paymentNo: string;
  purpose: 'order' | 'recharge' | 'credit_repayment';
  orderId: string | null;
  orderNo: string | null;
  method: string;
  methodName: string;
  amountFen: number;
  status: PaymentState;
  reviewReason: string | null;
  remark: string | null;
  vouchers: { id: string; url: string }[];
  rejectReason: string | null;
  succeededAt: string | null;
  createdAt: string;
  createdByName: string;
  version: number;
  /** An online payment still payable: its cashier (open it, or show it as a QR code) until `expiresAt`. */
  payKind: 'redirect' | 'qr' | null;
  payUrl: string | null;
  expiresAt: string | null;
  /** superseded · closed · expired · order_closed */
  failReason: string | null;
}

/** The money side of an order: total, paid, awaiting finance, still due. */
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

export interface MyAccount {
  balanceFen: number;
  creditLimitFen: number;
  creditUsedFen: number;
  creditAvailableFen: number;
  overdueFen: number;
  creditTermDays: number;
  /** block: a balance payment above the balance is refused; partial: only the balance is taken. */
  balanceShortPolicy: 'block' | 'partial';
  creditPolicy: 'block' | 'review';
  enabledMethods: { code: string; name: string }[];
  bankAccount: { accountName: string; bankName: string; accountNo: string };
  /** The online gateways are simulators (沙箱支付): no real money moves. */
  onlineSandbox: boolean;
}

export interface MoneyMovement {
  id: string;
  kind: 'receipt' | 'balance_payment' | 'credit_charge' | 'credit_repayment' | 'recharge' | 'adjustment' | 'refund';
  amountFen: number;
  balanceDeltaFen: number;
  creditDeltaFen: number;
  orderId: string | null;
  orderNo: string | null;
  method: string | null;
  dueOn: string | null;
  reason: string | null;
  note: string | null;
  actorName: string;
  createdAt: string;
}

/** 退款单 of one of my orders: requested when a paid order is cancelled (or by the supplier), approved by its finance. */
export interface Refund {
  id: string;
  refundNo: string;
  orderId: string;
  orderNo: string | null;
  amountFen: number;
  /** balance: 退回余额; credit: 冲减账期欠款; original: 原路退回（线下）. */
  destination: 'balance' | 'credit' | 'original';
  status: 'pending_approval' | 'succeeded' | 'rejected';
  trigger: 'cancel' | 'void' | 'manual' | 'overpaid' | 'edit';
  reason: string | null;
  rejectReason: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface Voucher { id: string; width: number; height: number; url: string }

export interface PayInput {
  orderId: string;
  method: PayMethod;
  amountFen?: number;
  voucherIds?: string[];
  remark?: string;
  /** One key per submission, kept for its retries. */
  idempotencyKey: string;
}

export interface RechargeInput {
  method: RechargeMethod;
  amountFen: number;
  voucherIds?: string[];
  remark?: string;
  idempotencyKey: string;
}

export const FINANCE_RECHARGES = '/mall/finance/recharges';
export const FINANCE_ACCOUNT = '/mall/finance/account';
export const FINANCE_MOVEMENTS = '/mall/finance/movements';
export const orderPaymentsKey = (orderId: string) => [ORDERS, orderId, 'payments'];
export const orderRefundsKey = (orderId: string) => [ORDERS, orderId, 'refunds'];

export const financeApi = {
  account: () => api.get<MyAccount>(FINANCE_ACCOUNT),
  orderPayments: (orderId: string) => api.get<{ order: OrderMoney; items: Payment[] }>(`${ORDERS}/${orderId}/payments`),
  orderRefunds: (orderId: string) => api.get<{ items: Refund[] }>(`${ORDERS}/${orderId}/refunds`),
  pay: ({ orderId, idempotencyKey, ...body }: PayInput) =>
    api.postWith<{ payment: Payment; order: OrderMoney }>(`${ORDERS}/${orderId}/payments`, body, { 'Idempotency-Key': idempotencyKey }),
  refreshPayment: (id: string) => api.postWith<Payment>(`/mall/payments/${id}/refresh`, {}),
  recharges: () => api.get<{ items: Payment[] }>(FINANCE_RECHARGES),
  recharge: ({ idempotencyKey, ...body }: RechargeInput) => api.postWith<{ payment: Payment }>(FINANCE_RECHARGES, body, { 'Idempotency-Key': idempotencyKey }),
  uploadVoucher: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.postWith<Voucher>('/mall/payment-vouchers', form);
  },
};
