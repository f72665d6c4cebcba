/**
 * Customer accounts: the prepaid balance, credit terms and what is owed. Staff read and set them within their data
 * scope; every change of money is a ledger row written with the account locked, and an audit entry.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Ctx, MemberActor, Operator } from '../../platform/auth/actor.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { oncePerKey } from '../../platform/http/idempotency.js';
import { toPage } from '../../platform/http/pagination.js';
import { recordAudit } from '../audit/audit.js';
import { customersInScope } from '../customers/customer-scope.js';
import { customers } from '../customers/customers.tables.js';
import { orders } from '../orders/orders.tables.js';
import { readSettings } from '../settings/settings.service.js';
import type { BalanceShortPolicy, CreditPolicy } from './domain/credit.js';
import { isOnline, enabledMethods, METHOD_NAMES, type CheckoutMethod } from './domain/payment-methods.js';
import { lockAccount, overdueOf, postMovement, readAccount, type AccountRow } from './ledger.js';
import { createPayment } from './payments.repository.js';
import { customerAccounts, moneyMovements } from './payments.tables.js';
import { toAccountView, toMovementView, toPaymentView } from './payment-view.js';
import type { OnlineDeps } from './online-gateways.js';

export interface AdjustInput { deltaFen: number; reason: 'rebate' | 'correction' | 'other'; note: string }
export interface TermsInput {
  creditLimitFen: number; creditTermDays: number; creditPolicy: CreditPolicy; balanceShortPolicy: BalanceShortPolicy;
  methods: CheckoutMethod[] | null; version?: number;
}
export interface MoneyInInput { amountFen: number; reference?: string; remark?: string }

async function scopedCustomer(tx: Tx, ctx: Ctx<Operator>, customerId: string) {
  const [c] = await tx.select({ id: customers.id, name: customers.name, code: customers.code }).from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.id, customerId), customersInScope(ctx.actor)));
  if (!c) throw notFound('customer');
  return c;
}

const methodList = (codes: readonly CheckoutMethod[]) => codes.map((code) => ({ code, name: METHOD_NAMES[code] }));

async function accountOut(tx: Tx, tenantId: string, acc: AccountRow, customer: { id: string; name: string; code: string }) {
  const { settings } = await readSettings(tx, tenantId);
  return {
    ...toAccountView(acc, await overdueOf(tx, tenantId, acc)), customerName: customer.name, customerCode: customer.code,
    methods: acc.methods, enabledMethods: methodList(enabledMethods(settings.payments.methods, acc)),
  };
}

async function movementsPage(tx: Tx, tenantId: string, customerId: string, q: { limit: number; cursor?: string }) {
  const rows = await tx.select({ m: moneyMovements, orderNo: orders.orderNo }).from(moneyMovements)
    .leftJoin(orders, and(eq(orders.tenantId, moneyMovements.tenantId), eq(orders.id, moneyMovements.orderId)))
    .where(and(eq(moneyMovements.tenantId, tenantId), eq(moneyMovements.customerId, customerId), q.cursor ? lt(moneyMovements.id, q.cursor) : undefined))
    .orderBy(desc(moneyMovements.id)).limit(q.limit + 1);
  return toPage(rows.map((r) => ({ ...r.m, orderNo: r.orderNo })), q.limit, toMovementView);
}

export function createAccountsService(database: Database, online: OnlineDeps) {
  /** Money in outside an order (a recharge, a credit repayment), recorded by finance as a 收款单 with its ledger row. */
  const moneyIn = (purpose: 'recharge' | 'credit_repayment') => (ctx: Ctx<Operator>, customerId: string, key: string, input: MoneyInInput) =>
    database.tx(ctx.tenantId, (tx) => oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: purpose, key, body: { customerId, ...input } }, async () => {
      const c = await scopedCustomer(tx, ctx, customerId);
      const acc = await lockAccount(tx, ctx.tenantId, c.id);
      if (purpose === 'credit_repayment' && input.amountFen > acc.creditUsedFen) {
        throw new AppError('payment_exceeds_due', { message: `the customer owes ${acc.creditUsedFen} fen of credit; ${input.amountFen} fen is more`, details: { amountDueFen: acc.creditUsedFen, amountFen: input.amountFen } });
      }
      const p = await createPayment(tx, ctx.tenantId, ctx.actor, {
        purpose, customerId: c.id, orderId: null, method: 'bank_transfer', amountFen: input.amountFen, status: 'succeeded',
        reference: input.reference || null, remark: input.remark || null,
      });
      await recordAudit(tx, ctx, { action: `payment.${purpose}`, entityType: 'customer', entityId: c.id, after: { paymentNo: p.paymentNo, amountFen: p.amountFen } });
      return { status: 201, body: { payment: toPaymentView({ ...p, customerName: c.name }, 'admin'), account: await accountOut(tx, ctx.tenantId, await readAccount(tx, ctx.tenantId, c.id), c) } };
    }));

  return {
    get: (ctx: Ctx<Operator>, customerId: string) => database.tx(ctx.tenantId, async (tx) => {
      const c = await scopedCustomer(tx, ctx, customerId);
      return accountOut(tx, ctx.tenantId, await readAccount(tx, ctx.tenantId, c.id), c);
    }),

    movements: (ctx: Ctx<Operator>, customerId: string, q: { limit: number; cursor?: string }) => database.tx(ctx.tenantId, async (tx) => {
      const c = await scopedCustomer(tx, ctx, customerId);
      return movementsPage(tx, ctx.tenantId, c.id, q);
    }),

    /** 余额调整: credit (rebate, correction) or debit the balance, with a reason; never below zero. */
    adjust: (ctx: Ctx<Operator>, customerId: string, key: string, input: AdjustInput) => database.tx(ctx.tenantId, (tx) =>
      oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'balance-adjustment', key, body: { customerId, ...input } }, async () => {
        const c = await scopedCustomer(tx, ctx, customerId);
        const acc = await lockAccount(tx, ctx.tenantId, c.id);
        const docId = newId();
        const { account, movement } = await postMovement(tx, ctx.tenantId, ctx.actor, acc, {
          kind: 'adjustment', amountFen: Math.abs(input.deltaFen), balanceDeltaFen: input.deltaFen, creditDeltaFen: 0,
          docType: 'adjustment', docId, reason: input.reason, note: input.note,
        });
        await recordAudit(tx, ctx, { action: 'account.adjust', entityType: 'customer', entityId: c.id, before: { balanceFen: acc.balanceFen }, after: { balanceFen: account.balanceFen, ...input } });
        return { status: 201, body: { movement: toMovementView(movement), account: await accountOut(tx, ctx.tenantId, account, c) } };
      })),

    /** 付款条件: credit limit, term and policy, the short-balance policy and the customer's own methods. */
    setTerms: (ctx: Ctx<Operator>, customerId: string, input: TermsInput) => database.tx(ctx.tenantId, async (tx) => {
      const c = await scopedCustomer(tx, ctx, customerId);
      const acc = await lockAccount(tx, ctx.tenantId, c.id);
      if (input.version !== undefined && input.version !== acc.version) {
        throw new AppError('version_conflict', { message: "the customer's account was changed by someone else; reload it", details: { currentVersion: acc.version } });
      }
      const next = {
        creditLimitFen: input.creditLimitFen, creditTermDays: input.creditTermDays, creditPolicy: input.creditPolicy,
        balanceShortPolicy: input.balanceShortPolicy, methods: input.methods ? [...new Set(input.methods)] : null,
      };
      const [account] = await tx.update(customerAccounts).set({ ...next, version: acc.version + 1, updatedAt: new Date() })
        .where(and(eq(customerAccounts.tenantId, ctx.tenantId), eq(customerAccounts.customerId, c.id))).returning();
      const before = { creditLimitFen: acc.creditLimitFen, creditTermDays: acc.creditTermDays, creditPolicy: acc.creditPolicy, balanceShortPolicy: acc.balanceShortPolicy, methods: acc.methods };
      await recordAudit(tx, ctx, { action: 'account.terms', entityType: 'customer', entityId: c.id, before, after: next });
      return accountOut(tx, ctx.tenantId, account, c);
    }),

    recharge: moneyIn('recharge'),
    repayCredit: moneyIn('credit_repayment'),

    /** 我的账户: balance, credit and what is overdue, the methods I may use and where to transfer to. */
    mine: (ctx: Ctx<MemberActor>) => database.tx(ctx.tenantId, async (tx) => {
      const acc = await readAccount(tx, ctx.tenantId, ctx.actor.customerId);
      const { settings } = await readSettings(tx, ctx.tenantId);
      const v = toAccountView(acc, await overdueOf(tx, ctx.tenantId, acc));
      return {
        balanceFen: v.balanceFen, creditLimitFen: v.creditLimitFen, creditUsedFen: v.creditUsedFen, creditAvailableFen: v.creditAvailableFen,
        overdueFen: v.overdueFen, creditTermDays: v.creditTermDays, balanceShortPolicy: acc.balanceShortPolicy, creditPolicy: acc.creditPolicy,
        // An online method is offered only where this server has its gateway.
        enabledMethods: methodList(enabledMethods(settings.payments.methods, acc).filter((m) => !isOnline(m) || online.gateways[m])),
        bankAccount: settings.payments.bankAccount, onlineSandbox: online.sandbox,
      };
    }),

    myMovements: (ctx: Ctx<MemberActor>, q: { limit: number; cursor?: string }) => database.tx(ctx.tenantId, (tx) => movementsPage(tx, ctx.tenantId, ctx.actor.customerId, q)),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
