/**
 * 收支记录: money the company pays or receives outside customer orders (purchases, rent, wages, freight, other
 * income). Each record belongs to a category of one direction; a record is never deleted, only voided with a reason.
 * Pure rules; the service loads the facts.
 */
export const DIRECTIONS = ['income', 'expense'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const RECORD_STATUSES = ['active', 'voided'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** The categories a company starts with; it may rename, reorder, switch off and add its own. */
export const DEFAULT_CATEGORIES: readonly { direction: Direction; name: string }[] = [
  { direction: 'expense', name: '采购付款' },
  { direction: 'expense', name: '运费' },
  { direction: 'expense', name: '房租' },
  { direction: 'expense', name: '工资' },
  { direction: 'expense', name: '办公费' },
  { direction: 'expense', name: '其他支出' },
  { direction: 'income', name: '其他收入' },
];

export const formatRecordNo = (seq: number) => `SZ${String(seq).padStart(6, '0')}`;

export type VoidDecision = { ok: true } | { ok: false; code: 'finance_record_voided' | 'version_conflict'; message: string };

export function decideVoid(r: { status: RecordStatus; version: number; recordNo: string }, version?: number): VoidDecision {
  if (r.status === 'voided') return { ok: false, code: 'finance_record_voided', message: `record ${r.recordNo} is already voided` };
  if (version !== undefined && version !== r.version) return { ok: false, code: 'version_conflict', message: 'the record was changed by someone else; reload it' };
  return { ok: true };
}

export interface MonthMoney { month: string; receivedFen: number; refundedFen: number; otherIncomeFen: number; expenseFen: number }
export interface MonthSummary extends MonthMoney { netReceiptsFen: number; incomeFen: number; netFen: number }

/**
 * One row per month of the period (zeros where nothing happened): customer money actually received less refunds
 * paid out, plus other income, against expenses.
 */
export function monthlySummary(months: readonly string[], rows: readonly Partial<MonthMoney>[]): { months: MonthSummary[]; totals: Omit<MonthSummary, 'month'> } {
  const by = new Map<string, MonthMoney>(months.map((m) => [m, { month: m, receivedFen: 0, refundedFen: 0, otherIncomeFen: 0, expenseFen: 0 }]));
  for (const r of rows) {
    const m = r.month ? by.get(r.month) : undefined;
    if (!m) continue;
    m.receivedFen += r.receivedFen ?? 0;
    m.refundedFen += r.refundedFen ?? 0;
    m.otherIncomeFen += r.otherIncomeFen ?? 0;
    m.expenseFen += r.expenseFen ?? 0;
  }
  const out = [...by.values()].map((m) => {
    const netReceiptsFen = m.receivedFen - m.refundedFen;
    const incomeFen = netReceiptsFen + m.otherIncomeFen;
    return { ...m, netReceiptsFen, incomeFen, netFen: incomeFen - m.expenseFen };
  });
  const sum = (k: keyof Omit<MonthSummary, 'month'>) => out.reduce((s, m) => s + m[k], 0);
  return {
    months: out,
    totals: { receivedFen: sum('receivedFen'), refundedFen: sum('refundedFen'), otherIncomeFen: sum('otherIncomeFen'), expenseFen: sum('expenseFen'),
      netReceiptsFen: sum('netReceiptsFen'), incomeFen: sum('incomeFen'), netFen: sum('netFen') },
  };
}
