import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = -1;
let lastTail: number[] = [];

function encodeTime(time: number): string {
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  return head;
}

/** Adds one to a base-32 digit array; the random start leaves ample room before it would wrap. */
function increment(tail: number[]): number[] {
  const next = tail.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i] < 31) { next[i]++; return next; }
    next[i] = 0;
  }
  return next;
}

/**
 * Time-ordered opaque id (26 chars, ULID layout): ordering by id is ordering by creation, which cursors and
 * "lines in the order they were added" rely on. Monotonic within a process: ids made in the same millisecond
 * (or with a clock that stepped back) continue from the previous one instead of drawing a fresh random tail.
 */
export function newId(now = Date.now()): string {
  if (now <= lastTime) {
    lastTail = increment(lastTail);
  } else {
    lastTime = now;
    const bytes = randomBytes(16);
    // The top bit of each digit's range is cleared on the first digit so increments never overflow in practice.
    lastTail = Array.from(bytes, (b, i) => (i === 0 ? b % 16 : b % 32));
  }
  return encodeTime(lastTime) + lastTail.map((d) => ALPHABET[d]).join('');
}

/**
 * The smallest id newId() can make at or after `time` (ms): ids sort by time, so `id >= idFloorAt(t)` holds for
 * every id made at or after t — an index range that stands in for a condition on the time the id was made.
 */
export const idFloorAt = (time: number): string => encodeTime(Math.max(0, Math.floor(time))) + '0'.repeat(16);

/** A random secret token for sessions, CSRF and API keys. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
