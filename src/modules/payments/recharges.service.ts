/**
 * 充值 from the mall: online through a gateway (online-payments.service.ts books it when the gateway says paid), or
 * declared as a bank transfer with its vouchers, which waits in 付款待审核 until finance confirms it (the confirmation
 * books the recharge row). The customer also sees their recent recharges with their states.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx, MemberActor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { oncePerKey } from '../../platform/http/idempotency.js';
import { recordAudit } from '../audit/audit.js';
import { readSettings } from '../settings/settings.service.js';
import { AppError } from '../../platform/errors/app-error.js';
import { enabledMethods, isOnline } from './domain/payment-methods.js';
import { readAccount } from './ledger.js';
import type { OnlinePaymentsService, TenantRef } from './online-payments.service.js';
import { checkVouchers } from './order-payments.service.js';
import { createPayment } from './payments.repository.js';
import { payments } from './payments.tables.js';
import { toPaymentView } from './payment-view.js';

export interface RechargeInput { method: 'wechat' | 'alipay' | 'unionpay' | 'bank_transfer'; amountFen: number; voucherIds?: string[]; remark?: string }

export function createRechargesService(database: Database, online: OnlinePaymentsService) {
  const declareTransfer = (ctx: Ctx<MemberActor>, key: string, input: RechargeInput) => database.tx(ctx.tenantId, (tx) =>
    oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'recharge', key, body: input }, async () => {
      const { tenantId, actor } = ctx;
      const { settings } = await readSettings(tx, tenantId);
      if (!enabledMethods(settings.payments.methods, await readAccount(tx, tenantId, actor.customerId)).includes('bank_transfer')) {
        throw new AppError('payment_method_unavailable', { message: 'bank transfer is not a method you can use', details: { method: 'bank_transfer' } });
      }
      await checkVouchers(tx, tenantId, actor.customerId, input.voucherIds ?? []);
      const p = await createPayment(tx, tenantId, actor, {
        purpose: 'recharge', customerId: actor.customerId, orderId: null, method: 'bank_transfer', amountFen: input.amountFen,
        status: 'pending_confirmation', voucherIds: input.voucherIds, remark: input.remark || null,
      });
      await recordAudit(tx, ctx, { action: 'payment.recharge_declared', entityType: 'payment', entityId: p.id, after: { paymentNo: p.paymentNo, amountFen: p.amountFen } });
      return { status: 201, body: { payment: toPaymentView(p, 'mall') } };
    }));

  return {
    recharge: (ctx: Ctx<MemberActor>, tenant: TenantRef, key: string, input: RechargeInput) => isOnline(input.method)
      ? online.startRecharge(ctx, tenant, key, { method: input.method, amountFen: input.amountFen })
      : declareTransfer(ctx, key, input),

    /** My latest recharges (any state), newest first. */
    mine: (ctx: Ctx<MemberActor>) => database.tx(ctx.tenantId, async (tx) => {
      const rows = await tx.select().from(payments)
        .where(and(eq(payments.tenantId, ctx.tenantId), eq(payments.customerId, ctx.actor.customerId), eq(payments.purpose, 'recharge')))
        .orderBy(desc(payments.id)).limit(20);
      return { items: rows.map((p) => toPaymentView(p, 'mall')) };
    }),
  };
}

export type RechargesService = ReturnType<typeof createRechargesService>;
