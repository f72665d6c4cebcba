const COOKIE = 'dh_csrf';
let remembered: string | undefined;

/** Login and /auth/me also return the token; kept in case the cookie is not readable. */
export function rememberCsrfToken(token: string | null | undefined): void {
  if (token) remembered = token;
}

export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(rest.join('='));
  }
  return remembered;
}
