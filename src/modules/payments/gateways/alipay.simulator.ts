/**
 * A local stand-in for Alipay's openapi gateway.do, for the tests and the demo: it checks our RSA2 signatures as
 * Alipay does (40002 isv.invalid-signature), answers signed JSON, creates a page-pay trade when the payer's browser
 * opens the signed URL and sends it on to the 沙箱支付 cashier, keeps trades and refunds in memory, and posts signed
 * form notifications — also duplicated, out of order, forged or tampered when a test asks. A real HTTP server.
 */
import type { ServerResponse } from 'node:http';
import { generateRsaKeyPair, loadPrivateKey, loadPublicKey, randomAlnum, randomDigits, rsaSign, rsaVerify, signingString } from './gateway-crypto.js';
import { chinaDateTime, fenToYuan, parseChinaDateTime, yuanToFen } from './gateway-format.js';
import { ALIPAY_NOTIFY_UNSIGNED, type AlipayConfig } from './alipay.adapter.js';
import {
  deliverCallback, sandboxForgerKey, sendText, serveCashier, startSandboxServer, type SandboxCallback, type SandboxNotifyOptions,
} from './sandbox-server.js';

export type AlipayTradeStatus = 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_FINISHED' | 'TRADE_CLOSED';
export interface AlipaySimTrade {
  outTradeNo: string; tradeNo: string; amountFen: number; subject: string; notifyUrl: string; returnUrl: string;
  createdAt: Date; expiresAt: Date; status: AlipayTradeStatus; paidAt: Date | null; refundedFen: number;
}
export interface AlipayNotifyOptions extends SandboxNotifyOptions { state?: AlipayTradeStatus }

export interface AlipaySimulator {
  url: string;
  /** Everything `createAlipayGateway` needs to talk to this simulator. */
  adapterConfig: AlipayConfig;
  trades: Map<string, AlipaySimTrade>;
  /** Refunds by `${outTradeNo}|${outRequestNo}`. */
  refunds: Map<string, { amountFen: number; at: Date }>;
  callbacks: SandboxCallback[];
  pay(outTradeNo: string): Promise<SandboxCallback>;
  notify(outTradeNo: string, opts?: AlipayNotifyOptions): Promise<SandboxCallback>;
  close(): Promise<void>;
}

const PAID: readonly AlipayTradeStatus[] = ['TRADE_SUCCESS', 'TRADE_FINISHED'];
const ok = (fields: Record<string, unknown> = {}) => ({ code: '10000', msg: 'Success', ...fields });
const bizFailed = (subCode: string, subMsg: string) => ({ code: '40004', msg: 'Business Failed', sub_code: subCode, sub_msg: subMsg });

