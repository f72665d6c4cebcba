import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, loginMember, loginStaff } from '../support/http-client.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ config: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'Dinghuo <no-reply@demo.test>' } });
});
afterAll(async () => { await t?.close(); await smtp?.close(); });

/** The 6-digit code from a quoted-printable or base64 mail body. */
function codeIn(raw: string): string {
  const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n');
  const plain = /Content-Transfer-Encoding: base64/i.test(raw) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body.replace(/=\r?\n/g, '');
  const m = /Your code is (\d{6})/.exec(plain);
  if (!m) throw new Error(`no code in mail: ${raw.slice(0, 500)}`);
  return m[1];
}

describe('password reset by one-time code over SMTP', () => {
  it('mails a code to the member, which sets a new password once and ends old sessions', async () => {
    const admin = await loginStaff(t.app, 'admin');
    const dealer = (await admin.get('/api/v1/admin/customers?q=上海鼎盛')).json().items[0];
    const detail = (await admin.get(`/api/v1/admin/customers/${dealer.id}`)).json();
    const member = detail.members.find((m: { username: string }) => m.username === 'dealer1');
    expect((await admin.patch(`/api/v1/admin/customers/${dealer.id}/members/${member.id}`, { email: 'zhao@dealer.test', version: member.version })).statusCode).toBe(200);
    const oldSession = await loginMember(t.app, 'dealer1');

    const req = await client(t.app).post('/api/v1/auth/reset/request', { realm: 'member', login: 'dealer1' });
    expect(req.statusCode).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes('zhao@dealer.test'));
    const code = codeIn(mail.raw);

    const wrong = await client(t.app).post('/api/v1/auth/reset/confirm', { realm: 'member', login: 'dealer1', code: code === '000000' ? '111111' : '000000', newPassword: 'fresh-pass-9' });
    expect([wrong.statusCode, wrong.json().code]).toEqual([400, 'reset_code_invalid']);
    const ok = await client(t.app).post('/api/v1/auth/reset/confirm', { realm: 'member', login: 'dealer1', code, newPassword: 'fresh-pass-9' });
    expect(ok.statusCode).toBe(204);
    const reused = await client(t.app).post('/api/v1/auth/reset/confirm', { realm: 'member', login: 'dealer1', code, newPassword: 'other-pass-9' });
    expect(reused.json().code).toBe('reset_code_invalid');

    expect((await oldSession.get('/api/v1/auth/me')).statusCode).toBe(401);
    await loginMember(t.app, 'dealer1', 'fresh-pass-9');
  });

  it('answers the same for an unknown login and sends nothing', async () => {
    const before = smtp.mails.length;
    const res = await client(t.app).post('/api/v1/auth/reset/request', { realm: 'staff', login: 'no-such-user' });
    expect([res.statusCode, res.json()]).toEqual([202, { sent: true }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.length).toBe(before);
  });

  it('kills a code after five wrong tries', async () => {
    const admin = await loginStaff(t.app, 'admin');
    const me = (await admin.get('/api/v1/auth/me')).json().me;
    const staff = (await admin.get(`/api/v1/admin/staff/${me.id}`)).json();
    await admin.patch(`/api/v1/admin/staff/${me.id}`, { email: 'admin@demo.test', version: staff.version });
    await client(t.app).post('/api/v1/auth/reset/request', { realm: 'staff', login: 'admin' });
    const code = codeIn((await smtp.waitFor((m) => m.to.includes('admin@demo.test'))).raw);
    const bad = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 5; i++) await client(t.app).post('/api/v1/auth/reset/confirm', { realm: 'staff', login: 'admin', code: bad, newPassword: 'whatever-9' });
    const late = await client(t.app).post('/api/v1/auth/reset/confirm', { realm: 'staff', login: 'admin', code, newPassword: 'whatever-9' });
    expect(late.json().code).toBe('reset_code_invalid');
  });
});
