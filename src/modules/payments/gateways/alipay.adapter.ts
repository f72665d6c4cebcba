/**
 * Alipay open platform (支付宝开放平台), public-key mode with RSA2, from its public specification:
 * - 电脑网站支付  alipay.trade.page.pay: no server call — the payer's browser opens gateway.do with our signed query
 * - 统一收单查询  alipay.trade.query   (40004 ACQ.TRADE_NOT_EXIST while the payer has not opened the cashier)
 * - 关闭交易      alipay.trade.close
 * - 退款          alipay.trade.refund with out_request_no (repeated: fund_change "N"; then asked via
 *                alipay.trade.fastpay.refund.query, refund_status REFUND_SUCCESS)
 * Requests: all parameters except `sign`, sorted `k=v&…`, SHA256withRSA with the app's private key. Sync answers
 * `{"<method>_response":{…},"sign":"…"}` are verified over the exact bytes of the `…_response` value. Async
 * notifications (form-encoded) are verified over all fields except `sign` and `sign_type`. Amounts are yuan strings.
 */
import { loadPrivateKey, loadPublicKey, rsaSign, rsaVerify, signingString } from './gateway-crypto.js';
import { chinaDateTime, fenToYuan, parseChinaDateTime, yuanToFen } from './gateway-format.js';
import {
  callGateway, DEFAULT_GATEWAY_TIMEOUT_MS, gatewayRefused, gatewayUnavailable, parseJsonAnswer, signatureInvalid, str,
} from './gateway-http.js';
import type { GatewayTrade, GatewayTradeState, PaymentGateway } from './payment-gateway.js';

export interface AlipayConfig {
  /** https://openapi.alipay.com/gateway.do (sandbox https://openapi-sandbox.dl.alipaydev.com/gateway.do, or the simulator's). */
  gatewayUrl: string;
  appId: string;
  /** 应用私钥 (PEM, or the bare base64 Alipay's key tool prints). */
  appPrivateKey: string;
  /** 支付宝公钥 (PEM or bare base64), verifying answers and notifications. */
  alipayPublicKey: string;
  timeoutMs?: number;
}

/** Left out of the string an async notification's signature covers (a request's covers sign_type). */
export const ALIPAY_NOTIFY_UNSIGNED = ['sign', 'sign_type'] as const;

/** Alipay's common request parameters plus `sign`. */
export function alipaySignedParams(
  appId: string, key: Parameters<typeof rsaSign>[1], method: string, biz: Record<string, unknown>, extra: Record<string, string> = {}, now = new Date(),
): Record<string, string> {
  const p: Record<string, string> = {
    app_id: appId, method, format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', timestamp: chinaDateTime(now), version: '1.0',
    ...extra, biz_content: JSON.stringify(biz),
  };
  return { ...p, sign: rsaSign(signingString(p, ['sign']), key) };
}

