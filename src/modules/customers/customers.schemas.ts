import { z } from 'zod';
import { passwordSchema } from '../../platform/auth/passwords.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { emailField, idParam, nameField, phoneField, textField, usernameField, versionField } from '../../platform/http/schemas.js';
import { customerStatuses, customerTypes, memberRoles } from './customers.tables.js';

export const customerTypeSchema = z.enum(customerTypes);
export const customerStatusSchema = z.enum(customerStatuses);
export const memberRoleSchema = z.enum(memberRoles);

export const contactIn = z.strictObject({
  name: nameField, phone: phoneField.nullable().optional(), email: emailField.nullable().optional(),
  position: textField(50).nullable().optional(), isPrimary: z.boolean().optional(),
});
export const contactOut = z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), position: z.string().nullable(), isPrimary: z.boolean() }).meta({ id: 'Contact' });

export const addressIn = z.strictObject({
  receiver: nameField, phone: phoneField, regionId: idParam.nullable().optional(),
  regionText: textField(100).min(1), detail: textField(200).min(1), isDefault: z.boolean().optional(),
});
export const addressOut = z.object({
  id: z.string(), receiver: z.string(), phone: z.string(), regionId: z.string().nullable(), regionText: z.string(), detail: z.string(), isDefault: z.boolean(),
}).meta({ id: 'Address' });

export const invoiceProfileIn = z.strictObject({
  kind: z.enum(['normal', 'special']), title: textField(100).min(1),
  taxNo: z.string().trim().regex(/^[0-9A-Z]{15,20}$/, 'tax number: 15–20 digits or capital letters'),
  bankName: textField(100).nullable().optional(), bankAccount: z.string().trim().regex(/^[0-9 -]{6,40}$/, 'bank account number').nullable().optional(),
  address: textField(200).nullable().optional(), phone: phoneField.nullable().optional(), isDefault: z.boolean().optional(),
}).refine((v) => v.kind === 'normal' || (v.bankName && v.bankAccount && v.address && v.phone), {
  message: 'a special VAT invoice (专票) needs bank name, bank account, address and phone', path: ['kind'],
});
export const invoiceProfileOut = z.object({
  id: z.string(), kind: z.enum(['normal', 'special']), title: z.string(), taxNo: z.string(), bankName: z.string().nullable(),
  bankAccount: z.string().nullable(), address: z.string().nullable(), phone: z.string().nullable(), isDefault: z.boolean(),
}).meta({ id: 'InvoiceProfile' });

const loginFields = { username: usernameField.nullable().optional(), phone: phoneField.nullable().optional(), email: emailField.nullable().optional() };
export const memberCreate = z.strictObject({
  name: nameField, ...loginFields, password: passwordSchema, memberRole: memberRoleSchema, isAdmin: z.boolean().default(false),
}).refine((v) => v.username || v.phone || v.email, { message: 'a login needs a username, phone or email', path: ['username'] });
export const memberUpdate = z.strictObject({
  name: nameField.optional(), ...loginFields, memberRole: memberRoleSchema.optional(), isAdmin: z.boolean().optional(),
  status: z.enum(['active', 'disabled']).optional(), password: passwordSchema.optional(), version: versionField,
});
export const memberOut = z.object({
  id: z.string(), name: z.string(), username: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(),
  memberRole: memberRoleSchema, isAdmin: z.boolean(), status: z.enum(['active', 'disabled']), lastLoginAt: z.string().nullable(),
  createdAt: z.string(), version: z.number().int(),
}).meta({ id: 'Member' });

const customerFields = {
  name: nameField, type: customerTypeSchema, levelId: idParam.nullable().optional(), regionId: idParam.nullable().optional(),
  salespersonId: idParam.nullable().optional(), contactName: nameField, phone: phoneField, email: emailField.nullable().optional(),
  remark: textField(500).nullable().optional(),
};
export const customerCreate = z.strictObject({
  ...customerFields,
  /** Optionally the first member login, created with the customer. */
  member: z.strictObject({ username: usernameField.nullable().optional(), password: passwordSchema }).optional(),
});
export const customerUpdate = z.strictObject({
  name: customerFields.name.optional(), type: customerFields.type.optional(), levelId: customerFields.levelId, regionId: customerFields.regionId,
  salespersonId: customerFields.salespersonId, contactName: customerFields.contactName.optional(), phone: customerFields.phone.optional(),
  email: customerFields.email, remark: customerFields.remark, trusted: z.boolean().optional(), orderApproval: z.boolean().optional(), version: versionField,
});
export const customerListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(100).optional(),
  status: customerStatusSchema.optional(),
  type: customerTypeSchema.optional(),
  levelId: idParam.optional(),
  regionId: idParam.optional(),
  salespersonId: idParam.optional(),
});
export const rejectBody = z.strictObject({ reason: textField(300).min(1) });

export const customerSummary = z.object({
  id: z.string(), code: z.string(), name: z.string(), type: customerTypeSchema, status: customerStatusSchema,
  levelId: z.string().nullable(), levelName: z.string().nullable(), regionId: z.string().nullable(), regionName: z.string().nullable(),
  salespersonId: z.string().nullable(), salespersonName: z.string().nullable(), contactName: z.string(), phone: z.string(),
  email: z.string().nullable(), remark: z.string().nullable(), rejectReason: z.string().nullable(), source: z.enum(['staff', 'registration']),
  trusted: z.boolean(), orderApproval: z.boolean(), createdAt: z.string(), version: z.number().int(),
}).meta({ id: 'CustomerSummary' });
export const customerDetail = customerSummary.extend({
  contacts: z.array(contactOut), addresses: z.array(addressOut), invoiceProfiles: z.array(invoiceProfileOut), members: z.array(memberOut),
}).meta({ id: 'CustomerDetail' });

export const registerBody = z.strictObject({
  companyName: nameField, type: customerTypeSchema, contactName: nameField, phone: phoneField,
  email: emailField.optional(), username: usernameField.optional(), password: passwordSchema, regionId: idParam.optional(),
  address: z.strictObject({ regionText: textField(100).min(1), detail: textField(200).min(1) }).optional(),
});

export const levelOut = z.object({ id: z.string(), name: z.string(), rank: z.number().int(), version: z.number().int(), customerCount: z.number().int() }).meta({ id: 'CustomerLevel' });
export const levelIn = z.strictObject({ name: nameField, rank: z.number().int().min(0).max(1000) });
export const levelUpdate = z.strictObject({ name: nameField.optional(), rank: z.number().int().min(0).max(1000).optional(), version: versionField });
export const regionOut = z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string(), code: z.string().nullable() }).meta({ id: 'Region' });
export const regionIn = z.strictObject({ name: nameField, parentId: idParam.nullable().optional(), code: z.string().trim().max(20).nullable().optional() });

export type CustomerCreate = z.infer<typeof customerCreate>;
export type CustomerUpdate = z.infer<typeof customerUpdate>;
export type MemberCreate = z.infer<typeof memberCreate>;
export type MemberUpdate = z.infer<typeof memberUpdate>;
export type RegisterInput = z.infer<typeof registerBody>;
