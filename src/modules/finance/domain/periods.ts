/**
 * China calendar days (Asia/Shanghai, UTC+8 all year: China has had no daylight saving since 1991) and the
 * periods reports are asked for. A day `D` runs from `D 00:00+08:00` up to, not including, the next day's 00:00.
 * Pure; the services turn these into SQL bounds.
 */
const CST_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The China calendar day of an instant, `YYYY-MM-DD`. */
export const cstDay = (at: Date): string => new Date(at.getTime() + CST_MS).toISOString().slice(0, 10);

/** `YYYY-MM-DD` that names a real day (not 2026-02-30). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** `YYYY-MM` with a month 01–12. */
export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/** The instant a China calendar day begins. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

export interface Period { from: string; to: string; start: Date; end: Date }
export type PeriodCheck = { ok: true; period: Period } | { ok: false; path: 'from' | 'to'; message: string };

/** A period of whole days [from, to], at most `maxDays` long: `start` inclusive, `end` (the day after `to`) exclusive. */
export function dayPeriod(from: string, to: string, maxDays = 366): PeriodCheck {
  if (!isDay(from)) return { ok: false, path: 'from', message: 'not a day (YYYY-MM-DD)' };
  if (!isDay(to)) return { ok: false, path: 'to', message: 'not a day (YYYY-MM-DD)' };
  const days = daysBetween(from, to) + 1;
  if (days < 1) return { ok: false, path: 'to', message: 'the period ends before it starts' };
  if (days > maxDays) return { ok: false, path: 'to', message: `a period is at most ${maxDays} days` };
  return { ok: true, period: { from, to, start: dayStart(from), end: dayStart(addDays(to, 1)) } };
}

/** The first and last day of a month `YYYY-MM`. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Every month from `from` to `to` inclusive (`YYYY-MM`), or null when `to` is before `from` or more than `max` months. */
export function monthsBetween(from: string, to: string, max = 36): string[] | null {
  const index = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
  const n = index(to) - index(from) + 1;
  if (n < 1 || n > max) return null;
  return Array.from({ length: n }, (_, i) => {
    const k = index(from) + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}
