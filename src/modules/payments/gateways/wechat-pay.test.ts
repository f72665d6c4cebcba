import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../../platform/ids.js';
import { clickCashier, startCallbackReceiver, startRequest, type CallbackReceiver } from './callback-receiver.test-support.js';
import { generateRsaKeyPair } from './gateway-crypto.js';
import type { PaymentGateway } from './payment-gateway.js';
import { createWechatPayGateway } from './wechat-pay.adapter.js';
import { startWechatPaySimulator, type WechatPaySimulator } from './wechat-pay.simulator.js';

describe('WeChat Pay API v3 adapter, against its simulator', () => {
  let sim: WechatPaySimulator;
  let gw: PaymentGateway;
  let receiver: CallbackReceiver;
  beforeAll(async () => {
    sim = await startWechatPaySimulator();
    gw = createWechatPayGateway(sim.adapterConfig);
    receiver = await startCallbackReceiver(gw);
  });
  afterAll(async () => { await receiver?.close(); await sim?.close(); });

  /** A trade started and paid (through the simulator's helper, not the cashier page). */
  async function paidTrade(amountFen: number) {
    const no = newId();
    await gw.start(startRequest(no, amountFen, receiver.url));
    expect((await sim.pay(no)).status).toBe(200);
    return no;
  }

  it('starts a Native payment whose code_url opens the 沙箱支付 cashier showing the amount in yuan', async () => {
    const no = newId();
    const started = await gw.start(startRequest(no, 12345, receiver.url));
    expect(started.kind).toBe('qr');
    expect(started.url.startsWith(`${sim.url}/cashier/${no}?`)).toBe(true);
    expect(sim.trades.get(no)).toMatchObject({ amountFen: 12345, notifyUrl: receiver.url, state: 'NOTPAY' });
    const html = await (await fetch(started.url)).text();
    for (const text of ['<title>沙箱支付</title>', '¥123.45', '确认支付', '取消', '订货演示商户']) expect(html).toContain(text);
    expect(await gw.query(no)).toEqual({ outTradeNo: no, tradeNo: null, state: 'pending', amountFen: 12345, paidAt: null });
  });

  it('pays through the cashier form: the signed, encrypted callback reads as succeeded and the query agrees', async () => {
    const no = newId();
    const req = startRequest(no, 9990, receiver.url);
    const started = await gw.start(req);
    const click = await clickCashier(started.url, 'pay');
    expect([click.status, click.location]).toEqual([303, req.returnUrl]);
    const sent = sim.callbacks.at(-1)!;
    expect([sent.outTradeNo, sent.status, sent.body]).toEqual([no, 200, '']);
    const { trade, error } = receiver.last();
    expect(error).toBeNull();
    expect(trade).toMatchObject({ outTradeNo: no, state: 'succeeded', amountFen: 9990, tradeNo: sim.trades.get(no)!.transactionId });
    expect(trade!.tradeNo).toMatch(/^4200\d{24}$/);
    expect(trade!.paidAt).toBeInstanceOf(Date);
    expect(await gw.query(no)).toEqual(trade);
  });

  it('refunds part, refunds a repeated outRefundNo only once, and refuses more than is left', async () => {
    const no = await paidTrade(10_000);
    const tradeNo = sim.trades.get(no)!.transactionId;
    const first = await gw.refund({ outTradeNo: no, tradeNo, outRefundNo: `${no}R1`, amountFen: 3000, totalFen: 10_000, reason: '少发一箱' });
    expect(first).toMatchObject({ outRefundNo: `${no}R1`, state: 'succeeded' });
    const again = await gw.refund({ outTradeNo: no, tradeNo, outRefundNo: `${no}R1`, amountFen: 3000, totalFen: 10_000, reason: '少发一箱' });
    expect(again).toEqual(first);
    expect(sim.trades.get(no)!.refundedFen).toBe(3000);
    await expect(gw.refund({ outTradeNo: no, tradeNo: null, outRefundNo: `${no}R2`, amountFen: 7001, totalFen: 10_000, reason: '' }))
      .rejects.toMatchObject({ code: 'gateway_refused', message: expect.stringContaining('申请退款金额超过订单可退金额') });
    expect((await gw.refund({ outTradeNo: no, tradeNo: null, outRefundNo: `${no}R3`, amountFen: 7000, totalFen: 10_000, reason: '' })).state).toBe('succeeded');
    expect(sim.trades.get(no)!.refundedFen).toBe(10_000);
    // A refunded trade still was paid.
    expect(await gw.query(no)).toMatchObject({ state: 'succeeded', amountFen: 10_000 });
  });

  it.each([
    ['signed with another key', { forged: true }],
    ['with an amount changed after signing', { tamperAmountFen: 1 }],
    ['with a timestamp 6 minutes old', { timestampOffsetSeconds: -360 }],
    ['with a timestamp 6 minutes ahead', { timestampOffsetSeconds: 360 }],
    ['encrypted with another APIv3 key', { wrongApiV3Key: true }],
  ])('refuses a callback %s (signature_invalid, FAIL answer)', async (_what, opts) => {
    const no = await paidTrade(5000);
    const sent = await sim.notify(no, opts);
    expect(sent.status).toBe(500);
    expect(JSON.parse(sent.body)).toMatchObject({ code: 'FAIL' });
    expect(receiver.last().error?.code).toBe('signature_invalid');
    await expect(gw.parseCallback(sent.request)).rejects.toMatchObject({ code: 'signature_invalid' });
  });

  it('refuses a callback for another merchant, even when WeChat signed it', async () => {
    const no = await paidTrade(5000);
    const other = createWechatPayGateway({ ...sim.adapterConfig, mchId: '1900000000' });
    await expect(other.parseCallback(sim.callbacks.at(-1)!.request)).rejects.toMatchObject({ code: 'signature_invalid' });
    expect((await gw.parseCallback(sim.callbacks.at(-1)!.request)).outTradeNo).toBe(no);
  });

  it('reads duplicate callbacks as the same trade, and an older state arriving late as that older state', async () => {
    const no = await paidTrade(4200);
    const paid = receiver.last().trade;
    for (let i = 0; i < 3; i++) {
      expect((await sim.notify(no)).status).toBe(200);
      expect(receiver.last().trade).toEqual(paid);
    }
    await sim.notify(no, { state: 'NOTPAY' });
    expect(receiver.last().trade).toEqual({ outTradeNo: no, tradeNo: null, state: 'pending', amountFen: 4200, paidAt: null });
    await sim.notify(no, { state: 'CLOSED' });
    expect(receiver.last().trade).toMatchObject({ state: 'closed', tradeNo: null });
  });

  it('closes an unpaid trade (twice, or one never created, is fine) and refuses to close a paid one', async () => {
    const no = newId();
    const started = await gw.start(startRequest(no, 800, receiver.url));
    await gw.close(no);
    await gw.close(no);
    await gw.close(newId());
    expect((await gw.query(no))?.state).toBe('closed');
    expect(await gw.query(newId())).toBeNull();
    expect((await clickCashier(started.url, 'pay')).status).toBe(409);
    await expect(gw.close(await paidTrade(800))).rejects.toMatchObject({ code: 'gateway_refused', message: expect.stringContaining('ORDERPAID') });
  });

  it('lets the payer cancel at the cashier: back to the return page, trade closed, no callback', async () => {
    const no = newId();
    const req = startRequest(no, 800, receiver.url);
    const sentBefore = sim.callbacks.length;
    const click = await clickCashier((await gw.start(req)).url, 'cancel');
    expect([click.status, click.location]).toEqual([303, req.returnUrl]);
    expect((await gw.query(no))?.state).toBe('closed');
    expect(sim.callbacks.length).toBe(sentBefore);
  });

  it('closes a trade nobody paid by its time_expire, as WeChat does', async () => {
    const no = newId();
    const started = await gw.start({ ...startRequest(no, 100, receiver.url), expiresAt: new Date(Date.now() + 1000) });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await gw.query(no))?.state).toBe('closed');
    expect((await clickCashier(started.url, 'pay')).status).toBe(409);
  });

  it('throws gateway_refused when our requests are signed with the wrong merchant key', async () => {
    const wrong = createWechatPayGateway({ ...sim.adapterConfig, merchantPrivateKey: generateRsaKeyPair().privateKey });
    await expect(wrong.query(newId())).rejects.toMatchObject({ code: 'gateway_refused', message: expect.stringContaining('SIGN_ERROR') });
    await expect(wrong.start(startRequest(newId(), 100, receiver.url))).rejects.toMatchObject({ code: 'gateway_refused' });
  });

  it('does not trust an answer that the WeChat Pay public key does not verify (gateway_unavailable)', async () => {
    const distrustful = createWechatPayGateway({ ...sim.adapterConfig, platformPublicKey: generateRsaKeyPair().publicKey });
    await expect(distrustful.start(startRequest(newId(), 100, receiver.url))).rejects.toMatchObject({ code: 'gateway_unavailable' });
  });

  it('throws gateway_unavailable when WeChat Pay cannot be reached', async () => {
    const down = await startWechatPaySimulator();
    await down.close();
    const cut = createWechatPayGateway({ ...down.adapterConfig, timeoutMs: 2000 });
    await expect(cut.query(newId())).rejects.toMatchObject({ code: 'gateway_unavailable' });
    await expect(cut.start(startRequest(newId(), 100, receiver.url))).rejects.toMatchObject({ code: 'gateway_unavailable' });
  });

  it('acknowledges with an empty 200, and fails with a FAIL code so WeChat retries', () => {
    expect(gw.ack(true)).toMatchObject({ status: 200, body: '' });
    const fail = gw.ack(false);
    expect(fail.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(fail.body)).toMatchObject({ code: 'FAIL', message: expect.any(String) });
  });
});

describe('WeChat Pay simulator options', () => {
  it('pays by itself after autoPayMs when asked (by default it waits for the payer)', async () => {
    const sim = await startWechatPaySimulator({ autoPayMs: 50, merchantName: '华东仓配' });
    const gw = createWechatPayGateway(sim.adapterConfig);
    const receiver = await startCallbackReceiver(gw);
    try {
      const no = newId();
      const started = await gw.start(startRequest(no, 700, receiver.url));
      expect(await (await fetch(started.url)).text()).toContain('华东仓配');
      await vi.waitFor(() => expect(receiver.received.at(-1)?.trade).toMatchObject({ outTradeNo: no, state: 'succeeded', amountFen: 700 }), { timeout: 5000 });
    } finally {
      await receiver.close();
      await sim.close();
    }
  });
});
