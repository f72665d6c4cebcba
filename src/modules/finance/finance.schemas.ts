import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.js';
import { idParam, intQuery, versionField } from '../../platform/http/schemas.js';
import { BUCKETS } from './domain/aging.js';
import { DIRECTIONS, RECORD_STATUSES } from './domain/records.js';
import { AGING_SORTS } from './receivables.queries.js';

const fen = z.number().int();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD');
const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM');
const text = (max: number) => z.string().trim().max(max).optional();

// ── 对账单 ──
const positionOut = z.object({ balanceFen: fen, creditUsedFen: fen, ordersDueFen: fen, receivableFen: fen }).meta({ id: 'StatementPosition' });
const lineOut = z.object({
  id: z.string(), at: z.string(), day: z.string(), kind: z.string(), kindName: z.string(), docNo: z.string().nullable(), orderId: z.string().nullable(),
  orderNo: z.string().nullable(), method: z.string().nullable(), methodName: z.string().nullable(), amountFen: fen, dueOn: z.string().nullable(),
  note: z.string().nullable(), debitFen: fen, creditFen: fen, balanceDeltaFen: fen, creditDeltaFen: fen, ordersDueDeltaFen: fen,
  balanceFen: fen, creditUsedFen: fen, ordersDueFen: fen, receivableFen: fen,
}).meta({ id: 'StatementLine' });
export const statementOut = z.object({
  company: z.string(), customer: z.object({ id: z.string(), code: z.string(), name: z.string() }), from: z.string(), to: z.string(), timeZone: z.string(),
  generatedAt: z.string(), opening: positionOut, closing: positionOut,
  totals: z.object({ debitFen: fen, creditFen: fen, ordersFen: fen, orderCount: fen }),
  lines: z.array(lineOut),
  orders: z.array(z.object({ id: z.string(), orderNo: z.string(), submittedAt: z.string(), totalFen: fen, paidFen: fen, status: z.string(), paymentStatus: z.string(), statusName: z.string() })),
}).meta({ id: 'Statement' });
export const statementQuery = z.strictObject({ customerId: idParam, from: day, to: day });
export const myStatementQuery = z.strictObject({ from: day, to: day });

// ── 应收账款 / 信用控制 ──
const bucketFields = Object.fromEntries(BUCKETS.map((b) => [b, fen])) as Record<(typeof BUCKETS)[number], typeof fen>;
export const agingQuery = z.strictObject({
  customerId: idParam.optional(), salespersonId: idParam.optional(), sort: z.enum(AGING_SORTS).default('total'), order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50), offset: intQuery(1_000_000).default(0),
});
export const agingExportQuery = agingQuery.omit({ limit: true, offset: true });
export const agingOut = z.object({
  asOf: z.string(), customerCount: fen,
  items: z.array(z.object({
    customerId: z.string(), customerCode: z.string(), customerName: z.string(), salespersonId: z.string().nullable(), salespersonName: z.string().nullable(),
    ordersDueFen: fen, creditDueFen: fen, ...bucketFields, totalFen: fen, overdueFen: fen, oldestDays: fen.nullable(), balanceFen: fen, creditLimitFen: fen, netFen: fen,
  })),
  totals: z.object({ ordersDueFen: fen, creditDueFen: fen, ...bucketFields, totalFen: fen, overdueFen: fen }),
}).meta({ id: 'ReceivablesAging' });
export const creditControlOut = z.object({
  asOf: z.string(),
  items: z.array(z.object({
    customerId: z.string(), customerCode: z.string(), customerName: z.string(), salespersonName: z.string().nullable(), creditLimitFen: fen, creditUsedFen: fen,
    overLimitFen: fen, overdueFen: fen, balanceFen: fen, creditTermDays: fen, creditPolicy: z.string(), oldestDueOn: z.string().nullable(), daysOverdue: fen,
    nextDueOn: z.string().nullable(),
  })),
}).meta({ id: 'CreditControl' });

// ── 收支记录 ──
export const categoryOut = z.object({ id: z.string(), direction: z.enum(DIRECTIONS), name: z.string(), sort: fen, active: z.boolean(), version: fen }).meta({ id: 'FinanceCategory' });
export const categoryBody = z.strictObject({ direction: z.enum(DIRECTIONS), name: z.string().trim().min(1).max(30), sort: z.number().int().min(0).max(10_000).optional() });
export const categoryPatch = z.strictObject({
  name: z.string().trim().min(1).max(30).optional(), sort: z.number().int().min(0).max(10_000).optional(), active: z.boolean().optional(), version: versionField.optional(),
});
export const recordOut = z.object({
  id: z.string(), recordNo: z.string(), direction: z.enum(DIRECTIONS), categoryId: z.string(), categoryName: z.string(), amountFen: fen, occurredOn: z.string(),
  account: z.string().nullable(), counterparty: z.string().nullable(), note: z.string().nullable(), status: z.enum(RECORD_STATUSES), voidReason: z.string().nullable(),
  voidedByName: z.string().nullable(), voidedAt: z.string().nullable(), createdByName: z.string(), createdAt: z.string(), version: fen,
}).meta({ id: 'FinanceRecord' });
export const recordBody = z.strictObject({
  categoryId: idParam, amountFen: z.number().int().min(1).max(1_000_000_000_00), occurredOn: day,
  account: text(40), counterparty: text(100), note: text(300),
});
export const voidBody = z.strictObject({ reason: z.string().trim().min(1).max(300), version: versionField.optional() });
const recordFilter = {
  direction: z.enum(DIRECTIONS).optional(), categoryId: idParam.optional(), from: day.optional(), to: day.optional(),
  status: z.enum([...RECORD_STATUSES, 'all']).optional(), q: z.string().trim().max(50).optional(),
};
/** A records cursor: the last row's day (YYYYMMDD, a real calendar day) followed by its id (records.queries.ts). */
const isRecordCursor = (c: string) => {
  if (!/^\d{8}[0-9A-Z]+$/.test(c)) return false;
  const d = new Date(Date.UTC(Number(c.slice(0, 4)), Number(c.slice(4, 6)) - 1, Number(c.slice(6, 8))));
  return d.getUTCFullYear() >= 1900 && d.toISOString().slice(0, 10).replaceAll('-', '') === c.slice(0, 8);
};
const recordCursor = z.string().max(64).refine(isRecordCursor, 'not a cursor');
export const recordListQuery = z.strictObject({ ...recordFilter, ...pageQuery, cursor: recordCursor.optional() });
export const recordTotalsQuery = z.strictObject(recordFilter);
export const recordTotalsOut = z.object({
  incomeFen: fen, expenseFen: fen, netFen: fen, count: fen,
  byCategory: z.array(z.object({ categoryId: z.string(), name: z.string(), direction: z.enum(DIRECTIONS), amountFen: fen, count: fen })),
  byMonth: z.array(z.object({ month: z.string(), incomeFen: fen, expenseFen: fen, count: fen })),
});
export const summaryQuery = z.strictObject({ from: monthField, to: monthField });
const summaryRow = { receivedFen: fen, refundedFen: fen, netReceiptsFen: fen, otherIncomeFen: fen, incomeFen: fen, expenseFen: fen, netFen: fen };
export const summaryOut = z.object({ from: z.string(), to: z.string(), months: z.array(z.object({ month: z.string(), ...summaryRow })), totals: z.object(summaryRow) }).meta({ id: 'FinanceSummary' });
