/**
 * The business runs on China time (Asia/Shanghai, UTC+8, no daylight saving): statements, periods and due days are
 * China calendar days on the server. A browser elsewhere (or a test browser in UTC) must not shift them by a day.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** Today's China calendar day as "YYYY-MM-DD". */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The China calendar day's year and month (1–12) and day. */
export function chinaYmd(now = new Date()): { y: number; m: number; d: number } {
  const [y, m, d] = chinaToday(now).split('-').map(Number);
  return { y, m, d };
}
