import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../platform/ids.js';
import { clickCashier, openRedirect, startCallbackReceiver, startRequest, type CallbackReceiver } from './callback-receiver.test-support.js';
import { generateRsaKeyPair } from './gateway-crypto.js';
import { chinaCompact } from './gateway-format.js';
import type { PaymentGateway } from './payment-gateway.js';
import { createUnionpayGateway, parseUnionpayAnswer, unionpayAutoSubmitForm } from './unionpay.adapter.js';
import { startUnionpaySimulator, type UnionpaySimulator } from './unionpay.simulator.js';

describe('UnionPay (银联全渠道 5.1.0) adapter, against its simulator', () => {
  let sim: UnionpaySimulator;
  let gw: PaymentGateway;
  let receiver: CallbackReceiver;
  beforeAll(async () => {
    sim = await startUnionpaySimulator();
    gw = createUnionpayGateway(sim.adapterConfig);
    receiver = await startCallbackReceiver(gw);
  });
  afterAll(async () => { await receiver?.close(); await sim?.close(); });

  async function paidTrade(amountFen: number) {
    const no = newId();
    await openRedirect((await gw.start(startRequest(no, amountFen, receiver.url))).url);
    expect((await sim.pay(no)).status).toBe(200);
    return no;
  }

  it('starts a front transaction: signed 5.1.0 fields that land on the 沙箱支付 cashier with the amount in yuan', async () => {
    const no = newId();
    const started = await gw.start(startRequest(no, 12345, receiver.url));
    expect(started.kind).toBe('redirect');
    const url = new URL(started.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.adapterConfig.gatewayUrl}/frontTransReq.do`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      version: '5.1.0', signMethod: '01', txnType: '01', bizType: '000201', orderId: no, txnAmt: '12345', currencyCode: '156', backUrl: receiver.url,
      // txnTime is the ULID's own time, so any process can query the trade later.
      txnTime: chinaCompact(new Date(decodeTime(no))),
    });
    expect(url.searchParams.get('signature')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const cashier = await openRedirect(started.url);
    expect(cashier).toBe(`${sim.url}/cashier/${no}`);
    const html = await (await fetch(cashier)).text();
    for (const text of ['<title>沙箱支付</title>', '¥123.45', '确认支付', '取消']) expect(html).toContain(text);
    // An order nobody has paid is no transaction at UnionPay yet.
    expect(await gw.query(no)).toBeNull();
  });

  it('also accepts the front transaction as the auto-submitted POST form UnionPay documents', async () => {
    const no = newId();
    const started = await gw.start(startRequest(no, 500, receiver.url));
    const html = unionpayAutoSubmitForm(started.url);
    expect(html).toContain(`action="${sim.adapterConfig.gatewayUrl}/frontTransReq.do"`);
    const fields = new URLSearchParams([...html.matchAll(/name="([^"]*)" value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&#(\d+);/g, (_s, c: string) => String.fromCharCode(Number(c)))]));
    const res = await fetch(`${sim.adapterConfig.gatewayUrl}/frontTransReq.do`, { method: 'POST', body: fields, redirect: 'manual' });
    expect([res.status, res.headers.get('location')]).toEqual([302, `/cashier/${no}`]);
  });

  it('refuses a front transaction whose signature was broken on the way', async () => {
    const started = await gw.start(startRequest(newId(), 500, receiver.url));
    const res = await fetch(started.url.replace('txnAmt=500', 'txnAmt=1'), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('[11]');
  });

  it('pays through the cashier form: the signed back notification reads as succeeded and the query agrees', async () => {
    const no = newId();
    const req = startRequest(no, 2599, receiver.url);
    const click = await clickCashier(await openRedirect((await gw.start(req)).url), 'pay');
    expect([click.status, click.location]).toEqual([303, req.returnUrl]);
    const sent = sim.callbacks.at(-1)!;
    expect([sent.outTradeNo, sent.state, sent.status, sent.body]).toEqual([no, '00', 200, 'ok']);
    const { trade, error } = receiver.last();
    expect(error).toBeNull();
    expect(trade).toMatchObject({ outTradeNo: no, state: 'succeeded', amountFen: 2599, tradeNo: sim.trades.get(no)!.queryId });
    expect(trade!.paidAt).toBeInstanceOf(Date);
    expect(Math.abs(trade!.paidAt!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await gw.query(no)).toEqual(trade);
    // Another process (a fresh adapter, nothing remembered) finds it too.
    expect(await createUnionpayGateway(sim.adapterConfig).query(no)).toEqual(trade);
  });

  it('refunds part, refunds a repeated outRefundNo only once, and refuses more than is left', async () => {
    const no = await paidTrade(10_000);
    const refund = (outRefundNo: string, amountFen: number) => gw.refund({ outTradeNo: no, tradeNo: null, outRefundNo, amountFen, totalFen: 10_000, reason: '退货' });
    const r1 = newId();
    const first = await refund(r1, 2500);
    expect(first).toMatchObject({ outRefundNo: r1, state: 'succeeded', refundNo: expect.stringMatching(/^\d{21}$/) });
    expect(await refund(r1, 2500)).toEqual(first);
    expect(sim.trades.get(no)!.refundedFen).toBe(2500);
    await expect(refund(r1, 100)).rejects.toMatchObject({ code: 'gateway_refused' });
    await expect(refund(newId(), 7501)).rejects.toMatchObject({ code: 'gateway_refused', message: expect.stringContaining('33') });
    expect((await refund(newId(), 7500)).state).toBe('succeeded');
    expect(sim.trades.get(no)!.refundedFen).toBe(10_000);
  });

  it.each([
    ['signed with another key', { forged: true }],
    ['with txnAmt changed after signing', { tamperAmountFen: 1 }],
  ])('refuses a back notification %s (signature_invalid, not 200)', async (_what, opts) => {
    const no = await paidTrade(5000);
    const sent = await sim.notify(no, opts);
    expect(sent.status).not.toBe(200);
    expect(receiver.last().error?.code).toBe('signature_invalid');
    await expect(gw.parseCallback(sent.request)).rejects.toMatchObject({ code: 'signature_invalid' });
  });

  it('refuses a correctly signed notification for another merchant', async () => {
    await paidTrade(5000);
    const other = createUnionpayGateway({ ...sim.adapterConfig, merId: '777290058000000' });
    await expect(other.parseCallback(sim.callbacks.at(-1)!.request)).rejects.toMatchObject({ code: 'signature_invalid', message: expect.stringContaining('merId') });
  });

  it('reads duplicate notifications as the same trade, and an older state arriving late as that state', async () => {
    const no = await paidTrade(660);
    const paid = receiver.last().trade;
    for (let i = 0; i < 3; i++) {
      expect((await sim.notify(no)).body).toBe('ok');
      expect(receiver.last().trade).toEqual(paid);
    }
    await sim.notify(no, { state: '05' });
    expect(receiver.last().trade).toEqual({ outTradeNo: no, tradeNo: null, state: 'pending', amountFen: 660, paidAt: null });
    await sim.notify(no, { state: '01' });
    expect(receiver.last().trade).toMatchObject({ state: 'failed', tradeNo: null });
  });

  it('closes nothing unpaid (UnionPay has no 关单; payTimeout ends it) but refuses to close a paid trade', async () => {
    const no = newId();
    await openRedirect((await gw.start(startRequest(no, 300, receiver.url))).url);
    await gw.close(no);
    await gw.close(newId());
    await expect(gw.close(await paidTrade(300))).rejects.toMatchObject({ code: 'gateway_refused' });
  });

  it('throws gateway_refused when our requests are signed with the wrong key or certId', async () => {
    const wrongKey = createUnionpayGateway({ ...sim.adapterConfig, signPrivateKey: generateRsaKeyPair().privateKey });
    await expect(wrongKey.query(newId())).rejects.toMatchObject({ code: 'gateway_refused', message: expect.stringContaining('11') });
    const wrongCert = createUnionpayGateway({ ...sim.adapterConfig, certId: '69629715588' });
    await expect(wrongCert.query(newId())).rejects.toMatchObject({ code: 'gateway_refused' });
  });

  it('does not trust an answer that UnionPay\'s key does not verify (gateway_unavailable)', async () => {
    const no = await paidTrade(100);
    const distrustful = createUnionpayGateway({ ...sim.adapterConfig, unionpayPublicKey: generateRsaKeyPair().publicKey });
    await expect(distrustful.query(no)).rejects.toMatchObject({ code: 'gateway_unavailable' });
  });

  it('throws gateway_unavailable when UnionPay cannot be reached', async () => {
    const down = await startUnionpaySimulator();
    await down.close();
    await expect(createUnionpayGateway({ ...down.adapterConfig, timeoutMs: 2000 }).query(newId())).rejects.toMatchObject({ code: 'gateway_unavailable' });
  });

  it('reads answers that are not URL-encoded, with braced values holding & and =', () => {
    expect(parseUnionpayAnswer('respCode=00&reserved={a=1&b=2}&signature=ab+/c==&x=')).toEqual({ respCode: '00', reserved: '{a=1&b=2}', signature: 'ab+/c==', x: '' });
  });

  it('acknowledges with HTTP 200 "ok", and anything else makes UnionPay retry', () => {
    expect(gw.ack(true)).toMatchObject({ status: 200, body: 'ok' });
    expect(gw.ack(false).status).not.toBe(200);
  });
});

/** The millisecond time in a ULID's first ten characters. */
function decodeTime(id: string): number {
  return [...id.slice(0, 10)].reduce((t, ch) => t * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(ch), 0);
}