/** The exact text of the object under `"key":` — Alipay signs those bytes, so it is cut out, never re-serialised. */
export function alipayResponseSlice(text: string, key: string): string | null {
  const at = text.indexOf(`"${key}"`);
  if (at < 0) return null;
  const start = text.indexOf('{', at + key.length + 2);
  if (start < 0 || !/^\s*:\s*$/.test(text.slice(at + key.length + 2, start))) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

const TRADE_STATUS: Record<string, GatewayTradeState> = { WAIT_BUYER_PAY: 'pending', TRADE_SUCCESS: 'succeeded', TRADE_FINISHED: 'succeeded', TRADE_CLOSED: 'closed' };

/** Alipay's trade fields → ours. TRADE_CLOSED after a payment means "fully refunded": the trade was paid. */
export function alipayTrade(o: { outTradeNo?: string; tradeNo?: string; status?: string; totalAmount?: string; paidAt: Date | null }): GatewayTrade | null {
  let state = TRADE_STATUS[o.status ?? ''];
  const amountFen = yuanToFen(o.totalAmount ?? '');
  if (!state || amountFen === null || !o.outTradeNo) return null;
  if (state === 'closed' && o.paidAt) state = 'succeeded';
  const paid = state === 'succeeded';
  return { outTradeNo: o.outTradeNo, tradeNo: paid ? o.tradeNo ?? null : null, state, amountFen, paidAt: paid ? o.paidAt : null };
}

export function createAlipayGateway(c: AlipayConfig, fetchImpl: typeof fetch = fetch): PaymentGateway {
  const appKey = loadPrivateKey(c.appPrivateKey);
  const alipayKey = loadPublicKey(c.alipayPublicKey);
  const timeoutMs = c.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS;

  /** One API call; answers must be signed unless they refuse; 20000 / ACQ.SYSTEM_ERROR mean "try again". */
  async function call(method: string, biz: Record<string, unknown>) {
    const answer = await callGateway('alipay', c.gatewayUrl, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(alipaySignedParams(c.appId, appKey, method, biz)).toString(),
    }, timeoutMs, fetchImpl);
    if (answer.status !== 200) throw gatewayUnavailable('alipay', `answered HTTP ${answer.status}`);
    const slice = alipayResponseSlice(answer.text, `${method.replace(/\./g, '_')}_response`) ?? alipayResponseSlice(answer.text, 'error_response');
    if (!slice) throw gatewayUnavailable('alipay', 'answered without a response object');
    const data = parseJsonAnswer('alipay', slice);
    const sign = str(parseJsonAnswer('alipay', answer.text).sign);
    const code = str(data.code) ?? '';
    if (sign ? !rsaVerify(slice, sign, alipayKey) : code === '10000') throw gatewayUnavailable('alipay', 'answer signature does not verify');
    const subCode = str(data.sub_code) ?? '';
    if (code === '20000' || subCode === 'ACQ.SYSTEM_ERROR') throw gatewayUnavailable('alipay', `${code} ${subCode}`.trim());
    return { code, subCode, message: str(data.sub_msg) ?? str(data.msg) ?? '', data };
  }
  const refused = (r: { code: string; subCode: string; message: string }) => gatewayRefused('alipay', r.subCode || r.code, `${r.subCode || r.code} ${r.message}`);

  async function query(outTradeNo: string): Promise<GatewayTrade | null> {
    const r = await call('alipay.trade.query', { out_trade_no: outTradeNo });
    if (r.subCode === 'ACQ.TRADE_NOT_EXIST') return null;
    if (r.code !== '10000') throw refused(r);
    const trade = alipayTrade({
      outTradeNo: str(r.data.out_trade_no), tradeNo: str(r.data.trade_no), status: str(r.data.trade_status),
      totalAmount: str(r.data.total_amount), paidAt: parseChinaDateTime(r.data.send_pay_date),
    });
    if (!trade || trade.outTradeNo !== outTradeNo) throw gatewayUnavailable('alipay', 'answered an unreadable trade');
    return trade;
  }

  return {
    name: 'alipay',
    async start(r) {
      const params = alipaySignedParams(c.appId, appKey, 'alipay.trade.page.pay', {
        out_trade_no: r.outTradeNo, total_amount: fenToYuan(r.amountFen), subject: r.description.slice(0, 256),
        product_code: 'FAST_INSTANT_TRADE_PAY', time_expire: chinaDateTime(r.expiresAt),
      }, { notify_url: r.notifyUrl, return_url: r.returnUrl });
      return { kind: 'redirect', url: `${c.gatewayUrl}?${new URLSearchParams(params).toString()}` };
    },
    query,
    async close(outTradeNo) {
      const r = await call('alipay.trade.close', { out_trade_no: outTradeNo });
      if (r.code === '10000' || r.subCode === 'ACQ.TRADE_NOT_EXIST') return;
      // TRADE_STATUS_ERROR: already closed (fine) or paid (not fine) — ask which.
      if (r.subCode === 'ACQ.TRADE_STATUS_ERROR' && (await query(outTradeNo))?.state !== 'succeeded') return;
      throw refused(r);
    },
    async refund(r) {
      const res = await call('alipay.trade.refund', {
        out_trade_no: r.outTradeNo, ...(r.tradeNo ? { trade_no: r.tradeNo } : {}), refund_amount: fenToYuan(r.amountFen),
        refund_reason: r.reason.slice(0, 256) || undefined, out_request_no: r.outRefundNo,
      });
      if (res.code !== '10000') throw refused(res);
      if (res.data.fund_change === 'Y') return { outRefundNo: r.outRefundNo, refundNo: null, state: 'succeeded' };
      // "N": this out_request_no was seen before (or is still being processed); the refund query says which.
      const q = await call('alipay.trade.fastpay.refund.query', { out_trade_no: r.outTradeNo, out_request_no: r.outRefundNo });
      if (q.code !== '10000') throw refused(q);
      if (q.data.refund_amount !== undefined && q.data.refund_amount !== fenToYuan(r.amountFen)) {
        throw gatewayRefused('alipay', 'REFUND_AMOUNT_MISMATCH', `out_request_no ${r.outRefundNo} was used for ${String(q.data.refund_amount)} yuan`);
      }
      return { outRefundNo: r.outRefundNo, refundNo: null, state: q.data.refund_status === 'REFUND_SUCCESS' ? 'succeeded' : 'processing' };
    },
    async parseCallback(req) {
      const form = Object.fromEntries(new URLSearchParams(req.rawBody));
      if (!form.sign || !rsaVerify(signingString(form, ALIPAY_NOTIFY_UNSIGNED), form.sign, alipayKey)) throw signatureInvalid('alipay', 'sign does not verify');
      if (form.app_id !== c.appId) throw signatureInvalid('alipay', `app_id ${form.app_id ?? '?'} is not ours`);
      const trade = alipayTrade({
        outTradeNo: form.out_trade_no, tradeNo: form.trade_no, status: form.trade_status, totalAmount: form.total_amount, paidAt: parseChinaDateTime(form.gmt_payment),
      });
      if (!trade) throw signatureInvalid('alipay', 'the notification does not read');
      return trade;
    },
    ack(ok) {
      // Alipay retries until the body is exactly "success"; the status only shows the failure in logs.
      return ok ? { status: 200, contentType: 'text/plain; charset=utf-8', body: 'success' } : { status: 500, contentType: 'text/plain; charset=utf-8', body: 'fail' };
    },
  };
}
