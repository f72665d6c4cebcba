/**
 * 应收账款账龄. What a customer owes now comes from two places that never overlap:
 *   - the unpaid part of each open order (submitted, not rejected, cancelled or voided): total − paid, aged from the
 *     China calendar day the order was submitted;
 *   - credit used (账期欠款), split over the credit charges still outstanding, aged from each charge's due day.
 * An order paid on credit counts as paid (its paid amount includes the charge), so its debt is only in the credit
 * part. Repayments (and refunds back to credit) pay the earliest-due charges first, as `overdueOf` assumes: the
 * charges still outstanding are the latest-due ones, together exactly the credit used.
 * Age ≤ 30 days (including credit not yet due) is the first bucket. The SQL in receivables.queries.ts follows these
 * rules with the same edges; these pure versions are their specification and tests.
 */
export const BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type Bucket = (typeof BUCKETS)[number];
/** Upper edges (inclusive, in days) of all buckets but the last. */
export const BUCKET_EDGES = [30, 60, 90] as const;

export function bucketOf(ageDays: number): Bucket {
  const i = BUCKET_EDGES.findIndex((edge) => ageDays <= edge);
  return BUCKETS[i === -1 ? BUCKETS.length - 1 : i];
}

export type Buckets = Record<Bucket, number>;
export const emptyBuckets = (): Buckets => ({ d0_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 });

/** Amounts with their age in days, summed per bucket. */
export function bucketize(items: readonly { amountFen: number; ageDays: number }[]): Buckets {
  const b = emptyBuckets();
  for (const it of items) b[bucketOf(it.ageDays)] += it.amountFen;
  return b;
}

export interface Charge { id: string; amountFen: number; dueOn: string }

/**
 * The outstanding part of each credit charge when `creditUsedFen` is still owed: repayments went to the earliest due
 * (then earliest id) first, so the latest ones stay outstanding. Never more than the charges add up to.
 */
export function outstandingCharges(charges: readonly Charge[], creditUsedFen: number): (Charge & { outstandingFen: number })[] {
  const latestFirst = [...charges].sort((a, b) => (a.dueOn === b.dueOn ? (a.id < b.id ? 1 : -1) : a.dueOn < b.dueOn ? 1 : -1));
  let left = Math.max(0, creditUsedFen);
  const out = new Map<string, number>();
  for (const c of latestFirst) {
    const take = Math.min(c.amountFen, left);
    out.set(c.id, take);
    left -= take;
  }
  return charges.map((c) => ({ ...c, outstandingFen: out.get(c.id) ?? 0 }));
}
