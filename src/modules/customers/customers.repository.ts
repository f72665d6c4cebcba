import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { iso } from '../../platform/http/schemas.js';
import { staffUsers } from '../staff/staff.tables.js';
import { customerAddresses, customerContacts, customerLevels, customerMembers, customers, invoiceProfiles, regions } from './customers.tables.js';

type CustomerRow = typeof customers.$inferSelect;
type MemberRow = typeof customerMembers.$inferSelect;

const summaryColumns = {
  c: customers,
  levelName: customerLevels.name,
  regionName: regions.name,
  salespersonName: staffUsers.name,
};

export function selectSummaries(tx: Tx, where: SQL | undefined, limit: number) {
  return tx.select(summaryColumns).from(customers)
    .leftJoin(customerLevels, and(eq(customerLevels.tenantId, customers.tenantId), eq(customerLevels.id, customers.levelId)))
    .leftJoin(regions, and(eq(regions.tenantId, customers.tenantId), eq(regions.id, customers.regionId)))
    .leftJoin(staffUsers, and(eq(staffUsers.tenantId, customers.tenantId), eq(staffUsers.id, customers.salespersonId)))
    .where(where).orderBy(desc(customers.id)).limit(limit);
}

export function toSummary(r: { c: CustomerRow; levelName: string | null; regionName: string | null; salespersonName: string | null }) {
  const c = r.c;
  return {
    id: c.id, code: c.code, name: c.name, type: c.type, status: c.status, levelId: c.levelId, levelName: r.levelName,
    regionId: c.regionId, regionName: r.regionName, salespersonId: c.salespersonId, salespersonName: r.salespersonName,
    contactName: c.contactName, phone: c.phone, email: c.email, remark: c.remark, rejectReason: c.rejectReason, source: c.source,
    trusted: c.trusted, orderApproval: c.orderApproval, createdAt: c.createdAt.toISOString(), version: c.version,
  };
}

export const toMemberOut = (m: MemberRow) => ({
  id: m.id, name: m.name, username: m.username, phone: m.phone, email: m.email, memberRole: m.memberRole, isAdmin: m.isAdmin,
  status: m.status, lastLoginAt: iso(m.lastLoginAt), createdAt: m.createdAt.toISOString(), version: m.version,
});

export const toContactOut = (r: typeof customerContacts.$inferSelect) => ({ id: r.id, name: r.name, phone: r.phone, email: r.email, position: r.position, isPrimary: r.isPrimary });
export const toAddressOut = (r: typeof customerAddresses.$inferSelect) => ({ id: r.id, receiver: r.receiver, phone: r.phone, regionId: r.regionId, regionText: r.regionText, detail: r.detail, isDefault: r.isDefault });
export const toInvoiceProfileOut = (r: typeof invoiceProfiles.$inferSelect) => ({
  id: r.id, kind: r.kind, title: r.title, taxNo: r.taxNo, bankName: r.bankName, bankAccount: r.bankAccount, address: r.address, phone: r.phone, isDefault: r.isDefault,
});

export async function loadDetail(tx: Tx, tenantId: string, id: string, scope?: SQL) {
  const [row] = await selectSummaries(tx, and(eq(customers.tenantId, tenantId), eq(customers.id, id), scope), 1);
  if (!row) return null;
  // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
  const contacts = await tx.select().from(customerContacts)
    .where(and(eq(customerContacts.tenantId, tenantId), eq(customerContacts.customerId, id))).orderBy(asc(customerContacts.id));
  const addresses = await tx.select().from(customerAddresses)
    .where(and(eq(customerAddresses.tenantId, tenantId), eq(customerAddresses.customerId, id))).orderBy(desc(customerAddresses.isDefault), asc(customerAddresses.id));
  const profiles = await tx.select().from(invoiceProfiles)
    .where(and(eq(invoiceProfiles.tenantId, tenantId), eq(invoiceProfiles.customerId, id))).orderBy(desc(invoiceProfiles.isDefault), asc(invoiceProfiles.id));
  const members = await tx.select().from(customerMembers)
    .where(and(eq(customerMembers.tenantId, tenantId), eq(customerMembers.customerId, id))).orderBy(asc(customerMembers.id));
  return {
    ...toSummary(row),
    contacts: contacts.map(toContactOut),
    addresses: addresses.map(toAddressOut),
    invoiceProfiles: profiles.map(toInvoiceProfileOut),
    members: members.map(toMemberOut),
  };
}

export async function lockCustomer(tx: Tx, tenantId: string, id: string, scope?: SQL) {
  const [row] = await tx.select().from(customers).where(and(eq(customers.tenantId, tenantId), eq(customers.id, id), scope)).for('update');
  return row ?? null;
}

export async function lowestLevelId(tx: Tx, tenantId: string): Promise<string | null> {
  const [row] = await tx.select({ id: customerLevels.id }).from(customerLevels).where(eq(customerLevels.tenantId, tenantId)).orderBy(asc(customerLevels.rank)).limit(1);
  return row?.id ?? null;
}

/** The ids among `ids` that name no region of the tenant. */
export async function unknownRegionIds(tx: Tx, tenantId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await tx.select({ id: regions.id }).from(regions).where(and(eq(regions.tenantId, tenantId), inArray(regions.id, [...ids])));
  return ids.filter((id) => !found.some((f) => f.id === id));
}

export async function exists(tx: Tx, table: typeof regions | typeof customerLevels, tenantId: string, id: string) {
  const [row] = await tx.select({ n: sql<number>`1` }).from(table).where(and(eq(table.tenantId, tenantId), eq(table.id, id)));
  return !!row;
}
