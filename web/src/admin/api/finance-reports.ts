import { api, newIdempotencyKey, type Query } from '../../shared/api/client';

export type { Position, Statement, StatementLine } from '../../shared/api/statement';
import type { Statement } from '../../shared/api/statement';

export const BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type Bucket = (typeof BUCKETS)[number];
type Buckets = Record<Bucket, number>;

export interface AgingRow extends Buckets {
  customerId: string; customerCode: string; customerName: string; salespersonId: string | null; salespersonName: string | null;
  ordersDueFen: number; creditDueFen: number; totalFen: number; overdueFen: number; oldestDays: number | null; balanceFen: number; creditLimitFen: number; netFen: number;
}
export interface Aging { asOf: string; customerCount: number; items: AgingRow[]; totals: Buckets & { ordersDueFen: number; creditDueFen: number; totalFen: number; overdueFen: number } }

export interface CreditRow {
  customerId: string; customerCode: string; customerName: string; salespersonName: string | null; creditLimitFen: number; creditUsedFen: number;
  overLimitFen: number; overdueFen: number; balanceFen: number; creditTermDays: number; creditPolicy: string; oldestDueOn: string | null; daysOverdue: number; nextDueOn: string | null;
}

export type Direction = 'income' | 'expense';
export interface FinanceCategory { id: string; direction: Direction; name: string; sort: number; active: boolean; version: number }
export interface FinanceRecord {
  id: string; recordNo: string; direction: Direction; categoryId: string; categoryName: string; amountFen: number; occurredOn: string;
  account: string | null; counterparty: string | null; note: string | null; status: 'active' | 'voided'; voidReason: string | null;
  voidedByName: string | null; voidedAt: string | null; createdByName: string; createdAt: string; version: number;
}
export interface RecordTotals {
  incomeFen: number; expenseFen: number; netFen: number; count: number;
  byCategory: { categoryId: string; name: string; direction: Direction; amountFen: number; count: number }[];
  byMonth: { month: string; incomeFen: number; expenseFen: number; count: number }[];
}
export interface MonthSummary { month: string; receivedFen: number; refundedFen: number; netReceiptsFen: number; otherIncomeFen: number; incomeFen: number; expenseFen: number; netFen: number }
export interface Summary { from: string; to: string; months: MonthSummary[]; totals: Omit<MonthSummary, 'month'> }

export const STATEMENTS = '/admin/finance/statements';
export const RECEIVABLES = '/admin/finance/receivables';
export const CREDIT_CONTROL = '/admin/finance/credit-control';
export const CATEGORIES = '/admin/finance/categories';
export const RECORDS = '/admin/finance/records';
export const SUMMARY = '/admin/finance/summary';

export const reportsApi = {
  statement: (q: { customerId: string; from: string; to: string }) => api.get<Statement>(STATEMENTS, q),
  aging: (q: Query) => api.get<Aging>(RECEIVABLES, q),
  creditControl: () => api.get<{ asOf: string; items: CreditRow[] }>(CREDIT_CONTROL),
  categories: () => api.get<{ items: FinanceCategory[] }>(CATEGORIES),
  addCategory: (body: { direction: Direction; name: string; sort?: number }) => api.post<FinanceCategory>(CATEGORIES, body),
  updateCategory: ({ id, ...body }: { id: string; name?: string; sort?: number; active?: boolean; version?: number }) => api.patch<FinanceCategory>(`${CATEGORIES}/${id}`, body),
  totals: (q: Query) => api.get<RecordTotals>(`${RECORDS}/totals`, q),
  record: ({ key, ...body }: { key?: string; categoryId: string; amountFen: number; occurredOn: string; account?: string; counterparty?: string; note?: string }) =>
    api.postWith<FinanceRecord>(RECORDS, body, { 'Idempotency-Key': key ?? newIdempotencyKey() }),
  voidRecord: ({ id, ...body }: { id: string; reason: string; version: number }) => api.post<FinanceRecord>(`${RECORDS}/${id}/void`, body),
  summary: (q: { from: string; to: string }) => api.get<Summary>(SUMMARY, q),
};
