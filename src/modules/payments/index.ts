import type { Database, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { readSettings } from '../settings/settings.service.js';
import { createAccountsService } from './accounts.service.js';
import { balanceTake, decideCredit } from './domain/credit.js';
import { enabledMethods, isOnline, METHOD_NAMES, type CheckoutMethod } from './domain/payment-methods.js';
import { overdueOf, readAccount } from './ledger.js';
import { createOrderPaymentsService } from './order-payments.service.js';
import { createPaymentQueries } from './payment-queries.js';
import { createRefundsService } from './refunds.service.js';
import { adminRefundRoutes, mallRefundRoutes } from './refunds.routes.js';
import { adminPaymentRoutes } from './payments.admin-routes.js';
import { mallPaymentRoutes } from './payments.mall-routes.js';
import { createVouchersService } from './vouchers.service.js';
import { createOnlinePaymentsService } from './online-payments.service.js';
import type { OnlineDeps } from './online-gateways.js';
import { createRechargesService } from './recharges.service.js';
import { paymentWebhookRoutes } from './payment-webhook.routes.js';

export { CHECKOUT_METHODS, type CheckoutMethod } from './domain/payment-methods.js';
export { checkFinanceLedgers } from './check-finance-ledgers.js';
export type { GatewayRegistry, OnlineDeps } from './online-gateways.js';

export function createPaymentsModule(database: Database, blobStore: BlobStore, onlineDeps: OnlineDeps) {
  const accounts = createAccountsService(database, onlineDeps);
  const orderPayments = createOrderPaymentsService(database);
  const vouchers = createVouchersService(database, blobStore);
  const queries = createPaymentQueries(database);
  const online = createOnlinePaymentsService(database, onlineDeps);
  const recharges = createRechargesService(database, online);
  const refunds = createRefundsService(database, onlineDeps.gateways);
  return {
    accounts, orderPayments, vouchers, queries, online,
    adminRoutes: adminPaymentRoutes({ accounts, orderPayments, queries, vouchers, online }),
    mallRoutes: mallPaymentRoutes({ accounts, orderPayments, vouchers, online, recharges }),
    refundAdminRoutes: adminRefundRoutes(refunds),
    refundMallRoutes: mallRefundRoutes(refunds),
    webhookRoutes: paymentWebhookRoutes({ online, gateways: onlineDeps.gateways }),
  };
}

/** The methods a customer may choose at checkout, with their names (the tenant's list narrowed by the customer's). */
export async function checkoutMethods(tx: Tx, tenantId: string, customerId: string, onlineGateways: readonly string[] = []): Promise<{ code: CheckoutMethod; name: string }[]> {
  const { settings } = await readSettings(tx, tenantId);
  return enabledMethods(settings.payments.methods, await readAccount(tx, tenantId, customerId))
    .filter((m) => !isOnline(m) || onlineGateways.includes(m)).map((code) => ({ code, name: METHOD_NAMES[code] }));
}

/**
 * Refuses a checkout whose method the customer cannot use, or — when the customer's setting blocks — whose order the
 * balance cannot cover or credit cannot take (as it stands now; paying re-checks under the account lock). With the
 * `partial` balance policy or the `review` credit policy the order is taken and the payment decides later.
 */
export async function assertCheckoutMethod(tx: Tx, tenantId: string, customerId: string, method: CheckoutMethod, totalFen: number, onlineGateways: readonly string[] = []): Promise<void> {
  const { settings } = await readSettings(tx, tenantId);
  const acc = await readAccount(tx, tenantId, customerId);
  const enabled = enabledMethods(settings.payments.methods, acc).filter((m) => !isOnline(m) || onlineGateways.includes(m));
  if (!enabled.includes(method)) {
    throw new AppError('payment_method_unavailable', { message: `${method} is not a payment method this customer can use`, details: { method, enabled },
      errors: [{ path: 'body.paymentMethod', message: `not one of ${enabled.join(', ')}` }] });
  }
  if (method === 'balance' && acc.balanceShortPolicy === 'block') {
    if (!balanceTake(acc.balanceFen, totalFen, 'block').ok) {
      throw new AppError('insufficient_balance', { message: `the balance is ${acc.balanceFen} fen, the order ${totalFen} fen`, details: { balanceFen: acc.balanceFen, amountFen: totalFen } });
    }
  }
  if (method === 'credit') {
    const d = decideCredit({ limitFen: acc.creditLimitFen, usedFen: acc.creditUsedFen, overdueFen: await overdueOf(tx, tenantId, acc), policy: acc.creditPolicy }, totalFen);
    if (!d.ok && !d.review) throw new AppError(d.code, { message: d.message, details: d.details });
  }
}
