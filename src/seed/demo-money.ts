/**
 * The demo company's money, for `npm start` and `dinghuo seed --demo` (the tests keep the plain demo): the company's
 * 收款账户 and payment methods — the online ones too when this server has gateways (the 沙箱支付 simulators in the demo)
 * — an opening prepaid balance for 赵刚's dealership (dealer1) and credit terms for 黄海's (dealer2).
 */
import { and, eq } from 'drizzle-orm';
import { systemActor } from '../platform/auth/actor.js';
import type { Database } from '../platform/db/database.js';
import { PERMISSION_CODES } from '../modules/staff/domain/permissions.js';
import { customerMembers } from '../modules/customers/customers.tables.js';
import { createAccountsService } from '../modules/payments/accounts.service.js';
import { createSettingsService } from '../modules/settings/settings.service.js';

export async function seedDemoMoney(database: Database, tenantId: string, opts: { online: boolean }) {
  const ctx = { tenantId, actor: systemActor(PERMISSION_CODES, '演示数据 / demo seed') };
  const settings = createSettingsService(database);
  const current = await settings.get(ctx);
  await settings.update(ctx, {
    ...current.settings,
    payments: {
      methods: ['offline', ...(opts.online ? ['wechat', 'alipay', 'unionpay'] as const : []), 'balance', 'bank_transfer', 'cod', 'credit'],
      bankAccount: { accountName: '上海订货演示商贸有限公司', bankName: '中国工商银行上海分行营业部', accountNo: '1001 2345 6789 0123 456' },
    },
  }, current.version);
  const accounts = createAccountsService(database, { gateways: {}, publicUrl: '', sandbox: opts.online });
  const customerOf = async (username: string) => database.tx(tenantId, async (tx) => {
    const [m] = await tx.select({ customerId: customerMembers.customerId }).from(customerMembers)
      .where(and(eq(customerMembers.tenantId, tenantId), eq(customerMembers.username, username)));
    return m.customerId;
  });
  await accounts.adjust(ctx, await customerOf('dealer1'), 'demo-opening-balance', { deltaFen: 500_000, reason: 'other', note: '期初预存款' });
  await accounts.setTerms(ctx, await customerOf('dealer2'), { creditLimitFen: 2_000_000, creditTermDays: 30, creditPolicy: 'review', balanceShortPolicy: 'partial', methods: null });
}
