import { z } from 'zod';
import { passwordSchema } from '../../platform/auth/passwords.js';

export const realmSchema = z.enum(['staff', 'member']);
export const loginBody = z.strictObject({
  login: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});

export const staffMe = z.object({
  kind: z.literal('staff'),
  id: z.string(),
  name: z.string(),
  username: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  roles: z.array(z.object({ id: z.string(), code: z.string().nullable(), name: z.string() })),
  permissions: z.array(z.string()),
  dataScope: z.enum(['all', 'region', 'assigned']),
  /** 仓库范围: the warehouses the user works on; empty = all. */
  warehouseIds: z.array(z.string()),
}).meta({ id: 'StaffMe' });

export const memberMe = z.object({
  kind: z.literal('member'),
  id: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  memberRole: z.enum(['buyer', 'approver', 'viewer']),
  isAdmin: z.boolean(),
  customer: z.object({ id: z.string(), code: z.string(), name: z.string(), type: z.enum(['dealer', 'retailer', 'consumer']), status: z.string(), levelName: z.string().nullable() }),
}).meta({ id: 'MemberMe' });

export const apiKeyMe = z.object({ kind: z.literal('apikey'), id: z.string(), name: z.string(), permissions: z.array(z.string()) });

export const meOut = z.object({ me: z.union([staffMe, memberMe, apiKeyMe]), csrfToken: z.string().nullable() });

export const changePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema });
export const resetRequestBody = z.strictObject({ realm: realmSchema, login: z.string().trim().min(1).max(254) });
export const resetConfirmBody = z.strictObject({
  realm: realmSchema,
  login: z.string().trim().min(1).max(254),
  code: z.string().regex(/^[0-9]{6}$/, '6 digits'),
  newPassword: passwordSchema,
});

export const apiKeyOut = z.object({
  id: z.string(), name: z.string(), scopes: z.array(z.string()), createdBy: z.string(), createdAt: z.string(),
  lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(), prefix: z.string(),
}).meta({ id: 'ApiKey' });
export const apiKeyCreate = z.strictObject({ name: z.string().trim().min(1).max(100), scopes: z.array(z.string().max(64)).min(1).max(100) });
