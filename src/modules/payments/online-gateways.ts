/**
 * The gateways this deployment has (configured accounts, or the local simulators in the demo and the tests), by
 * payment method. A tenant offers an online method in its settings; paying with it needs the gateway here too.
 */
import { AppError } from '../../platform/errors/app-error.js';
import type { OnlineMethod } from './domain/payment-methods.js';
import type { GatewayName, PaymentGateway } from './gateways/payment-gateway.js';

export type GatewayRegistry = Partial<Record<GatewayName, PaymentGateway>>;

/** How long a cashier stays payable; after that the gateway closes the trade and the payment fails as `expired`. */
export const PAY_WINDOW_MS = 30 * 60_000;

export interface OnlineDeps {
  gateways: GatewayRegistry;
  /** The server's public base URL, for the gateway's callbacks and the payer's return. */
  publicUrl: string;
  /** Labels the demo's simulated gateways as 沙箱支付 in the mall. */
  sandbox: boolean;
}

export function gatewayFor(gateways: GatewayRegistry, method: OnlineMethod): PaymentGateway {
  const g = gateways[method];
  if (!g) {
    throw new AppError('payment_method_unavailable', {
      message: `${method} is offered but this server has no ${method} gateway configured; ask the company to pay another way`,
      details: { method, configured: Object.keys(gateways) },
    });
  }
  return g;
}

export const notifyUrlOf = (deps: OnlineDeps, gateway: GatewayName, tenantSlug: string) => `${deps.publicUrl}/api/v1/webhooks/pay-${gateway}/${tenantSlug}`;
