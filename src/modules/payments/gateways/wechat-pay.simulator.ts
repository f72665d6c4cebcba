/**
 * A local stand-in for WeChat Pay API v3, for the tests and the demo: it checks our Authorization signatures as the
 * real API does (401 SIGN_ERROR), signs its answers with its own platform key, keeps trades and refunds in memory,
 * serves the 沙箱支付 cashier behind each `code_url`, and sends signed, encrypted callbacks — also duplicated, out of
 * order, forged, tampered, stale or encrypted with another key when a test asks. It is a real HTTP server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { aesGcmEncrypt, generateRsaKeyPair, loadPrivateKey, loadPublicKey, randomAlnum, randomDigits, rsaSign, rsaVerify } from './gateway-crypto.js';
import { chinaRfc3339, parseFen, parseRfc3339 } from './gateway-format.js';
import {
  deliverCallback, sandboxForgerKey, sendText, serveCashier, startSandboxServer,
  type SandboxCallback, type SandboxNotifyOptions,
} from './sandbox-server.js';
import { WECHAT_AUTH_SCHEMA, WECHAT_MAX_CLOCK_SKEW_SECONDS, wechatMessage, type WechatPayConfig } from './wechat-pay.adapter.js';

export type WechatTradeState = 'NOTPAY' | 'USERPAYING' | 'SUCCESS' | 'REFUND' | 'CLOSED' | 'REVOKED' | 'PAYERROR';
export interface WechatSimRefund { refundId: string; outRefundNo: string; outTradeNo: string; amountFen: number; at: Date }
export interface WechatSimTrade {
  outTradeNo: string; amountFen: number; description: string; notifyUrl: string; expiresAt: Date;
  state: WechatTradeState; transactionId: string | null; paidAt: Date | null; refundedFen: number;
}
/** Besides the common options: a Wechatpay-Timestamp shifted by this many seconds, or a resource encrypted with another APIv3 key. */
export interface WechatNotifyOptions extends SandboxNotifyOptions { state?: WechatTradeState; timestampOffsetSeconds?: number; wrongApiV3Key?: boolean }

export interface WechatPaySimulator {
  url: string;
  /** Everything `createWechatPayGateway` needs to talk to this simulator. */
  adapterConfig: WechatPayConfig;
  trades: Map<string, WechatSimTrade>;
  refunds: Map<string, WechatSimRefund>;
  callbacks: SandboxCallback[];
  /** Marks the trade paid and sends its callback; returns what our webhook answered. */
  pay(outTradeNo: string): Promise<SandboxCallback>;
  notify(outTradeNo: string, opts?: WechatNotifyOptions): Promise<SandboxCallback>;
  close(): Promise<void>;
}

const PAID: readonly WechatTradeState[] = ['SUCCESS', 'REFUND'];
const UNPAID: readonly WechatTradeState[] = ['NOTPAY', 'USERPAYING'];
const STATE_DESC: Record<WechatTradeState, string> = {
  NOTPAY: '未支付', USERPAYING: '用户支付中', SUCCESS: '支付成功', REFUND: '转入退款', CLOSED: '已关闭', REVOKED: '已撤销', PAYERROR: '支付失败',
};

