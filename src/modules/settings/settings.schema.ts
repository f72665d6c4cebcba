import { z } from 'zod';
import { CHECKOUT_METHODS } from '../payments/domain/payment-methods.js';

const fen = z.number().int().min(0).max(1_000_000_000_00);

/** How orders move through review (GLOSSARY.md review chain) and when steps are skipped automatically. */
export const orderSettingsSchema = z.strictObject({
  /** 待订单审核: the order clerk reviews each order. */
  reviewEnabled: z.boolean().default(true),
  /** 待财务审核: finance reviews (every order, or only above `financeAboveFen`). */
  financeEnabled: z.boolean().default(true),
  /** 待出库审核: the shipping reviewer releases the order to the warehouse. */
  releaseEnabled: z.boolean().default(false),
  /** Orders of customers marked trusted skip the order review. */
  autoApproveTrusted: z.boolean().default(false),
  /** Orders whose total is below this skip the order review; 0 = off. */
  autoApproveBelowFen: fen.default(0),
  /** Finance reviews only orders whose total is at least this; 0 = every order. */
  financeAboveFen: fen.default(0),
  /** When an order's stock is reserved: at submission, or when the order clerk approves it (availability is still checked at submission). */
  reserveAt: z.enum(['submit', 'approval']).default('submit'),
  /** Shipped orders are confirmed as received automatically after this many days. */
  autoConfirmDays: z.number().int().min(1).max(90).default(7),
  /** Tax rate (basis points, 1300 = 13 %) of products that do not name their own. */
  defaultTaxRateBp: z.number().int().min(0).max(10000).default(1300),
});

/** 运费规则: the first rule naming the delivery region (or one of its parents) applies; regionIds [] = anywhere else. */
export const shippingRuleSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  regionIds: z.array(z.string().max(64)).max(100).default([]),
  /** order: a flat fee; weight: per `extraUnits` grams beyond `firstUnits`; quantity: per base unit likewise. */
  basis: z.enum(['order', 'weight', 'quantity']),
  firstFen: fen,
  firstUnits: z.number().int().min(0).max(1_000_000_000).default(0),
  extraFen: fen.default(0),
  extraUnits: z.number().int().min(1).max(1_000_000_000).default(1),
  /** Goods total from which shipping is free; null = never free. */
  freeAboveFen: fen.nullable().default(null),
});

/** How customers pay (issue 6): the methods the company accepts and the bank account the mall shows for transfers. */
export const paymentSettingsSchema = z.strictObject({
  /** Methods offered at checkout and on the order, in this set; a customer's own list can only narrow it. */
  /** Online methods (wechat, alipay, unionpay) work only where the deployment configured their gateway. */
  methods: z.array(z.enum(CHECKOUT_METHODS)).max(10)
    .default(['offline', 'balance', 'bank_transfer', 'cod', 'credit']),
  /** 收款账户 shown to customers paying by bank transfer. */
  bankAccount: z.strictObject({
    accountName: z.string().trim().max(100).default(''),
    bankName: z.string().trim().max(100).default(''),
    accountNo: z.string().trim().max(40).default(''),
  }).default(() => ({ accountName: '', bankName: '', accountNo: '' })),
});

/** Tenant settings: one JSON document per tenant, validated here, with defaults for every field. */
export const tenantSettingsSchema = z.strictObject({
  companyName: z.string().trim().max(100).default(''),
  registrationOpen: z.boolean().default(true),
  autoApproveRegistration: z.boolean().default(false),
  guestPriceMode: z.enum(['hidden', 'list']).default('hidden'),
  supportPhone: z.string().trim().max(40).default(''),
  orders: orderSettingsSchema.default(() => orderSettingsSchema.parse({})),
  shippingRules: z.array(shippingRuleSchema).max(50).default([]),
  /** What customers see of stock: the exact number available, or only 有货 / 缺货. */
  stockDisplay: z.enum(['exact', 'status']).default('status'),
  payments: paymentSettingsSchema.default(() => paymentSettingsSchema.parse({})),
});

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;
export type OrderSettings = z.infer<typeof orderSettingsSchema>;
export type ShippingRule = z.infer<typeof shippingRuleSchema>;
export type PaymentSettings = z.infer<typeof paymentSettingsSchema>;

export const defaultSettings = (): TenantSettings => tenantSettingsSchema.parse({});
