import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { defaultSettings } from '../settings/settings.schema.js';
import { tenants, tenantSettings } from './tenants.tables.js';

export interface Tenant { id: string; slug: string; name: string; status: 'active' | 'disabled' }

export const tenantSlugPattern = /^[a-z][a-z0-9-]{1,39}$/;

/** Tenant lookups are on every request, so the active list is cached for a few seconds. */
export function createTenantsService(database: Database, cacheMs = 5000) {
  let cache: { at: number; list: Tenant[] } | null = null;

  async function active(): Promise<Tenant[]> {
    if (cache && Date.now() - cache.at < cacheMs) return cache.list;
    const list = await database.tx(null, (tx) => tx.select({ id: tenants.id, slug: tenants.slug, name: tenants.name, status: tenants.status })
      .from(tenants).where(eq(tenants.status, 'active')));
    cache = { at: Date.now(), list };
    return list;
  }

  return {
    active,
    invalidate: () => { cache = null; },

    async bySlug(slug: string): Promise<Tenant | undefined> {
      return (await active()).find((t) => t.slug === slug);
    },

    /** Creates the tenant row and its default settings. Runs as the database owner (CLI, seed, tests). */
    async create(slug: string, name: string): Promise<Tenant> {
      if (!tenantSlugPattern.test(slug)) {
        throw new AppError('validation_failed', { message: 'slug: 2–40 lowercase letters, digits or -, starting with a letter', errors: [{ path: 'slug', message: 'invalid slug' }] });
      }
      const tenant: Tenant = { id: newId(), slug, name, status: 'active' };
      await database.owner.transaction(async (tx) => {
        const existing = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
        if (existing.length) throw new AppError('duplicate', { message: `tenant ${slug} exists` });
        await tx.insert(tenants).values(tenant);
        // tenant_settings is under FORCE RLS even for the owner: set the tenant for this insert.
        await tx.execute(sql`select set_config('app.tenant_id', ${tenant.id}, true)`);
        await tx.insert(tenantSettings).values({ tenantId: tenant.id, settings: { ...defaultSettings(), companyName: name } });
      });
      cache = null;
      return tenant;
    },

    async count(): Promise<number> {
      const [row] = await database.owner.select({ n: sql<number>`count(*)::int` }).from(tenants);
      return row.n;
    },
  };
}

export type TenantsService = ReturnType<typeof createTenantsService>;