export async function startAlipaySimulator(opts: { merchantName?: string; autoPayMs?: number; port?: number } = {}): Promise<AlipaySimulator> {
  const app = generateRsaKeyPair();
  const alipay = generateRsaKeyPair();
  const appPublic = loadPublicKey(app.publicKey);
  const alipayPrivate = loadPrivateKey(alipay.privateKey);
  const appId = `2021${randomDigits(12)}`;
  const sellerId = `2088${randomDigits(12)}`;
  const trades = new Map<string, AlipaySimTrade>();
  const refunds = new Map<string, { amountFen: number; at: Date }>();
  const callbacks: SandboxCallback[] = [];

  const current = (no: string) => {
    const t = trades.get(no);
    if (t?.status === 'WAIT_BUYER_PAY' && Date.now() > t.expiresAt.getTime()) t.status = 'TRADE_CLOSED';
    return t;
  };
  /** `{"<method>_response":{…},"sign":"…"}`, signed over the exact inner JSON. */
  const answer = (res: ServerResponse, method: string, payload: Record<string, unknown>) => {
    const inner = JSON.stringify(payload);
    sendText(res, 200, 'application/json;charset=utf-8', `{"${method.replace(/\./g, '_')}_response":${inner},"sign":"${rsaSign(inner, alipayPrivate)}"}`);
  };
  const errorPage = (res: ServerResponse, code: string, why: string) =>
    sendText(res, 400, 'text/html; charset=utf-8', `<!doctype html><meta charset="utf-8"><title>支付宝 - 错误</title><h1>抱歉，出错了</h1><p>错误代码 ${code}</p><p>${why}</p>`);

  function signed(params: Record<string, string>, o: { forged?: boolean } = {}): Record<string, string> {
    return { ...params, sign: rsaSign(signingString(params, ALIPAY_NOTIFY_UNSIGNED), o.forged ? sandboxForgerKey() : alipayPrivate) };
  }

  async function notify(outTradeNo: string, o: AlipayNotifyOptions = {}): Promise<SandboxCallback> {
    const t = current(outTradeNo);
    if (!t) throw new Error(`no trade ${outTradeNo}`);
    const status = o.state ?? t.status;
    const paid = PAID.includes(status);
    const amount = fenToYuan(t.amountFen);
    const params = signed({
      notify_time: chinaDateTime(new Date()), notify_type: 'trade_status_sync', notify_id: randomAlnum(32), app_id: appId, charset: 'utf-8',
      version: '1.0', sign_type: 'RSA2', trade_no: t.tradeNo, out_trade_no: t.outTradeNo, buyer_id: '2088102177000000', buyer_logon_id: 'sandbox***@alipay.com',
      seller_id: sellerId, trade_status: status, total_amount: amount, subject: t.subject, gmt_create: chinaDateTime(t.createdAt),
      ...(paid ? { receipt_amount: amount, buyer_pay_amount: amount, invoice_amount: amount, gmt_payment: chinaDateTime(t.paidAt ?? new Date()),
        fund_bill_list: JSON.stringify([{ amount, fundChannel: 'ALIPAYACCOUNT' }]) } : {}),
      ...(status === 'TRADE_CLOSED' ? { gmt_close: chinaDateTime(new Date()) } : {}),
    }, o);
    if (o.tamperAmountFen !== undefined) params.total_amount = fenToYuan(o.tamperAmountFen);
    return deliverCallback(callbacks, {
      outTradeNo, state: status, url: t.notifyUrl, forged: !!o.forged, tampered: o.tamperAmountFen !== undefined,
      request: { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, rawBody: new URLSearchParams(params).toString() },
    });
  }

  async function pay(outTradeNo: string): Promise<SandboxCallback> {
    const t = current(outTradeNo);
    if (t?.status !== 'WAIT_BUYER_PAY') throw new Error(`trade ${outTradeNo} cannot be paid (${t?.status ?? 'unknown'})`);
    Object.assign(t, { status: 'TRADE_SUCCESS', paidAt: new Date() });
    return notify(outTradeNo);
  }

  /** alipay.trade.page.pay, opened by the payer's browser: the trade is created here, then the cashier shows it. */
  function pagePay(res: ServerResponse, p: Record<string, string>, biz: Record<string, unknown>) {
    const no = typeof biz.out_trade_no === 'string' ? biz.out_trade_no : '';
    const amountFen = typeof biz.total_amount === 'string' ? yuanToFen(biz.total_amount) : null;
    if (!/^[0-9A-Za-z_]{1,64}$/.test(no) || !amountFen || typeof biz.subject !== 'string' || !biz.subject || biz.product_code !== 'FAST_INSTANT_TRADE_PAY') {
      return errorPage(res, 'ACQ.INVALID_PARAMETER', '参数无效');
    }
    const t = current(no);
    if (t && t.amountFen !== amountFen) return errorPage(res, 'ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
    if (t && PAID.includes(t.status)) return errorPage(res, 'ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
    if (t?.status === 'TRADE_CLOSED') return errorPage(res, 'ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
    if (!t) {
      const expiresAt = biz.time_expire === undefined ? new Date(Date.now() + 15 * 24 * 3600_000) : parseChinaDateTime(biz.time_expire);
      if (!expiresAt) return errorPage(res, 'ACQ.INVALID_PARAMETER', 'time_expire 格式错误');
      trades.set(no, {
        outTradeNo: no, tradeNo: `${chinaDateTime(new Date()).slice(0, 10).replace(/-/g, '')}22${randomDigits(18)}`, amountFen, subject: biz.subject,
        notifyUrl: p.notify_url ?? '', returnUrl: p.return_url ?? '', createdAt: new Date(), expiresAt, status: 'WAIT_BUYER_PAY', paidAt: null, refundedFen: 0,
      });
      if (opts.autoPayMs) setTimeout(() => void pay(no).catch(() => undefined), opts.autoPayMs).unref();
    }
    res.writeHead(302, { location: `/cashier/${encodeURIComponent(no)}` });
    res.end();
  }

  function refund(biz: Record<string, unknown>) {
    const t = typeof biz.trade_no === 'string' ? [...trades.values()].find((x) => x.tradeNo === biz.trade_no) : current(String(biz.out_trade_no ?? ''));
    if (!t) return bizFailed('ACQ.TRADE_NOT_EXIST', '交易不存在');
    const want = typeof biz.refund_amount === 'string' ? yuanToFen(biz.refund_amount) : null;
    if (!want) return bizFailed('ACQ.INVALID_PARAMETER', '参数无效');
    const key = `${t.outTradeNo}|${typeof biz.out_request_no === 'string' ? biz.out_request_no : t.outTradeNo}`;
    const base = { trade_no: t.tradeNo, out_trade_no: t.outTradeNo, buyer_logon_id: 'sandbox***@alipay.com', buyer_user_id: '2088102177000000' };
    // The same out_request_no again: no money moves, fund_change "N".
    if (refunds.has(key)) return ok({ ...base, fund_change: 'N', refund_fee: fenToYuan(t.refundedFen) });
    if (t.status === 'TRADE_FINISHED') return bizFailed('ACQ.TRADE_HAS_FINISHED', '交易已完结');
    if (t.status !== 'TRADE_SUCCESS') return bizFailed('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
    if (t.refundedFen + want > t.amountFen) return bizFailed('ACQ.REASON_TRADE_REFUND_FEE_ERR', '退款金额无效');
    refunds.set(key, { amountFen: want, at: new Date() });
    t.refundedFen += want;
    // Fully refunded trades close, as Alipay's do.
    if (t.refundedFen === t.amountFen) t.status = 'TRADE_CLOSED';
    return ok({ ...base, fund_change: 'Y', refund_fee: fenToYuan(t.refundedFen), gmt_refund_pay: chinaDateTime(new Date()) });
  }

  function api(method: string, biz: Record<string, unknown>): Record<string, unknown> {
    const t = current(String(biz.out_trade_no ?? ''));
    if (method === 'alipay.trade.query') {
      if (!t) return bizFailed('ACQ.TRADE_NOT_EXIST', '交易不存在');
      const paid = t.paidAt !== null;
      return ok({
        trade_no: t.tradeNo, out_trade_no: t.outTradeNo, buyer_logon_id: 'sandbox***@alipay.com', trade_status: t.status, total_amount: fenToYuan(t.amountFen),
        ...(paid ? { buyer_pay_amount: fenToYuan(t.amountFen), receipt_amount: fenToYuan(t.amountFen), send_pay_date: chinaDateTime(t.paidAt!) } : {}),
      });
    }
    if (method === 'alipay.trade.close') {
      if (!t) return bizFailed('ACQ.TRADE_NOT_EXIST', '交易不存在');
      if (t.status !== 'WAIT_BUYER_PAY') return bizFailed('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
      t.status = 'TRADE_CLOSED';
      return ok({ trade_no: t.tradeNo, out_trade_no: t.outTradeNo });
    }
    if (method === 'alipay.trade.refund') return refund(biz);
    if (method === 'alipay.trade.fastpay.refund.query') {
      const r = t && refunds.get(`${t.outTradeNo}|${String(biz.out_request_no ?? t.outTradeNo)}`);
      // Unknown refund: a success answer without refund fields, as Alipay gives it.
      if (!t || !r) return ok({ out_trade_no: biz.out_trade_no, out_request_no: biz.out_request_no });
      return ok({ trade_no: t.tradeNo, out_trade_no: t.outTradeNo, out_request_no: biz.out_request_no, total_amount: fenToYuan(t.amountFen), refund_amount: fenToYuan(r.amountFen), refund_status: 'REFUND_SUCCESS' });
    }
    return { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-method', sub_msg: '不存在的方法名' };
  }

  const server = await startSandboxServer(async (req, res, url, body) => {
    if (url.pathname.startsWith('/cashier/')) {
      return serveCashier(req, res, url, body, {
        gateway: '支付宝', merchant: opts.merchantName ?? '订货演示商户',
        find: (no) => {
          const t = current(no);
          return t && { amountFen: t.amountFen, description: t.subject, state: t.status === 'WAIT_BUYER_PAY' ? 'pending' : t.paidAt ? 'paid' : 'closed' };
        },
        pay,
        // Alipay notifies TRADE_CLOSED too.
        cancel: async (no) => { trades.get(no)!.status = 'TRADE_CLOSED'; await notify(no); },
        returnUrl: (no) => {
          const t = trades.get(no)!;
          if (!t.returnUrl) return null;
          const back = new URL(t.returnUrl);
          // The synchronous return carries signed trade fields; our side asks alipay.trade.query rather than trust it.
          if (t.paidAt) {
            const p = signed({ charset: 'utf-8', method: 'alipay.trade.page.pay.return', out_trade_no: no, trade_no: t.tradeNo, total_amount: fenToYuan(t.amountFen),
              app_id: appId, auth_app_id: appId, seller_id: sellerId, version: '1.0', sign_type: 'RSA2', timestamp: chinaDateTime(new Date()) });
            for (const [k, v] of Object.entries(p)) back.searchParams.set(k, v);
          }
          return back.href;
        },
      });
    }
    if (url.pathname !== '/gateway.do') return sendText(res, 404, 'text/plain', 'not found');
    const p: Record<string, string> = { ...Object.fromEntries(url.searchParams), ...Object.fromEntries(new URLSearchParams(body)) };
    const method = p.method ?? '';
    const browser = method === 'alipay.trade.page.pay';
    const refuse = (subCode: string, subMsg: string) => browser
      ? errorPage(res, subCode, subMsg)
      : answer(res, method || 'error', { code: '40002', msg: 'Invalid Arguments', sub_code: subCode, sub_msg: subMsg });
    if (p.app_id !== appId) return refuse('isv.invalid-app-id', '无效的AppID参数');
    if (p.sign_type !== 'RSA2' || !p.sign || !rsaVerify(signingString(p, ['sign']), p.sign, appPublic)) return refuse('isv.invalid-signature', '验签出错');
    let biz: Record<string, unknown>;
    try { biz = JSON.parse(p.biz_content ?? '') as Record<string, unknown>; } catch { return refuse('isv.invalid-parameter', 'biz_content 无效'); }
    if (browser) return pagePay(res, p, biz);
    return answer(res, method, api(method, biz));
  }, opts.port);

  return {
    url: server.url,
    adapterConfig: { gatewayUrl: `${server.url}/gateway.do`, appId, appPrivateKey: app.privateKey, alipayPublicKey: alipay.publicKey },
    trades, refunds, callbacks, pay, notify, close: server.close,
  };
}
