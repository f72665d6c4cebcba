/**
 * A local stand-in for UnionPay's online gateway (银联全渠道 5.1.0), for the tests and the demo: it checks our
 * signatures and certId as UnionPay does (respCode 11), takes the payer's browser at frontTransReq.do on to the
 * 沙箱支付 cashier, answers queryTrans.do and backTransReq.do (退货) with signed `k=v&…` bodies, and posts signed back
 * notifications to backUrl — also duplicated, out of order, forged or tampered when a test asks. A real HTTP server.
 */
import type { ServerResponse } from 'node:http';
import { generateRsaKeyPair, loadPrivateKey, loadPublicKey, randomDigits } from './gateway-crypto.js';
import { chinaCompact, parseChinaCompact, parseFen } from './gateway-format.js';
import {
  deliverCallback, sandboxForgerKey, sendText, serveCashier, startSandboxServer, type SandboxCallback, type SandboxNotifyOptions,
} from './sandbox-server.js';
import { UNIONPAY_VERSION, unionpaySign, unionpayVerify, type UnionpayConfig } from './unionpay.adapter.js';

export interface UnionpaySimTrade {
  orderId: string; txnTime: string; amountFen: number; description: string; backUrl: string; frontUrl: string; payTimeout: Date | null;
  state: 'pending' | 'paid' | 'closed'; queryId: string | null; traceNo: string | null; traceTime: string | null; refundedFen: number;
}
export interface UnionpaySimRefund { orderId: string; txnTime: string; origQryId: string; amountFen: number; queryId: string }
/** `state` is the respCode to notify (00 success; anything else a failure). */
export interface UnionpayNotifyOptions extends SandboxNotifyOptions { state?: string }

export interface UnionpaySimulator {
  url: string;
  /** Everything `createUnionpayGateway` needs to talk to this simulator (refund notifications go to a sink here). */
  adapterConfig: UnionpayConfig;
  trades: Map<string, UnionpaySimTrade>;
  refunds: Map<string, UnionpaySimRefund>;
  callbacks: SandboxCallback[];
  pay(orderId: string): Promise<SandboxCallback>;
  notify(orderId: string, opts?: UnionpayNotifyOptions): Promise<SandboxCallback>;
  close(): Promise<void>;
}

const RESP_MSG: Record<string, string> = {
  '00': 'Success!', 11: '验证签名失败', 12: '重复交易', 13: '报文交易要素缺失', 32: '无此交易权限', 33: '交易金额超限', 34: '查无此交易', 35: '原交易不存在或状态不正确',
};

