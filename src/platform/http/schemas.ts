import { z } from 'zod';

/** Shared field schemas: one definition of what a phone, an email or a name is. */
export const idParam = z.string().min(1).max(64).regex(/^[0-9A-Za-z_-]+$/, 'not an id');
export const idParams = z.object({ id: idParam });
export const nameField = z.string().trim().min(1).max(100);
export const textField = (max = 500) => z.string().trim().max(max);
export const phoneField = z.string().trim().regex(/^\+?[0-9][0-9 -]{5,19}$/, 'not a phone number');
export const emailField = z.string().trim().toLowerCase().email('not an email address').max(254);
export const usernameField = z.string().trim().min(3).max(40).regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'letters, digits, _ . - and starting with a letter');
export const versionField = z.number().int().min(1);
/** An instant with a time zone, within years 1900–9999 (PostgreSQL refuses year 0, which JavaScript accepts). */
export const isoDate = z.iso.datetime({ offset: true }).refine((v) => {
  const y = new Date(v).getUTCFullYear();
  return y >= 1900 && y <= 9999;
}, 'year must be between 1900 and 9999');
export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A whole number in a query string: digits only, so an empty `?x=` is refused instead of read as 0. */
export const intQuery = (max = Number.MAX_SAFE_INTEGER) => z.string().regex(/^[0-9]{1,15}$/, 'a whole number').transform(Number).pipe(z.number().int().min(0).max(max));
