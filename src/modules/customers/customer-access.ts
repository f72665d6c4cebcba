import { and, eq } from 'drizzle-orm';
import type { Ctx, MemberActor, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors/app-error.js';
import { customersInScope } from './customer-scope.js';
import { customers } from './customers.tables.js';

/** Opens the use-case transaction after checking the operator may see `customerId` (else 404: never confirm it exists). */
export function withScopedCustomer(database: Database) {
  return <T>(ctx: Ctx<Operator>, customerId: string, fn: (tx: Tx) => Promise<T>) => database.tx(ctx.tenantId, async (tx) => {
    const [row] = await tx.select({ id: customers.id }).from(customers)
      .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, customerId), customersInScope(ctx.actor)));
    if (!row) throw notFound('customer');
    return fn(tx);
  });
}

/** A member only ever reaches their own company: the customer id comes from the session, never from the request. */
export function withOwnCustomer(database: Database) {
  return <T>(ctx: Ctx<MemberActor>, fn: (tx: Tx, customerId: string) => Promise<T>) => database.tx(ctx.tenantId, (tx) => fn(tx, ctx.actor.customerId));
}
