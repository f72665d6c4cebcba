/** Where to go after login: only same-site paths, so ?next= cannot send the user elsewhere. */
export function safeNext(next: string | null, fallback = '/'): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