export async function startWechatPaySimulator(opts: { merchantName?: string; autoPayMs?: number; port?: number } = {}): Promise<WechatPaySimulator> {
  const merchant = generateRsaKeyPair();
  const platform = generateRsaKeyPair();
  const merchantPublic = loadPublicKey(merchant.publicKey);
  const platformPrivate = loadPrivateKey(platform.privateKey);
  const ids = {
    appId: `wx${randomAlnum(16).toLowerCase()}`, mchId: `19${randomDigits(8)}`, apiV3Key: randomAlnum(32),
    merchantSerialNo: randomAlnum(40).toUpperCase(), platformPublicKeyId: `PUB_KEY_ID_${randomDigits(32)}`,
  };
  const trades = new Map<string, WechatSimTrade>();
  const refunds = new Map<string, WechatSimRefund>();
  const callbacks: SandboxCallback[] = [];

  /** An unpaid trade past its time_expire is closed, as WeChat does. */
  const current = (no: string) => {
    const t = trades.get(no);
    if (t && UNPAID.includes(t.state) && Date.now() > t.expiresAt.getTime()) t.state = 'CLOSED';
    return t;
  };
  const signedHeaders = (body: string, key = platformPrivate, offsetSeconds = 0) => {
    const timestamp = String(Math.floor(Date.now() / 1000) + offsetSeconds);
    const nonce = randomAlnum(32);
    return {
      'wechatpay-timestamp': timestamp, 'wechatpay-nonce': nonce, 'wechatpay-serial': ids.platformPublicKeyId,
      'wechatpay-signature': rsaSign(wechatMessage(timestamp, nonce, body), key), 'wechatpay-signature-type': WECHAT_AUTH_SCHEMA,
    };
  };
  const reply = (res: ServerResponse, status: number, payload?: unknown) => {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    sendText(res, status, 'application/json; charset=utf-8', body, { ...signedHeaders(body), 'request-id': randomUUID() });
  };
  const fail = (res: ServerResponse, status: number, code: string, message: string) => reply(res, status, { code, message });

  function transaction(t: WechatSimTrade, state: WechatTradeState = t.state) {
    const paid = PAID.includes(state);
    return {
      appid: ids.appId, mchid: ids.mchId, out_trade_no: t.outTradeNo, trade_type: 'NATIVE', trade_state: state, trade_state_desc: STATE_DESC[state], attach: '',
      ...(paid ? { transaction_id: t.transactionId, bank_type: 'OTHERS', success_time: chinaRfc3339(t.paidAt ?? new Date()), payer: { openid: 'oSandboxPayer000000000000000' } } : {}),
      amount: { total: t.amountFen, currency: 'CNY', ...(paid ? { payer_total: t.amountFen, payer_currency: 'CNY' } : {}) },
    };
  }

  /** Why our Authorization header is not valid for this request, or null. */
  function authProblem(req: IncomingMessage, body: string): string | null {
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith(`${WECHAT_AUTH_SCHEMA} `)) return '缺少或错误的认证类型';
    const p = Object.fromEntries([...auth.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (p.mchid !== ids.mchId || p.serial_no !== ids.merchantSerialNo) return '商户号或证书序列号不正确';
    if (Math.abs(Date.now() / 1000 - Number(p.timestamp)) > WECHAT_MAX_CLOCK_SKEW_SECONDS) return '时间戳过期';
    return rsaVerify(wechatMessage(req.method ?? '', req.url ?? '', p.timestamp ?? '', p.nonce_str ?? '', body), p.signature ?? '', merchantPublic) ? null : '签名错误';
  }

  async function notify(outTradeNo: string, o: WechatNotifyOptions = {}): Promise<SandboxCallback> {
    const t = current(outTradeNo);
    if (!t) throw new Error(`no trade ${outTradeNo}`);
    const state = o.state ?? t.state;
    const doc = transaction(t, state);
    const nonce = randomAlnum(12);
    const envelope = { id: randomUUID(), create_time: chinaRfc3339(new Date()), resource_type: 'encrypt-resource', event_type: `TRANSACTION.${state}`, summary: STATE_DESC[state] };
    const seal = (d: unknown, key: string) => JSON.stringify({ ...envelope, resource: {
      original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext: aesGcmEncrypt(key, nonce, 'transaction', JSON.stringify(d)), associated_data: 'transaction', nonce,
    } });
    const signedBody = seal(doc, o.wrongApiV3Key ? randomAlnum(32) : ids.apiV3Key);
    const headers = { 'content-type': 'application/json', ...signedHeaders(signedBody, o.forged ? sandboxForgerKey() : platformPrivate, o.timestampOffsetSeconds ?? 0) };
    // Tampered: someone who knows the APIv3 key but not WeChat's private key re-encrypts another amount.
    const rawBody = o.tamperAmountFen === undefined ? signedBody
      : seal({ ...doc, amount: { ...doc.amount, total: o.tamperAmountFen, payer_total: o.tamperAmountFen } }, ids.apiV3Key);
    return deliverCallback(callbacks, { outTradeNo, state, url: t.notifyUrl, request: { headers, rawBody }, forged: !!o.forged, tampered: o.tamperAmountFen !== undefined });
  }

  async function pay(outTradeNo: string): Promise<SandboxCallback> {
    const t = current(outTradeNo);
    if (!t || !UNPAID.includes(t.state)) throw new Error(`trade ${outTradeNo} cannot be paid (${t?.state ?? 'unknown'})`);
    Object.assign(t, { state: 'SUCCESS', transactionId: `4200${randomDigits(24)}`, paidAt: new Date() });
    return notify(outTradeNo);
  }

  function createNative(res: ServerResponse, b: Record<string, unknown>, base: string) {
    const amount = b.amount as { total?: unknown; currency?: unknown } | undefined;
    const total = parseFen(amount?.total);
    if (b.appid !== ids.appId || b.mchid !== ids.mchId) return fail(res, 400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    const no = typeof b.out_trade_no === 'string' ? b.out_trade_no : '';
    if (!/^[0-9A-Za-z_\-|*]{6,32}$/.test(no) || typeof b.description !== 'string' || !b.description || b.description.length > 127
      || typeof b.notify_url !== 'string' || !/^https?:\/\//.test(b.notify_url) || !total || (amount?.currency ?? 'CNY') !== 'CNY') {
      return fail(res, 400, 'PARAM_ERROR', '参数错误');
    }
    const existing = current(no);
    if (existing && PAID.includes(existing.state)) return fail(res, 400, 'ORDERPAID', '该订单已支付');
    if (existing?.state === 'CLOSED') return fail(res, 400, 'ORDER_CLOSED', '订单已关闭');
    if (existing && existing.amountFen !== total) return fail(res, 400, 'OUT_TRADE_NO_USED', '商户订单号重复');
    if (!existing) {
      const expiresAt = b.time_expire === undefined ? new Date(Date.now() + 2 * 3600_000) : parseRfc3339(b.time_expire);
      if (!expiresAt) return fail(res, 400, 'PARAM_ERROR', 'time_expire格式错误');
      trades.set(no, { outTradeNo: no, amountFen: total, description: b.description, notifyUrl: b.notify_url, expiresAt, state: 'NOTPAY', transactionId: null, paidAt: null, refundedFen: 0 });
      if (opts.autoPayMs) setTimeout(() => void pay(no).catch(() => undefined), opts.autoPayMs).unref();
    }
    reply(res, 200, { code_url: `${base}/cashier/${encodeURIComponent(no)}` });
  }

  function refund(res: ServerResponse, b: Record<string, unknown>) {
    const t = typeof b.transaction_id === 'string'
      ? [...trades.values()].find((x) => x.transactionId === b.transaction_id)
      : current(String(b.out_trade_no ?? ''));
    if (!t) return fail(res, 404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    const amount = b.amount as { refund?: unknown; total?: unknown } | undefined;
    const want = parseFen(amount?.refund);
    const no = typeof b.out_refund_no === 'string' ? b.out_refund_no : '';
    if (!want || !/^[0-9A-Za-z_\-|*@]{1,64}$/.test(no)) return fail(res, 400, 'PARAM_ERROR', '参数错误');
    const answer = (r: WechatSimRefund) => reply(res, 200, {
      refund_id: r.refundId, out_refund_no: r.outRefundNo, transaction_id: t.transactionId, out_trade_no: t.outTradeNo, channel: 'ORIGINAL',
      user_received_account: '支付用户零钱', success_time: chinaRfc3339(r.at), create_time: chinaRfc3339(r.at), status: 'SUCCESS', funds_account: 'AVAILABLE',
      amount: { total: t.amountFen, refund: r.amountFen, payer_total: t.amountFen, payer_refund: r.amountFen, settlement_total: t.amountFen, settlement_refund: r.amountFen, discount_refund: 0, currency: 'CNY' },
    });
    const seen = refunds.get(no);
    if (seen) {
      // 同一退款单号多次请求只退一笔 — but only when it is the same request.
      if (seen.outTradeNo !== t.outTradeNo || seen.amountFen !== want) return fail(res, 400, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致，请核实后再试');
      return answer(seen);
    }
    if (!PAID.includes(t.state)) return fail(res, 400, 'INVALID_REQUEST', '订单未支付');
    if (parseFen(amount?.total) !== t.amountFen) return fail(res, 400, 'INVALID_REQUEST', '订单金额与实际支付金额不一致');
    if (t.refundedFen + want > t.amountFen) return fail(res, 400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const r: WechatSimRefund = { refundId: `50${randomDigits(27)}`, outRefundNo: no, outTradeNo: t.outTradeNo, amountFen: want, at: new Date() };
    refunds.set(no, r);
    Object.assign(t, { refundedFen: t.refundedFen + want, state: 'REFUND' });
    return answer(r);
  }

  const server = await startSandboxServer(async (req, res, url, body) => {
    if (url.pathname.startsWith('/cashier/')) {
      return serveCashier(req, res, url, body, {
        gateway: '微信支付', merchant: opts.merchantName ?? '订货演示商户',
        find: (no) => {
          const t = current(no);
          return t && { amountFen: t.amountFen, description: t.description, state: PAID.includes(t.state) ? 'paid' : UNPAID.includes(t.state) ? 'pending' : 'closed' };
        },
        pay,
        // WeChat notifies successes only; a payer who gives up leaves nothing to tell.
        cancel: async (no) => { trades.get(no)!.state = 'CLOSED'; },
        returnUrl: (_no, form) => form.get('redirect_url'),
      });
    }
    const problem = authProblem(req, body);
    if (problem) return fail(res, 401, 'SIGN_ERROR', problem);
    let b: Record<string, unknown> = {};
    if (req.method === 'POST') {
      try { b = JSON.parse(body) as Record<string, unknown>; } catch { return fail(res, 400, 'PARAM_ERROR', '请求体不是JSON'); }
    }
    const m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/v3/pay/transactions/native') return createNative(res, b, server.url);
    if (req.method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') return refund(res, b);
    if (m && req.method === 'GET' && !m[2]) {
      if (url.searchParams.get('mchid') !== ids.mchId) return fail(res, 400, 'PARAM_ERROR', 'mchid错误');
      const t = current(decodeURIComponent(m[1]));
      return t ? reply(res, 200, transaction(t)) : fail(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
    }
    if (m && req.method === 'POST' && m[2]) {
      if (b.mchid !== ids.mchId) return fail(res, 400, 'PARAM_ERROR', 'mchid错误');
      const t = current(decodeURIComponent(m[1]));
      if (!t) return fail(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
      if (PAID.includes(t.state)) return fail(res, 400, 'ORDERPAID', '订单已支付');
      t.state = 'CLOSED';
      return reply(res, 204);
    }
    return fail(res, 404, 'NOT_FOUND', '接口不存在');
  }, opts.port);

  return {
    url: server.url,
    adapterConfig: {
      baseUrl: server.url, appId: ids.appId, mchId: ids.mchId, merchantSerialNo: ids.merchantSerialNo, merchantPrivateKey: merchant.privateKey,
      apiV3Key: ids.apiV3Key, platformPublicKey: platform.publicKey, platformPublicKeyId: ids.platformPublicKeyId,
    },
    trades, refunds, callbacks, pay, notify, close: server.close,
  };
}
