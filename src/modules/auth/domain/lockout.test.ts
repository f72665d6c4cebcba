import { describe, expect, it } from 'vitest';
import { afterAttempt, isLocked, LOCK_MINUTES, MAX_FAILED_LOGINS, type LoginState } from './lockout.js';

const now = new Date('2026-11-25T08:00:00Z');
const fresh: LoginState = { failedLogins: 0, lockedUntil: null };

describe('login lockout', () => {
  it('counts failures below the limit without locking', () => {
    let s = fresh;
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) s = afterAttempt(s, false, now);
    expect(s).toEqual({ failedLogins: MAX_FAILED_LOGINS - 1, lockedUntil: null });
    expect(isLocked(s, now)).toBe(false);
  });

  it('locks for 15 minutes on the fifth failure', () => {
    let s = fresh;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) s = afterAttempt(s, false, now);
    expect(s.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_MINUTES * 60_000);
    expect(isLocked(s, now)).toBe(true);
    expect(isLocked(s, new Date(now.getTime() + LOCK_MINUTES * 60_000 + 1))).toBe(false);
  });

  it('clears the count on success', () => {
    expect(afterAttempt({ failedLogins: 3, lockedUntil: null }, true, now)).toEqual(fresh);
  });

  it('starts counting afresh after an expired lock', () => {
    const expired = { failedLogins: 0, lockedUntil: new Date(now.getTime() - 1000) };
    expect(afterAttempt(expired, false, now)).toEqual({ failedLogins: 1, lockedUntil: null });
  });
});
