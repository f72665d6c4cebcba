import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Time-ordered opaque id (26 chars, ULID layout): ordering by id is ordering by creation, which cursors rely on. */
export function newId(now = Date.now()): string {
  let time = now;
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(16);
  let tail = '';
  for (let i = 0; i < 16; i++) tail += ALPHABET[bytes[i] % 32];
  return head + tail;
}

/** A random secret token for sessions, CSRF and API keys. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
