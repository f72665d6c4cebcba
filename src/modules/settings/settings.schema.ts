import { z } from 'zod';

/** Tenant settings: one JSON document per tenant, validated here, with defaults for every field. */
export const tenantSettingsSchema = z.strictObject({
  companyName: z.string().trim().max(100).default(''),
  registrationOpen: z.boolean().default(true),
  autoApproveRegistration: z.boolean().default(false),
  guestPriceMode: z.enum(['hidden', 'list']).default('hidden'),
  supportPhone: z.string().trim().max(40).default(''),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export const defaultSettings = (): TenantSettings => tenantSettingsSchema.parse({});
