/** Order numbers read like `DH20261123-000123`: the submission day in China Standard Time and a per-day counter. */
export function orderDay(at: Date): string {
  const cst = new Date(at.getTime() + 8 * 3600_000);
  return cst.toISOString().slice(0, 10).replace(/-/g, '');
}

export const formatOrderNo = (day: string, seq: number): string => `DH${day}-${String(seq).padStart(6, '0')}`;
