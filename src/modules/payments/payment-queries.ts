import { and, desc, eq, lt } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import { toPage } from '../../platform/http/pagination.js';
import { customerIdInScope } from '../customers/customer-scope.js';
import { customers } from '../customers/customers.tables.js';
import { orders } from '../orders/orders.tables.js';
import type { PaymentPurpose } from './domain/ledger-effect.js';
import { payments, type PaymentState } from './payments.tables.js';
import { toPaymentView } from './payment-view.js';

export interface PaymentFilters {
  status?: PaymentState; method?: string; purpose?: PaymentPurpose; customerId?: string; orderId?: string; limit: number; cursor?: string;
}

/** 收款单 list, newest first, within the caller's data scope (待确认 = `?status=pending_confirmation`). */
export function createPaymentQueries(database: Database) {
  return {
    list: (ctx: Ctx<Operator>, f: PaymentFilters) => database.tx(ctx.tenantId, async (tx) => {
      const rows = await tx.select({ p: payments, orderNo: orders.orderNo, customerName: customers.name }).from(payments)
        .innerJoin(customers, and(eq(customers.tenantId, payments.tenantId), eq(customers.id, payments.customerId)))
        .leftJoin(orders, and(eq(orders.tenantId, payments.tenantId), eq(orders.id, payments.orderId)))
        .where(and(
          eq(payments.tenantId, ctx.tenantId), customerIdInScope(ctx.actor, payments.customerId),
          f.status ? eq(payments.status, f.status) : undefined, f.method ? eq(payments.method, f.method) : undefined,
          f.purpose ? eq(payments.purpose, f.purpose) : undefined, f.customerId ? eq(payments.customerId, f.customerId) : undefined,
          f.orderId ? eq(payments.orderId, f.orderId) : undefined, f.cursor ? lt(payments.id, f.cursor) : undefined,
        ))
        .orderBy(desc(payments.id)).limit(f.limit + 1);
      return toPage(rows.map((r) => ({ ...r.p, id: r.p.id, orderNo: r.orderNo, customerName: r.customerName })), f.limit, (p) => toPaymentView(p, 'admin'));
    }),
  };
}
