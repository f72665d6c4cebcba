/**
 * UnionPay online gateway (银联全渠道 / 网关支付), version 5.1.0, signMethod 01, from its public specification:
 * - 消费  frontTransReq.do   txnType 01 / txnSubType 01 / bizType 000201 — a browser transaction: we hand the payer a
 *        URL carrying the signed fields (the simulator takes GET; `unionpayAutoSubmitForm` renders the POST form)
 * - 查询  queryTrans.do      txnType 00, by orderId + txnTime; respCode 34 查无此交易, else origRespCode is the trade's
 * - 退货  backTransReq.do    txnType 04, origQryId; accepted asynchronously, so its result is asked with a query
 * - close: UnionPay has no 关单 for an unpaid consumption (payTimeout ends it); `close` only refuses a paid trade.
 * signature = base64(SHA256withRSA(sha256hex(sorted `k=v&…` without `signature`))) with the merchant's signing key
 * and its certId; answers and back notifications (form-encoded, to backUrl) are verified with UnionPay's key.
 */
import type { KeyObject } from 'node:crypto';
import { loadPrivateKey, loadPublicKey, rsaSign, rsaVerify, sha256Hex, signingString } from './gateway-crypto.js';
import { chinaCompact, parseChinaCompact, parseFen } from './gateway-format.js';
import { callGateway, DEFAULT_GATEWAY_TIMEOUT_MS, gatewayRefused, gatewayUnavailable, signatureInvalid } from './gateway-http.js';
import type { GatewayTrade, PaymentGateway } from './payment-gateway.js';

export interface UnionpayConfig {
  /** https://gateway.95516.com/gateway/api (test https://gateway.test.95516.com/gateway/api, or the simulator's). */
  gatewayUrl: string;
  /** 商户代码 (15 characters). */
  merId: string;
  /** The signing certificate's certId, and its private key (PEM, exported from the .pfx). */
  certId: string;
  signPrivateKey: string;
  /** UnionPay's signing key (PEM public key or certificate), verifying answers and notifications. */
  unionpayPublicKey: string;
  /** backUrl of refunds (mandatory in 退货): an endpoint that answers 200 — refund results are read by query anyway. */
  refundNotifyUrl: string;
  /** 07 PC, 08 mobile. */
  channelType?: '07' | '08';
  timeoutMs?: number;
}

export const UNIONPAY_VERSION = '5.1.0';

export function unionpaySign(fields: Record<string, string>, key: KeyObject): string {
  return rsaSign(sha256Hex(signingString(fields, ['signature'])), key);
}

export function unionpayVerify(fields: Record<string, string>, key: KeyObject): boolean {
  return !!fields.signature && rsaVerify(sha256Hex(signingString(fields, ['signature'])), fields.signature, key);
}

/** UnionPay's answer body: `k=v&k=v`, not URL-encoded; a value in {…} or […] may itself contain & and =. */
export function parseUnionpayAnswer(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const take = (part: string) => {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
  };
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '[') depth++;
    else if ((ch === '}' || ch === ']') && depth > 0) depth--;
    else if (ch === '&' && depth === 0) { take(text.slice(start, i)); start = i + 1; }
  }
  take(text.slice(start));
  return out;
}

/** The signed fields of a front transaction as an auto-submitting POST form (what UnionPay's own SDK renders). */
export function unionpayAutoSubmitForm(redirectUrl: string): string {
  const u = new URL(redirectUrl);
  const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const inputs = [...u.searchParams].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"></head><body onload="document.forms[0].submit()"><form method="post" action="${esc(u.origin + u.pathname)}">${inputs}</form></body></html>`;
}

const SUCCESS = new Set(['00', 'A6']);
const IN_DOUBT = new Set(['03', '04', '05']);
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The creation time inside a ULID (our ids), when `id` is one. */
function ulidTime(id: string): number | null {
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) return null;
  let t = 0;
  for (const ch of id.slice(0, 10)) t = t * 32 + CROCKFORD.indexOf(ch);
  return t > Date.UTC(2000, 0, 1) && t < Date.now() + 86_400_000 ? t : null;
}

