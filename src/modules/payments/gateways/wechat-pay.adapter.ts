/**
 * WeChat Pay API v3 (微信支付 APIv3), direct merchant, from its public specification:
 * - Native 下单   POST /v3/pay/transactions/native                          → { code_url } (the payer scans it)
 * - 查询订单      GET  /v3/pay/transactions/out-trade-no/{no}?mchid=…       (404 ORDER_NOT_EXIST when unknown)
 * - 关闭订单      POST /v3/pay/transactions/out-trade-no/{no}/close { mchid } → 204
 * - 申请退款      POST /v3/refund/domestic/refunds                          (same out_refund_no twice refunds once)
 * Requests carry `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`,
 * the signature being SHA256withRSA with the merchant key over `METHOD\nURL\ntimestamp\nnonce\nbody\n`. Answers and
 * callbacks are signed by WeChat Pay (Wechatpay-Timestamp/-Nonce/-Signature/-Serial over `timestamp\nnonce\nbody\n`)
 * and verified with the WeChat Pay public key (微信支付公钥, or a platform certificate); the callback's `resource` is
 * AEAD_AES_256_GCM-encrypted with the APIv3 key.
 */
import type { KeyObject } from 'node:crypto';
import { aesGcmDecrypt, loadPrivateKey, loadPublicKey, randomAlnum, rsaSign, rsaVerify } from './gateway-crypto.js';
import { chinaRfc3339, parseFen, parseRfc3339 } from './gateway-format.js';
import {
  callGateway, DEFAULT_GATEWAY_TIMEOUT_MS, gatewayRefused, gatewayUnavailable, parseJsonAnswer, signatureInvalid, str,
} from './gateway-http.js';
import type { CallbackRequest, GatewayRefund, GatewayTrade, GatewayTradeState, PaymentGateway } from './payment-gateway.js';

export interface WechatPayConfig {
  /** https://api.mch.weixin.qq.com (or the simulator's URL). */
  baseUrl: string;
  /** The AppID bound to the merchant (公众号/开放平台应用). */
  appId: string;
  mchId: string;
  /** 商户API证书序列号, and that certificate's private key (PEM). */
  merchantSerialNo: string;
  merchantPrivateKey: string;
  /** APIv3 密钥: 32 characters, decrypts callback resources. */
  apiV3Key: string;
  /** 微信支付公钥 (PEM public key or platform certificate) and its id (PUB_KEY_ID_… or the certificate serial), as sent in Wechatpay-Serial. */
  platformPublicKey: string;
  platformPublicKeyId: string;
  timeoutMs?: number;
}

export const WECHAT_AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';
/** Callbacks older or newer than this are refused (replays), as WeChat Pay recommends. */
export const WECHAT_MAX_CLOCK_SKEW_SECONDS = 300;

/** Every signed WeChat message is its parts, each followed by a newline. */
export const wechatMessage = (...parts: string[]): string => parts.map((p) => `${p}\n`).join('');

export function wechatAuthorization(
  o: { mchId: string; serialNo: string; key: KeyObject }, method: string, pathAndQuery: string, body: string, now = Date.now(),
): string {
  const timestamp = String(Math.floor(now / 1000));
  const nonce = randomAlnum(32);
  const signature = rsaSign(wechatMessage(method, pathAndQuery, timestamp, nonce, body), o.key);
  return `${WECHAT_AUTH_SCHEMA} mchid="${o.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${o.serialNo}"`;
}

/** Why the Wechatpay-* signature headers do not verify the body, or null when they do. */
export function wechatSignatureProblem(
  headers: Record<string, string | undefined>, body: string, key: KeyObject, keyId: string, now = Date.now(),
): string | null {
  const timestamp = headers['wechatpay-timestamp'];
  const nonce = headers['wechatpay-nonce'];
  const signature = headers['wechatpay-signature'];
  if (!timestamp || !nonce || !signature) return 'Wechatpay-* signature headers missing';
  if (headers['wechatpay-serial'] !== keyId) return `signed with key ${headers['wechatpay-serial'] ?? '?'}, not ours`;
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > WECHAT_MAX_CLOCK_SKEW_SECONDS) return 'timestamp too far from now';
  return rsaVerify(wechatMessage(timestamp, nonce, body), signature, key) ? null : 'signature does not verify';
}

