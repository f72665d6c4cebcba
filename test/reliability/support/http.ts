/**
 * A logged-in user over real HTTP (cookies and the CSRF header by hand) whose every answer is classified:
 * a status with its problem `code`, no answer at all (connection refused or reset), or no answer in time (a hang).
 */
export type Answer =
  | { kind: 'http'; status: number; code?: string; body: Record<string, unknown> | null; stack: boolean; contentType: string }
  | { kind: 'network'; error: string }
  | { kind: 'timeout' };

export const HANG_MS = 20_000;

export async function send(url: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Answer> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(HANG_MS) });
    const text = await res.text();
    let body: Record<string, unknown> | null = null;
    try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return {
      kind: 'http', status: res.status, code: typeof body?.code === 'string' ? body.code : undefined, body,
      // A stack trace or driver message in an answer is a leak, whatever the status.
      stack: /\n\s+at |node_modules|Error: /.test(text), contentType: res.headers.get('content-type') ?? '',
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { kind: 'timeout' };
    return { kind: 'network', error: e.cause?.code ?? e.message };
  }
}

export interface Session {
  username: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

/** Logs in as a member (`member`) or staff user (`staff`) of the demo tenant. */
export async function login(base: () => string, kind: 'member' | 'staff', username: string, password = 'dinghuo123'): Promise<Session> {
  const res = await fetch(`${base()}/api/v1/auth/${kind}/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 'demo' }, body: JSON.stringify({ login: username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('dh_csrf='))!.slice('dh_csrf='.length);
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'x-tenant': 'demo' };
  return {
    username,
    request: (method, path, body, extra = {}) => send(`${base()}${path}`, {
      method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const describeAnswer = (a: Answer) => (a.kind === 'http' ? `${a.status}${a.code ? ` ${a.code}` : ''}` : a.kind === 'network' ? `no answer (${a.error})` : 'hang');

/** The JSON body of an HTTP answer (throws on no answer), typed by the caller. */
export function bodyOf<T = Record<string, any>>(a: Answer): T {
  if (a.kind !== 'http') throw new Error(`expected an answer, got ${describeAnswer(a)}`);
  return a.body as T;
}
