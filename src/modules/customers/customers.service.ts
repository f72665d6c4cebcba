import { and, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { withUniqueFields } from '../../platform/db/db-errors.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { toPage } from '../../platform/http/pagination.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { staffUsers } from '../staff/staff.tables.js';
import { customersInScope, isRegionCovered } from './customer-scope.js';
import type { CustomerCreate, CustomerUpdate } from './customers.schemas.js';
import { exists, loadDetail, lockCustomer, selectSummaries, toSummary } from './customers.repository.js';
import { customerContacts, customerLevels, customerMembers, customers, regions } from './customers.tables.js';
import { nextCustomerStatus, type CustomerAction } from './domain/customer-status.js';
import { MEMBER_UNIQUE } from './members.service.js';

export const customerCode = (n: number) => `C${String(n).padStart(6, '0')}`;

/** Checks the references an operator sets on a customer and keeps them inside the operator's own scope. */
async function checkReferences(tx: Tx, ctx: Ctx<Operator>, v: { levelId?: string | null; regionId?: string | null; salespersonId?: string | null }) {
  const errors: { path: string; message: string }[] = [];
  if (v.levelId && !(await exists(tx, customerLevels, ctx.tenantId, v.levelId))) errors.push({ path: 'body.levelId', message: 'unknown level' });
  if (v.regionId && !(await exists(tx, regions, ctx.tenantId, v.regionId))) errors.push({ path: 'body.regionId', message: 'unknown region' });
  if (v.salespersonId) {
    const [sp] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.tenantId, ctx.tenantId), eq(staffUsers.id, v.salespersonId)));
    if (!sp) errors.push({ path: 'body.salespersonId', message: 'unknown staff' });
  }
  if (errors.length) throw new AppError('validation_failed', { message: 'unknown reference', errors });
  const a = ctx.actor;
  if (a.dataScope === 'assigned' && v.salespersonId !== undefined && v.salespersonId !== a.id) {
    throw new AppError('forbidden', { message: 'a salesperson can only keep customers assigned to themselves' });
  }
  if (a.dataScope === 'region' && v.regionId !== undefined) {
    if (!v.regionId || !(await isRegionCovered(tx, a.regionIds, v.regionId))) {
      throw new AppError('forbidden', { message: "the region must be one of the manager's regions" });
    }
  }
}

