import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { toAddressOut, toContactOut, toInvoiceProfileOut, unknownRegionIds } from './customers.repository.js';
import { customerAddresses, customerContacts, invoiceProfiles } from './customers.tables.js';

interface ChildTable {
  table: PgTable;
  tenantId: PgColumn;
  id: PgColumn;
  customerId: PgColumn;
  /** The one-per-customer flag (default address, primary contact); setting it on one row clears the others. */
  flag: PgColumn;
  flagKey: string;
  /** Checks references in a new or changed row (throws AppError). */
  check?: (tx: Tx, tenantId: string, input: Record<string, unknown>) => Promise<void>;
}

/**
 * Contacts, delivery addresses and invoice profiles all behave alike: rows owned by one customer, one of
 * them flagged as the default. One implementation serves the console and the mall; callers check access.
 */
function childCollection<Out>(entityType: string, t: ChildTable, toOut: (row: never) => Out) {
  const own = (tenantId: string, customerId: string) => and(eq(t.tenantId, tenantId), eq(t.customerId, customerId));
  const one = (tenantId: string, customerId: string, id: string) => and(own(tenantId, customerId), eq(t.id, id));
  const clearFlagExcept = (tx: Tx, tenantId: string, customerId: string, id: string) =>
    tx.update(t.table).set({ [t.flagKey]: false } as never).where(and(own(tenantId, customerId), ne(t.id, id)));

  async function get(tx: Tx, tenantId: string, customerId: string, id: string) {
    const [row] = await tx.select().from(t.table).where(one(tenantId, customerId, id));
    if (!row) throw notFound(entityType);
    return row as Record<string, unknown>;
  }

  return {
    list: async (tx: Tx, tenantId: string, customerId: string): Promise<Out[]> =>
      (await tx.select().from(t.table).where(own(tenantId, customerId)).orderBy(desc(t.flag), asc(t.id))).map((r) => toOut(r as never)),

    async add(tx: Tx, ctx: Ctx<Ctx['actor']>, customerId: string, input: Record<string, unknown>): Promise<Out> {
      await t.check?.(tx, ctx.tenantId, input);
      const id = newId();
      const existing = await tx.select({ id: t.id }).from(t.table).where(own(ctx.tenantId, customerId)).limit(1);
      const flagged = input[t.flagKey] === true || existing.length === 0;
      const row = { ...input, [t.flagKey]: flagged, tenantId: ctx.tenantId, id, customerId };
      await tx.insert(t.table).values(row as never);
      if (flagged) await clearFlagExcept(tx, ctx.tenantId, customerId, id);
      const out = toOut((await get(tx, ctx.tenantId, customerId, id)) as never);
      await recordAudit(tx, ctx, { action: `${entityType}.create`, entityType, entityId: id, after: { customerId, ...out } });
      return out;
    },

    async update(tx: Tx, ctx: Ctx<Ctx['actor']>, customerId: string, id: string, input: Record<string, unknown>): Promise<Out> {
      const before = await get(tx, ctx.tenantId, customerId, id);
      await t.check?.(tx, ctx.tenantId, input);
      const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      // The default cannot be switched off directly: another row must be made the default instead.
      if (patch[t.flagKey] === false && before[t.flagKey] === true) delete patch[t.flagKey];
      if (Object.keys(patch).length) await tx.update(t.table).set(patch as never).where(one(ctx.tenantId, customerId, id));
      if (patch[t.flagKey] === true) await clearFlagExcept(tx, ctx.tenantId, customerId, id);
      const out = toOut((await get(tx, ctx.tenantId, customerId, id)) as never);
      await recordAudit(tx, ctx, { action: `${entityType}.update`, entityType, entityId: id, before: toOut(before as never), after: out });
      return out;
    },

    async remove(tx: Tx, ctx: Ctx<Ctx['actor']>, customerId: string, id: string): Promise<void> {
      const before = await get(tx, ctx.tenantId, customerId, id);
      await tx.delete(t.table).where(one(ctx.tenantId, customerId, id));
      if (before[t.flagKey] === true) {
        const [next] = await tx.select({ id: t.id }).from(t.table).where(own(ctx.tenantId, customerId)).orderBy(desc(t.id)).limit(1);
        if (next) await tx.update(t.table).set({ [t.flagKey]: true } as never).where(one(ctx.tenantId, customerId, next.id as string));
      }
      await recordAudit(tx, ctx, { action: `${entityType}.delete`, entityType, entityId: id, before: toOut(before as never) });
    },
  };
}

export const contacts = childCollection('contact', {
  table: customerContacts, tenantId: customerContacts.tenantId, id: customerContacts.id, customerId: customerContacts.customerId,
  flag: customerContacts.isPrimary, flagKey: 'isPrimary',
}, toContactOut);

export const addresses = childCollection('address', {
  table: customerAddresses, tenantId: customerAddresses.tenantId, id: customerAddresses.id, customerId: customerAddresses.customerId,
  flag: customerAddresses.isDefault, flagKey: 'isDefault',
  async check(tx, tenantId, input) {
    if (typeof input.regionId === 'string' && (await unknownRegionIds(tx, tenantId, [input.regionId])).length) {
      throw new AppError('validation_failed', { message: 'unknown region', errors: [{ path: 'body.regionId', message: 'unknown region' }] });
    }
  },
}, toAddressOut);

export const invoiceProfilesOf = childCollection('invoice_profile', {
  table: invoiceProfiles, tenantId: invoiceProfiles.tenantId, id: invoiceProfiles.id, customerId: invoiceProfiles.customerId,
  flag: invoiceProfiles.isDefault, flagKey: 'isDefault',
}, toInvoiceProfileOut);

/** Any of the three collections, for code that treats them alike (routes). */
export type ChildCollection = ReturnType<typeof childCollection<unknown>>;
