/**
 * The outbox worker (issue 7, graceful operations): events written with a change are delivered after commit —
 * here as customer emails through a real local SMTP server —, exactly once even with two workers at the same time,
 * retried when delivery fails, set aside after too many failures, and drained by `stop()`.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerNotifications } from '../../src/flows/customer-notifications.js';
import { createLogger } from '../../src/platform/logger.js';
import { createNotifier } from '../../src/platform/mail/notifier.js';
import { createOutboxWorker, MAX_ATTEMPTS } from '../../src/platform/outbox/outbox-worker.js';
import { loginMember, loginStaff, type Client } from '../support/http-client.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let finance: Client;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let dealerId: string;
const log = createLogger('silent');
const smtp = (port: number) => ({ host: '127.0.0.1', port, secure: false, from: 'Dinghuo <no-reply@dinghuo.local>' });
const worker = (port: number) => createOutboxWorker({ database: t.database, logger: log, tenantIds: async () => [t.tenantId], handlers: [customerNotifications(createNotifier(log, smtp(port)))], intervalMs: 50 });
const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.database.owner.execute(q)) as unknown as { rows: T[] }).rows;
const pending = async () => Number((await rows<{ n: number }>(sql`select count(*)::int as n from outbox_events where delivered_at is null`))[0].n);
let k = 0;
const recharge = (amountFen: number) => finance.request('POST', `/api/v1/admin/customers/${dealerId}/account/recharges`, { amountFen, reference: `OUTBOX-${++k}` }, { 'idempotency-key': `outbox-${Date.now()}-${k}` });

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp();
  finance = await loginStaff(t.app, 'finance');
  dealerId = (await (await loginMember(t.app, 'dealer1')).get('/api/v1/mall/account')).json().customer.id;
  await t.database.owner.execute(sql`update customer_members set email = 'zhao.gang@example.com' where username = 'dealer1'`);
  await worker(sink.port).runOnce(); // what the demo seed wrote
  expect(await pending()).toBe(0);
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe('outbox delivery', () => {
  it('emails the customer after commit, once, even with two workers at the same time', async () => {
    const before = sink.mails.length;
    for (const fen of [12_300, 45_600, 78_900]) expect((await recharge(fen)).statusCode).toBe(201);
    expect(await pending()).toBeGreaterThanOrEqual(3);
    const [a, b] = [worker(sink.port), worker(sink.port)];
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce()]);
    expect(await pending()).toBe(0);
    const mails = sink.mails.slice(before);
    expect(mails.map((m) => m.to)).toEqual(Array(3).fill(['zhao.gang@example.com']));
    // The subject is RFC 2047-encoded UTF-8: 收款成功：预存款充值 ¥123.00 and so on, one per recharge.
    const subjects = mails.map((m) => /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(m.raw)![1].replace(/\r\n[ \t]/g, ' ')
      .replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_s, b64: string) => Buffer.from(b64, 'base64').toString('utf8')));
    expect(subjects.sort()).toEqual(['收款成功：预存款充值 ¥123.00', '收款成功：预存款充值 ¥456.00', '收款成功：预存款充值 ¥789.00']);
  });

  it('retries a delivery that failed, and sets an event aside after too many failures', async () => {
    expect((await recharge(10_000)).statusCode).toBe(201);
    const before = sink.mails.length;
    const down = worker(9); // nothing listens on port 9: the send fails
    await down.runOnce();
    const [e] = await rows<{ attempts: number; last_error: string | null; delivered_at: unknown }>(sql`select attempts, last_error, delivered_at from outbox_events where topic = 'payment.succeeded' order by id desc limit 1`);
    expect(e.attempts).toBe(1);
    expect(e.last_error).toBeTruthy();
    expect(e.delivered_at).toBeNull();
    await worker(sink.port).runOnce();
    expect(await pending()).toBe(0);
    expect(sink.mails.length).toBe(before + 1);

    expect((await recharge(20_000)).statusCode).toBe(201);
    for (let i = 0; i < MAX_ATTEMPTS; i++) await down.runOnce();
    const [gone] = await rows<{ attempts: number; delivered_at: unknown }>(sql`select attempts, delivered_at from outbox_events where topic = 'payment.succeeded' order by id desc limit 1`);
    expect(gone.attempts).toBe(MAX_ATTEMPTS);
    expect(gone.delivered_at).not.toBeNull();
    expect(await pending()).toBe(0);
  });

  it('stop() ends polling and delivers what is pending before returning', async () => {
    const w = worker(sink.port);
    w.start();
    expect((await recharge(30_000)).statusCode).toBe(201);
    await w.stop();
    expect(await pending()).toBe(0);
  });
});
