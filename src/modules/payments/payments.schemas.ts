import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.js';
import { idParam, versionField } from '../../platform/http/schemas.js';
import { BALANCE_SHORT_POLICIES, CREDIT_POLICIES } from './domain/credit.js';
import { MOVEMENT_KINDS, PAYMENT_PURPOSES } from './domain/ledger-effect.js';
import { CHECKOUT_METHODS, MALL_PAY_METHODS, PAYMENT_METHODS, RECHARGE_METHODS, RECORDED_METHODS } from './domain/payment-methods.js';
import { PAYMENT_STATES } from './payments.tables.js';

const fen = z.number().int();
const MAX_FEN = 1_000_000_000_00;
const amountField = z.number().int().min(1).max(MAX_FEN);
const noteField = (max = 200) => z.string().trim().max(max).optional();

export const paymentOut = z.object({
  id: z.string(), paymentNo: z.string(), purpose: z.enum(PAYMENT_PURPOSES), customerId: z.string(), customerName: z.string().nullable(),
  orderId: z.string().nullable(), orderNo: z.string().nullable(), method: z.string(), methodName: z.string(), amountFen: fen,
  status: z.enum(PAYMENT_STATES), reviewReason: z.string().nullable(), remark: z.string().nullable(), reference: z.string().nullable(),
  vouchers: z.array(z.object({ id: z.string(), url: z.string() })), gateway: z.string().nullable(), gatewayTradeNo: z.string().nullable(),
  createdByKind: z.string(), createdByName: z.string(), decidedByName: z.string().nullable(), decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(), succeededAt: z.string().nullable(), createdAt: z.string(), version: fen,
  /** An online payment still payable: open `payUrl` (redirect) or show it as a QR code (qr) until `expiresAt`. */
  payKind: z.enum(['redirect', 'qr']).nullable(), payUrl: z.string().nullable(), expiresAt: z.string().nullable(),
  /** Why an online payment failed: superseded (a newer attempt), closed (by the gateway), expired. */
  failReason: z.string().nullable(),
}).meta({ id: 'Payment' });

export const orderMoneyOut = z.object({
  id: z.string(), orderNo: z.string(), status: z.string(), paymentMethod: z.string(), paymentStatus: z.string(), totalFen: fen, paidFen: fen,
  awaitingConfirmationFen: fen, amountDueFen: fen, version: fen,
}).meta({ id: 'OrderMoney' });

export const orderPaymentsOut = z.object({ order: orderMoneyOut, items: z.array(paymentOut) });
export const paymentCreatedOut = z.object({ payment: paymentOut, order: orderMoneyOut });

const methodOut = z.object({ code: z.string(), name: z.string() });
export const accountOut = z.object({
  customerId: z.string(), customerName: z.string(), customerCode: z.string(), balanceFen: fen, creditLimitFen: fen, creditUsedFen: fen,
  creditAvailableFen: fen, overdueFen: fen, creditTermDays: fen, creditPolicy: z.enum(CREDIT_POLICIES), balanceShortPolicy: z.enum(BALANCE_SHORT_POLICIES),
  methods: z.array(z.string()).nullable(), enabledMethods: z.array(methodOut), version: fen,
}).meta({ id: 'CustomerAccount' });

export const movementOut = z.object({
  id: z.string(), kind: z.enum(MOVEMENT_KINDS), amountFen: fen, balanceDeltaFen: fen, creditDeltaFen: fen, orderId: z.string().nullable(),
  orderNo: z.string().nullable(), method: z.string().nullable(), docType: z.string(), docId: z.string(), dueOn: z.string().nullable(),
  reason: z.string().nullable(), note: z.string().nullable(), actorKind: z.string(), actorName: z.string(), createdAt: z.string(),
}).meta({ id: 'MoneyMovement' });
export const movementsOut = z.object({ items: z.array(movementOut), nextCursor: z.string().nullable() });

