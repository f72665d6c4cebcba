export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface LoginState { failedLogins: number; lockedUntil: Date | null }

export const isLocked = (s: LoginState, now: Date) => s.lockedUntil !== null && s.lockedUntil > now;

/** The state after one attempt: success clears the count; the fifth failure in a row locks for 15 minutes. */
export function afterAttempt(s: LoginState, success: boolean, now: Date): LoginState {
  if (success) return { failedLogins: 0, lockedUntil: null };
  const failed = (isLocked(s, now) ? s.failedLogins : s.lockedUntil ? 0 : s.failedLogins) + 1;
  if (failed >= MAX_FAILED_LOGINS) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  return { failedLogins: failed, lockedUntil: null };
}
