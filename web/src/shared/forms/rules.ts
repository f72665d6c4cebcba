/** Client-side copies of the server's field rules, so mistakes show before the round trip. */

/** 8–128 characters, at least one letter and one digit (docs/api.md). */
export function isValidPassword(value: string): boolean {
  return value.length >= 8 && value.length <= 128 && /\p{L}/u.test(value) && /\d/.test(value);
}

/** Digits, spaces and dashes, optional leading +. */
export const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
/** Unified social credit code / tax number: 15–20 digits or capital letters. */
export const TAX_NO = /^[0-9A-Z]{15,20}$/;
export const BANK_ACCOUNT = /^[0-9 -]{6,40}$/;
/** Starts with a letter; letters, digits, _ . - ; 3–40 characters. */
export const USERNAME = /^[A-Za-z][A-Za-z0-9_.-]{2,39}$/;
