export const DEMO_PASSWORD = 'dinghuo123';

/**
 * Logs in like the browser does and returns the headers later requests need: the session cookies, and the
 * X-CSRF-Token (= cookie dh_csrf) that unsafe methods must carry. With `tenant`, every request (the login too)
 * names it in X-Tenant.
 */
export async function login(baseUrl, realm, username, password = DEMO_PASSWORD, { tenant } = {}) {
  const t = tenant ? { 'x-tenant': tenant } : {};
  const res = await fetch(`${baseUrl}/api/v1/auth/${realm}/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...t }, body: JSON.stringify({ login: username, password }),
  });
  if (res.status !== 200) throw new Error(`${realm} login ${username} failed: ${res.status} ${await res.text()}`);
  const cookies = Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0].split('=')).map(([k, ...v]) => [k, v.join('=')]));
  if (!cookies.dh_sid || !cookies.dh_csrf) throw new Error(`${realm} login ${username}: no session cookies in the answer`);
  const cookie = Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
  return { cookie, csrf: cookies.dh_csrf, get: { cookie, ...t }, unsafe: { cookie, 'x-csrf-token': cookies.dh_csrf, ...t } };
}

/**
 * Logs in many users of one realm, `concurrency` at a time (each login verifies an argon2 hash: hundreds at once
 * would only queue, and hold as many sockets). Returns the sessions in the order of `usernames`.
 */
export async function loginMany(baseUrl, realm, usernames, { tenant, concurrency = 8 } = {}) {
  const sessions = new Array(usernames.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, usernames.length) }, async () => {
    while (next < usernames.length) {
      const i = next++;
      sessions[i] = await login(baseUrl, realm, usernames[i], undefined, { tenant });
    }
  }));
  return sessions;
}
