/**
 * The online payment port (在线支付接口): each gateway (WeChat Pay API v3, Alipay, UnionPay) implements
 * `PaymentGateway` from its public specification. The payments module only speaks this port: it starts a payment,
 * verifies and reads a callback, asks for a payment's state when a callback is late, and refunds.
 *
 * `outTradeNo` is our payment's id (a 收款单's id, unique across tenants, 26 characters of [0-9A-Za-z]); amounts are
 * integer fen. Every method that talks to the gateway throws `AppError('gateway_unavailable')` (503) when it cannot be
 * reached or answers with an error, and `AppError('gateway_refused', …)` (502) when it answered but refused.
 */

export const GATEWAY_NAMES = ['wechat', 'alipay', 'unionpay'] as const;
export type GatewayName = (typeof GATEWAY_NAMES)[number];

export interface StartPaymentRequest {
  outTradeNo: string;
  amountFen: number;
  /** What the payer sees (商品描述 / subject), ≤ 127 characters. */
  description: string;
  /** Where the gateway posts its asynchronous result (our webhook). */
  notifyUrl: string;
  /** Where the payer's browser returns after paying (page payments). */
  returnUrl: string;
  /** The gateway closes the trade after this moment. */
  expiresAt: Date;
}

/** How the payer pays: open `url` in the browser (a cashier page), or scan `url` as a QR code. */
export interface StartedPayment { kind: 'redirect' | 'qr'; url: string }

export type GatewayTradeState = 'pending' | 'succeeded' | 'closed' | 'failed';

/** A trade as the gateway tells it, from a verified callback or a query. */
export interface GatewayTrade {
  outTradeNo: string;
  /** The gateway's own transaction number (transaction_id / trade_no / queryId); null while not paid. */
  tradeNo: string | null;
  state: GatewayTradeState;
  /** The amount the payer paid (fen); on a pending trade, the amount asked. */
  amountFen: number;
  paidAt: Date | null;
}

export interface RefundRequest { outTradeNo: string; tradeNo: string | null; outRefundNo: string; amountFen: number; totalFen: number; reason: string }
export interface GatewayRefund { outRefundNo: string; refundNo: string | null; state: 'processing' | 'succeeded' | 'failed' }

/** An incoming HTTP request to our webhook, as received: header names lower-case, body the exact raw text. */
export interface CallbackRequest { headers: Record<string, string | undefined>; rawBody: string }

/** What we must answer the gateway so it stops retrying (or retries, when `ok` is false). */
export interface CallbackAck { status: number; contentType: string; body: string }

export interface PaymentGateway {
  readonly name: GatewayName;
  /** Starts a payment (WeChat Native → QR `code_url`; Alipay page pay → redirect; UnionPay front trans → redirect). */
  start(r: StartPaymentRequest): Promise<StartedPayment>;
  /** The trade's state now (查询订单); `null` when the gateway has no such trade. */
  query(outTradeNo: string): Promise<GatewayTrade | null>;
  /** Closes an unpaid trade (关闭订单), so a superseded payment can no longer be paid; closing an unknown or already closed trade is not an error. */
  close(outTradeNo: string): Promise<void>;
  /** Refunds (part of) a paid trade; the same outRefundNo twice refunds once. */
  refund(r: RefundRequest): Promise<GatewayRefund>;
  /** Verifies a callback's signature (and decrypts it, WeChat) and reads the trade; throws `AppError('signature_invalid')` when it does not verify or cannot be read. */
  parseCallback(req: CallbackRequest): Promise<GatewayTrade>;
  /** The answer to a callback: success (stop retrying) or failure (retry later). */
  ack(ok: boolean): CallbackAck;
}
