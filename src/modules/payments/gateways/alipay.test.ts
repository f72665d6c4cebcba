import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../platform/ids.js';
import { alipayResponseSlice, createAlipayGateway } from './alipay.adapter.js';
import { startAlipaySimulator, type AlipaySimulator } from './alipay.simulator.js';
import { clickCashier, openRedirect, startCallbackReceiver, startRequest, type CallbackReceiver } from './callback-receiver.test-support.js';
import { generateRsaKeyPair } from './gateway-crypto.js';
import type { PaymentGateway } from './payment-gateway.js';

describe('Alipay adapter, against its simulator', () => {
  let sim: AlipaySimulator;
  let gw: PaymentGateway;
  let receiver: CallbackReceiver;
  beforeAll(async () => {
    sim = await startAlipaySimulator();
    gw = createAlipayGateway(sim.adapterConfig);
    receiver = await startCallbackReceiver(gw);
  });
  afterAll(async () => { await receiver?.close(); await sim?.close(); });

  /** Started, opened by the payer's browser (which creates the trade at Alipay), and paid through the helper. */
  async function paidTrade(amountFen: number) {
    const no = newId();
    await openRedirect((await gw.start(startRequest(no, amountFen, receiver.url))).url);
    expect((await sim.pay(no)).status).toBe(200);
    return no;
  }

  it('starts a page payment: a signed gateway.do URL that lands on the 沙箱支付 cashier with the amount in yuan', async () => {
    const no = newId();
    const started = await gw.start(startRequest(no, 100_001, receiver.url));
    expect(started.kind).toBe('redirect');
    const url = new URL(started.url);
    expect(`${url.origin}${url.pathname}`).toBe(sim.adapterConfig.gatewayUrl);
    expect(url.searchParams.get('method')).toBe('alipay.trade.page.pay');
    expect(JSON.parse(url.searchParams.get('biz_content')!)).toMatchObject({ out_trade_no: no, total_amount: '1000.01', product_code: 'FAST_INSTANT_TRADE_PAY' });
    // Alipay knows no trade until the payer opens the page.
    expect(await gw.query(no)).toBeNull();
    const cashier = await openRedirect(started.url);
    expect(cashier).toBe(`${sim.url}/cashier/${no}`);
    const html = await (await fetch(cashier)).text();
    for (const text of ['<title>沙箱支付</title>', '¥1000.01', '确认支付', '取消']) expect(html).toContain(text);
    expect(await gw.query(no)).toEqual({ outTradeNo: no, tradeNo: null, state: 'pending', amountFen: 100_001, paidAt: null });
  });

  it('refuses a page-pay URL whose signature was broken on the way (the cashier never opens)', async () => {
    const started = await gw.start(startRequest(newId(), 500, receiver.url));
    const tampered = started.url.replace('total_amount%22%3A%225.00', 'total_amount%22%3A%220.01');
    expect(tampered).not.toBe(started.url);
    const res = await fetch(tampered, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('isv.invalid-signature');
  });

  it('pays through the cashier form: the signed notification reads as succeeded and the query agrees', async () => {
    const no = newId();
    const req = startRequest(no, 1999, receiver.url);
    const click = await clickCashier(await openRedirect((await gw.start(req)).url), 'pay');
    expect(click.status).toBe(303);
    expect(click.location!.startsWith(req.returnUrl)).toBe(true);
    const sent = sim.callbacks.at(-1)!;
    expect([sent.outTradeNo, sent.state, sent.status, sent.body]).toEqual([no, 'TRADE_SUCCESS', 200, 'success']);
    const { trade, error } = receiver.last();
    expect(error).toBeNull();
    expect(trade).toMatchObject({ outTradeNo: no, state: 'succeeded', amountFen: 1999, tradeNo: sim.trades.get(no)!.tradeNo });
    expect(trade!.paidAt).toBeInstanceOf(Date);
    expect(await gw.query(no)).toEqual(trade);
  });

  it('refunds part, refunds a repeated out_request_no only once, and refuses more than is left', async () => {
    const no = await paidTrade(10_000);
    const refund = (outRefundNo: string, amountFen: number) => gw.refund({ outTradeNo: no, tradeNo: null, outRefundNo, amountFen, totalFen: 10_000, reason: '退货' });
    expect(await refund(`${no}R1`, 3333)).toEqual({ outRefundNo: `${no}R1`, refundNo: null, state: 'succeeded' });
    expect(await refund(`${no}R1`, 3333)).toEqual({ outRefundNo: `${no}R1`, refundNo: null, state: 'succeeded' });
    expect(sim.trades.get(no)!.refundedFen).toBe(3333);
    await expect(refund(`${no}R1`, 1000)).rejects.toMatchObject({ code: 'gateway_refused' });
    await expect(refund(`${no}R2`, 6668)).rejects.toMatchObject({ code: 'gateway_refused', message: expect.stringContaining('ACQ.REASON_TRADE_REFUND_FEE_ERR') });
    expect((await refund(`${no}R3`, 6667)).state).toBe('succeeded');
    expect(sim.trades.get(no)).toMatchObject({ refundedFen: 10_000, status: 'TRADE_CLOSED' });
    // Alipay closes a fully refunded trade; it was still paid.
    expect(await gw.query(no)).toMatchObject({ state: 'succeeded', amountFen: 10_000 });
  });

  it.each([
    ['signed with another key', { forged: true }],
    ['with total_amount changed after signing', { tamperAmountFen: 1 }],
  ])('refuses a notification %s (signature_invalid, "fail")', async (_what, opts) => {
    const no = await paidTrade(5000);
    const sent = await sim.notify(no, opts);
    expect([sent.status, sent.body]).toEqual([500, 'fail']);
    expect(receiver.last().error?.code).toBe('signature_invalid');
    await expect(gw.parseCallback(sent.request)).rejects.toMatchObject({ code: 'signature_invalid' });
  });

  it('refuses a correctly signed notification for another app_id', async () => {
    const no = await paidTrade(5000);
    const other = createAlipayGateway({ ...sim.adapterConfig, appId: '2021000000000000' });
    await expect(other.parseCallback(sim.callbacks.at(-1)!.request)).rejects.toMatchObject({ code: 'signature_invalid', message: expect.stringContaining('app_id') });
    expect((await gw.parseCallback(sim.callbacks.at(-1)!.request)).outTradeNo).toBe(no);
  });

  it('reads duplicate notifications as the same trade, and older states arriving late as those older states', async () => {
    const no = await paidTrade(880);
    const paid = receiver.last().trade;
    for (let i = 0; i < 3; i++) {
      expect((await sim.notify(no)).body).toBe('success');
      expect(receiver.last().trade).toEqual(paid);
    }
    await sim.notify(no, { state: 'WAIT_BUYER_PAY' });
    expect(receiver.last().trade).toEqual({ outTradeNo: no, tradeNo: null, state: 'pending', amountFen: 880, paidAt: null });
    await sim.notify(no, { state: 'TRADE_CLOSED' });
    expect(receiver.last().trade).toMatchObject({ state: 'closed', tradeNo: null });
  });

  it('closes an unpaid trade (twice, or one never opened, is fine) and refuses to close a paid one', async () => {
    const no = newId();
    const cashier = await openRedirect((await gw.start(startRequest(no, 300, receiver.url))).url);
    await gw.close(no);
    await gw.close(no);
    await gw.close(newId());
    expect((await gw.query(no))?.state).toBe('closed');
    expect((await clickCashier(cashier, 'pay')).status).toBe(409);
    await expect(gw.close(await paidTrade(300))).rejects.toMatchObject({ code: 'gateway_refused', message: expect.stringContaining('ACQ.TRADE_STATUS_ERROR') });
  });

  it('lets the payer cancel at the cashier: TRADE_CLOSED is notified and the browser goes back', async () => {
    const no = newId();
    const req = startRequest(no, 300, receiver.url);
    const click = await clickCashier(await openRedirect((await gw.start(req)).url), 'cancel');
    expect([click.status, click.location]).toEqual([303, req.returnUrl]);
    expect(receiver.last().trade).toMatchObject({ outTradeNo: no, state: 'closed' });
  });

  it('throws gateway_refused when our requests are signed with the wrong app key', async () => {
    const wrong = createAlipayGateway({ ...sim.adapterConfig, appPrivateKey: generateRsaKeyPair().privateKey });
    await expect(wrong.query(newId())).rejects.toMatchObject({ code: 'gateway_refused', message: expect.stringContaining('isv.invalid-signature') });
  });

  it('does not trust an answer that the Alipay public key does not verify (gateway_unavailable)', async () => {
    const no = await paidTrade(100);
    const distrustful = createAlipayGateway({ ...sim.adapterConfig, alipayPublicKey: generateRsaKeyPair().publicKey });
    await expect(distrustful.query(no)).rejects.toMatchObject({ code: 'gateway_unavailable' });
  });

  it('throws gateway_unavailable when Alipay cannot be reached', async () => {
    const down = await startAlipaySimulator();
    await down.close();
    await expect(createAlipayGateway({ ...down.adapterConfig, timeoutMs: 2000 }).query(newId())).rejects.toMatchObject({ code: 'gateway_unavailable' });
  });

  it('cuts the signed response object out byte for byte, whatever the key order and escapes', () => {
    const inner = '{"code":"10000","msg":"Success","subject":"a } \\" { b","n":{"x":1}}';
    expect(alipayResponseSlice(`{"sign":"abc","alipay_trade_query_response":${inner}}`, 'alipay_trade_query_response')).toBe(inner);
    expect(alipayResponseSlice(`{"alipay_trade_query_response" : ${inner},"sign":"abc"}`, 'alipay_trade_query_response')).toBe(inner);
    expect(alipayResponseSlice('{"other":1}', 'alipay_trade_query_response')).toBeNull();
  });

  it('acknowledges with the plain text the notification protocol wants', () => {
    expect(gw.ack(true)).toMatchObject({ status: 200, body: 'success' });
    expect(gw.ack(false).body).toBe('fail');
  });
});