export function createCustomersService(database: Database) {
  const scopeOf = (ctx: Ctx<Operator>) => customersInScope(ctx.actor);

  async function transition(ctx: Ctx<Operator>, id: string, action: CustomerAction, reason?: string) {
    return database.tx(ctx.tenantId, async (tx) => {
      const before = await lockCustomer(tx, ctx.tenantId, id, scopeOf(ctx));
      if (!before) throw notFound('customer');
      const to = nextCustomerStatus(before.status, action);
      if (!to) throw new AppError('invalid_state', { message: `cannot ${action} a customer that is ${before.status}`, details: { currentStatus: before.status } });
      const review = action === 'approve' || action === 'reject';
      await tx.update(customers).set({
        status: to, version: before.version + 1, updatedAt: new Date(),
        ...(review ? { reviewedBy: ctx.actor.id, reviewedAt: new Date(), rejectReason: action === 'reject' ? reason ?? null : null } : {}),
      }).where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, id)));
      const after = await loadDetail(tx, ctx.tenantId, id);
      await recordAudit(tx, ctx, { action: `customer.${action}`, entityType: 'customer', entityId: id, before: { status: before.status }, after: { status: to, reason } });
      return after!;
    });
  }

  return {
    async list(ctx: Ctx<Operator>, q: { limit: number; cursor?: string; q?: string; status?: string; type?: string; levelId?: string; regionId?: string; salespersonId?: string }) {
      return database.tx(ctx.tenantId, async (tx) => {
        const where: (SQL | undefined)[] = [eq(customers.tenantId, ctx.tenantId), scopeOf(ctx)];
        if (q.cursor) where.push(lt(customers.id, q.cursor));
        if (q.status) where.push(eq(customers.status, q.status as never));
        if (q.type) where.push(eq(customers.type, q.type as never));
        if (q.levelId) where.push(eq(customers.levelId, q.levelId));
        if (q.regionId) where.push(eq(customers.regionId, q.regionId));
        if (q.salespersonId) where.push(eq(customers.salespersonId, q.salespersonId));
        if (q.q) {
          const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
          where.push(or(ilike(customers.name, like), ilike(customers.code, like), ilike(customers.phone, like), ilike(customers.contactName, like)));
        }
        const rows = await selectSummaries(tx, and(...where), q.limit + 1);
        return toPage(rows.map((r) => ({ ...r, id: r.c.id })), q.limit, toSummary);
      });
    },

    async get(ctx: Ctx<Operator>, id: string) {
      const found = await database.tx(ctx.tenantId, (tx) => loadDetail(tx, ctx.tenantId, id, scopeOf(ctx)));
      if (!found) throw notFound('customer');
      return found;
    },

    async create(ctx: Ctx<Operator>, input: CustomerCreate) {
      const passwordHash = input.member ? await hashPassword(input.member.password) : null;
      return database.tx(ctx.tenantId, async (tx) => {
        const salespersonId = input.salespersonId ?? (ctx.actor.dataScope === 'assigned' ? ctx.actor.id : null);
        await checkReferences(tx, ctx, { levelId: input.levelId, regionId: input.regionId ?? (ctx.actor.dataScope === 'region' ? null : undefined), salespersonId: salespersonId ?? undefined });
        const id = newId();
        const code = customerCode(await nextSequence(tx, ctx.tenantId, 'customer'));
        await tx.insert(customers).values({
          tenantId: ctx.tenantId, id, code, name: input.name, type: input.type, levelId: input.levelId ?? null, regionId: input.regionId ?? null,
          salespersonId, status: 'active', contactName: input.contactName, phone: input.phone, email: input.email ?? null,
          remark: input.remark ?? null, source: 'staff', reviewedBy: ctx.actor.id, reviewedAt: new Date(),
        });
        await tx.insert(customerContacts).values({ tenantId: ctx.tenantId, id: newId(), customerId: id, name: input.contactName, phone: input.phone, email: input.email ?? null, isPrimary: true });
        if (input.member && passwordHash) {
          await withUniqueFields(tx.insert(customerMembers).values({
            tenantId: ctx.tenantId, id: newId(), customerId: id, name: input.contactName, username: input.member.username ?? null,
            phone: input.phone, email: input.email ?? null, passwordHash, memberRole: 'buyer', isAdmin: true,
          }), MEMBER_UNIQUE);
        }
        const after = await loadDetail(tx, ctx.tenantId, id);
        await recordAudit(tx, ctx, { action: 'customer.create', entityType: 'customer', entityId: id, after });
        return after!;
      });
    },

    update: (ctx: Ctx<Operator>, id: string, input: CustomerUpdate) => database.tx(ctx.tenantId, async (tx) => {
      const before = await lockCustomer(tx, ctx.tenantId, id, scopeOf(ctx));
      if (!before) throw notFound('customer');
      if (before.version !== input.version) throw new AppError('version_conflict', { message: 'customer was changed by someone else; reload' });
      await checkReferences(tx, ctx, { levelId: input.levelId, regionId: input.regionId, salespersonId: input.salespersonId });
      const { version, ...fields } = input;
      const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      await tx.update(customers).set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, id)));
      const after = await loadDetail(tx, ctx.tenantId, id);
      await recordAudit(tx, ctx, { action: 'customer.update', entityType: 'customer', entityId: id, before, after: { ...before, ...patch } });
      return after!;
    }),

    approve: (ctx: Ctx<Operator>, id: string) => transition(ctx, id, 'approve'),
    reject: (ctx: Ctx<Operator>, id: string, reason: string) => transition(ctx, id, 'reject', reason),
    disable: (ctx: Ctx<Operator>, id: string) => transition(ctx, id, 'disable'),
    enable: (ctx: Ctx<Operator>, id: string) => transition(ctx, id, 'enable'),
  };
}

export type CustomersService = ReturnType<typeof createCustomersService>;
