/**
 * VAT on an invoice line, from its tax-inclusive amount, in exact integer fen:
 *
 *   tax = round(amount × rate / (100 + rate)),  rounded half up (四舍五入), amount ≥ 0, rate in percent
 *
 * computed with integers only (no floating point), once per line; an invoice's tax is the sum of its lines' taxes,
 * as the tax software computes 税额 per goods line. Net (不含税金额) = amount − tax, so the three always add up.
 */
export const TAX_RATES = [0, 1, 3, 6, 9, 13] as const;
export type TaxRate = (typeof TAX_RATES)[number];
export const DEFAULT_TAX_RATE: TaxRate = 13;

export function taxOf(amountFen: number, rate: number): number {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new RangeError(`amount must be a whole number of fen ≥ 0, got ${amountFen}`);
  if (!Number.isInteger(rate) || rate < 0 || rate > 100) throw new RangeError(`rate must be a whole percent, got ${rate}`);
  // BigInt: amount × rate may pass 2^53 for very large amounts; the division is then exact integer division.
  const num = 2n * BigInt(amountFen) * BigInt(rate) + BigInt(100 + rate);
  return Number(num / (2n * BigInt(100 + rate)));
}

/** Tax of each line and the invoice's totals (amount, tax, net). */
export function invoiceTotals(amountsFen: readonly number[], rate: number) {
  const taxes = amountsFen.map((a) => taxOf(a, rate));
  const amountFen = amountsFen.reduce((s, a) => s + a, 0);
  const taxFen = taxes.reduce((s, a) => s + a, 0);
  return { taxes, amountFen, taxFen, netFen: amountFen - taxFen };
}
