import { and, eq } from 'drizzle-orm';
import type { Ctx, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/audit.js';
import { tenantSettings } from '../tenants/tenants.tables.js';
import { defaultSettings, tenantSettingsSchema, type TenantSettings } from './settings.schema.js';

export async function readSettings(tx: Tx, tenantId: string): Promise<{ settings: TenantSettings; version: number }> {
  const [row] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
  if (!row) return { settings: defaultSettings(), version: 0 };
  // Parse through the schema so fields added later get their defaults.
  const { data } = tenantSettingsSchema.safeParse(row.settings);
  return { settings: data ?? defaultSettings(), version: row.version };
}

export function createSettingsService(database: Database) {
  return {
    get: (ctx: Ctx<Operator>) => database.tx(ctx.tenantId, (tx) => readSettings(tx, ctx.tenantId)),

    async update(ctx: Ctx<Operator>, next: TenantSettings, version: number) {
      return database.tx(ctx.tenantId, async (tx) => {
        const current = await readSettings(tx, ctx.tenantId);
        if (current.version !== version) throw new AppError('version_conflict', { message: 'settings were changed by someone else; reload' });
        if (version === 0) {
          await tx.insert(tenantSettings).values({ tenantId: ctx.tenantId, settings: next, version: 1 });
        } else {
          await tx.update(tenantSettings).set({ settings: next, version: version + 1, updatedAt: new Date() })
            .where(and(eq(tenantSettings.tenantId, ctx.tenantId), eq(tenantSettings.version, version)));
        }
        await recordAudit(tx, ctx, { action: 'settings.update', entityType: 'settings', entityId: ctx.tenantId, before: current.settings, after: next });
        return { settings: next, version: version + 1 };
      });
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