/** trade_state → ours. REFUND is a trade that was paid (and later refunded); refunds are tracked on their own. */
const TRADE_STATE: Record<string, GatewayTradeState> = {
  SUCCESS: 'succeeded', REFUND: 'succeeded', NOTPAY: 'pending', USERPAYING: 'pending', CLOSED: 'closed', REVOKED: 'closed', PAYERROR: 'failed',
};

/** A transaction document (query answer or decrypted callback resource) → our trade; null when it does not read. */
export function wechatTrade(t: Record<string, unknown>): GatewayTrade | null {
  const state = TRADE_STATE[str(t.trade_state) ?? ''];
  const amountFen = parseFen((t.amount as { total?: unknown } | undefined)?.total);
  const outTradeNo = str(t.out_trade_no);
  if (!state || amountFen === null || !outTradeNo) return null;
  const paid = state === 'succeeded';
  return { outTradeNo, tradeNo: paid ? str(t.transaction_id) ?? null : null, state, amountFen, paidAt: paid ? parseRfc3339(t.success_time) : null };
}

const REFUND_STATUS: Record<string, GatewayRefund['state']> = { SUCCESS: 'succeeded', PROCESSING: 'processing', CLOSED: 'failed', ABNORMAL: 'failed' };

export function createWechatPayGateway(c: WechatPayConfig, fetchImpl: typeof fetch = fetch): PaymentGateway {
  const merchantKey = loadPrivateKey(c.merchantPrivateKey);
  const platformKey = loadPublicKey(c.platformPublicKey);
  const base = new URL(c.baseUrl);
  const timeoutMs = c.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS;

  /** One signed call; 2xx answers must carry a valid WeChat Pay signature, 5xx/429 mean "try again". */
  async function call(method: 'GET' | 'POST', path: string, payload?: unknown) {
    const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const answer = await callGateway('wechat', url.href, {
      method,
      headers: {
        authorization: wechatAuthorization({ mchId: c.mchId, serialNo: c.merchantSerialNo, key: merchantKey }, method, url.pathname + url.search, body),
        accept: 'application/json', 'user-agent': 'dinghuo-payments/1',
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      body: method === 'POST' ? body : undefined,
    }, timeoutMs, fetchImpl);
    if (answer.status >= 500 || answer.status === 429) throw gatewayUnavailable('wechat', `answered HTTP ${answer.status}`);
    if (answer.status >= 400) {
      let err: Record<string, unknown> = {};
      try { err = parseJsonAnswer('wechat', answer.text); } catch { /* an error without a body is still a refusal */ }
      return { ok: false as const, status: answer.status, code: str(err.code) ?? `HTTP_${answer.status}`, message: str(err.message) ?? '' };
    }
    const headers = Object.fromEntries([...answer.headers].map(([k, v]) => [k.toLowerCase(), v]));
    const problem = wechatSignatureProblem(headers, answer.text, platformKey, c.platformPublicKeyId);
    if (problem) throw gatewayUnavailable('wechat', `answer not trusted: ${problem}`);
    return { ok: true as const, status: answer.status, data: answer.text ? parseJsonAnswer('wechat', answer.text) : {} };
  }
  const refused = (r: { code: string; message: string }) => gatewayRefused('wechat', r.code, `${r.code} ${r.message}`);
  const tradePath = (no: string) => `/v3/pay/transactions/out-trade-no/${encodeURIComponent(no)}`;

  return {
    name: 'wechat',
    async start(r) {
      const res = await call('POST', '/v3/pay/transactions/native', {
        appid: c.appId, mchid: c.mchId, description: r.description.slice(0, 127), out_trade_no: r.outTradeNo,
        time_expire: chinaRfc3339(r.expiresAt), notify_url: r.notifyUrl, amount: { total: r.amountFen, currency: 'CNY' },
      });
      if (!res.ok) throw refused(res);
      const codeUrl = str(res.data.code_url);
      if (!codeUrl) throw gatewayUnavailable('wechat', 'answer without code_url');
      // A real code_url is weixin://…; the sandbox's is an http cashier page, which (like WeChat's H5 h5_url)
      // takes the payer's way back as redirect_url.
      if (/^https?:\/\//.test(codeUrl)) {
        const u = new URL(codeUrl);
        u.searchParams.set('redirect_url', r.returnUrl);
        return { kind: 'qr', url: u.href };
      }
      return { kind: 'qr', url: codeUrl };
    },
    async query(outTradeNo) {
      const res = await call('GET', `${tradePath(outTradeNo)}?mchid=${encodeURIComponent(c.mchId)}`);
      if (!res.ok) {
        if (res.status === 404) return null;
        throw refused(res);
      }
      const trade = wechatTrade(res.data);
      if (!trade || trade.outTradeNo !== outTradeNo) throw gatewayUnavailable('wechat', 'answered an unreadable transaction');
      return trade;
    },
    async close(outTradeNo) {
      const res = await call('POST', `${tradePath(outTradeNo)}/close`, { mchid: c.mchId });
      // 404: never created (the payer never scanned), nothing to close.
      if (!res.ok && res.status !== 404) throw refused(res);
    },
    async refund(r) {
      const res = await call('POST', '/v3/refund/domestic/refunds', {
        ...(r.tradeNo ? { transaction_id: r.tradeNo } : { out_trade_no: r.outTradeNo }),
        out_refund_no: r.outRefundNo, reason: r.reason.slice(0, 80) || undefined,
        amount: { refund: r.amountFen, total: r.totalFen, currency: 'CNY' },
      });
      if (!res.ok) throw refused(res);
      const state = REFUND_STATUS[str(res.data.status) ?? ''];
      if (!state || res.data.out_refund_no !== r.outRefundNo) throw gatewayUnavailable('wechat', 'answered an unreadable refund');
      return { outRefundNo: r.outRefundNo, refundNo: str(res.data.refund_id) ?? null, state };
    },
    async parseCallback(req: CallbackRequest) {
      const problem = wechatSignatureProblem(req.headers, req.rawBody, platformKey, c.platformPublicKeyId);
      if (problem) throw signatureInvalid('wechat', problem);
      let resource: Record<string, unknown>;
      let plain: string;
      try {
        resource = (JSON.parse(req.rawBody) as { resource: Record<string, unknown> }).resource;
        if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error('not AEAD_AES_256_GCM');
        plain = aesGcmDecrypt(c.apiV3Key, String(resource.nonce), str(resource.associated_data) ?? '', String(resource.ciphertext));
      } catch (e) {
        throw signatureInvalid('wechat', `resource does not decrypt (${(e as Error).message})`);
      }
      let doc: Record<string, unknown> = {};
      try { doc = JSON.parse(plain) as Record<string, unknown>; } catch { /* unreadable: refused below */ }
      if (doc.mchid !== c.mchId || doc.appid !== c.appId) throw signatureInvalid('wechat', 'the transaction is not for this merchant');
      const trade = wechatTrade(doc);
      if (!trade) throw signatureInvalid('wechat', 'the transaction does not read');
      return trade;
    },
    ack(ok) {
      return ok
        ? { status: 200, contentType: 'text/plain; charset=utf-8', body: '' }
        : { status: 500, contentType: 'application/json', body: JSON.stringify({ code: 'FAIL', message: '处理失败，请稍后重试' }) };
    },
  };
}
