/**
 * Amounts and times as the gateways write them. Money stays integer fen in our code; Alipay speaks yuan with two
 * decimals ("12.34"), so the conversion is done on the digits, never through floating point (0.07 × 100 ≠ 7).
 * Gateway times are China time (UTC+8, no daylight saving) in several spellings.
 */

/** 1234 → "12.34"; 5 → "0.05". */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`fen must be a non-negative safe integer, got ${fen}`);
  const digits = String(fen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const YUAN = /^(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

/** "12.34" → 1234, "12.3" → 1230, "12" → 1200; anything else (signs, three decimals, exponents, too large) → null. */
export function yuanToFen(yuan: string): number | null {
  const m = YUAN.exec(yuan);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  // Past 2^53 the product may be rounded; such an amount is not a real payment anyway.
  return Number.isSafeInteger(fen) && Number.isSafeInteger(Number(m[1])) ? fen : null;
}

/** A fen amount as UnionPay's txnAmt or WeChat's integer: digits only, no leading zeros beyond "0". */
export function parseFen(text: unknown): number | null {
  if (typeof text === 'number') return Number.isSafeInteger(text) && text >= 0 ? text : null;
  if (typeof text !== 'string' || !/^(0|[1-9]\d{0,15})$/.test(text)) return null;
  const fen = Number(text);
  return Number.isSafeInteger(fen) ? fen : null;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** "2026-11-25T14:03:00" in China time. */
const chinaIso = (d: Date) => new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19);

/** Alipay's timestamps: "2026-11-25 14:03:00". */
export const chinaDateTime = (d: Date): string => chinaIso(d).replace('T', ' ');

/** UnionPay's txnTime / payTimeout: "20261125140300". */
export const chinaCompact = (d: Date): string => chinaIso(d).replace(/\D/g, '');

/** WeChat's RFC 3339 times: "2026-11-25T14:03:00+08:00". */
export const chinaRfc3339 = (d: Date): string => `${chinaIso(d)}+08:00`;

function validDate(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-11-25 14:03:00" (China time) → Date; malformed → null. */
export function parseChinaDateTime(s: unknown): Date | null {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s)) return null;
  return validDate(`${s.replace(' ', 'T')}+08:00`);
}

/** "20261125140300" (China time) → Date; malformed → null. */
export function parseChinaCompact(s: unknown): Date | null {
  if (typeof s !== 'string' || !/^\d{14}$/.test(s)) return null;
  return validDate(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(8, 10)}:${s.slice(10, 12)}:${s.slice(12, 14)}+08:00`);
}

/** An RFC 3339 time with an explicit offset (WeChat's success_time) → Date; malformed → null. */
export function parseRfc3339(s: unknown): Date | null {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  return validDate(s);
}
