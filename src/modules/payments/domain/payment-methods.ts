/**
 * Payment methods (GLOSSARY.md) and which of them a customer may use: the tenant's list, narrowed by the customer's
 * own list, and credit only for a customer who has a credit limit. `offline` (线下结算 / 稍后支付) is the checkout
 * choice "settle later": the order is then paid by any enabled method, or finance records what arrived.
 */
/** 在线支付: each is paid through its gateway (gateways/payment-gateway.ts); the deployment must have it configured. */
export const ONLINE_METHODS = ['wechat', 'alipay', 'unionpay'] as const;
export type OnlineMethod = (typeof ONLINE_METHODS)[number];
export const isOnline = (m: string): m is OnlineMethod => (ONLINE_METHODS as readonly string[]).includes(m);

export const PAYMENT_METHODS = [...ONLINE_METHODS, 'balance', 'bank_transfer', 'cod', 'credit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const CHECKOUT_METHODS = ['offline', ...PAYMENT_METHODS] as const;
export type CheckoutMethod = (typeof CHECKOUT_METHODS)[number];

export const METHOD_NAMES: Record<CheckoutMethod, string> = {
  offline: '线下结算 / 稍后支付',
  wechat: '微信支付',
  alipay: '支付宝',
  unionpay: '银联支付',
  balance: '预存款 / 余额',
  bank_transfer: '线下转账',
  cod: '货到付款',
  credit: '账期 / 赊销',
};

export interface CustomerMethodFacts {
  /** The customer's own list; null = the tenant's. */
  methods: readonly string[] | null;
  creditLimitFen: number;
}

/** The methods a customer may choose, in the canonical order (the mall's checkout offers them in this order). */
export function enabledMethods(tenant: readonly string[], customer: CustomerMethodFacts): CheckoutMethod[] {
  return CHECKOUT_METHODS.filter((m) => tenant.includes(m)
    && (customer.methods === null || customer.methods.includes(m))
    && (m !== 'credit' || customer.creditLimitFen > 0));
}

/** Methods a customer pays with in the mall; COD is recorded by finance when the money arrives. */
export const MALL_PAY_METHODS = [...ONLINE_METHODS, 'balance', 'bank_transfer', 'credit'] as const;
/** Methods a customer tops up the balance with (充值). */
export const RECHARGE_METHODS = [...ONLINE_METHODS, 'bank_transfer'] as const;
/** Methods finance records as received money (a receipt, 收款). */
export const RECORDED_METHODS = ['bank_transfer', 'cod'] as const;
