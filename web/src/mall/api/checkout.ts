import { api } from '../../shared/api/client';
import type { CartView } from './cart';
import { ApiError } from '../../shared/api/api-error';
import type { OrderDetail } from './orders';

export interface CheckoutInfo {
  cart: CartView;
  paymentMethods: { code: string; name: string }[];
  /** the order waits for an approver of the member's own company (待内部审批) */
  needsApproval: boolean;
}

export interface CheckoutInput {
  addressId: string;
  requestedDate?: string;
  remark?: string;
  invoiceProfileId?: string;
  paymentMethod: string;
  expectedTotalFen: number;
}

/** `details` of 409 cart_prices_changed. */
export interface PricesChanged {
  changes: { lineId: string; productName: string; unitName: string; oldPriceFen: number; newPriceFen: number }[];
  totalFen: number;
}

/** One blocking problem of a cart line, from `422 cart_invalid`. */
export interface InvalidLine {
  lineId: string;
  skuCode?: string;
  unitName?: string;
  code?: string;
  message: string;
}

/**
 * The lines of `422 cart_invalid`: the `lines` member of the problem (docs/api.md), or — as the first
 * version of the server sent them — `errors[]` with `path` = `lines.<lineId>`.
 */
export function invalidLines(err: ApiError): InvalidLine[] {
  const lines = err instanceof ApiError ? err.problem.lines : undefined;
  if (Array.isArray(lines)) return lines as InvalidLine[];
  return err.errors.map((e) => ({ lineId: e.path.replace(/^(body\.)?lines\./, ''), message: e.message }));
}

/** One line of `409 out_of_stock` (extension member `lines`); quantities in base units, the SKU over all its units. */
export interface ShortLine {
  skuId: string;
  skuCode: string;
  wanted: number;
  available: number;
}

/** The short lines of `409 out_of_stock`; none when the server sent no list (e.g. stock changed while reserving). */
export function shortLines(err: ApiError): ShortLine[] {
  const lines = err instanceof ApiError ? err.problem.lines : undefined;
  return Array.isArray(lines) ? (lines as ShortLine[]) : [];
}

export const CHECKOUT = '/mall/checkout';

export const checkoutApi = {
  info: (addressId?: string) => api.get<CheckoutInfo>(CHECKOUT, { addressId }),
  /** The same key answers the same order, so a retry after a lost answer never orders twice. */
  submit: (input: CheckoutInput, idempotencyKey: string) => api.postWith<OrderDetail>(CHECKOUT, input, { 'Idempotency-Key': idempotencyKey }),
};
