import { z } from 'zod';
import { passwordSchema } from '../../platform/auth/passwords.js';
import { emailField, idParam, nameField, phoneField, usernameField, versionField } from '../../platform/http/schemas.js';
import { pageQuery } from '../../platform/http/pagination.js';

export const dataScopeSchema = z.enum(['all', 'region', 'assigned']);

export const roleOut = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  permissions: z.array(z.string()),
  dataScope: dataScopeSchema,
  builtIn: z.boolean(),
  version: z.number().int(),
  staffCount: z.number().int(),
}).meta({ id: 'Role' });

export const roleCreate = z.strictObject({
  name: nameField,
  permissions: z.array(z.string().max(64)).max(200),
  dataScope: dataScopeSchema,
});
export const roleUpdate = z.strictObject({
  name: nameField.optional(),
  permissions: z.array(z.string().max(64)).max(200).optional(),
  dataScope: dataScopeSchema.optional(),
  version: versionField,
});

export const staffOut = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(z.object({ id: z.string(), code: z.string().nullable(), name: z.string() })),
  regionIds: z.array(z.string()),
  /** 仓库范围: empty = every warehouse. */
  warehouseIds: z.array(z.string()),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
}).meta({ id: 'Staff' });

export const staffCreate = z.strictObject({
  name: nameField,
  username: usernameField,
  phone: phoneField.optional(),
  email: emailField.optional(),
  password: passwordSchema,
  roleIds: z.array(idParam).min(1).max(20),
  regionIds: z.array(idParam).max(200).default([]),
  warehouseIds: z.array(idParam).max(100).default([]),
});
export const staffUpdate = z.strictObject({
  name: nameField.optional(),
  phone: phoneField.nullable().optional(),
  email: emailField.nullable().optional(),
  roleIds: z.array(idParam).min(1).max(20).optional(),
  regionIds: z.array(idParam).max(200).optional(),
  warehouseIds: z.array(idParam).max(100).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  version: versionField,
});
export const staffListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  roleId: idParam.optional(),
});
export const resetPasswordBody = z.strictObject({ newPassword: passwordSchema });

/** `warehouseIds` may be left out by the CLI and the demo seed (= all warehouses). */
export type StaffCreate = Omit<z.infer<typeof staffCreate>, 'warehouseIds'> & { warehouseIds?: string[] };
export type StaffUpdate = z.infer<typeof staffUpdate>;
export type RoleCreate = z.infer<typeof roleCreate>;
export type RoleUpdate = z.infer<typeof roleUpdate>;