export const myAccountOut = z.object({
  balanceFen: fen, creditLimitFen: fen, creditUsedFen: fen, creditAvailableFen: fen, overdueFen: fen, creditTermDays: fen,
  /** What happens when the balance does not cover an order, and when credit is over the limit or overdue. */
  balanceShortPolicy: z.enum(BALANCE_SHORT_POLICIES), creditPolicy: z.enum(CREDIT_POLICIES),
  enabledMethods: z.array(methodOut), bankAccount: z.object({ accountName: z.string(), bankName: z.string(), accountNo: z.string() }),
  /** The online gateways are the local simulators (沙箱支付: the demo and tests), not real money. */
  onlineSandbox: z.boolean(),
});

export const mallPayBody = z.strictObject({
  method: z.enum(MALL_PAY_METHODS),
  /** Omitted: everything still open on the order. */
  amountFen: amountField.optional(),
  voucherIds: z.array(idParam).min(1).max(5).optional(),
  remark: noteField(),
}).superRefine((b, ctx) => {
  if (b.method === 'bank_transfer' && !b.voucherIds) ctx.addIssue({ code: 'custom', path: ['voucherIds'], message: 'a bank transfer needs its voucher (付款凭证)' });
  if (b.method !== 'bank_transfer' && b.voucherIds) ctx.addIssue({ code: 'custom', path: ['voucherIds'], message: 'only a bank transfer takes vouchers' });
});

/** 充值: online (the answer carries the cashier) or by bank transfer with its vouchers (finance confirms). */
export const rechargeBody = z.strictObject({
  method: z.enum(RECHARGE_METHODS),
  amountFen: amountField,
  voucherIds: z.array(idParam).min(1).max(5).optional(),
  remark: noteField(),
}).superRefine((b, ctx) => {
  if (b.method === 'bank_transfer' && !b.voucherIds) ctx.addIssue({ code: 'custom', path: ['voucherIds'], message: 'a bank transfer needs its voucher (付款凭证)' });
  if (b.method !== 'bank_transfer' && b.voucherIds) ctx.addIssue({ code: 'custom', path: ['voucherIds'], message: 'only a bank transfer takes vouchers' });
});
export const rechargeOut = z.object({ payment: paymentOut });

export const recordReceiptBody = z.strictObject({ method: z.enum(RECORDED_METHODS), amountFen: amountField, reference: noteField(100), remark: noteField() });
export const confirmBody = z.strictObject({ version: versionField.optional(), reference: noteField(100) });
export const rejectBody = z.strictObject({ version: versionField.optional(), reason: z.string().trim().min(1).max(300) });

export const adjustBody = z.strictObject({
  /** Positive credits the balance, negative debits it. */
  deltaFen: z.number().int().min(-MAX_FEN).max(MAX_FEN).refine((v) => v !== 0, 'must not be zero'),
  reason: z.enum(['rebate', 'correction', 'other']),
  note: z.string().trim().min(1).max(300),
});
export const moneyInBody = z.strictObject({ amountFen: amountField, reference: noteField(100), remark: noteField() });
export const termsBody = z.strictObject({
  creditLimitFen: z.number().int().min(0).max(MAX_FEN),
  creditTermDays: z.number().int().min(0).max(365),
  creditPolicy: z.enum(CREDIT_POLICIES),
  balanceShortPolicy: z.enum(BALANCE_SHORT_POLICIES),
  methods: z.array(z.enum(CHECKOUT_METHODS)).max(10).nullable(),
  version: versionField.optional(),
});
export const adjustedOut = z.object({ movement: movementOut, account: accountOut });
export const moneyInOut = z.object({ payment: paymentOut, account: accountOut });

export const paymentListQuery = z.strictObject({
  ...pageQuery, status: z.enum(PAYMENT_STATES).optional(), method: z.enum([...PAYMENT_METHODS]).optional(),
  purpose: z.enum(PAYMENT_PURPOSES).optional(), customerId: idParam.optional(), orderId: idParam.optional(),
});
export const movementsQuery = z.strictObject({ ...pageQuery });
export const customerParams = z.object({ id: idParam });
export const voucherOut = z.object({ id: z.string(), width: fen, height: fen, url: z.string() });