export async function startUnionpaySimulator(opts: { merchantName?: string; autoPayMs?: number; port?: number } = {}): Promise<UnionpaySimulator> {
  const merchant = generateRsaKeyPair();
  const unionpay = generateRsaKeyPair();
  const merchantPublic = loadPublicKey(merchant.publicKey);
  const unionpayPrivate = loadPrivateKey(unionpay.privateKey);
  const merId = `777290058${randomDigits(6)}`;
  const certId = `6${randomDigits(10)}`;
  const trades = new Map<string, UnionpaySimTrade>();
  const refunds = new Map<string, UnionpaySimRefund>();
  const callbacks: SandboxCallback[] = [];

  const current = (orderId: string) => {
    const t = trades.get(orderId);
    if (t?.state === 'pending' && t.payTimeout && Date.now() > t.payTimeout.getTime()) t.state = 'closed';
    return t;
  };
  const sign = (f: Record<string, string>, key = unionpayPrivate): Record<string, string> => ({ ...f, signature: unionpaySign(f, key) });
  const header = (f: Record<string, string>) => ({ version: UNIONPAY_VERSION, encoding: 'UTF-8', signMethod: '01', accessType: '0', merId, bizType: f.bizType ?? '000201' });
  /** Answers are `k=v&…` as UnionPay writes them: not URL-encoded. */
  const answer = (res: ServerResponse, fields: Record<string, string>) =>
    sendText(res, 200, 'text/plain;charset=UTF-8', Object.entries(sign(fields)).map(([k, v]) => `${k}=${v}`).join('&'));
  const respond = (res: ServerResponse, f: Record<string, string>, code: string, extra: Record<string, string> = {}) =>
    answer(res, { ...header(f), txnType: f.txnType ?? '', txnSubType: f.txnSubType ?? '', orderId: f.orderId ?? '', txnTime: f.txnTime ?? '', respCode: code, respMsg: RESP_MSG[code] ?? '', ...extra });
  const errorPage = (res: ServerResponse, code: string) =>
    sendText(res, 400, 'text/html; charset=utf-8', `<!doctype html><meta charset="utf-8"><title>银联 - 交易失败</title><h1>交易失败</h1><p>${RESP_MSG[code] ?? ''}[${code}]</p>`);

  /** Why this request is not one UnionPay would accept from us (11), or null. */
  const authProblem = (f: Record<string, string>) =>
    f.version !== UNIONPAY_VERSION || f.signMethod !== '01' || f.certId !== certId || f.merId !== merId || !unionpayVerify(f, merchantPublic) ? '11' : null;

  async function notify(orderId: string, o: UnionpayNotifyOptions = {}): Promise<SandboxCallback> {
    const t = current(orderId);
    if (!t) throw new Error(`no trade ${orderId}`);
    const code = o.state ?? (t.state === 'paid' ? '00' : '01');
    const ok = code === '00';
    const fields = sign({
      ...header({}), txnType: '01', txnSubType: '01', channelType: '07', orderId, txnTime: t.txnTime, txnAmt: String(t.amountFen), currencyCode: '156',
      respCode: code, respMsg: ok ? 'Success!' : '交易失败', ...(t.queryId ? { queryId: t.queryId } : {}),
      ...(ok && t.traceNo ? { traceNo: t.traceNo, traceTime: t.traceTime!, settleAmt: String(t.amountFen), settleCurrencyCode: '156', settleDate: t.traceTime!.slice(0, 4), accNo: '6216***********0018' } : {}),
    }, o.forged ? sandboxForgerKey() : unionpayPrivate);
    if (o.tamperAmountFen !== undefined) fields.txnAmt = String(o.tamperAmountFen);
    return deliverCallback(callbacks, {
      outTradeNo: orderId, state: code, url: t.backUrl, forged: !!o.forged, tampered: o.tamperAmountFen !== undefined,
      request: { headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, rawBody: new URLSearchParams(fields).toString() },
    });
  }

  async function pay(orderId: string): Promise<SandboxCallback> {
    const t = current(orderId);
    if (t?.state !== 'pending') throw new Error(`trade ${orderId} cannot be paid (${t?.state ?? 'unknown'})`);
    Object.assign(t, { state: 'paid', queryId: `${chinaCompact(new Date())}${randomDigits(7)}`, traceNo: randomDigits(6), traceTime: chinaCompact(new Date()).slice(4) });
    return notify(orderId);
  }

  /** 消费 from the payer's browser: the order is taken here, then the cashier shows it. */
  function frontTrans(res: ServerResponse, f: Record<string, string>) {
    const amountFen = parseFen(f.txnAmt);
    if (f.txnType !== '01' || f.txnSubType !== '01' || f.bizType !== '000201' || !/^[0-9A-Za-z]{8,40}$/.test(f.orderId ?? '') || !parseChinaCompact(f.txnTime)
      || !amountFen || f.currencyCode !== '156' || !/^https?:\/\//.test(f.backUrl ?? '') || !/^https?:\/\//.test(f.frontUrl ?? '')) return errorPage(res, '13');
    const t = current(f.orderId);
    if (t && (t.state !== 'pending' || t.txnTime !== f.txnTime || t.amountFen !== amountFen)) return errorPage(res, '12');
    if (!t) {
      trades.set(f.orderId, {
        orderId: f.orderId, txnTime: f.txnTime, amountFen, description: /commodityName=([^}&]*)/.exec(f.riskRateInfo ?? '')?.[1] ?? '银联在线支付',
        backUrl: f.backUrl, frontUrl: f.frontUrl, payTimeout: parseChinaCompact(f.payTimeout), state: 'pending', queryId: null, traceNo: null, traceTime: null, refundedFen: 0,
      });
      if (opts.autoPayMs) setTimeout(() => void pay(f.orderId).catch(() => undefined), opts.autoPayMs).unref();
    }
    res.writeHead(302, { location: `/cashier/${encodeURIComponent(f.orderId)}` });
    res.end();
  }

  function queryTrans(res: ServerResponse, f: Record<string, string>) {
    const t = current(f.orderId ?? '');
    const r = refunds.get(f.orderId ?? '');
    // A consumption nobody paid is not a transaction at UnionPay yet.
    if (t && t.txnTime === f.txnTime && t.state === 'paid') {
      return respond(res, f, '00', { origRespCode: '00', origRespMsg: 'Success!', queryId: t.queryId!, txnAmt: String(t.amountFen), traceNo: t.traceNo!,
        traceTime: t.traceTime!, settleDate: t.traceTime!.slice(0, 4), currencyCode: '156', txnType: '01', txnSubType: '01' });
    }
    if (r && r.txnTime === f.txnTime) {
      return respond(res, f, '00', { origRespCode: '00', origRespMsg: 'Success!', queryId: r.queryId, txnAmt: String(r.amountFen), origQryId: r.origQryId, txnType: '04', txnSubType: '00' });
    }
    return respond(res, f, '34');
  }

  function refund(res: ServerResponse, f: Record<string, string>) {
    const amountFen = parseFen(f.txnAmt);
    if (f.txnType !== '04') return respond(res, f, '32');
    if (!/^[0-9A-Za-z]{8,40}$/.test(f.orderId ?? '') || !parseChinaCompact(f.txnTime) || !amountFen || !f.origQryId || !/^https?:\/\//.test(f.backUrl ?? '')) return respond(res, f, '13');
    if (refunds.has(f.orderId) || trades.has(f.orderId)) return respond(res, f, '12');
    const t = [...trades.values()].find((x) => x.queryId === f.origQryId);
    if (t?.state !== 'paid') return respond(res, f, '35');
    if (t.refundedFen + amountFen > t.amountFen) return respond(res, f, '33');
    const r: UnionpaySimRefund = { orderId: f.orderId, txnTime: f.txnTime, origQryId: f.origQryId, amountFen, queryId: `${chinaCompact(new Date())}${randomDigits(7)}` };
    refunds.set(r.orderId, r);
    t.refundedFen += amountFen;
    // 受理成功; the refund itself completes at once here (the real one may take a while: hence the query).
    return respond(res, f, '00', { queryId: r.queryId, origQryId: r.origQryId, txnAmt: String(amountFen) });
  }

  const server = await startSandboxServer(async (req, res, url, body) => {
    if (url.pathname.startsWith('/cashier/')) {
      return serveCashier(req, res, url, body, {
        gateway: '银联在线支付', merchant: opts.merchantName ?? '订货演示商户',
        find: (no) => {
          const t = current(no);
          return t && { amountFen: t.amountFen, description: t.description, state: t.state };
        },
        pay,
        // A payer who gives up is no transaction: nothing to notify.
        cancel: async (no) => { trades.get(no)!.state = 'closed'; },
        returnUrl: (no) => trades.get(no)!.frontUrl,
      });
    }
    if (url.pathname === '/sandbox/refund-notify') return sendText(res, 200, 'text/plain', 'ok');
    const f: Record<string, string> = { ...Object.fromEntries(url.searchParams), ...Object.fromEntries(new URLSearchParams(body)) };
    const endpoint = url.pathname.replace(/^\/gateway\/api\//, '');
    if (endpoint === 'frontTransReq.do') return authProblem(f) ? errorPage(res, '11') : frontTrans(res, f);
    if (req.method !== 'POST' || !['queryTrans.do', 'backTransReq.do'].includes(endpoint)) return sendText(res, 404, 'text/plain', 'not found');
    if (authProblem(f)) return respond(res, f, '11');
    return endpoint === 'queryTrans.do' ? queryTrans(res, f) : refund(res, f);
  }, opts.port);

  return {
    url: server.url,
    adapterConfig: {
      gatewayUrl: `${server.url}/gateway/api`, merId, certId, signPrivateKey: merchant.privateKey, unionpayPublicKey: unionpay.publicKey,
      refundNotifyUrl: `${server.url}/sandbox/refund-notify`,
    },
    trades, refunds, callbacks, pay, notify, close: server.close,
  };
}
