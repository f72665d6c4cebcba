import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-db.js';
import { customers } from '../../modules/customers/customers.tables.js';
import { createTenantsService } from '../../modules/tenants/tenants.service.js';
import { seedDemo } from '../../seed/seed-demo.js';
import type { Database } from './database.js';

let db: Database;
let demo: string;
let acme: string;

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

beforeAll(async () => {
  db = await createTestDatabase();
  demo = (await seedDemo(db)).id;
  acme = (await createTenantsService(db).create('acme', 'Acme 贸易')).id;
  await db.tx(acme, (tx) => tx.insert(customers).values({
    tenantId: acme, id: 'ACME1', code: 'C000001', name: 'Acme 的客户', type: 'dealer', status: 'active', contactName: '甲', phone: '13900000000', source: 'staff',
  }));
});
afterAll(async () => { await db?.close(); });

describe('tenant isolation by row-level security', () => {
  it('runs requests as a role that is neither superuser nor exempt from RLS', async () => {
    const [me] = rows<{ rolsuper: boolean; rolbypassrls: boolean }>(await db.tx(demo, (tx) =>
      tx.execute(sql`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`)));
    expect(me).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('protects every table that has a tenant_id with forced RLS and the isolation policy', async () => {
    const tables = rows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: number }>(await db.owner.execute(sql`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity,
             (select count(*)::int from pg_policies p where p.tablename = c.relname and p.policyname = 'tenant_isolation') as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from information_schema.columns col where col.table_name = c.relname and col.column_name = 'tenant_id')`));
    expect(tables.length).toBeGreaterThanOrEqual(14);
    for (const t of tables) expect({ ...t, relname: t.relname }).toEqual({ relname: t.relname, relrowsecurity: true, relforcerowsecurity: true, policies: 1 });
  });

  it('a query that forgets its tenant filter still reads only its own tenant', async () => {
    const demoSees = rows<{ tenant_id: string }>(await db.tx(demo, (tx) => tx.execute(sql`select tenant_id from customers`)));
    expect(demoSees.length).toBe(5);
    expect(new Set(demoSees.map((r) => r.tenant_id))).toEqual(new Set([demo]));
    const acmeSees = rows<{ id: string }>(await db.tx(acme, (tx) => tx.execute(sql`select id from customers`)));
    expect(acmeSees.map((r) => r.id)).toEqual(['ACME1']);
  });

  it('sees nothing at all without a tenant', async () => {
    const none = rows<{ n: number }>(await db.tx(null, (tx) => tx.execute(sql`select count(*)::int as n from staff_users`)));
    expect(none[0].n).toBe(0);
  });

  it('an unfiltered UPDATE or DELETE touches only its own tenant', async () => {
    await db.tx(demo, (tx) => tx.execute(sql`update customers set remark = 'touched'`));
    await db.tx(demo, (tx) => tx.execute(sql`delete from audit_log`));
    const acmeCustomer = rows<{ remark: string | null }>(await db.tx(acme, (tx) => tx.execute(sql`select remark from customers`)));
    expect(acmeCustomer[0].remark).toBeNull();
    const acmeAudit = rows<{ n: number }>(await db.tx(acme, (tx) => tx.execute(sql`select count(*)::int as n from audit_log`)));
    const demoAudit = rows<{ n: number }>(await db.tx(demo, (tx) => tx.execute(sql`select count(*)::int as n from audit_log`)));
    expect(demoAudit[0].n).toBe(0);
    expect(acmeAudit[0].n).toBeGreaterThanOrEqual(0);
  });

  it("cannot write a row into another tenant's data", async () => {
    await expect(db.tx(demo, (tx) => tx.insert(customers).values({
      tenantId: acme, id: 'EVIL', code: 'C999999', name: 'injected', type: 'dealer', status: 'active', contactName: 'x', phone: '13900000009', source: 'staff',
    }))).rejects.toThrow();
    await expect(db.tx(demo, (tx) => tx.execute(sql`update customers set tenant_id = ${acme}`))).rejects.toThrow();
    const acmeRows = rows<{ n: number }>(await db.tx(acme, (tx) => tx.execute(sql`select count(*)::int as n from customers`)));
    expect(acmeRows[0].n).toBe(1);
  });

});