/** traceTime is MMDDhhmmss; its year is txnTime's, or the next one across New Year. */
function paidAtOf(traceTime: string | undefined, txnTime: string | undefined): Date | null {
  const sent = parseChinaCompact(txnTime);
  if (!sent || !traceTime || !/^\d{10}$/.test(traceTime)) return sent;
  const year = Number(txnTime!.slice(0, 4));
  const d = parseChinaCompact(`${year}${traceTime}`);
  return d && d.getTime() < sent.getTime() - 86_400_000 ? parseChinaCompact(`${year + 1}${traceTime}`) : d;
}

/** A consumption's fields (query answer: origRespCode; notification: respCode) → our trade. */
function unionpayTrade(f: Record<string, string>): GatewayTrade | null {
  const code = f.origRespCode ?? f.respCode ?? '';
  const amountFen = parseFen(f.txnAmt);
  if (!f.orderId || amountFen === null) return null;
  const state = SUCCESS.has(code) ? 'succeeded' : IN_DOUBT.has(code) ? 'pending' : 'failed';
  const paid = state === 'succeeded';
  return { outTradeNo: f.orderId, tradeNo: paid ? f.queryId ?? null : null, state, amountFen, paidAt: paid ? paidAtOf(f.traceTime, f.txnTime) : null };
}

