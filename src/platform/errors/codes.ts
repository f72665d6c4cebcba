/**
 * Every stable error code of the API and the HTTP status it is answered with.
 * Modules add their codes here so the table stays the one place that maps codes to statuses.
 */
export const errorStatus = {
  /** A request body, query or params failed its schema; `errors[]` lists field paths. */
  validation_failed: 400,
  /** The body is not valid JSON. */
  malformed_json: 400,
  /** No tenant could be resolved from header, host or the single-tenant installation. */
  tenant_required: 400,
  /** The X-Tenant header or host names a tenant that does not exist or is disabled. */
  tenant_not_found: 404,
  /** A one-time password-reset code is wrong, used or expired. */
  reset_code_invalid: 400,
  /** The password does not meet the policy. */
  weak_password: 400,
  /** Current password given for a password change is wrong. */
  wrong_password: 400,
  /** No valid session or API key. */
  unauthenticated: 401,
  /** Login name or password wrong. */
  invalid_credentials: 401,
  /** Authenticated, but the permission needed is missing. */
  forbidden: 403,
  /** The staff user's 仓库范围 does not include the warehouse acted on (a transfer needs its source or destination). */
  warehouse_forbidden: 403,
  /** Unsafe method with a session cookie but without the matching X-CSRF-Token header. */
  csrf_failed: 403,
  /** The user (staff or member) has been disabled. */
  account_disabled: 403,
  /** The member's company registration is still waiting for approval. */
  customer_pending_approval: 403,
  /** The member's company registration was rejected. */
  customer_rejected: 403,
  /** The member's company is disabled. */
  customer_disabled: 403,
  /** Self-registration is switched off for this tenant. */
  registration_closed: 403,
  /** Built-in roles such as owner cannot be changed this way. */
  role_immutable: 403,
  /** The object does not exist or is outside the caller's scope. */
  not_found: 404,
  /** The route does not exist. */
  route_not_found: 404,
  /** The method is not allowed on this route. */
  method_not_allowed: 405,
  /** The `version` sent with an edit is not the current one. */
  version_conflict: 409,
  /** A unique value (username, phone, email, code, name) is already taken. */
  duplicate: 409,
  /** The object is in a state that does not allow the action (e.g. approving an active customer). */
  invalid_state: 409,
  /** Moving a category below itself or one of its descendants. */
  category_cycle: 400,
  /** The object is still referenced (a category with products or sub-categories). */
  in_use: 409,
  /** A role still assigned to staff cannot be deleted. */
  role_in_use: 409,
  /** The last admin-capable login of a customer or of the company cannot be removed. */
  last_admin: 409,
  /** Body larger than the limit. */
  payload_too_large: 413,
  /** Content-Type not accepted. */
  unsupported_media_type: 415,
  /** Same Idempotency-Key with a different request body. */
  idempotency_mismatch: 422,
  /** A POST that creates an order (payment, refund, shipment) was sent without an `Idempotency-Key` header. */
  idempotency_key_required: 400,
  /** Checkout with an empty cart. */
  cart_empty: 422,
  /** A cart or order line breaks a rule (off shelf, hidden, below minimum, not a multiple); `errors[]` per line. */
  cart_invalid: 422,
  /** The re-priced total differs from the `expectedTotalFen` the customer confirmed; `details.changes` lists the lines. */
  cart_prices_changed: 409,
  /** The order's status does not allow this action (e.g. editing a released order, cancelling a shipped one). */
  order_state_conflict: 409,
  /** Not enough available stock for a line whose product blocks when short; `lines` lists wanted and available. */
  out_of_stock: 409,
  /** Stock thresholds that contradict each other: the overstock mark is not above the low-stock mark (or the safety stock). */
  stock_thresholds_invalid: 422,
  /** A stock adjustment would take on-hand below zero or below what is reserved. */
  insufficient_stock: 409,
  /** A shipment line asks for more than the order still has to ship (or a SKU the order does not have); `errors[]` per line. */
  exceeds_ordered: 422,
  /** A payment (or credit repayment) larger than what is still due; `amountDueFen` says what is, `amountFen` what was asked. */
  payment_exceeds_due: 422,
  /** The payment method is not enabled for this company or customer (or credit without a credit limit); `enabled` lists what is. */
  payment_method_unavailable: 422,
  /** The prepaid balance does not cover the payment or debit and the customer's setting allows no partial payment; `balanceFen`, `amountFen`. */
  insufficient_balance: 409,
  /** A credit charge beyond the customer's limit (policy `block`); `creditLimitFen`, `creditUsedFen`, `availableFen`, `amountFen`. */
  credit_limit_exceeded: 409,
  /** A credit charge while some of the customer's credit is overdue (policy `block`); `overdueFen`. */
  credit_overdue: 409,
  /** The payment is not awaiting an answer (confirming or rejecting it twice, or one already succeeded); `paymentStatus`. */
  payment_state_conflict: 409,
  /** A refund asks for more than the order holds, less refunds already requested; `refundableFen` says what may be refunded. */
  refund_exceeds_paid: 422,
  /** The refund was already approved or rejected (or the money it would take back is no longer there). */
  refund_state_conflict: 409,
  /** A report period that ends before it starts, is not a real day or month, or is longer than allowed (a statement: 366 days). */
  period_invalid: 400,
  /** A 收支记录 names a category that is switched off. */
  finance_category_inactive: 422,
  /** Voiding a 收支记录 that is already voided. */
  finance_record_voided: 409,
  /** An invoice (发票) line asks for more of an order than is left to invoice (order total less refunds, less issued invoices); `orderId`, `orderNo`, `remainingFen`, `amountFen`. */
  invoice_exceeds_remaining: 422,
  /** An invoice line names an order of another customer than the invoice's; `orderId`, `orderNo`. */
  invoice_customer_mismatch: 422,
  /** An invoice line names a shipment that is not one of that order's (or was cancelled); `orderId`, `shipmentId`. */
  invoice_shipment_mismatch: 422,
  /** The buyer details are missing or a special VAT invoice (专票) lacks bank, account, address or phone. */
  invoice_buyer_incomplete: 422,
  /** The order is cancelled, voided or rejected: it cannot be invoiced or have an invoice requested; `orderId`, `orderNo`, `orderStatus`. */
  invoice_order_closed: 409,
  /** The invoice number (发票号码) is already used by another invoice of this type; `invoiceNo`, `kind`. */
  invoice_no_taken: 409,
  /** The invoice is already voided (作废); `invoiceStatus`. */
  invoice_state_conflict: 409,
  /** A callback (carrier push, payment notification) whose signature does not verify; refused and logged. */
  signature_invalid: 401,
  /** The carrier's API refused the request (bad address, unknown carrier code, account problem). */
  carrier_rejected: 422,
  /** The carrier's API could not be reached or answered garbage; nothing was changed, try again. */
  carrier_unavailable: 503,
  /** The payment gateway (WeChat Pay, Alipay, UnionPay) could not be reached or answered garbage; nothing was changed, try again. */
  gateway_unavailable: 503,
  /** A gateway callback names a payment this tenant does not have (or one made through another gateway); refused and logged. */
  payment_not_found: 404,
  /** A gateway reports a paid amount that differs from the payment's; refused and logged for finance to look at. */
  payment_amount_mismatch: 422,
  /** The payment gateway answered and refused (account problem, trade closed, refund above what was paid there). */
  gateway_refused: 502,
  /** Too many failed logins: the account is locked for a while. */
  account_locked: 423,
  /** Too many requests from this client. */
  rate_limited: 429,
  /** Unexpected failure; details are in the server log, never in the response. */
  internal: 500,
  /** The database is not reachable. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const errorTitle: Record<ErrorCode, string> = Object.fromEntries(
  Object.keys(errorStatus).map((code) => [code, code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())]),
) as Record<ErrorCode, string>;