export function createUnionpayGateway(c: UnionpayConfig, fetchImpl: typeof fetch = fetch): PaymentGateway {
  const signKey = loadPrivateKey(c.signPrivateKey);
  const unionpayKey = loadPublicKey(c.unionpayPublicKey);
  const base = c.gatewayUrl.replace(/\/$/, '');
  const timeoutMs = c.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS;
  const remembered = new Map<string, string>();
  const common = () => ({ version: UNIONPAY_VERSION, encoding: 'UTF-8', signMethod: '01', certId: c.certId, accessType: '0', merId: c.merId });
  const signed = (f: Record<string, string>) => ({ ...f, signature: unionpaySign(f, signKey) });

  /**
   * orderId + txnTime name a transaction at UnionPay, and `query(outTradeNo)` has only the first: our ids are ULIDs,
   * so txnTime is the id's own creation time, the same in every process and after restarts.
   */
  function txnTimeOf(orderId: string): string {
    const t = ulidTime(orderId);
    if (t !== null) return chinaCompact(new Date(t));
    if (!remembered.has(orderId)) remembered.set(orderId, chinaCompact(new Date()));
    return remembered.get(orderId)!;
  }

  async function post(endpoint: string, fields: Record<string, string>): Promise<Record<string, string>> {
    const answer = await callGateway('unionpay', `${base}/${endpoint}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: new URLSearchParams(signed(fields)).toString(),
    }, timeoutMs, fetchImpl);
    if (answer.status !== 200) throw gatewayUnavailable('unionpay', `answered HTTP ${answer.status}`);
    const a = parseUnionpayAnswer(answer.text.trim());
    if (!a.respCode) throw gatewayUnavailable('unionpay', 'answered without respCode');
    // Refusals of malformed requests may come unsigned; anything that reports a result must verify.
    if (a.signature ? !unionpayVerify(a, unionpayKey) : a.respCode === '00') throw gatewayUnavailable('unionpay', 'answer signature does not verify');
    return a;
  }
  const refused = (a: Record<string, string>) => gatewayRefused('unionpay', a.respCode ?? '?', `${a.respCode ?? '?'} ${a.respMsg ?? ''}`);

  /** The fields of transaction orderId+txnTime, null when UnionPay has none (34). */
  async function queryOrder(orderId: string, txnTime: string): Promise<Record<string, string> | null> {
    const a = await post('queryTrans.do', { ...common(), txnType: '00', txnSubType: '00', bizType: '000000', orderId, txnTime });
    if (a.respCode === '34') return null;
    if (IN_DOUBT.has(a.respCode)) throw gatewayUnavailable('unionpay', `query answered ${a.respCode}`);
    if (a.respCode !== '00') throw refused(a);
    return a;
  }

  async function query(outTradeNo: string): Promise<GatewayTrade | null> {
    const a = await queryOrder(outTradeNo, txnTimeOf(outTradeNo));
    if (!a) return null;
    const trade = unionpayTrade(a);
    if (!trade || trade.outTradeNo !== outTradeNo) throw gatewayUnavailable('unionpay', 'answered an unreadable transaction');
    return trade;
  }

  return {
    name: 'unionpay',
    async start(r) {
      const fields = signed({
        ...common(), txnType: '01', txnSubType: '01', bizType: '000201', channelType: c.channelType ?? '07', orderId: r.outTradeNo,
        txnTime: txnTimeOf(r.outTradeNo), txnAmt: String(r.amountFen), currencyCode: '156', frontUrl: r.returnUrl, backUrl: r.notifyUrl,
        payTimeout: chinaCompact(r.expiresAt), riskRateInfo: `{commodityName=${r.description.replace(/[{}&=]/g, ' ').slice(0, 100)}}`,
      });
      return { kind: 'redirect', url: `${base}/frontTransReq.do?${new URLSearchParams(fields).toString()}` };
    },
    query,
    async close(outTradeNo) {
      if ((await query(outTradeNo))?.state === 'succeeded') throw gatewayRefused('unionpay', 'PAID', 'the trade is paid; UnionPay closes nothing paid (refund it)');
    },
    async refund(r) {
      const origQryId = r.tradeNo ?? (await query(r.outTradeNo))?.tradeNo;
      if (!origQryId) throw gatewayRefused('unionpay', '35', `${r.outTradeNo} has no paid transaction to refund`);
      const txnTime = txnTimeOf(r.outRefundNo);
      const a = await post('backTransReq.do', {
        ...common(), txnType: '04', txnSubType: '00', bizType: '000201', channelType: c.channelType ?? '07', orderId: r.outRefundNo,
        origQryId, txnTime, txnAmt: String(r.amountFen), backUrl: c.refundNotifyUrl,
      });
      if (IN_DOUBT.has(a.respCode)) return { outRefundNo: r.outRefundNo, refundNo: null, state: 'processing' };
      // 12 重复交易: this outRefundNo was sent before — its own query says how it went.
      if (a.respCode !== '00' && a.respCode !== '12') throw refused(a);
      const q = await queryOrder(r.outRefundNo, txnTime);
      if (!q) {
        if (a.respCode === '12') throw refused(a);
        return { outRefundNo: r.outRefundNo, refundNo: null, state: 'processing' };
      }
      if (q.txnAmt !== String(r.amountFen) || (q.origQryId && q.origQryId !== origQryId)) throw gatewayRefused('unionpay', '36', `orderId ${r.outRefundNo} is another transaction`);
      const code = q.origRespCode ?? '';
      return { outRefundNo: r.outRefundNo, refundNo: q.queryId ?? null, state: SUCCESS.has(code) ? 'succeeded' : IN_DOUBT.has(code) ? 'processing' : 'failed' };
    },
    async parseCallback(req) {
      const f = Object.fromEntries(new URLSearchParams(req.rawBody));
      if (!unionpayVerify(f, unionpayKey)) throw signatureInvalid('unionpay', 'signature does not verify');
      if (f.merId !== c.merId) throw signatureInvalid('unionpay', `merId ${f.merId ?? '?'} is not ours`);
      if (f.txnType !== '01') throw signatureInvalid('unionpay', `txnType ${f.txnType ?? '?'} is not a payment notification`);
      const trade = unionpayTrade(f);
      if (!trade) throw signatureInvalid('unionpay', 'the notification does not read');
      return trade;
    },
    ack(ok) {
      // UnionPay counts HTTP 200 as delivered and retries anything else.
      return ok ? { status: 200, contentType: 'text/plain; charset=utf-8', body: 'ok' } : { status: 500, contentType: 'text/plain; charset=utf-8', body: 'fail' };
    },
  };
}
